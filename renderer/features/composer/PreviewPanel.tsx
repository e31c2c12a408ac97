// The exact request before it goes out: method, URL (token masked), headers (key and secrets
// masked) and the body with the variables filled in. Long bodies show their first 64 KB.
import { useDeferredValue, useMemo, type ReactNode } from 'react';
import { buildRequestPreview, formatBytes } from '../../../shared/harness/request-preview';
import type { Trigger } from '../../../shared/model';
import { useComposer, variableValues } from '../../stores/composer';
import { headOf, shownText, usePayloads } from '../../stores/payloads';
import { useShallow } from 'zustand/react/shallow';

const SHOWN = 64 * 1024;

export function PreviewPanel({ trigger }: { trigger: Trigger }): ReactNode {
  const text = useDeferredValue(usePayloads((s) => shownText(s, trigger)));
  const values = useComposer(useShallow((s) => variableValues(s, trigger)));
  const head = useMemo(() => headOf(text, SHOWN), [text]);
  // Only the shown part is substituted on each edit; the fire substitutes the whole body.
  const preview = useMemo(() => buildRequestPreview({ ...trigger, body: head, values }), [trigger, head, values]);
  const rest = text.length - SHOWN;
  return (
    <details className="panel preview-panel" open>
      <summary>
        <h3>Request preview</h3>
      </summary>
      <div className="preview mono" data-testid="request-preview">
        <div>
          <strong>{preview.method}</strong> <span data-testid="preview-url">{preview.url}</span>
        </div>
        {preview.headers.map((h) => (
          <div key={h.name} className="preview-header">
            {h.name}: {h.value}
          </div>
        ))}
        <pre className="preview-body" data-testid="preview-body">
          {preview.body ?? head}
          {rest > 0 ? `\n… ${formatBytes(rest)} more` : ''}
        </pre>
      </div>
      {preview.missing.length > 0 && (
        <p className="field-error small-text">
          Fill in {preview.missing.map((m) => `{{${m}}}`).join(', ')} to see the body as it will be sent.
        </p>
      )}
    </details>
  );
}
