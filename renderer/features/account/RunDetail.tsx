// The run opened from a trigger's runs list, in the Result column: its approval when it waits for
// one, then its live watch (the same panel as a fire's, without the fire's phases).
import type { ReactNode } from 'react';
import { closeRun, runChanged, useOpenRun } from '../../stores/account-runs';
import { useWatches } from '../../stores/watch';
import { WatchPanel } from '../watch/WatchPanel';
import { ApprovalBox } from './ApprovalBox';
import '../watch/watch.css';
import './runs.css';

export function RunDetail({ triggerId }: { triggerId: string }): ReactNode {
  const open = useOpenRun((s) => (s.open?.triggerId === triggerId ? s.open : null));
  const watch = useWatches((s) => (open?.watchId ? s.watches[open.watchId] : undefined));
  if (!open) return null;
  const { run } = open;
  const title = `Run${run.runSequence !== null ? ` #${run.runSequence}` : ''} of ${run.name}`;
  return (
    <section className="run-detail" role="region" aria-label={title}>
      <div className="run-detail-head">
        <h3>{title}</h3>
        <button type="button" className="small" onClick={closeRun} aria-label={`Close ${title}`}>
          Close
        </button>
      </div>
      <p className="muted small-text">Started by {run.startedBy.words}</p>
      {run.waitingApproval && <ApprovalBox scope={open.scope} run={run} onDone={runChanged} />}
      {open.error && (
        <p className="field-error" role="alert">
          {open.error}
        </p>
      )}
      {!watch && !open.error && (
        <p className="muted small-text">
          {open.watchId === null
            ? 'Reading the run from Harness…'
            : 'No longer followed here (the watch was dismissed).'}
        </p>
      )}
      {watch && <WatchPanel watch={watch} phases={false} />}
    </section>
  );
}
