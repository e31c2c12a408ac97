// The trigger's name with rename, duplicate, copy as cURL (CurlMenu) and delete (with Undo).
import { useState, type ReactNode } from 'react';
import type { Trigger, Workspace } from '../../../shared/model';
import { CopyIcon, PencilIcon, TrashIcon } from '../../ui/icons';
import { InlineEdit } from '../../ui/InlineEdit';
import { deleteTrigger, duplicateTrigger, renameTrigger } from '../../stores/workspaces';
import { CurlMenu } from './CurlMenu';

export function TriggerHeader({
  trigger,
  workspace,
}: {
  trigger: Trigger;
  workspace: Workspace | undefined;
}): ReactNode {
  const [renaming, setRenaming] = useState(false);

  return (
    <header className="trigger-head">
      <div className="trigger-title">
        <span className="muted small-text">{workspace?.name ?? ''}</span>
        {renaming ? (
          <InlineEdit
            label={`New name for trigger ${trigger.name}`}
            initial={trigger.name}
            onSave={(name) => renameTrigger(trigger.id, name)}
            onDone={() => {
              setRenaming(false);
            }}
          />
        ) : (
          <h2
            onDoubleClick={() => {
              setRenaming(true);
            }}
          >
            {trigger.name}
          </h2>
        )}
      </div>
      <div className="toolbar-group" role="toolbar" aria-label="Trigger actions">
        <button
          type="button"
          className="small"
          onClick={() => {
            setRenaming(true);
          }}
          aria-label={`Rename trigger ${trigger.name}`}
        >
          <PencilIcon /> Rename
        </button>
        <button
          type="button"
          className="small"
          onClick={() => void duplicateTrigger(trigger)}
          aria-label={`Duplicate trigger ${trigger.name}`}
        >
          <CopyIcon /> Duplicate
        </button>
        <CurlMenu trigger={trigger} />
        <button
          type="button"
          className="small danger-text"
          onClick={() => void deleteTrigger(trigger)}
          aria-label={`Delete trigger ${trigger.name}`}
        >
          <TrashIcon /> Delete
        </button>
      </div>
    </header>
  );
}
