// Settings and what the app says about itself (version, vault, sandbox, first launch).
import { create } from 'zustand';
import type { AppInfo, Settings, VaultStatus } from '../../shared/model';
import type { Args } from '../../shared/api';
import type { Reply } from '../../shared/errors';
import { desk, request } from '../bridge';

interface SettingsState {
  info: AppInfo | null;
  settings: Settings | null;
  vault: VaultStatus | null;
  loadError: string | null;
}

export const useSettings = create<SettingsState>(() => ({ info: null, settings: null, vault: null, loadError: null }));

/** Electron (the backend copies to the clipboard, opens the browser) or the browser mode. */
export const deskMode: 'electron' | 'web' = desk.mode;

export async function loadAppInfo(): Promise<Reply<AppInfo>> {
  const reply = await request('app:info', {});
  if (reply.ok) useSettings.setState({ info: reply.value, vault: reply.value.vault });
  return reply;
}

export async function loadSettings(): Promise<Reply<Settings>> {
  const reply = await request('settings:get', {});
  if (reply.ok) useSettings.setState({ settings: reply.value });
  return reply;
}

export async function updateSettings(changes: Args<'settings:update'>): Promise<Reply<Settings>> {
  const reply = await request('settings:update', changes);
  if (reply.ok) useSettings.setState({ settings: reply.value });
  return reply;
}

export function setVaultStatus(vault: VaultStatus): void {
  useSettings.setState({ vault });
}

export function setLoadError(message: string): void {
  useSettings.setState({ loadError: message });
}
