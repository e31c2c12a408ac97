// Import a trigger: paste a cURL command, or fill in URL + key. Loaded lazily (it carries the
// cURL parser), so the first screen stays small.
import { useId, useState, type ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog';
import { closeDialog } from '../../stores/ui';
import { selectedTrigger, useDesk } from '../../stores/workspaces';
import { CurlTab } from './CurlTab';
import { UrlKeyTab } from './UrlKeyTab';

type Tab = 'curl' | 'url';

export default function ImportDialog(): ReactNode {
  const workspaces = useDesk((s) => s.workspaces);
  const current = useDesk((s) => selectedTrigger(s)?.workspaceId);
  const fallback = workspaces.find((w) => w.kind === 'user') ?? workspaces[0];
  const [workspaceId, setWorkspaceId] = useState(current ?? fallback?.id ?? '');
  const [tab, setTab] = useState<Tab>('curl');
  const ids = { ws: useId(), curl: useId(), url: useId() };

  const tabButton = (name: Tab, label: string): ReactNode => (
    <button
      type="button"
      role="tab"
      id={`${ids[name]}-tab`}
      aria-selected={tab === name}
      aria-controls={`${ids[name]}-panel`}
      tabIndex={tab === name ? 0 : -1}
      className="tab"
      onClick={() => {
        setTab(name);
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          e.preventDefault();
          const next = name === 'curl' ? 'url' : 'curl';
          setTab(next);
          document.getElementById(`${ids[next]}-tab`)?.focus();
        }
      }}
    >
      {label}
    </button>
  );

  return (
    <Dialog title="Import a trigger" onClose={closeDialog} className="dialog-wide">
      <div className="dialog-body">
        <div className="field field-inline">
          <label htmlFor={ids.ws}>Workspace</label>
          <select
            id={ids.ws}
            value={workspaceId}
            onChange={(e) => {
              setWorkspaceId(e.target.value);
            }}
          >
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div role="tablist" aria-label="How to import" className="tabs">
          {tabButton('curl', 'Paste cURL')}
          {tabButton('url', 'URL + key')}
        </div>
        <div role="tabpanel" id={`${ids[tab]}-panel`} aria-labelledby={`${ids[tab]}-tab`}>
          {workspaceId === '' ? (
            <p role="alert">Create a workspace first (left column, “New workspace”).</p>
          ) : tab === 'curl' ? (
            <CurlTab workspaceId={workspaceId} onDone={closeDialog} />
          ) : (
            <UrlKeyTab workspaceId={workspaceId} onDone={closeDialog} />
          )}
        </div>
      </div>
    </Dialog>
  );
}
