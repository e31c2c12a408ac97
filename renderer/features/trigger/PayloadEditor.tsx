// The payload as plain text (CodeMirror arrives with issue 3). JSON validity is checked live with
// the line and column of the problem; a body that is not JSON is allowed (Harness accepts it) but flagged.
import { useDeferredValue, useId, useMemo, useRef, type ReactNode } from 'react';
import type { Trigger } from '../../../shared/model';
import { checkJson } from '../../json-check';
import { payloadOf, setDraft, useFire } from '../../stores/fire';

export function isJsonType(contentType: string): boolean {
  return /json/i.test(contentType);
}

function bytes(text: string): string {
  const n = new TextEncoder().encode(text).length;
  return n < 1024 ? `${n} bytes` : `${(n / 1024).toFixed(1)} KB`;
}

export function PayloadEditor({ trigger }: { trigger: Trigger }): ReactNode {
  const body = useFire((s) => payloadOf(s, trigger));
  const deferred = useDeferredValue(body);
  const check = useMemo(() => checkJson(deferred), [deferred]);
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const statusId = useId();
  const json = isJsonType(trigger.contentType);

  const goTo = (offset: number): void => {
    const field = area.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(offset, offset + 1);
  };

  return (
    <section className="panel payload-panel" aria-labelledby={`${id}-h`}>
      <div className="panel-head">
        <h3 id={`${id}-h`}>Payload</h3>
        <span className="muted">{trigger.contentType} · {bytes(body)} · saved as you type</span>
      </div>
      <label htmlFor={id} className="visually-hidden">Payload body</label>
      <textarea
        id={id}
        ref={area}
        className="payload mono"
        spellCheck={false}
        autoComplete="off"
        aria-describedby={statusId}
        aria-invalid={json && !check.ok ? true : undefined}
        value={body}
        onChange={(e) => { setDraft(trigger, e.target.value); }}
      />
      <div id={statusId} className={check.ok || !json ? 'json-status ok' : 'json-status warn'} role="status" aria-live="polite">
        {!json && 'Sent as-is (not JSON).'}
        {json && check.ok && 'Valid JSON.'}
        {json && !check.ok && (
          <>
            <strong>{check.empty ? 'Empty payload.' : `Not JSON: line ${check.line}, column ${check.column}.`}</strong>{' '}
            {!check.empty && <>{check.message} </>}
            Harness still accepts it, but <code>{'<+trigger.payload.…>'}</code> expressions will resolve to nothing.{' '}
            {!check.empty && (
              <button type="button" className="link" onClick={() => { goTo(check.offset); }}>
                Show me
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
