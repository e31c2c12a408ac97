// Fire button, Ctrl/Cmd+Enter, and the production switch.
import { useEffect, type ReactNode } from 'react';
import type { Trigger } from '../../../shared/model';
import { useFire } from '../../stores/fire';
import { showError } from '../../stores/toasts';
import { setProduction } from '../../stores/workspaces';
import { SendIcon } from '../../ui/icons';
import { useFireFlow } from './useFireFlow';

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
export const FIRE_SHORTCUT = isMac ? '⌘↵' : 'Ctrl+Enter';

export function FireBar({ trigger }: { trigger: Trigger }): ReactNode {
  const running = useFire((s) => Boolean(s.running[trigger.id]));
  const { request, dialog } = useFireFlow(trigger);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      if (document.querySelector('dialog[open]')) return; // a dialog has the keyboard
      event.preventDefault();
      request();
    };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); };
  }, [request]);

  return (
    <div className="fire-bar">
      <button type="button" className="primary fire-button" onClick={request} disabled={running} aria-keyshortcuts="Control+Enter Meta+Enter">
        <SendIcon /> {running ? 'Sending…' : 'Fire'} <kbd>{FIRE_SHORTCUT}</kbd>
      </button>
      <label className="switch">
        <input
          type="checkbox"
          checked={trigger.production}
          onChange={(e) => { setProduction(trigger.id, e.target.checked).catch((err: unknown) => { showError(err, 'Could not change the production mark'); }); }}
        />
        Production (type the name before each fire)
      </label>
      {dialog}
    </div>
  );
}
