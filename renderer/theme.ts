// The theme follows the OS (prefers-color-scheme) unless the setting forces light or dark.
import type { Settings } from '../shared/model';

export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
