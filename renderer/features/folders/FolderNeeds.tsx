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

// One need: what is missing, its button (which opens the paste form), and any error. `take` reads the
// field and clears it at once; `save` answers an error to show, or null when done.
interface NeedProps {
  text: ReactNode;
  openLabel: string;
  openAriaLabel?: string;
  fieldLabel: string;
  /** The field, given its id and the send action (for a shortcut inside it). */
  field: (id: string, send: () => void) => ReactNode;
  submitLabel: string;
  emptyError: string;
  take: () => string;
  save: (value: string) => Promise<string | null>;
}

function Need(props: NeedProps): ReactNode {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const send = async (): Promise<void> => {
    const value = props.take();
    if (value === '') {
      setError(props.emptyError);
      return;
    }
    setBusy(true);
    const problem = await props.save(value);
    setBusy(false);
    if (problem !== null) setError(problem);
    else {
      setEditing(false);
      setError(null);
    }
  };
  return (
    <li className="folder-need">
      <span className="folder-need-text">{props.text}</span>
      {editing ? (
        <PasteForm
          className="folder-need-form"
          fieldId={id}
          label={props.fieldLabel}
          hideLabel
          field={props.field(id, () => void send())}
          submitLabel={props.submitLabel}
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
          aria-label={props.openAriaLabel}
          onClick={() => {
            setEditing(true);
          }}
        >
          {props.openLabel}
        </button>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </li>
  );
}

function TokenNeed({ trigger }: { trigger: Trigger }): ReactNode {
  const field = useRef<HTMLTextAreaElement>(null);
  return (
    <Need
      text={
        <>
          <strong>Needs the webhook token:</strong> paste the trigger’s URL or cURL (this folder does not share tokens).
        </>
      }
      openLabel="Paste URL or cURL"
      fieldLabel="The trigger’s webhook URL or cURL"
      field={(id, send) => (
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
              send();
            }
          }}
        />
      )}
      submitLabel="Use it"
      emptyError="Paste the trigger’s webhook URL, or Harness’s “Copy as cURL”."
      take={() => takeValue(field.current)}
      save={async (text) => {
        const reply = await supplyToken(trigger.id, text);
        if (!reply.ok) return errorText(reply.error);
        showToast(`Webhook token kept in your keychain for “${trigger.name}”.`);
        return null;
      }}
    />
  );
}

function SecretNeed({ trigger, need }: { trigger: Trigger; need: FolderNeed }): ReactNode {
  const field = useRef<HTMLInputElement>(null);
  const what = WHAT[need.kind === 'token' ? 'key' : need.kind];
  const ref = need.ref ?? '';
  return (
    <Need
      text={
        <>
          <strong>
            Needs {what.noun} <code>{ref}</code>:
          </strong>{' '}
          the folder names it; its value stays in each person’s keychain.
        </>
      }
      openLabel={what.button}
      openAriaLabel={`${what.button} ${ref}`}
      fieldLabel={`Value of ${ref}`}
      field={(id) => <input id={id} ref={field} type="password" autoComplete="off" spellCheck={false} autoFocus />}
      submitLabel="Save to keychain"
      emptyError={`Paste the ${what.noun} first.`}
      take={() => takeValue(field.current)}
      save={async (value) => {
        const reply = await setFolderSecret(trigger.workspaceId, ref, value);
        if (!reply.ok) return `${errorText(reply.error)} Paste it again.`;
        showToast(`“${ref}” is kept in your keychain.`);
        return null;
      }}
    />
  );
}

/** The field's trimmed value; the field is emptied at once (the value leaves the page). */
function takeValue(field: HTMLInputElement | HTMLTextAreaElement | null): string {
  const value = field?.value.trim() ?? '';
  if (field) field.value = '';
  return value;
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
