// Fire button, Ctrl/Cmd+Enter, and the production switch. Fire is disabled while a variable has
// no value or the body is over 10 MB (the reason is shown beside it); a body that is not JSON
// can still go, through "Send anyway…" and its confirmation.
import { useId, type ReactNode } from 'react';
import type { Trigger } from '../../../shared/model';
import { ariaShortcut } from '../../../shared/shortcuts';
import { keysText, useShortcut } from '../../shortcuts';
import { useComposer } from '../../stores/composer';
import { useFire } from '../../stores/fire';
import { needReason, useFolders } from '../../stores/folders';
import { shownKey, usePayloads } from '../../stores/payloads';
import { setProduction } from '../../stores/workspaces';
import { SendIcon } from '../../ui/icons';
import { fireCheck, type FireCheck } from './fire-check';
import { useFireFlow } from './useFireFlow';

function useFireCheck(trigger: Trigger): FireCheck {
  usePayloads((s) => shownKey(s, trigger));
  const key = useComposer(() => JSON.stringify(fireCheck(trigger)));
  return JSON.parse(key) as FireCheck;
}

export function FireBar({ trigger }: { trigger: Trigger }): ReactNode {
  const running = useFire((s) => Boolean(s.running[trigger.id]));
  const { request, dialog, blocked: refused } = useFireFlow(trigger);
  const composerCheck = useFireCheck(trigger);
  // A folder workspace's trigger missing its token or a keychain value here cannot fire.
  const needs = useFolders((s) => needReason(s, trigger));
  const check = needs ? { ...composerCheck, blocked: needs } : composerCheck;
  const reasonId = useId();
  const reason = check.blocked ?? check.notJson ?? refused;

  useShortcut('fire', request);

  return (
    <div className="fire-bar">
      <button
        type="button"
        className="primary fire-button"
        onClick={request}
        disabled={running || check.blocked !== null || check.notJson !== null}
        aria-keyshortcuts={ariaShortcut('fire')}
        aria-describedby={reason ? reasonId : undefined}
      >
        <SendIcon /> {running ? 'Sending…' : 'Fire'} <kbd>{keysText('fire')}</kbd>
      </button>
      {check.blocked === null && check.notJson !== null && (
        <button type="button" className="small" onClick={request} disabled={running}>
          Send anyway…
        </button>
      )}
      {reason && (
        <span
          id={reasonId}
          className={check.blocked || refused ? 'fire-reason blocked' : 'fire-reason'}
          role="status"
          data-testid="fire-reason"
        >
          {reason}
        </span>
      )}
      <label className="switch">
        <input
          type="checkbox"
          checked={trigger.production}
          onChange={(e) => void setProduction(trigger.id, e.target.checked)}
        />
        Production (type the name before each fire)
      </label>
      {dialog}
    </div>
  );
}
