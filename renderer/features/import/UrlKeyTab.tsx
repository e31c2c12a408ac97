// The plain form: a name, the trigger URL and an optional API key (an uncontrolled password field,
// emptied the moment it is sent).
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { parseTriggerUrl } from '../../../shared/harness/urls';
import { errorText } from '../../bridge';
import { keyProblem } from '../../key-check';
import { createTriggerFromUrl } from '../../stores/workspaces';
import { showToast } from '../../stores/toasts';
import { ParsedPreview } from './ParsedPreview';
import { ParseError } from './ParseError';
import { AlreadySaved, NameField, nameIsFree, useNames } from './AlreadySaved';

function tryParse(url: string): ReturnType<typeof parseTriggerUrl> | { error: unknown } | null {
  if (url.trim() === '') return null;
  try {
    return parseTriggerUrl(url.trim());
  } catch (error) {
    return { error };
  }
}

export function UrlKeyTab({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }): ReactNode {
  const [name, setName] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyField = useRef<HTMLInputElement>(null);
  const ids = { url: useId(), key: useId() };
  const parsed = useMemo(() => tryParse(url), [url]);
  const { taken, suggested } = useNames(workspaceId, parsed && !('error' in parsed) ? parsed : null);

  const submit = async (): Promise<void> => {
    const field = keyField.current;
    const typed = field?.value ?? '';
    if (field) field.value = ''; // the key leaves the page at once, whatever happens next
    const rawKey = typed.trim();
    if (!parsed || 'error' in parsed) {
      setFailure('Enter a valid trigger URL first.');
      return;
    }
    const finalName = (name ?? suggested).trim();
    if (!nameIsFree(finalName, taken)) {
      setFailure(
        finalName === '' ? 'Give the trigger a name.' : 'Choose a name no other trigger of this workspace has.',
      );
      return;
    }
    // An untouched field means "no key"; anything typed must be a usable key.
    const problem = typed === '' ? null : keyProblem(rawKey);
    if (problem) {
      setFailure(`${problem} The key field was cleared: paste it again.`);
      return;
    }
    setBusy(true);
    const reply = await createTriggerFromUrl(workspaceId, finalName, url.trim(), rawKey === '' ? null : rawKey);
    if (!reply.ok) {
      setFailure(`${errorText(reply.error)}${rawKey ? ' The key field was cleared: paste it again.' : ''}`);
      setBusy(false);
      return;
    }
    const trigger = reply.value;
    showToast(`Created “${trigger.name}”${trigger.key ? ` (API key …${trigger.key.last4} in the keychain)` : ''}.`);
    onDone();
  };

  return (
    <form
      className="import-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={ids.url}>Trigger URL</label>
        <input
          id={ids.url}
          className="mono"
          autoFocus
          spellCheck={false}
          autoComplete="off"
          value={url}
          placeholder="https://app.harness.io/gateway/pipeline/api/webhook/custom/…"
          onChange={(e) => {
            setUrl(e.target.value);
            setFailure(null);
          }}
        />
      </div>
      <NameField
        value={name}
        suggested={suggested}
        taken={taken}
        onChange={(n) => {
          setName(n);
          setFailure(null);
        }}
      />
      <div className="field">
        <label htmlFor={ids.key}>API key (optional)</label>
        <input
          id={ids.key}
          ref={keyField}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="pat.… or sat.…"
          onInput={() => {
            setFailure(null);
          }}
        />
      </div>
      <div className="import-preview" aria-live="polite">
        {parsed === null && <p className="muted">The URL’s parts are shown here as you type.</p>}
        {parsed && 'error' in parsed && <ParseError error={parsed.error} text={url} />}
        {parsed && !('error' in parsed) && (
          <>
            <AlreadySaved parsed={parsed} />
            <ParsedPreview parsed={parsed} />
          </>
        )}
      </div>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy || !parsed || 'error' in parsed}>
          Create trigger
        </button>
      </div>
    </form>
  );
}
