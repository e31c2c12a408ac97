// The run's stages in graph order, top to bottom; parallel stages side by side in one row. Each shows
// its status in plain words, its duration (live while it runs) and its failure message, verbatim.
import type { ReactNode } from 'react';
import type { StageStep, StageView } from '../../../shared/watch-model';
import { formatDuration } from './format';
import { StatusBadge } from './StatusBadge';
import { liveDuration, useNow } from './useNow';

function isRunning(stage: StageView): boolean {
  return (
    stage.startTs !== null && stage.endTs === null && (stage.status.tone === 'wait' || stage.status.tone === 'person')
  );
}

function Stage({ stage, measuredAt, now }: { stage: StageView; measuredAt: number; now: number }): ReactNode {
  const running = isRunning(stage);
  const duration = liveDuration(stage.durationMs, running, measuredAt, now);
  return (
    <li
      className={`stage stage-${stage.status.tone}`}
      aria-label={`Stage ${stage.name}: ${stage.status.words}`}
      data-stage={stage.identifier}
    >
      <div className="stage-head">
        <span className="stage-name">{stage.name}</span>
        <span className="stage-type muted">{stage.type}</span>
      </div>
      <div className="stage-line">
        <StatusBadge status={stage.status} verbatim={false} />
        <span
          className="stage-duration mono"
          aria-label={duration === null ? 'Not started' : `Duration ${formatDuration(duration)}`}
        >
          {duration === null ? '' : formatDuration(duration)}
        </span>
      </div>
      {stage.failureMessage && (
        <p className="stage-failure" role="note">
          {stage.failureMessage}
        </p>
      )}
    </li>
  );
}

export function StageTimeline({
  steps,
  measuredAt,
  live,
}: {
  steps: StageStep[];
  measuredAt: number;
  live: boolean;
}): ReactNode {
  const now = useNow(live);
  if (steps.length === 0) return <p className="muted">No stages yet.</p>;
  return (
    <ol className="timeline" aria-label="Stage timeline">
      {steps.map((step, i) => (
        <li key={step.stages[0]?.id ?? i} className={step.parallel ? 'timeline-step parallel' : 'timeline-step'}>
          {step.parallel && <span className="parallel-label muted">In parallel</span>}
          <ul
            className="timeline-stages"
            aria-label={step.parallel ? `Step ${i + 1}, ${step.stages.length} stages in parallel` : `Step ${i + 1}`}
          >
            {step.stages.map((stage) => (
              <Stage key={stage.id} stage={stage} measuredAt={measuredAt} now={now} />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
