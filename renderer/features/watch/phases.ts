// The event's path as four steps (sent, picked up, processed, the run), each done, going on,
// stopped there, or not yet: pure, so it is unit-tested without a page.
import type { WatchState } from '../../../shared/watch-model';

export type StepState = 'done' | 'current' | 'bad' | 'todo';

export interface PhaseStep {
  label: string;
  state: StepState;
  detail: string;
}

const ORDER = ['pending', 'processing', 'running', 'ended'] as const;

function reached(watch: WatchState, phase: (typeof ORDER)[number]): boolean {
  const at =
    watch.phase === 'not-started'
      ? 1
      : watch.phase === 'stopped'
        ? watch.execution
          ? 2
          : watch.processing
            ? 1
            : 0
        : ORDER.indexOf(watch.phase);
  return at >= ORDER.indexOf(phase);
}

export function phaseSteps(watch: WatchState): PhaseStep[] {
  const processing = watch.processing;
  const queued: PhaseStep = reached(watch, 'processing')
    ? { label: 'Picked up by Harness', state: 'done', detail: 'Harness has the event.' }
    : watch.phase === 'stopped'
      ? { label: 'Queued at Harness', state: 'bad', detail: 'Stopped following before Harness picked the event up.' }
      : {
          label: 'Queued at Harness',
          state: 'current',
          detail: 'Waiting for Harness to pick up the event. This is normal, not a failure.',
        };
  let processed: PhaseStep;
  if (!processing)
    processed = {
      label: 'Processed',
      state: 'todo',
      detail: 'Harness checks the trigger’s conditions and asks for a run.',
    };
  else if (watch.phase === 'not-started')
    processed = {
      label: 'No run started',
      state: 'bad',
      detail: processing.message
        ? `${processing.status.words} Harness said: ${processing.message}`
        : processing.status.words,
    };
  else if (processing.status.status === 'TARGET_EXECUTION_REQUESTED' || watch.execution)
    processed = { label: 'Run requested', state: 'done', detail: processing.status.words };
  else processed = { label: 'Processing', state: 'current', detail: processing.status.words };
  const execution = watch.execution;
  let run: PhaseStep;
  if (!execution)
    run = {
      label: 'Pipeline run',
      state: watch.phase === 'not-started' ? 'bad' : 'todo',
      detail: watch.phase === 'not-started' ? 'There is no run for this event.' : 'Not started yet.',
    };
  else if (watch.terminal)
    run = {
      label: 'Run ended',
      state: execution.status.tone === 'good' ? 'done' : 'bad',
      detail: execution.status.words,
    };
  else run = { label: 'Running', state: 'current', detail: execution.status.words };
  return [{ label: 'Sent', state: 'done', detail: 'Harness accepted the fire.' }, queued, processed, run];
}
