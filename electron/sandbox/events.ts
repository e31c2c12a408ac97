// Trigger events and their runs: what a fire leaves behind and what apiUrl reads (docs/harness-protocol.md §3).
// An event is queued for a moment (apiUrl answers 400 "doesn't exist"), then processed: conditions
// (the optional evaluate hook), runtime input, and one run per matching trigger. Bounded in size.
import { objectId } from './ids';
import { triggerYaml } from './links';
import { abort, decide, newRun, plannedEnd, runState, TERMINAL, type RunRecord } from './runs';
import { pipelineExecutionSummary } from './summary';
import type { Evaluate, EvaluateResult, RunEnd, SandboxTrigger, StepDef } from './types';
import { missMessage, processingDetails, type EventRecord, type Processing } from './details';
import type { Scope } from './world';

export const REQUESTED = 'Pipeline execution was requested successfully';
const MULTIPLE =
  'There are multiple trigger events generated from this eventId. This response contains only one of them.';

export interface EventsOptions {
  now: () => number;
  queueMs: number;
  planMs: number;
  stageMs: number;
  maxEvents: number;
  maxPayloadBytes: number;
  evaluate: Evaluate | undefined;
  onRunEnd: ((end: RunEnd) => void) | undefined;
  failStage: () => string | null;
}

function hasStage(steps: StepDef[], name: string): boolean {
  return steps.some((s) => ('parallel' in s ? s.parallel : [s]).some((d) => d.identifier === name || d.name === name));
}

export class Events {
  private readonly events = new Map<string, EventRecord>();
  private readonly runs = new Map<string, RunRecord>();
  private readonly sequences = new Map<string, number>();
  private readonly endTimers = new Map<string, NodeJS.Timeout>();
  private readonly reported = new Set<string>();
  private payloadBytes = 0;
  private closed = false;

  constructor(private readonly o: EventsOptions) {}

  /** Records the event at once; processing follows (synchronously when there is no evaluate hook). */
  create(scope: Scope, candidates: SandboxTrigger[], body: string, headers: Record<string, string>): EventRecord {
    const now = this.o.now();
    const ev: EventRecord = {
      id: objectId(now),
      scope,
      payload: body,
      createdAt: now,
      processedAt: now + this.o.queueMs,
      processing: null,
    };
    this.events.set(ev.id, ev);
    this.payloadBytes += body.length;
    this.evict();
    const evaluate = this.o.evaluate;
    if (!evaluate) {
      this.process(
        ev,
        candidates.map((trigger) => ({ trigger, result: { match: true } })),
      );
      return ev;
    }
    void Promise.all(
      candidates.map(async (trigger) => {
        try {
          return { trigger, result: await evaluate({ trigger, yaml: triggerYaml(trigger), body, headers }) };
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          return {
            trigger,
            result: {
              match: false,
              status: 'EXCEPTION_WHILE_PROCESSING',
              note: `Exception while processing trigger: ${message}`,
            } as EvaluateResult,
          };
        }
      }),
    ).then((results) => this.process(ev, results));
    return ev;
  }

  private process(ev: EventRecord, results: { trigger: SandboxTrigger; result: EvaluateResult }[]): void {
    if (this.closed || !this.events.has(ev.id)) return;
    const ready = Math.max(ev.processedAt, this.o.now());
    ev.processedAt = ready;
    const runs: RunRecord[] = [];
    let shown: Processing | null = null;
    for (const { trigger, result } of results) {
      let p: Processing;
      if (!result.match) {
        const harness = missMessage(result.status, ev.scope.account);
        // Harness's own words in `message`; the sandbox's explanation apart, in `note`.
        p = {
          trigger,
          status: result.status,
          message: harness ?? result.note ?? result.status,
          runs: [],
          warningMsg: null,
          note: result.note ?? null,
        };
      } else if (trigger.invalidRuntimeInput !== null)
        p = {
          trigger,
          status: 'INVALID_RUNTIME_INPUT_YAML',
          message: trigger.invalidRuntimeInput,
          runs: [],
          warningMsg: null,
          note: null,
        };
      else {
        const run = this.startRun(ev, trigger, ready + this.o.planMs, result.runtimeInput ?? trigger.inputYaml);
        runs.push(run);
        p = {
          trigger,
          status: 'TARGET_EXECUTION_REQUESTED',
          message: REQUESTED,
          runs: [run],
          warningMsg: null,
          note: null,
        };
      }
      // Harness shows one history entry; prefer the one that started a run.
      if (shown === null || (shown.runs.length === 0 && p.runs.length > 0)) shown = p;
    }
    if (shown === null) return;
    // Harness warns only when two or more triggers passed every filter.
    if (results.filter((r) => r.result.match).length > 1) shown.warningMsg = MULTIPLE;
    ev.processing = shown;
  }

