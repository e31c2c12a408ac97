// Loads what the first screen needs and keeps it fresh from the backend's pushed events.
import type { Reply } from '../shared/errors';
import { desk, errorText } from './bridge';
import { applyTheme } from './theme';
import { loadAppInfo, loadSettings, setLoadError, setVaultStatus, useSettings } from './stores/settings';
import { loadDesk, reloadTriggers, reloadWorkspaces } from './stores/workspaces';

type Scope = 'workspaces' | 'triggers' | 'settings';

const reloaders: Record<Scope, () => Promise<Reply<unknown>>> = {
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
  pending.set(
    scope,
    setTimeout(() => {
      pending.delete(scope);
      void reloaders[scope]().then((reply) => {
        if (!reply.ok) setLoadError(`Could not reload ${scope}: ${errorText(reply.error)}`);
      });
    }, 50),
  );
}

let started = false;

export async function start(): Promise<void> {
  if (started) return;
  started = true;
  useSettings.subscribe((state, previous) => {
    if (state.settings && state.settings.theme !== previous.settings?.theme) applyTheme(state.settings.theme);
  });
  desk.on('data:changed', ({ scope }) => {
    scheduleReload(scope);
  });
  desk.on('vault:status', setVaultStatus);
  const replies = await Promise.all([loadAppInfo(), loadSettings(), loadDesk()]);
  const failure = replies.map((reply) => (reply.ok ? null : reply.error)).find((error) => error !== null);
  if (failure) setLoadError(`Trigger Desk could not load: ${errorText(failure)}`);
  else useSettings.setState({ loadError: null });
  // Fetch the dialogs' code while idle so Ctrl+I and Ctrl+, open at once.
  requestIdleCallback(() => {
    void import('./features/import/ImportDialog');
    void import('./features/settings/SettingsDialog');
  });
}
