// Paste Harness's "Copy as cURL": a live local preview (nothing is sent until Import), then the
// backend saves the trigger and moves the key into the vault. The textarea is uncontrolled: once
// the key is recognised the field shows it masked (••••••••1234) and the real text is held in memory
// only, until Import sends it; so the key never sits in the DOM.
import { useId, useRef, useState, type ReactNode } from 'react';
import { importCurl } from '../../../shared/harness/curl-import';
import { last4 } from '../../../shared/harness/redact';
import type { TriggerUrl } from '../../../shared/model';
import { errorText } from '../../bridge';
import { importCurlText } from '../../stores/workspaces';
import { showToast } from '../../stores/toasts';
import { ParsedPreview } from './ParsedPreview';
import { ParseError } from './ParseError';
import { AlreadySaved, NameField, nameIsFree, useNames } from './AlreadySaved';

/** What the preview keeps of a parse: everything but the key itself. */
interface Preview {
  parsed: TriggerUrl;
  keyLast4: string | null;
  body: string | null;
  bodyIsJson: boolean;
  headerNames: string[];
  notes: string[];
}

type State = { kind: 'empty' } | { kind: 'ok'; preview: Preview } | { kind: 'error'; error: unknown; text: string };

/** How a recognised key is shown in the field. */
function maskOf(key: string): string {
  return `••••••••${last4(key)}`;
}

function previewOf(text: string): State {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    const c = importCurl(text);
    return {
      kind: 'ok',
      preview: {
        parsed: c.parsed,
        keyLast4: c.apiKey ? last4(c.apiKey) : null,
        body: c.body,
        bodyIsJson: c.bodyIsJson,
        headerNames: c.headers.map((h) => h.name),
        notes: c.notes,
      },
    };
  } catch (error) {
    return { kind: 'error', error, text };
  }
}

export function CurlTab({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }): ReactNode {
  const area = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<State>({ kind: 'empty' });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState<string | null>(null);
  const areaId = useId();
  // The pasted text with the key in it (the field shows it masked), and that key.
  const real = useRef('');
  const key = useRef<string | null>(null);
  const { taken, suggested } = useNames(workspaceId, state.kind === 'ok' ? state.preview.parsed : null);
  const finalName = (name ?? suggested).trim();

  const onInput = (field: HTMLTextAreaElement): void => {
    const shown = field.value;
    // The mask stands for the key: put the key back to read the text (an edited mask drops it).
    const text =
      key.current !== null && shown.includes(maskOf(key.current))
        ? shown.replaceAll(maskOf(key.current), key.current)
        : shown;
    const next = previewOf(text);
    // The key the parse recognised; while the text does not parse, the one recognised before.
    const found = next.kind === 'ok' ? importCurl(text).apiKey : key.current;
    key.current = found !== null && found.trim() !== '' && text.includes(found) ? found : null;
    const masked = key.current === null ? text : text.replaceAll(key.current, maskOf(key.current));
    if (masked !== shown) {
      const end = shown.length - field.selectionEnd;
      field.value = masked;
      field.selectionStart = field.selectionEnd = Math.max(0, masked.length - end);
    }
    real.current = text;
    // A parse error quotes the text as shown: masked.
    setState(next.kind === 'error' ? { ...next, text: masked } : next);
    setFailure(null);
  };

  const submit = async (): Promise<void> => {
    const field = area.current;
    if (!field || state.kind !== 'ok' || busy || !nameIsFree(finalName, taken)) return;
    const text = real.current;
    const shown = field.value;
    field.value = '';
    real.current = '';
    setBusy(true);
    const reply = await importCurlText(workspaceId, text, finalName);
    if (!reply.ok) {
      field.value = shown; // nothing the user pasted is lost (the key stays masked)
      real.current = text;
      setFailure(errorText(reply.error));
      setBusy(false);
      return;
    }
    const { trigger, notes } = reply.value;
    showToast(
      `Imported “${trigger.name}”${trigger.key ? ` (API key …${trigger.key.last4} in the keychain)` : ''}.${notes.length ? ` ${notes.join(' ')}` : ''}`,
    );
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
      <label htmlFor={areaId}>cURL command from Harness (“Copy as cURL”)</label>
      <textarea
        id={areaId}
        ref={area}
        className="curl-input mono"
        rows={6}
        spellCheck={false}
        autoComplete="off"
        autoFocus
        data-autofocus
        placeholder="curl -X POST -H 'content-type: application/json' -H 'X-Api-Key: …' --url 'https://app.harness.io/gateway/pipeline/api/webhook/custom/…/v3?accountIdentifier=…' -d '{…}'"
        onInput={(e) => {
          onInput(e.currentTarget);
        }}
      />
      {state.kind === 'ok' && (
        <NameField
          value={name}
          suggested={suggested}
          taken={taken}
          onChange={(n) => {
            setName(n);
            setFailure(null);
          }}
        />
      )}
      <div className="import-preview" aria-live="polite">
        {state.kind === 'empty' && (
          <p className="muted">Paste a command: the parts are shown here before anything is saved.</p>
        )}
        {state.kind === 'error' && <ParseError error={state.error} text={state.text} />}
        {state.kind === 'ok' && (
          <>
            <AlreadySaved parsed={state.preview.parsed} />
            <ParsedPreview parsed={state.preview.parsed} />
            <p className="key-line" data-testid="import-key-line">
              {state.preview.keyLast4
                ? `API key: …${state.preview.keyLast4} will be stored in the keychain, never in a file.`
                : 'No API key in this command (fine if the project does not mandate authorization).'}
            </p>
            {state.preview.headerNames.length > 0 && <p>Extra headers kept: {state.preview.headerNames.join(', ')}</p>}
            <figure className="body-preview">
              <figcaption>
                Body{' '}
                {state.preview.body === null
                  ? ''
                  : state.preview.bodyIsJson
                    ? '(JSON, saved as the first payload)'
                    : '(not JSON: saved as-is, flagged)'}
              </figcaption>
              <pre className="mono">
                {state.preview.body === null ? '(no -d body)' : state.preview.body.slice(0, 4000)}
              </pre>
            </figure>
            {state.preview.notes.length > 0 && (
              <ul className="notes" aria-label="Import notes">
                {state.preview.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="submit"
          className="primary"
          disabled={state.kind !== 'ok' || busy || !nameIsFree(finalName, taken)}
        >
          Import trigger
        </button>
      </div>
    </form>
  );
}
