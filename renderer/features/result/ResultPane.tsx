// The right column: the fire in flight, or the last answer for the selected trigger and its live watch.
import type { ReactNode } from 'react';
import type { ErrorShape } from '../../../shared/errors';
import { useFire } from '../../stores/fire';
import { useDesk } from '../../stores/workspaces';
import { FireAnswer } from './FireAnswer';
import { FireProgress } from './FireProgress';
import { FireWatch } from '../watch/FireWatch';
import { RunDetail } from '../account/RunDetail';
import { useOpenRun } from '../../stores/account-runs';

const TITLES: Partial<Record<ErrorShape['code'], string>> = {
  'network': 'Could not reach the server',
  'timeout': 'No answer in time',
  'tls': 'The secure connection failed',
  'proxy': 'The proxy refused or failed',
  'insecure-url': 'Refused: the URL is not https',
  'invalid-key': 'The API key cannot be used',
  'vault': 'The keychain could not be read',
};

function FireFailed({ error, host }: { error: ErrorShape; host: string }): ReactNode {
  return (
    <div className="fire-answer outcome-network-error">
      <div className="answer-head">
        <strong className="outcome">{TITLES[error.code] ?? 'The fire was not sent'}</strong>
        <span className="muted">{host}</span>
      </div>
      <div className="explanation" data-testid="explanation">
        <p>{error.message}</p>
        {error.hint && (
          <p className="action">
            <span className="label">What to do: </span>
            {error.hint}
          </p>
        )}
      </div>
      <p className="muted small-text">Your payload is unchanged; nothing was retried.</p>
    </div>
  );
}

export function ResultPane(): ReactNode {
  const selectedId = useDesk((s) => s.selectedId);
  const running = useFire((s) => (selectedId ? s.running[selectedId] : undefined));
  const outcome = useFire((s) => (selectedId ? s.outcomes[selectedId] : undefined));
  const runOpen = useOpenRun((s) => s.open !== null && s.open.triggerId === selectedId);
  return (
    <section className="result-pane" aria-label="Fire result">
      <h2 className="pane-title">Result</h2>
      <div role="status" aria-live="polite" className="result-live">
        {running && <FireProgress running={running} />}
      </div>
      {selectedId && <RunDetail triggerId={selectedId} />}
      <div role="region" aria-label="Last answer">
        {!running && !outcome && !runOpen && <p className="muted">Fire a trigger to see Harness’s answer here.</p>}
        {!running && outcome?.kind === 'result' && <FireAnswer result={outcome.result} />}
        {!running && outcome?.kind === 'result' && <FireWatch result={outcome.result} />}
        {!running && outcome?.kind === 'error' && <FireFailed error={outcome.error} host={outcome.host} />}
      </div>
    </section>
  );
}
