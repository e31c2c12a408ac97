// Window-wide keyboard shortcuts. Ctrl/Cmd+Enter (fire) lives with the Fire button, which owns
// the confirmation steps; Delete lives on the trigger rows.
import { useEffect } from 'react';
import { focusFilter, openDialog } from './stores/ui';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (document.querySelector('dialog[open]')) return; // the open dialog has the keyboard
      const key = event.key.toLowerCase();
      if (key === 'i' && !event.shiftKey) openDialog('import');
      else if (key === ',') openDialog('settings');
      else if (key === 'k') focusFilter();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); };
  }, []);
}
