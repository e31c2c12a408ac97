// A workspace heading (rename, delete with Undo) and its triggers as a list.
import { useId, useState, type ReactNode } from 'react';
import type { Trigger, Workspace } from '../../../shared/model';
import { InlineEdit } from '../../ui/InlineEdit';
import { FolderIcon, PencilIcon, TrashIcon } from '../../ui/icons';
import { FolderLine } from '../folders/FolderLine';
import { SaveFolderDialog } from '../folders/FolderDialogs';
import { deleteWorkspace, renameWorkspace } from '../../stores/workspaces';
import { TriggerRow } from './TriggerRow';

interface GroupProps {
  workspace: Workspace;
  triggers: Trigger[];
  selectedId: string | null;
  /** The one trigger row reached by Tab (roving tabindex). */
  tabStopId: string | null;
  filtering: boolean;
}

export function WorkspaceGroup({ workspace, triggers, selectedId, tabStopId, filtering }: GroupProps): ReactNode {
  const [renaming, setRenaming] = useState(false);
  const [saving, setSaving] = useState(false);
  const headingId = useId();
  return (
    <section className="workspace" aria-labelledby={headingId}>
      <div className="workspace-head">
        {renaming ? (
          <InlineEdit
            label={`New name for workspace ${workspace.name}`}
            initial={workspace.name}
            onSave={(name) => renameWorkspace(workspace.id, name)}
            onDone={() => {
              setRenaming(false);
            }}
          />
        ) : (
          <h2
            id={headingId}
            className="workspace-name"
            onDoubleClick={() => {
              setRenaming(true);
            }}
          >
            {workspace.name}
            {workspace.kind === 'sandbox' && !/sandbox/i.test(workspace.name) && <span className="badge">sandbox</span>}
          </h2>
        )}
        {!renaming && (
          <span className="workspace-tools">
            <button
              type="button"
              className="icon-button"
              aria-label={`Rename workspace ${workspace.name}`}
              title="Rename"
              onClick={() => {
                setRenaming(true);
              }}
            >
              <PencilIcon />
            </button>
            {workspace.folder === undefined && (
              <button
                type="button"
                className="icon-button"
                aria-label={`Save workspace ${workspace.name} to folder…`}
                title="Save workspace to folder…"
                onClick={() => {
                  setSaving(true);
                }}
              >
                <FolderIcon />
              </button>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete workspace ${workspace.name}`}
              title="Delete (can be undone)"
              onClick={() => void deleteWorkspace(workspace)}
            >
              <TrashIcon />
            </button>
          </span>
        )}
      </div>
      {workspace.folder !== undefined && <FolderLine workspace={workspace} />}
      {saving && (
        <SaveFolderDialog
          workspace={workspace}
          onClose={() => {
            setSaving(false);
          }}
        />
      )}
      {triggers.length > 0 ? (
        <ul className="trigger-list" aria-label={`Triggers in ${workspace.name}`}>
          {triggers.map((t) => (
            <TriggerRow key={t.id} trigger={t} selected={t.id === selectedId} tabStop={t.id === tabStopId} />
          ))}
        </ul>
      ) : (
        <p className="muted small-text">
          {filtering ? 'No trigger matches the filter.' : 'No triggers yet: import one with Ctrl+I.'}
        </p>
      )}
    </section>
  );
}
