// The line under the editor: valid or not (with line, column and plain words), size, variables.
import type { ReactNode } from 'react';
import { formatBytes } from '../../../shared/harness/request-preview';
import { useComposer } from '../../stores/composer';
import { selectRange } from './editor-registry';

export function PayloadStatus({ editorKey, json, id }: { editorKey: string; json: boolean; id: string }): ReactNode {
  const a = useComposer((s) => s.analyses[editorKey]);
  const ok = !a || a.ok || !json;
  return (
    <div id={id} className={ok ? 'json-status ok' : 'json-status warn'} role="status" aria-live="polite" data-testid="payload-status">
      {a && <span className="muted">{formatBytes(a.bytes)} · saved as you type · </span>}
      {!json && 'Sent as-is (not JSON).'}
      {json && a?.ok && `Valid JSON${a.variables.length > 0 ? ` with ${a.variables.length} variable${a.variables.length > 1 ? 's' : ''}` : ''}.`}
      {json && a && !a.ok && a.error && (
        <>
          <strong>{a.empty ? 'Empty payload.' : `Not JSON: line ${a.error.line}, column ${a.error.column}.`}</strong>{' '}
          {!a.empty && <>{a.error.message} </>}
          Harness still accepts it, but <code>{'<+trigger.payload.…>'}</code> expressions will resolve to nothing.{' '}
          {!a.empty && (
            <button type="button" className="link" onClick={() => { if (a.error) selectRange(editorKey, a.error.offset, a.error.offset + 1); }}>
              Show me
            </button>
          )}
        </>
      )}
    </div>
  );
}
