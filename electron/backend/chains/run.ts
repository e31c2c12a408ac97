// Runs a chain. Each step is fired through the normal fire path (history entry + watch),
// followed by its watch until the run ends; the next step starts when that run reached the step's
// `after` status, with {{prev.*}} filled from it. A step that fails stops what follows and says why;
// `stop` fires nothing more. Every change is pushed as `chain:update` and kept in chains.json.
import { DeskError } from '../../../shared/errors';
import { redact } from '../../../shared/harness/redact';
import {
  checkChain,
  fillPrev,
  type Chain,
  type ChainRun,
  type ChainStepRun,
  type PrevValues,
} from '../../../shared/chain-model';
import type { FireResult } from '../../../shared/model';
import type { WatchState } from '../../../shared/watch-model';
import type { Ctx } from '../context';
import { getChain, liveTriggerNames, recordRun } from './chains';
import { newId } from '../store/index';
import type { WatchDesk } from '../fire/index';

/** How often a step's watch is looked at (in memory: costs nothing); the watch itself polls Harness. */
const LOOK_MS = 100;

export interface ChainRunner {
  run(chainId: string): ChainRun;
  stop(runId: string): ChainRun;
  get(runId: string): ChainRun;
  /** Whether this process is following the run. */
  has(runId: string): boolean;
  /** Resolves when the run is over (the CLI's --wait). */
  done(runId: string): Promise<ChainRun>;
  close(): void;
}

interface Live {
  run: ChainRun;
  chain: Chain;
  timer: ReturnType<typeof setTimeout> | null;
  waiters: ((r: ChainRun) => void)[];
}

function prevOf(w: WatchState, body: string): PrevValues {
  let payload: unknown = undefined;
  try {
    payload = JSON.parse(body) as unknown;
  } catch {
    // Not JSON: {{prev.payload.*}} was refused by the check already.
  }
  const ex = w.execution;
  return {
    planExecutionId: ex?.planExecutionId ?? w.processing?.pipelineExecutionId ?? null,
    status: ex?.status.status ?? w.processing?.status.status ?? null,
    eventCorrelationId: w.eventCorrelationId,
    pipelineIdentifier: ex?.pipelineIdentifier ?? w.processing?.pipelineIdentifier ?? null,
    runSequence: ex?.runSequence ?? null,
    startTs: ex?.startTs ?? null,
    endTs: ex?.endTs ?? null,
    failureMessage: ex?.failureMessage ?? w.failureMessages[0] ?? null,
    triggerName: w.triggerName,
    payload,
  };
}

/** A function, so TypeScript does not keep a narrowing across the awaits where `stop` may land. */
function running(l: { run: ChainRun }): boolean {
  return l.run.state === 'running';
}

function fireWords(r: FireResult): string {
  if (r.explanation) return `${r.explanation.title}: ${r.explanation.detail}`;
  if (r.harness) return `${r.harness.status}: ${r.harness.message}`;
  return r.response ? `HTTP ${r.response.status}` : 'no answer';
}

