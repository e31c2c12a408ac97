// The page's side of the regex deadline (shared/harness/java-regex-run.ts): a pattern that needs
// backtracking never runs on the page's thread. The evaluation asks, the row says "still checking"
// and the job goes to a Web Worker; when the answer comes (usually within milliseconds) the lab and
// the matrix evaluate again and find it here. A job still running when its evaluation's budget runs
// out gets its worker terminated (a fresh one takes the next job) and the answer "too long".
import { useSyncExternalStore } from 'react';
import {
  REGEX_DEADLINE_MS,
  setBoundedRunner,
  type BoundedRunner,
  type RegexAnswer,
  type RegexJob,
} from '../../../shared/harness/java-regex-run';

type Outcome = RegexAnswer | 'too-long';
interface Budget {
  left: number;
}
interface Queued {
  key: string;
  job: RegexJob;
  budget: Budget;
}
interface Reply {
  key: string;
  started?: boolean;
  answer?: RegexAnswer;
  failed?: string;
}

const MAX_ANSWERS = 500;
const answers = new Map<string, Outcome>();
const queue: Queued[] = [];
const queued = new Set<string>();
let worker: Worker | null = null;
let running: { q: Queued; started: number; timer: number } | null = null;
/** How long a fresh worker may take to load before its job is given up. */
const START_MS = 10_000;
let budget: { evaluation: number; budget: Budget } | null = null;

let version = 0;
let notifyTimer: number | null = null;
const listeners = new Set<() => void>();

const keyOf = (job: RegexJob): string => `${job.dotAll ? 's' : '-'}${job.op}\u0000${job.pattern}\u0000${job.input}`;

/** Re-render readers once the queue is drained, or every quarter second while it is not (the matrix asks many). */
function notifySoon(): void {
  const fire = (): void => {
    notifyTimer = null;
    version++;
    for (const l of listeners) l();
  };
  if (!running && queue.length === 0) {
    if (notifyTimer !== null) window.clearTimeout(notifyTimer);
    fire();
  } else notifyTimer ??= window.setTimeout(fire, 250);
}

function settle(q: Queued, outcome: Outcome): void {
  answers.set(q.key, outcome);
  queued.delete(q.key);
  while (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value ?? '');
  notifySoon();
}

function startWorker(): Worker | null {
  try {
    const w = new Worker(new URL('./regex-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<Reply>) => {
      const r = running;
      if (!r || e.data.key !== r.q.key) return;
      window.clearTimeout(r.timer);
      if (e.data.started) {
        r.started = performance.now();
        r.timer = window.setTimeout(() => {
          stop(w, r.q);
        }, r.q.budget.left);
        return;
      }
      r.q.budget.left -= performance.now() - r.started;
      running = null;
      settle(r.q, e.data.answer ?? 'too-long');
      next();
    };
    return w;
  } catch {
    return null; // no worker here: backtracking patterns are "too long" rather than a frozen page
  }
}

function next(): void {
  if (running) return;
  const q = queue.shift();
  if (!q) return;
  worker ??= startWorker();
  const w = worker;
  if (!w || q.budget.left <= 0) {
    settle(q, 'too-long');
    next();
    return;
  }
  running = {
    q,
    started: performance.now(),
    timer: window.setTimeout(() => {
      stop(w, q);
    }, START_MS),
  };
  w.postMessage({ key: q.key, job: q.job });
}

/** Past the deadline: the worker is thrown away with the pattern still running in it. */
function stop(w: Worker, q: Queued): void {
  w.terminate();
  worker = null;
  running = null;
  q.budget.left = 0;
  settle(q, 'too-long');
  next();
}

const pageRunner: BoundedRunner = (job, ms, evaluation) => {
  const key = keyOf(job);
  const known = answers.get(key);
  if (known !== undefined) return known;
  if (!queued.has(key)) {
    // One budget for every job of one evaluation, as in Node.
    if (budget?.evaluation !== evaluation) budget = { evaluation, budget: { left: Math.min(ms, REGEX_DEADLINE_MS) } };
    queue.push({ key, job, budget: budget.budget });
    queued.add(key);
    queueMicrotask(next);
  }
  return 'pending';
};

setBoundedRunner(pageRunner);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes whenever answers arrived: a dependency that makes an evaluation run again. */
export function useRegexAnswers(): number {
  return useSyncExternalStore(subscribe, () => version);
}
