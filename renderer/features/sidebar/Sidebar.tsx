// The left column: filter (Ctrl+K), workspaces with their triggers, and "New workspace".
import { useEffect, useState, type ReactNode } from 'react';
import type { Trigger } from '../../../shared/model';
import { ariaShortcut } from '../../../shared/shortcuts';
import { errorText } from '../../bridge';
import { keysText } from '../../shortcuts';
import { FILTER_INPUT_ID } from '../../stores/ui';
import { createWorkspace, selectTrigger, useDesk } from '../../stores/workspaces';
import { startFolders } from '../../stores/folders';
import { OpenFolderDialog } from '../folders/FolderDialogs';
import { FolderIcon } from '../../ui/icons';
import { WorkspaceGroup } from './WorkspaceGroup';

function matches(trigger: Trigger, needle: string): boolean {
  const p = trigger.parsed;
  return [trigger.name, p.pipelineIdentifier, p.triggerIdentifier, p.projectIdentifier, p.orgIdentifier].some((text) =>
    text?.toLowerCase().includes(needle),
  );
}

function NewWorkspace(): ReactNode {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="new-workspace"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() === '') {
          setError('Give the workspace a name, e.g. “Prod account”.');
          return;
        }
        void createWorkspace(name.trim()).then((reply) => {
          if (reply.ok) {
            setName('');
            setError(null);
          } else setError(errorText(reply.error));
        });
      }}
    >
      <input
        aria-label="New workspace name"
        placeholder="New workspace…"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" aria-label="Create workspace">
        Add
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}

/** A folder of plain files (a git checkout a team shares) opened as a workspace, or imported as a copy. */
function OpenFolder(): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <div className="open-folder">
      <button
        type="button"
        className="small"
        onClick={() => {
          setOpen(true);
        }}
      >
        <FolderIcon /> Open folder as workspace…
      </button>
      {open && (
        <OpenFolderDialog
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}

export function Sidebar(): ReactNode {
  const workspaces = useDesk((s) => s.workspaces);
  const triggers = useDesk((s) => s.triggers);
  const selectedId = useDesk((s) => s.selectedId);
  const loaded = useDesk((s) => s.loaded);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    startFolders();
  }, []);
  const needle = filter.trim().toLowerCase();
  const shown = workspaces.map((ws) => ({
    ws,
    triggers: triggers.filter((t) => t.workspaceId === ws.id && (needle === '' || matches(t, needle))),
  }));
  const visible = shown.flatMap((g) => g.triggers);
  const tabStopId = visible.find((t) => t.id === selectedId)?.id ?? visible[0]?.id ?? null;

  return (
    <aside className="sidebar" aria-label="Workspaces and triggers">
      <div className="sidebar-filter">
        <input
          id={FILTER_INPUT_ID}
          type="search"
          aria-label="Filter triggers"
          aria-keyshortcuts={ariaShortcut('filter')}
          placeholder={`Filter triggers (${keysText('filter')})`}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.querySelector<HTMLButtonElement>('.trigger-row')?.focus();
            } else if (e.key === 'Enter' && visible[0]) {
              // Enter opens the first match, as a quick-open box does; the row takes the focus.
              e.preventDefault();
              selectTrigger(visible[0].id);
              document.querySelector<HTMLButtonElement>('.trigger-row')?.focus();
            }
          }}
        />
      </div>
      <div className="workspaces">
        {!loaded && <p className="muted small-text">Loading…</p>}
        {shown.map(({ ws, triggers: mine }) => (
          <WorkspaceGroup
            key={ws.id}
            workspace={ws}
            triggers={mine}
            selectedId={selectedId}
            tabStopId={tabStopId}
            filtering={needle !== ''}
          />
        ))}
      </div>
      <NewWorkspace />
      <OpenFolder />
    </aside>
  );
}
