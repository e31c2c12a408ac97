// Settings: timeouts, proxy (its password in the vault), certificates, theme.
// The only entry from outside this folder (a lint rule holds it).
export { createSettingsService } from './settings';
export type { SettingsService } from './settings';
