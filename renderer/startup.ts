// Loads what the first screen needs and keeps it fresh from the backend's pushed events.
import { desk, errorText } from './bridge';
import { applyTheme } from './theme';
import { loadAppInfo, loadSettings, setLoadError, setVaultStatus, useSettings } from './stores/settings';
import { loadDesk, reloadTriggers, reloadWorkspaces } from './stores/workspaces';

type Scope = 'workspaces' | 'triggers' | 'settings';

const reloaders: Record<Scope, () => Promise<void>> = {
  workspaces: reloadWorkspaces,
  triggers: reloadTriggers,
  settings: loadSettings,
};

// Bursts of changes (a payload saved as the user types, a restore touching several scopes)
// coalesce into one reload per scope.
const pending = new Map<Scope, ReturnType<typeof setTimeout>>();
function scheduleReload(scope: Scope): void {
  const timer = pending.get(scope);
  if (timer) clearTimeout(timer);
  pending.set(scope, setTimeout(() => {
    pending.delete(scope);
    reloaders[scope]().catch((error: unknown) => { setLoadError(`Could not reload ${scope}: ${errorText(error)}`); });
  }, 50));
}

let started = false;

export async function start(): Promise<void> {
  if (started) return;
  started = true;
  useSettings.subscribe((state, previous) => {
    if (state.settings && state.settings.theme !== previous.settings?.theme) applyTheme(state.settings.theme);
  });
  desk.on('data:changed', ({ scope }) => { scheduleReload(scope); });
  desk.on('vault:status', setVaultStatus);
  try {
    await Promise.all([loadAppInfo(), loadSettings(), loadDesk()]);
    useSettings.setState({ loadError: null });
  } catch (error) {
    setLoadError(`Trigger Desk could not load: ${errorText(error)}`);
  }
  // Fetch the dialogs' code while idle so Ctrl+I and Ctrl+, open at once.
  requestIdleCallback(() => {
    void import('./features/import/ImportDialog');
    void import('./features/settings/SettingsDialog');
  });
}
