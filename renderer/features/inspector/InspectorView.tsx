// The Inspector view: open any event by apiUrl or id, or from a watch or the history, and read it.
import type { ReactNode } from 'react';
import { refreshInspector, useInspector } from '../../stores/inspector';
import { InspectorForm } from './InspectorForm';
import { InspectResultView } from './InspectResultView';
import { LiveWatch } from './LiveWatch';
import '../watch/watch.css';
import '../history/history.css';
import './inspector.css';

export default function InspectorView(): ReactNode {
  const result = useInspector((s) => s.result);
  const error = useInspector((s) => s.error);
  const loading = useInspector((s) => s.loading);
  const target = useInspector((s) => s.target);
  return (
    <main className="inspector-view" aria-label="Inspector">
      <div className="inspector-top">
        {/* Remounted per opened event, so the fields show what is open (an entry opened from history included). */}
        <InspectorForm key={`${JSON.stringify(target)} ${result?.apiUrl ?? ''}`} openedUrl={result?.apiUrl ?? null} />
        {target && (
          <button
            type="button"
            onClick={() => void refreshInspector()}
            disabled={loading}
            aria-label="Read the event again"
          >
            Refresh
          </button>
        )}
      </div>
      {error && (
        <div className="explanation inspect-error" role="alert">
          <strong>Could not open the event.</strong>
          <p>{error}</p>
        </div>
      )}
      {result && <LiveWatch apiUrl={result.apiUrl} terminal={result.terminal} />}
      {result && <InspectResultView result={result} />}
      {!result && !error && !loading && (
        <p className="muted">
          Paste the <code>apiUrl</code> from a fire’s answer, or an eventCorrelationId with its account, to read what
          Harness did with the event. You can also open any fire from the History.
        </p>
      )}
    </main>
  );
}