  private startRun(ev: EventRecord, trigger: SandboxTrigger, startTs: number, runtimeInput: string): RunRecord {
    const key = `${trigger.accountIdentifier}/${trigger.orgIdentifier}/${trigger.projectIdentifier}/${trigger.pipelineIdentifier}`;
    const runSequence = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, runSequence);
    const fault = this.o.failStage();
    const failStage = fault !== null && hasStage(trigger.steps, fault) ? fault : trigger.failStage;
    const run = newRun({
      trigger,
      eventId: ev.id,
      runSequence,
      startTs,
      stageMs: this.o.stageMs,
      failStage,
      runtimeInput,
    });
    this.runs.set(run.planExecutionId, run);
    this.scheduleEnd(run);
    return run;
  }

  /** onRunEnd (chain notifications) is the only thing that needs a timer: one per live run, cleared on close. */
  private scheduleEnd(run: RunRecord): void {
    const hook = this.o.onRunEnd;
    if (!hook || this.closed) return;
    const old = this.endTimers.get(run.planExecutionId);
    if (old) clearTimeout(old);
    this.endTimers.delete(run.planExecutionId);
    const end = plannedEnd(run);
    if (!Number.isFinite(end)) return;
    const timer = setTimeout(
      () => {
        this.endTimers.delete(run.planExecutionId);
        const now = Math.max(this.o.now(), end);
        const state = runState(run, now);
        if (!TERMINAL.has(state.status) || this.reported.has(run.planExecutionId)) return;
        this.reported.add(run.planExecutionId);
        hook({
          planExecutionId: run.planExecutionId,
          eventCorrelationId: run.eventId,
          trigger: run.trigger,
          status: state.status,
          startTs: run.startTs,
          endTs: state.endTs ?? now,
          failureMessage: state.failure || null,
        });
      },
      Math.max(0, end - this.o.now()),
    );
    this.endTimers.set(run.planExecutionId, timer);
  }

  private evict(): void {
    while (
      this.events.size > 1 &&
      (this.events.size > this.o.maxEvents || this.payloadBytes > this.o.maxPayloadBytes)
    ) {
      const oldest = this.events.keys().next();
      if (oldest.done) return;
      const ev = this.events.get(oldest.value);
      this.events.delete(oldest.value);
      this.payloadBytes -= ev?.payload.length ?? 0;
      for (const run of ev?.processing?.runs ?? []) {
        this.runs.delete(run.planExecutionId);
        this.reported.delete(run.planExecutionId);
        const timer = this.endTimers.get(run.planExecutionId);
        if (timer) clearTimeout(timer);
        this.endTimers.delete(run.planExecutionId);
      }
    }
  }

  /**
   * The event as apiUrl shows it (`data` holds exactly Harness's two keys) with the sandbox's own
   * note, or null while it is unknown or still queued (→ 400).
   */
  details(id: string, account: string): { data: Record<string, unknown>; note: string | null } | null {
    const ev = this.events.get(id);
    const now = this.o.now();
    if (!ev || ev.scope.account !== account || ev.processing === null || now < ev.processedAt) return null;
    const run = ev.processing.runs[0] ?? null;
    const visible = run !== null && now >= run.startTs;
    return {
      data: {
        webhookProcessingDetails: processingDetails(ev, ev.processing),
        executionDetails: visible ? this.execution(run) : null,
      },
      note: ev.processing.note,
    };
  }

  /** triggerProcessingDetails while the event waits in the queue (apiUrl says 400 then). */
  queued(id: string, account: string): Record<string, unknown> | null {
    const ev = this.events.get(id);
    if (!ev || ev.scope.account !== account || (ev.processing !== null && this.o.now() >= ev.processedAt)) return null;
    return processingDetails(ev, null);
  }

  /** GET /pipelines/execution/v2/{id} data; null when unknown or not started yet. */
  execution(run: RunRecord | null | undefined): Record<string, unknown> | null {
    const now = this.o.now();
    if (!run || now < run.startTs) return null;
    return { pipelineExecutionSummary: pipelineExecutionSummary(run, now), executionGraph: null };
  }

  /** The runs of a pipeline that have started, newest first. */
  runsOf(scope: Scope, pipeline: string): RunRecord[] {
    const now = this.o.now();
    return [...this.runs.values()]
      .filter(
        (r) =>
          now >= r.startTs &&
          r.trigger.accountIdentifier === scope.account &&
          r.trigger.orgIdentifier === scope.org &&
          r.trigger.projectIdentifier === scope.project &&
          r.trigger.pipelineIdentifier === pipeline,
      )
      .sort((a, b) => b.startTs - a.startTs || b.runSequence - a.runSequence);
  }

  run(planExecutionId: string): RunRecord | undefined {
    return this.runs.get(planExecutionId);
  }

  status(run: RunRecord): string {
    return runState(run, this.o.now()).status;
  }

  abort(run: RunRecord): boolean {
    const done = abort(run, this.o.now());
    if (done) this.scheduleEnd(run);
    return done;
  }

  decide(run: RunRecord, approved: boolean): boolean {
    const done = decide(run, this.o.now(), approved);
    if (done) this.scheduleEnd(run);
    return done;
  }

  clear(): void {
    for (const timer of this.endTimers.values()) clearTimeout(timer);
    this.endTimers.clear();
    this.events.clear();
    this.payloadBytes = 0;
    this.runs.clear();
    this.reported.clear();
  }

  close(): void {
    this.closed = true;
    this.clear();
  }
}
