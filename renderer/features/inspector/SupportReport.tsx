// "Copy support report": Markdown the backend builds and redacts (keys, tokens); copied to the
// clipboard and shown, so the user sees exactly what they are about to paste.
import { useState, type ReactNode } from 'react';
import { makeReport, useInspector } from '../../stores/inspector';
import { copyText } from '../../ui/CopyButton';
import { showToast } from '../../stores/toasts';

export function SupportReport(): ReactNode {
  const report = useInspector((s) => s.report);
  const error = useInspector((s) => s.reportError);
  const [busy, setBusy] = useState(false);
  const copy = async (): Promise<void> => {
    setBusy(true);
    const markdown = await makeReport();
    setBusy(false);
    if (markdown !== null && (await copyText(markdown))) showToast('Support report copied (keys and tokens masked).');
  };
  return (
    <div className="support-report">
      <button type="button" onClick={() => void copy()} disabled={busy}>
        {busy ? 'Preparing…' : 'Copy support report'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {report !== null && (
        <details open className="entry-block">
          <summary>Support report (Markdown, as copied)</summary>
          <pre className="code-block" data-testid="support-report" aria-label="Support report">
            {report}
          </pre>
        </details>
      )}
    </div>
  );
}
