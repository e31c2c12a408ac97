// The line under the editor: valid or not (with line, column and plain words), size, variables.
// Below it, when a save failed: why, in plain words (the text stays in the editor).
import { useEffect, useRef, type ReactNode } from 'react';
import { formatBytes } from '../../../shared/harness/request-preview';
import { errorText } from '../../bridge';
import { useComposer } from '../../stores/composer';
import { keepMine, saveNow, takeTheirs } from '../../stores/payload-actions';
import { usePayloads } from '../../stores/payloads';
import { selectRange } from './editor-registry';

export function SaveError({ docKey }: { docKey: string }): ReactNode {
  const error = usePayloads((s) => s.docs[docKey]?.error ?? null);
  if (!error) return null;
  return (
    <p className="field-error save-error" role="alert">
      <strong>Not saved:</strong> {errorText(error)} The text stays in the editor; your next change saves it again.{' '}
      <button type="button" className="link" onClick={() => void saveNow(docKey)}>
        Save again
      </button>
    </p>
  );
}

/** The payload changed elsewhere (on disk, another window) while the text here had unsaved edits. */
export function PayloadConflict({ docKey }: { docKey: string }): ReactNode {
  const conflict = usePayloads((s) => s.docs[docKey]?.conflict ?? null);
  const box = useRef<HTMLDivElement>(null);
  const shown = conflict !== null;
  useEffect(() => {
    if (shown) box.current?.scrollIntoView({ block: 'nearest' }); // the choice is seen, not under the fire bar
  }, [shown]);
  if (!conflict) return null;
  return (
    <div className="payload-conflict" role="alert" data-testid="payload-conflict" ref={box}>
      <p>
        <strong>This payload changed outside this window</strong> (on disk, or in another window) while you had unsaved
        edits. Your text stays in the editor and is not saved until you choose.
      </p>
      <div className="payload-conflict-actions">
        <button type="button" className="small primary" onClick={() => void keepMine(docKey)}>
          Keep mine
        </button>
        <button type="button" className="small" onClick={() => void takeTheirs(docKey)}>
          Take theirs
        </button>
        <span className="muted small-text">Take theirs can be undone in the editor (Ctrl+Z).</span>
      </div>
    </div>
  );
}

export function PayloadStatus({ docKey, json, id }: { docKey: string; json: boolean; id: string }): ReactNode {
  const a = useComposer((s) => s.analyses[docKey]);
  const unsaved = usePayloads((s) => Boolean(s.docs[docKey]?.error ?? s.docs[docKey]?.conflict));
  const ok = !a || a.ok || !json;
  return (
    <div
      id={id}
      className={ok ? 'json-status ok' : 'json-status warn'}
      role="status"
      aria-live="polite"
      data-testid="payload-status"
    >
      {a && (
        <span className="muted">
          {formatBytes(a.bytes)} · {unsaved ? 'not saved (see below)' : 'saved as you type'} ·{' '}
        </span>
      )}
      {!json && 'Sent as-is (not JSON).'}
      {json &&
        a?.ok &&
        `Valid JSON${a.variables.length > 0 ? ` with ${a.variables.length} variable${a.variables.length > 1 ? 's' : ''}` : ''}.`}
      {json && a && !a.ok && a.error && (
        <>
          <strong>{a.empty ? 'Empty payload.' : `Not JSON: line ${a.error.line}, column ${a.error.column}.`}</strong>{' '}
          {!a.empty && <>{a.error.message} </>}
          Harness still accepts it, but <code>{'<+trigger.payload.…>'}</code> expressions will resolve to nothing.{' '}
          {!a.empty && (
            <button
              type="button"
              className="link"
              onClick={() => {
                if (a.error) selectRange(docKey, a.error.offset, a.error.offset + 1);
              }}
            >
              Show me
            </button>
          )}
        </>
      )}
    </div>
  );
}
