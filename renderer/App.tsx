// The window: app bar, banners, then sidebar | trigger | result, toasts and the open dialog.
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { LoadErrorBanner, VaultBanner } from './features/banners/VaultBanner';
import { ResultPane } from './features/result/ResultPane';
import { Sidebar } from './features/sidebar/Sidebar';
import { TriggerView } from './features/trigger/TriggerView';
import { useShortcuts } from './shortcuts';
import { start } from './startup';
import { openDialog, useUi } from './stores/ui';
import { GearIcon, ImportIcon } from './ui/icons';
import { Toasts } from './ui/Toasts';
import { desk } from './bridge';

const ImportDialog = lazy(() => import('./features/import/ImportDialog'));
const SettingsDialog = lazy(() => import('./features/settings/SettingsDialog'));

export function App(): ReactNode {
  const dialog = useUi((s) => s.dialog);
  useShortcuts();
  useEffect(() => { void start(); }, []);
  return (
    <div className="app">
      <header className="app-bar">
        <h1 className="app-name">Trigger Desk</h1>
        {desk.mode === 'web' && <span className="badge" title="Running in the browser against the local web host">browser mode</span>}
        <span className="spacer" />
        <button type="button" onClick={() => { openDialog('import'); }} aria-keyshortcuts="Control+I">
          <ImportIcon /> Import <kbd>Ctrl+I</kbd>
        </button>
        <button type="button" onClick={() => { openDialog('settings'); }} aria-keyshortcuts="Control+," aria-label="Settings">
          <GearIcon /> <kbd>Ctrl+,</kbd>
        </button>
      </header>
      <VaultBanner />
      <LoadErrorBanner />
      <div className="panes">
        <Sidebar />
        <TriggerView />
        <ResultPane />
      </div>
      <Toasts />
      <Suspense fallback={null}>
        {dialog === 'import' && <ImportDialog />}
        {dialog === 'settings' && <SettingsDialog />}
      </Suspense>
    </div>
  );
}
