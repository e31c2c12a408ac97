// Re-fire: a NEW fire with the entry's payload, after the same confirmation as any fire (a
// production trigger wants its name typed). Nothing is sent until the user confirms.
import { useState, type ReactNode } from 'react';
import type { HistoryEntry } from '../../../shared/watch-model';
import { checkJson } from '../../json-check';
import { openEntry, refire } from '../../stores/history';
import { useFire } from '../../stores/fire';
import { showToast } from '../../stores/toasts';
import { useDesk } from '../../stores/workspaces';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export function RefireButton({ entry }: { entry: HistoryEntry }): ReactNode {
  const trigger = useDesk((s) => s.triggers.find((t) => t.id === entry.triggerId));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!trigger) {
    return (
      <button type="button" disabled title="This trigger was deleted">
        Re-fire (trigger deleted)
      </button>
    );
  }
  if (entry.payloadRedacted) {
    return (
      <button
        type="button"
        disabled
        title="This payload held a secret that the history masked, so it cannot be sent again as it was. Fire the trigger from its editor."
      >
        Re-fire (payload masked)
      </button>
    );
  }
  const json = /json/i.test(trigger.contentType) ? checkJson(entry.payload) : ({ ok: true } as const);
  const send = async (): Promise<void> => {
    setConfirming(false);
    setBusy(true);
    const result = await refire(entry.id);
    setBusy(false);
    if (!result) return;
    // The Triggers view shows this answer and its watch, as after any fire of that trigger.
    useFire.setState((s) => ({ outcomes: { ...s.outcomes, [trigger.id]: { kind: 'result', result } } }));
    showToast(
      result.outcome === 'accepted'
        ? `Fired “${trigger.name}” again: Harness accepted it.`
        : `Fired “${trigger.name}” again: ${result.explanation?.title ?? result.outcome}.`,
    );
    void openEntry(result.id);
  };
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setConfirming(true);
        }}
        disabled={busy}
      >
        {busy ? 'Sending…' : 'Re-fire…'}
      </button>
      {confirming && (
        <ConfirmDialog
          title={trigger.production ? 'Fire a production trigger again?' : `Fire “${trigger.name}” again?`}
          confirmLabel="Fire"
          danger={trigger.production}
          typeToConfirm={trigger.production ? trigger.name : undefined}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => void send()}
        >
          <p>
            This is a new fire at {trigger.parsed.origin}, with the payload recorded on{' '}
            {new Date(entry.at).toLocaleString()} ({entry.request.bodyBytes} bytes).
          </p>
          {trigger.production && <p>“{trigger.name}” is marked production: this starts a real run.</p>}
          {!json.ok && !json.empty && (
            <p>
              The payload is not JSON (line {json.line}, column {json.column}): pipeline expressions will see a raw
              string.
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
