// The Account view (Ctrl/Cmd+6): a workspace's Harness account. On the left the connection (base URL,
// account, key) and what the key may do; on the right the browser, org → project → pipelines and
// their custom webhook triggers, with import and refresh (docs/ARCHITECTURE.md, "Harness account").
import { useEffect, type ReactNode } from 'react';
import { openAccount, useAccount } from '../../stores/account';
import { useDesk } from '../../stores/workspaces';
import { WorkspacePicker } from '../../ui/WorkspacePicker';
import { AccountBrowser } from './AccountBrowser';
import { ConnectionPanel } from './ConnectionPanel';
import './account.css';

export default function AccountView(): ReactNode {
  const workspaces = useDesk((s) => s.workspaces);
  const selectedWorkspace = useDesk((s) => s.triggers.find((t) => t.id === s.selectedId)?.workspaceId);
  const workspaceId = useAccount((s) => s.workspaceId);
  const connection = useAccount((s) => s.connection);

  // Opens on the workspace of the open trigger, else the first user workspace, else the first.
  useEffect(() => {
    if (workspaceId !== null && workspaces.some((w) => w.id === workspaceId)) return;
    const first =
      workspaces.find((w) => w.id === selectedWorkspace) ?? workspaces.find((w) => w.kind === 'user') ?? workspaces[0];
    if (first) void openAccount(first.id);
  }, [workspaceId, workspaces, selectedWorkspace]);

  return (
    <div className="account-view">
      <div className="account-toolbar">
        <WorkspacePicker
          viewFocus
          value={workspaceId}
          onChange={(id) => {
            void openAccount(id);
          }}
        />
        <span className="muted small-text">
          Each workspace connects to one Harness account; its triggers can be imported from there.
        </span>
      </div>
      <main className="account-body" aria-label="Harness account">
        {workspaceId !== null && connection !== undefined ? <ConnectionPanel key={workspaceId} /> : <div />}
        <AccountBrowser />
      </main>
    </div>
  );
}
