// What this person must supply before a trigger of a folder workspace can fire, with the action right
// there: the webhook token (paste the trigger's URL or cURL: the folder holds no token unless the
// team turned sharing on) or the value of a keychain reference (a key, a secret header or variable).
// Values are read from uncontrolled password fields and cleared the moment they are sent.
import { useId, useRef, useState, type ReactNode } from 'react';
import type { FolderNeed } from '../../../shared/folder-model';
import type { Trigger } from '../../../shared/model';
import { errorText } from '../../bridge';
import { needsOf, setFolderSecret, supplyToken, useFolders } from '../../stores/folders';
import { showToast } from '../../stores/toasts';
import { PasteForm } from '../../ui/PasteForm';
import { useShallow } from 'zustand/react/shallow';
import './folders.css';

const WHAT: Record<Exclude<FolderNeed['kind'], 'token'>, { noun: string; button: string }> = {
  key: { noun: 'key', button: 'Set key' },
  header: { noun: 'secret header value', button: 'Set value' },
  variable: { noun: 'secret variable value', button: 'Set value' },
};

// One need: what is missing, then its button or the open paste form, then any error.
function NeedRow({ text, action, error }: { text: ReactNode; action: ReactNode; error: string | null }): ReactNode {
  return (
    <li className="folder-need">
      <span className="folder-need-text">{text}</span>
      {action}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </li>
  );
}

function TokenNeed({ trigger }: { trigger: Trigger }): ReactNode {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const send = async (): Promise<void> => {
    const text = field.current?.value.trim() ?? '';
    if (field.current) field.current.value = '';
    if (text === '') {
      setError('Paste the trigger’s webhook URL, or Harness’s “Copy as cURL”.');
      return;
    }
    setBusy(true);
    const reply = await supplyToken(trigger.id, text);
    setBusy(false);
    if (!reply.ok) setError(errorText(reply.error));
    else {
      setEditing(false);
      setError(null);
      showToast(`Webhook token kept in your keychain for “${trigger.name}”.`);
    }
  };
  return (
    <NeedRow
      text={
        <>
          <strong>Needs the webhook token:</strong> paste the trigger’s URL or cURL (this folder does not share tokens).
        </>
      }
      error={error}
      action={
        editing ? (
          <PasteForm
            className="folder-need-form"
            fieldId={id}
            label="The trigger’s webhook URL or cURL"
            hideLabel
            field={
              <textarea
                id={id}
                ref={field}
                rows={2}
                autoFocus
                spellCheck={false}
                className="mono"
                placeholder="https://app.harness.io/gateway/pipeline/api/webhook/custom/…/v3?… or curl -X POST …"
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    e.stopPropagation(); // here Ctrl+Enter sends the paste, not a fire
                    void send();
                  }
                }}
              />
            }
            submitLabel="Use it"
            busy={busy}
            onSubmit={() => void send()}
            onCancel={() => {
              setEditing(false);
              setError(null);
            }}
          />
        ) : (
          <button
            type="button"
            className="small primary"
            onClick={() => {
              setEditing(true);
            }}
          >
            Paste URL or cURL
          </button>
        )
      }
    />
  );
}

function SecretNeed({ trigger, need }: { trigger: Trigger; need: FolderNeed }): ReactNode {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  const what = WHAT[need.kind === 'token' ? 'key' : need.kind];
  const ref = need.ref ?? '';
  const send = async (): Promise<void> => {
    const value = field.current?.value.trim() ?? '';
    if (field.current) field.current.value = ''; // the value leaves the page at once
    if (value === '') {
      setError(`Paste the ${what.noun} first.`);
      return;
    }
    setBusy(true);
    const reply = await setFolderSecret(trigger.workspaceId, ref, value);
    setBusy(false);
    if (!reply.ok) setError(`${errorText(reply.error)} Paste it again.`);
    else {
      setEditing(false);
      setError(null);
      showToast(`“${ref}” is kept in your keychain.`);
    }
  };
  return (
    <NeedRow
      text={
        <>
          <strong>
            Needs {what.noun} <code>{ref}</code>:
          </strong>{' '}
          the folder names it; its value stays in each person’s keychain.
        </>
      }
      error={error}
      action={
        editing ? (
          <PasteForm
            className="folder-need-form"
            fieldId={id}
            label={`Value of ${ref}`}
            hideLabel
            field={<input id={id} ref={field} type="password" autoComplete="off" spellCheck={false} autoFocus />}
            submitLabel="Save to keychain"
            busy={busy}
            onSubmit={() => void send()}
            onCancel={() => {
              setEditing(false);
              setError(null);
            }}
          />
        ) : (
          <button
            type="button"
            className="small primary"
            aria-label={`${what.button} ${ref}`}
            onClick={() => {
              setEditing(true);
            }}
          >
            {what.button}
          </button>
        )
      }
    />
  );
}

export function FolderNeeds({ trigger }: { trigger: Trigger }): ReactNode {
  const needs = useFolders(useShallow((s) => needsOf(s, trigger)));
  if (needs.length === 0) return null;
  return (
    <section className="panel folder-needs" aria-label="Needed before this trigger can fire">
      <ul>
        {needs.map((n) =>
          n.kind === 'token' ? (
            <TokenNeed key="token" trigger={trigger} />
          ) : (
            <SecretNeed key={`${n.kind}:${n.ref ?? ''}`} trigger={trigger} need={n} />
          ),
        )}
      </ul>
    </section>
  );
}
