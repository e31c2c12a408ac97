// The execution engine. A run's state is a pure function of the clock: its plan (when each stage
// starts and ends), plus the two things a person can do to it (decide an approval, abort). So there
// is no timer per stage, 500 watchers cost nothing, and every poll sees a consistent, monotonic
// story (no missed or repeated transitions).
import { TERMINAL_STATUSES } from '../../shared/harness/execution-status-words';
import { harnessUuid } from './ids';
import type { SandboxTrigger, StageDef } from './types';

/** Harness's terminal statuses: the app's own list, so the sandbox and the watch agree. */
export const TERMINAL = TERMINAL_STATUSES;

export const STAGE_FAILURE = 'Shell Script execution failed. Please check execution logs.';
export const APPROVAL_REJECTED = 'Approval Step has been Rejected';

export interface RunRecord {
  planExecutionId: string;
  eventId: string;
  trigger: SandboxTrigger;
  runSequence: number;
  /** When the run exists (processing requested it) and its first stage starts. */
  startTs: number;
  stageMs: number;
  failStage: string | null;
  /** One uuid per step (the stage's, or the parallel node's), and one per parallel child. */
  stepUuids: string[];
  childUuids: string[][];
  decision: { at: number; approved: boolean } | null;
  abortedAt: number | null;
  runtimeInput: string;
}

export interface StageState {
  def: StageDef;
  uuid: string;
  status: string;
  startTs: number | null;
  endTs: number | null;
  failure: string;
}

export interface StepState {
  uuid: string;
  parallel: boolean;
  stages: StageState[];
}

export interface RunState {
  status: string;
  endTs: number | null;
  steps: StepState[];
  failure: string;
}

interface StagePlan {
  def: StageDef;
  uuid: string;
  start: number;
  /** Infinity while an approval waits. */
  end: number;
  outcome: 'Success' | 'Failed' | 'ApprovalRejected';
}

export function newRun(o: {
  trigger: SandboxTrigger;
  eventId: string;
  runSequence: number;
  startTs: number;
  stageMs: number;
  failStage: string | null;
  runtimeInput: string;
}): RunRecord {
  const stepUuids: string[] = [];
  const childUuids: string[][] = [];
  for (const step of o.trigger.steps) {
    stepUuids.push(harnessUuid());
    childUuids.push('parallel' in step ? step.parallel.map(() => harnessUuid()) : []);
  }
  return { ...o, planExecutionId: harnessUuid(), stepUuids, childUuids, decision: null, abortedAt: null };
}

function matches(def: StageDef, name: string | null): boolean {
  return name !== null && (def.identifier === name || def.name === name);
}

/** When each stage starts and ends if nobody aborts; steps after a failure never start. */
function plan(run: RunRecord): { steps: (StagePlan[] | null)[]; end: number; outcome: string } {
  let t = run.startTs;
  let outcome = 'Success';
  const steps: (StagePlan[] | null)[] = [];
  run.trigger.steps.forEach((step, i) => {
    if (outcome !== 'Success') {
      steps.push(null);
      return;
    }
    const defs = 'parallel' in step ? step.parallel : [step];
    const uuids = 'parallel' in step ? (run.childUuids[i] ?? []) : [run.stepUuids[i] ?? ''];
    const stages = defs.map((def, j): StagePlan => {
      if (def.type === 'Approval') {
        const d = run.decision;
        return {
          def,
          uuid: uuids[j] ?? '',
          start: t,
          end: d ? Math.max(t, d.at) : Infinity,
          outcome: d && !d.approved ? 'ApprovalRejected' : 'Success',
        };
      }
      const failed = matches(def, run.failStage);
      return {
        def,
        uuid: uuids[j] ?? '',
        start: t,
        end: t + Math.round(run.stageMs * (def.weight ?? 1)),
        outcome: failed ? 'Failed' : 'Success',
      };
    });
    t = Math.max(...stages.map((s) => s.end));
    const bad = stages.find((s) => s.outcome !== 'Success');
    if (bad) outcome = bad.outcome === 'ApprovalRejected' ? 'ApprovalRejected' : 'Failed';
    steps.push(stages);
  });
  return { steps, end: t, outcome };
}

function failureText(outcome: string): string {
  if (outcome === 'Failed') return STAGE_FAILURE;
  if (outcome === 'ApprovalRejected') return APPROVAL_REJECTED;
  return '';
}

function stageState(p: StagePlan, now: number, cut: number | null): StageState {
  const base = { def: p.def, uuid: p.uuid };
  if (cut !== null && cut < p.end) {
    if (cut < p.start) return { ...base, status: 'NotStarted', startTs: null, endTs: null, failure: '' };
    return { ...base, status: 'Aborted', startTs: p.start, endTs: cut, failure: '' };
  }
  if (now < p.start) return { ...base, status: 'NotStarted', startTs: null, endTs: null, failure: '' };
  if (now < p.end)
    return {
      ...base,
      status: p.def.type === 'Approval' ? 'ApprovalWaiting' : 'Running',
      startTs: p.start,
      endTs: null,
      failure: '',
    };
  return { ...base, status: p.outcome, startTs: p.start, endTs: p.end, failure: failureText(p.outcome) };
}

export function runState(run: RunRecord, now: number): RunState {
  const p = plan(run);
  const cut = run.abortedAt;
  const steps: StepState[] = run.trigger.steps.map((step, i) => {
    const planned = p.steps[i];
    const defs = 'parallel' in step ? step.parallel : [step];
    const uuids = 'parallel' in step ? (run.childUuids[i] ?? []) : [run.stepUuids[i] ?? ''];
    const stages = planned
      ? planned.map((s) => stageState(s, now, cut))
      : defs.map((def, j): StageState => ({
          def,
          uuid: uuids[j] ?? '',
          status: 'NotStarted',
          startTs: null,
          endTs: null,
          failure: '',
        }));
    return { uuid: run.stepUuids[i] ?? '', parallel: 'parallel' in step, stages };
  });
  const all = steps.flatMap((s) => s.stages);
  const failure = all.find((s) => s.failure !== '')?.failure ?? '';
  if (cut !== null && cut < p.end) return { status: 'Aborted', endTs: cut, steps, failure };
  if (now >= p.end) return { status: p.outcome, endTs: p.end, steps, failure };
  return {
    status: all.some((s) => s.status === 'ApprovalWaiting') ? 'ApprovalWaiting' : 'Running',
    endTs: null,
    steps,
    failure,
  };
}

/** When the run will end if nobody acts (Infinity while an approval waits). */
export function plannedEnd(run: RunRecord): number {
  const end = plan(run).end;
  return run.abortedAt !== null && run.abortedAt < end ? run.abortedAt : end;
}

export function abort(run: RunRecord, now: number): boolean {
  if (TERMINAL.has(runState(run, now).status)) return false;
  run.abortedAt = now;
  return true;
}

export function decide(run: RunRecord, now: number, approved: boolean): boolean {
  if (runState(run, now).status !== 'ApprovalWaiting') return false;
  run.decision = { at: now, approved };
  return true;
}
