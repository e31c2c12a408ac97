// The window's keyboard shortcuts: one keydown listener for the whole window, dispatching to the
// handler each part of the page registers for a shortcut of the one list (shared/shortcuts.ts).
// An open dialog has the keyboard: nothing here fires while one is open.
import { useEffect } from 'react';
import { SHORTCUTS, shortcutText, type ShortcutId } from '../shared/shortcuts';
import { focusFilter, openDialog } from './stores/ui';

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** A shortcut as the user reads it on this platform ("Ctrl+I", "⌘I"). */
export function keysText(id: ShortcutId, key?: string): string {
  return shortcutText(id, isMac, key);
}

type Handler = (key: string) => void;
const handlers = new Map<ShortcutId, Handler>();

function onKey(event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
  if (document.querySelector('dialog[open]')) return;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const found = SHORTCUTS.find((s) => s.mod && s.keys.includes(key));
  const handler = found && handlers.get(found.id);
  if (!handler) return;
  event.preventDefault();
  handler(key);
}

/** Binds a shortcut of the list to a handler while the component is mounted. */
export function useShortcut(id: ShortcutId, handler: Handler): void {
  useEffect(() => {
    handlers.set(id, handler);
    return () => {
      if (handlers.get(id) === handler) handlers.delete(id);
    };
  }, [id, handler]);
}

const openImport = (): void => {
  openDialog('import');
};
const openSettings = (): void => {
  openDialog('settings');
};

/** The one window listener and the window-wide shortcuts (App mounts it once). */
export function useShortcuts(): void {
  useShortcut('import', openImport);
  useShortcut('settings', openSettings);
  useShortcut('filter', focusFilter);
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
