// Settings and what the app says about itself (version, vault, sandbox, first launch).
import { create } from 'zustand';
import type { AppInfo, Settings, VaultStatus } from '../../shared/model';
import type { Args } from '../../shared/api';
import { call } from '../bridge';

interface SettingsState {
  info: AppInfo | null;
  settings: Settings | null;
  vault: VaultStatus | null;
  loadError: string | null;
}

export const useSettings = create<SettingsState>(() => ({ info: null, settings: null, vault: null, loadError: null }));

export async function loadAppInfo(): Promise<void> {
  const info = await call('app:info', {});
  useSettings.setState({ info, vault: info.vault });
}

export async function loadSettings(): Promise<void> {
  const settings = await call('settings:get', {});
  useSettings.setState({ settings });
}

export async function updateSettings(changes: Args<'settings:update'>): Promise<Settings> {
  const settings = await call('settings:update', changes);
  useSettings.setState({ settings });
  return settings;
}

export function setVaultStatus(vault: VaultStatus): void {
  useSettings.setState({ vault });
}

export function setLoadError(message: string): void {
  useSettings.setState({ loadError: message });
}
