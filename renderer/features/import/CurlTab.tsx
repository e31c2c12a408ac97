// Paste Harness's "Copy as cURL": a live local preview (nothing is sent until Import), then the
// backend saves the trigger and moves the key into the vault. The textarea is uncontrolled and
// emptied on import, so the key never sits in a DOM attribute and leaves the page at once.
import { useId, useRef, useState, type ReactNode } from 'react';
import { importCurl } from '../../../shared/harness/curl-import';
import { last4 } from '../../../shared/harness/redact';
import type { TriggerUrl } from '../../../shared/model';
import { errorText } from '../../bridge';
import { importCurlText } from '../../stores/workspaces';
import { showToast } from '../../stores/toasts';
import { ParsedPreview } from './ParsedPreview';
import { ParseError } from './ParseError';

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
  const areaId = useId();

  const submit = async (): Promise<void> => {
    const field = area.current;
    if (!field || state.kind !== 'ok' || busy) return;
    const text = field.value;
    field.value = '';
    setBusy(true);
    const reply = await importCurlText(workspaceId, text);
    if (!reply.ok) {
      field.value = text; // nothing the user pasted is lost
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
          setState(previewOf(e.currentTarget.value));
          setFailure(null);
        }}
      />
      <div className="import-preview" aria-live="polite">
        {state.kind === 'empty' && (
          <p className="muted">Paste a command: the parts are shown here before anything is saved.</p>
        )}
        {state.kind === 'error' && <ParseError error={state.error} text={state.text} />}
        {state.kind === 'ok' && (
          <>
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
        <button type="submit" className="primary" disabled={state.kind !== 'ok' || busy}>
          Import trigger
        </button>
      </div>
    </form>
  );
}
