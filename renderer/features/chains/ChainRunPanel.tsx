// The live view of a chain run: each step's state, and the watch of each fired step (the same
// panel as after a fire), with Stop while the chain goes on.
import type { ReactNode } from 'react';
import type { ChainRun } from '../../../shared/chain-model';
import { useWatches } from '../../stores/watch';
import { WatchPanel } from '../watch/WatchPanel';
import { stopRun } from '../../stores/chains';

const PHASE_WORDS: Record<ChainRun['steps'][number]['phase'], string> = {
  waiting: 'Waiting',
  firing: 'Firing',
  running: 'Running',
  succeeded: 'Succeeded',
  ended: 'Ended',
  failed: 'Failed',
  skipped: 'Not started',
  stopped: 'Not started (stopped)',
};

const STATE_WORDS: Record<ChainRun['state'], string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  stopped: 'Stopped',
};

function StepWatch({ watchId }: { watchId: string }): ReactNode {
  const watch = useWatches((s) => s.watches[watchId]);
  return watch ? <WatchPanel watch={watch} /> : null;
}

export function ChainRunPanel({ run }: { run: ChainRun }): ReactNode {
  return (
    <section className="chain-run" aria-label="Chain run" data-state={run.state}>
      <div className="chain-run-head">
        <strong role="status" aria-live="polite" data-testid="chain-state">
          Chain {STATE_WORDS[run.state]}
        </strong>
        {run.state === 'running' && (
          <button
            type="button"
            onClick={() => {
              void stopRun(run.id);
            }}
          >
            Stop chain
          </button>
        )}
      </div>
      {run.message && <p className="chain-run-message">{run.message}</p>}
      <ol className="chain-run-steps">
        {run.steps.map((s, i) => (
          <li key={i} aria-label={`Run of step ${i + 1}`} data-phase={s.phase}>
            <div className="chain-run-step-head">
              <strong>
                Step {i + 1}: {s.triggerName}
              </strong>{' '}
              <span data-testid="step-phase">{PHASE_WORDS[s.phase]}</span>
              {s.status && <span className="mono"> {s.status}</span>}
              {s.planExecutionId && <span className="muted mono"> run {s.planExecutionId}</span>}
            </div>
            {s.body !== null && i > 0 && (
              <pre className="chain-run-body mono" aria-label={`Payload sent by step ${i + 1}`}>
                {s.body}
              </pre>
            )}
            {s.watchId && <StepWatch watchId={s.watchId} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
