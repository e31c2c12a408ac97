// One trigger in the sidebar. Delete removes it (with Undo). The whole list is one Tab stop (the
// selected row, else the first): arrow keys, Home and End move along it.
import type { KeyboardEvent, ReactNode } from 'react';
import type { Trigger } from '../../../shared/model';
import { deleteTrigger, selectTrigger } from '../../stores/workspaces';
import { needsOf, useFolders } from '../../stores/folders';
import { RemoteMark } from '../account/RemoteMark';

function moveFocus(event: KeyboardEvent<HTMLButtonElement>, to: 1 | -1 | 'first' | 'last'): void {
  const rows = [...document.querySelectorAll<HTMLButtonElement>('.trigger-row')];
  const index = rows.indexOf(event.currentTarget);
  const next = to === 'first' ? rows[0] : to === 'last' ? rows.at(-1) : rows[index + to];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function TriggerRow({
  trigger,
  selected,
  tabStop,
}: {
  trigger: Trigger;
  selected: boolean;
  tabStop: boolean;
}): ReactNode {
  const detail = [trigger.parsed.form, trigger.parsed.pipelineIdentifier ?? 'any pipeline'].join(' · ');
  const needs = useFolders((s) => needsOf(s, trigger).length);
  return (
    <li>
      <button
        type="button"
        className="trigger-row"
        aria-current={selected ? 'true' : undefined}
        aria-keyshortcuts="Delete"
        tabIndex={tabStop ? 0 : -1}
        onClick={() => {
          selectTrigger(trigger.id);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Delete' || (event.key === 'Backspace' && event.metaKey)) {
            event.preventDefault();
            void deleteTrigger(trigger);
          } else if (event.key === 'ArrowDown') moveFocus(event, 1);
          else if (event.key === 'ArrowUp') moveFocus(event, -1);
          else if (event.key === 'Home') moveFocus(event, 'first');
          else if (event.key === 'End') moveFocus(event, 'last');
        }}
      >
        <span className="trigger-row-name">{trigger.name}</span>
        <span className="trigger-row-detail">
          {detail}
          {needs > 0 && (
            <span
              className="badge badge-need"
              title="Needs its webhook token or a keychain value here before it can fire"
            >
              needs setup
            </span>
          )}
          {trigger.key && trigger.key.last4 !== '' && (
            <span className="badge" title={`API key …${trigger.key.last4}`}>
              key
            </span>
          )}
          {trigger.production && <span className="badge badge-prod">prod</span>}
          {trigger.harness && trigger.harness.state !== 'current' && <RemoteMark state={trigger.harness.state} />}
        </span>
      </button>
    </li>
  );
}