export function createChainRunner(ctx: Ctx, desk: WatchDesk): ChainRunner {
  const live = new Map<string, Live>();
  let closed = false;

  const publish = (l: Live): void => {
    l.run.seq += 1;
    const snapshot = structuredClone(l.run);
    try {
      recordRun(ctx, snapshot);
    } catch {
      // A full disk must not stop the chain; the page still gets the update.
    }
    try {
      ctx.notify('chain:update', snapshot);
    } catch {
      // Best effort.
    }
  };

  const finish = (l: Live, state: ChainRun['state'], message: string | null): void => {
    if (l.timer) clearTimeout(l.timer);
    l.timer = null;
    l.run.state = state;
    l.run.message = message;
    l.run.endedAt = ctx.now();
    for (const s of l.run.steps) if (s.phase === 'waiting') s.phase = state === 'stopped' ? 'stopped' : 'skipped';
    publish(l);
    for (const w of l.waiters.splice(0)) w(structuredClone(l.run));
  };

  const fireStep = async (l: Live, index: number, prev: PrevValues | null): Promise<void> => {
    const step = l.chain.steps[index];
    const sr = l.run.steps[index];
    if (!step || !sr || !running(l)) return;
    const body = prev === null ? step.body : fillPrev(step.body, prev);
    sr.phase = 'firing';
    sr.body = body;
    publish(l);
    let result: FireResult;
    try {
      result = await desk.fire({ id: step.triggerId, body });
    } catch (err) {
      sr.phase = 'failed';
      // Plain words of the fire path, masked again: the run record is a plain-text file.
      sr.message = redact(err instanceof Error ? err.message : String(err), [...ctx.vault.knownSecrets()]);
      if (running(l)) finish(l, 'failed', `Step ${index + 1} (${sr.triggerName}) could not be fired: ${sr.message}`);
      else publish(l);
      return;
    }
    sr.historyId = result.id;
    if (result.outcome !== 'accepted') {
      sr.phase = 'failed';
      sr.message = fireWords(result);
      if (running(l)) finish(l, 'failed', `Step ${index + 1} (${sr.triggerName}) was not accepted: ${sr.message}`);
      else publish(l);
      return;
    }
    const watch = desk.watches.list().find((w) => w.historyId === result.id);
    if (!watch) {
      sr.phase = 'failed';
      sr.message = 'The run cannot be followed here, so the next step cannot know when to start.';
      if (running(l)) finish(l, 'failed', `Step ${index + 1} (${sr.triggerName}): ${sr.message}`);
      return;
    }
    sr.watchId = watch.id;
    sr.phase = 'running';
    publish(l);
    follow(l, index, body);
  };

  const follow = (l: Live, index: number, body: string): void => {
    const sr = l.run.steps[index];
    if (!sr?.watchId || closed) return;
    let w: WatchState;
    try {
      w = desk.watches.get(sr.watchId);
    } catch {
      sr.phase = 'failed';
      sr.message = 'Its watch is gone.';
      if (running(l))
        finish(l, 'failed', `Step ${index + 1} (${sr.triggerName}): its watch is gone, so the chain cannot go on.`);
      return;
    }
    sr.planExecutionId = w.execution?.planExecutionId ?? sr.planExecutionId;
    const status = w.execution?.status.status ?? w.processing?.status.status ?? null;
    if (status !== sr.status) {
      sr.status = status;
      publish(l);
    }
    if (w.ended === null) {
      l.timer = setTimeout(() => {
        follow(l, index, body);
      }, LOOK_MS);
      return;
    }
    const success = w.phase === 'ended' && w.execution?.status.status === 'Success';
    const ran = w.phase === 'ended';
    sr.phase = success ? 'succeeded' : ran ? 'ended' : 'failed';
    sr.message = w.ended.reason;
    if (!running(l)) {
      publish(l);
      return;
    }
    const next = l.chain.steps[index + 1];
    if (!next) {
      if (success) finish(l, 'succeeded', null);
      else
        finish(l, 'failed', `The last step (${sr.triggerName}) ended ${status ?? 'without a run'}: ${w.ended.reason}`);
      return;
    }
    if (!success && !(next.after === 'terminal' && ran)) {
      sr.phase = 'failed';
      finish(
        l,
        'failed',
        `Step ${index + 1} (${sr.triggerName}) ended ${status ?? 'without a run'}, so step ${index + 2} did not start: ${w.ended.reason}`,
      );
      return;
    }
    publish(l);
    void fireStep(l, index + 1, prevOf(w, body));
  };

  const find = (runId: string): Live => {
    const l = live.get(runId);
    if (!l)
      throw new DeskError(
        'not-found',
        'That chain run is not running here (it ended before the app restarted, or never started).',
      );
    return l;
  };

  return {
    run(chainId) {
      if (closed) throw new DeskError('internal', 'The backend is closing.');
      const chain = structuredClone(getChain(ctx, chainId));
      const names = liveTriggerNames(ctx);
      const problems = checkChain(chain.steps, names);
      if (problems.length > 0) {
        throw new DeskError(
          'invalid-args',
          `The chain "${chain.name}" was not started: ${problems.map((p) => p.message).join('; ')}`,
        );
      }
      const steps: ChainStepRun[] = chain.steps.map((s) => ({
        triggerId: s.triggerId,
        triggerName: names.get(s.triggerId) ?? '',
        phase: 'waiting',
        body: null,
        historyId: null,
        watchId: null,
        planExecutionId: null,
        status: null,
        message: null,
      }));
      const run: ChainRun = {
        id: newId(),
        chainId: chain.id,
        chainName: chain.name,
        state: 'running',
        steps,
        startedAt: ctx.now(),
        endedAt: null,
        message: null,
        seq: 0,
      };
      const l: Live = { run, chain, timer: null, waiters: [] };
      live.set(run.id, l);
      publish(l);
      void fireStep(l, 0, null);
      return structuredClone(run);
    },
    stop(runId) {
      const l = find(runId);
      if (running(l))
        finish(
          l,
          'stopped',
          'Stopped by you: nothing more fires (a run already started goes on in Harness; abort it from its watch).',
        );
      return structuredClone(l.run);
    },
    get: (runId) => structuredClone(find(runId).run),
    has: (runId) => live.has(runId),
    done(runId) {
      const l = find(runId);
      if (l.run.state !== 'running') return Promise.resolve(structuredClone(l.run));
      return new Promise((resolve) => l.waiters.push(resolve));
    },
    close() {
      closed = true;
      for (const l of live.values()) {
        if (l.timer) clearTimeout(l.timer);
        l.timer = null;
      }
    },
  };
}
