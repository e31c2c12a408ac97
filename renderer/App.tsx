// The window: app bar with the view tabs, banners, then the view (Triggers: sidebar | trigger |
// result; the others lazy-loaded), toasts and the open dialog.
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { LoadErrorBanner, VaultBanner } from './features/banners/VaultBanner';
import { NoticesPanel } from './features/banners/NoticesPanel';
import { ResultPane } from './features/result/ResultPane';
import { Sidebar } from './features/sidebar/Sidebar';
import { TriggerView } from './features/trigger/TriggerView';
import { ariaShortcut } from '../shared/shortcuts';
import { keysText, useShortcuts } from './shortcuts';
import { start } from './startup';
import { openDialog, useUi, type ViewName } from './stores/ui';
import { GearIcon, ImportIcon } from './ui/icons';
import { Toasts } from './ui/Toasts';
import { ViewErrorBoundary } from './ui/ViewErrorBoundary';
import { panelId, tabId, VIEW_TABS, ViewTabs } from './ui/ViewTabs';
import { useWatchFeed } from './stores/watch';
import { deskMode } from './stores/settings';

const ImportDialog = lazy(() => import('./features/import/ImportDialog'));
const SettingsDialog = lazy(() => import('./features/settings/SettingsDialog'));
const HistoryView = lazy(() => import('./features/history/HistoryView'));
const InspectorView = lazy(() => import('./features/inspector/InspectorView'));
const ConditionsView = lazy(() => import('./features/conditions/ConditionsView'));
const ChainsView = lazy(() => import('./features/chains/ChainsView'));
const AccountView = lazy(() => import('./features/account/AccountView'));

function ViewPanel({ name, children }: { name: ViewName; children: ReactNode }): ReactNode {
  const label = VIEW_TABS.find((t) => t.name === name)?.label ?? name;
  return (
    <div className="view-panel" role="tabpanel" id={panelId(name)} aria-labelledby={tabId(name)}>
      <ViewErrorBoundary label={label}>{children}</ViewErrorBoundary>
    </div>
  );
}

export function App(): ReactNode {
  const dialog = useUi((s) => s.dialog);
  const view = useUi((s) => s.view);
  useShortcuts();
  useWatchFeed();
  useEffect(() => {
    void start();
  }, []);
  return (
    <div className="app">
      <header className="app-bar">
        <h1 className="app-name">Trigger Desk</h1>
        <ViewTabs tabs={VIEW_TABS} />
        {deskMode === 'web' && (
          <span className="badge" title="Running in the browser against the local web host">
            browser mode
          </span>
        )}
        <span className="spacer" />
        <button
          type="button"
          onClick={() => {
            openDialog('import');
          }}
          aria-keyshortcuts={ariaShortcut('import')}
        >
          <ImportIcon /> Import <kbd>{keysText('import')}</kbd>
        </button>
        <button
          type="button"
          onClick={() => {
            openDialog('settings');
          }}
          aria-keyshortcuts={ariaShortcut('settings')}
          aria-label="Settings"
        >
          <GearIcon /> <kbd>{keysText('settings')}</kbd>
        </button>
      </header>
      <VaultBanner />
      <LoadErrorBanner />
      <NoticesPanel />
      {view === 'triggers' && (
        <ViewPanel name="triggers">
          <div className="panes">
            <Sidebar />
            <TriggerView />
            <ResultPane />
          </div>
        </ViewPanel>
      )}
      <Suspense fallback={null}>
        {view === 'history' && (
          <ViewPanel name="history">
            <HistoryView />
          </ViewPanel>
        )}
        {view === 'inspector' && (
          <ViewPanel name="inspector">
            <InspectorView />
          </ViewPanel>
        )}
        {view === 'conditions' && (
          <ViewPanel name="conditions">
            <ConditionsView />
          </ViewPanel>
        )}
        {view === 'chains' && (
          <ViewPanel name="chains">
            <ChainsView />
          </ViewPanel>
        )}
        {view === 'account' && (
          <ViewPanel name="account">
            <AccountView />
          </ViewPanel>
        )}
      </Suspense>
      <Toasts />
      <Suspense fallback={null}>
        {dialog === 'import' && <ImportDialog />}
        {dialog === 'settings' && <SettingsDialog />}
      </Suspense>
    </div>
  );
}
