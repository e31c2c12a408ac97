// Every keyboard shortcut of the window, in one list: the page binds them through one listener
// (renderer/shortcuts.ts); the welcome screen, the buttons' hints and the menus read them here.

export type ShortcutId = 'fire' | 'import' | 'filter' | 'settings' | 'view' | 'delete-trigger';

export interface Shortcut {
  id: ShortcutId;
  /** KeyboardEvent.key values (letters in lower case) that trigger it. */
  keys: readonly string[];
  /** Pressed with Ctrl (Cmd on macOS). Without: it belongs to the focused element (a trigger row). */
  mod: boolean;
  /** How the key is written in a hint ("Enter", "1…9"). */
  label: string;
  /** What it does, in plain words. */
  what: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'fire', keys: ['Enter'], mod: true, label: 'Enter', what: 'Fire the open trigger' },
  { id: 'import', keys: ['i'], mod: true, label: 'I', what: 'Import from cURL or URL' },
  { id: 'filter', keys: ['k'], mod: true, label: 'K', what: 'Filter triggers' },
  { id: 'settings', keys: [','], mod: true, label: ',', what: 'Settings' },
  {
    id: 'view',
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    mod: true,
    label: '1…9',
    what: 'Switch view (in the order of the tabs)',
  },
  {
    id: 'delete-trigger',
    keys: ['Delete'],
    mod: false,
    label: 'Delete',
    what: 'Delete the focused trigger (undo in the notice)',
  },
];

export function shortcut(id: ShortcutId): Shortcut {
  const found = SHORTCUTS.find((s) => s.id === id);
  if (!found) throw new Error(`No shortcut "${id}".`);
  return found;
}

/** As shown to the user: "Ctrl+Enter", or "⌘↵" on macOS. */
export function shortcutText(id: ShortcutId, mac: boolean, key = shortcut(id).label): string {
  if (!shortcut(id).mod) return key;
  return mac ? `⌘${key === 'Enter' ? '↵' : key}` : `Ctrl+${key}`;
}

/** The aria-keyshortcuts value for one of its keys: "Control+Enter Meta+Enter". */
export function ariaShortcut(id: ShortcutId, key = shortcut(id).keys[0] ?? ''): string {
  const name = key.length === 1 ? key.toUpperCase() : key;
  return shortcut(id).mod ? `Control+${name} Meta+${name}` : name;
}
