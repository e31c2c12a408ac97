// The event's path as four steps: sent, picked up by Harness, processed (run requested or why not),
// the run. Each says in plain words whether it is done, going on, or where it stopped.
import type { ReactNode } from 'react';
import type { WatchState } from '../../../shared/watch-model';
import { phaseSteps, type StepState } from './phases';

const MARK: Record<StepState, string> = { done: '✓', current: '›', bad: '×', todo: '·' };
const SAID: Record<StepState, string> = { done: 'done', current: 'now', bad: 'stopped here', todo: 'not yet' };

export function WatchPhases({ watch }: { watch: WatchState }): ReactNode {
  return (
    <ol className="phases" aria-label="Event phases">
      {phaseSteps(watch).map((step) => (
        <li
          key={step.label}
          className={`phase phase-${step.state}`}
          aria-current={step.state === 'current' ? 'step' : undefined}
        >
          <span className="phase-mark" aria-hidden="true">
            {MARK[step.state]}
          </span>
          <span className="phase-text">
            <strong>{step.label}</strong> <span className="visually-hidden">({SAID[step.state]})</span>
            <span className="phase-detail">{step.detail}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
