// The trigger's API key: only its label and last four characters are ever shown. Set/Replace
// reads an uncontrolled password field (so the key is never mirrored into a DOM attribute) and
// clears it the moment the key is sent.
import { useId, useRef, useState, type ReactNode } from 'react';
import type { Trigger } from '../../../shared/model';
import { errorText } from '../../bridge';
import { keyProblem } from '../../key-check';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PasteForm } from '../../ui/PasteForm';
import { useSettings } from '../../stores/settings';
import { setTriggerKey } from '../../stores/workspaces';
import { showToast } from '../../stores/toasts';

export function KeyEditor({ trigger }: { trigger: Trigger }): ReactNode {
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();
  const vault = useSettings((s) => s.vault);
  const where = vault?.kind === 'session' ? 'kept for this session only' : 'kept in the OS keychain';

  const save = async (): Promise<void> => {
    const field = input.current;
    if (!field) return;
    const key = field.value.trim();
    field.value = ''; // the key leaves the page at once, whatever happens next
    const problem = keyProblem(key);
    if (problem) {
      setError(problem);
      field.focus();
      return;
    }
    setBusy(true);
    const reply = await setTriggerKey(trigger.id, key);
    setBusy(false);
    if (!reply.ok) {
      setError(`${errorText(reply.error)} Paste the key again.`);
      return;
    }
    setEditing(false);
    setError(null);
    showToast(`API key …${reply.value.key?.last4 ?? ''} saved for “${trigger.name}”.`);
  };

  return (
    <section className="panel key-panel" aria-labelledby="key-heading">
      <div className="panel-head">
        <h3 id="key-heading">API key</h3>
        <span className="key-state" data-testid="key-state">
          {trigger.key?.last4 === '' ? (
            // A folder workspace names the key; this person has not put its value in the keychain yet.
            <>
              Named <code>{trigger.key.label}</code> by the folder; not in your keychain yet.
            </>
          ) : trigger.key ? (
            <>
              <code>…{trigger.key.last4}</code> ({trigger.key.label}), {where}
            </>
          ) : (
            'No API key (needed only where the project mandates authorization).'
          )}
        </span>
        {!editing && (
          <span className="panel-tools">
            <button
              type="button"
              className="small"
              onClick={() => {
                setEditing(true);
                setError(null);
              }}
            >
              {trigger.key ? 'Replace key' : 'Set key'}
            </button>
            {trigger.key && (
              <button
                type="button"
                className="small"
                onClick={() => {
                  setRemoving(true);
                }}
              >
                Remove key
              </button>
            )}
          </span>
        )}
      </div>
      {editing && (
        <PasteForm
          className="key-form"
          fieldId={inputId}
          label={trigger.key ? 'New API key' : 'API key'}
          field={
            <input
              id={inputId}
              ref={input}
              type="password"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              placeholder="pat.… or sat.…"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
          }
          submitLabel="Save key"
          busy={busy}
          onSubmit={() => void save()}
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
        >
          {error && (
            <p id={errorId} role="alert" className="field-error">
              {error}
            </p>
          )}
        </PasteForm>
      )}
      {!editing && error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {removing && trigger.key && (
        <ConfirmDialog
          title="Remove the API key?"
          confirmLabel="Remove key"
          danger
          onCancel={() => {
            setRemoving(false);
          }}
          onConfirm={() => {
            setRemoving(false);
            void setTriggerKey(trigger.id, null).then((reply) => {
              if (reply.ok) showToast(`API key removed from “${trigger.name}”.`);
              else setError(errorText(reply.error));
            });
          }}
        >
          The key ending in …{trigger.key.last4} will be deleted from the keychain. To fire with a key again you will
          have to paste it again.
        </ConfirmDialog>
      )}
    </section>
  );
}
