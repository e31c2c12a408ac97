// Sends payloads to the analysis worker and hands back the newest answer per editor. Where a
// worker cannot start (an odd host), the analysis runs on the page after a short pause instead.
import type { PayloadPath } from '../../../shared/harness/payload-paths';
import { analyze, type Analysis, type AnalyzeRequest } from './analysis';

type Listener = (a: Analysis) => void;

let worker: Worker | null | undefined;
let seq = 0;
const listeners = new Map<string, Listener>();
const sentAt = new Map<number, number>();

/** Round trips (post → answer) of the last analyses, for the bench. */
export const roundTrips: number[] = [];

function deliver(a: Analysis): void {
  if (unanswered.get(a.key)?.seq === a.seq) unanswered.delete(a.key);
  const at = sentAt.get(a.seq);
  if (at !== undefined) {
    roundTrips.push(performance.now() - at);
    if (roundTrips.length > 200) roundTrips.shift();
    sentAt.delete(a.seq);
  }
  listeners.get(a.key)?.(a);
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'payload-analysis' });
    worker.addEventListener('message', (e: MessageEvent<Analysis>) => {
      deliver(e.data);
    });
    // A worker that cannot load (e.g. a host that refuses module workers): analyse on the page,
    // starting with the requests the worker never answered.
    worker.addEventListener('error', () => {
      worker = null;
      for (const r of unanswered.values()) fallback(r);
      unanswered.clear();
    });
  } catch {
    worker = null;
  }
  return worker;
}

const fallbackTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** The newest request per editor that the worker has not answered yet. */
const unanswered = new Map<string, AnalyzeRequest>();

function fallback(r: AnalyzeRequest): void {
  clearTimeout(fallbackTimers.get(r.key));
  fallbackTimers.set(
    r.key,
    setTimeout(() => {
      deliver(analyze(r));
    }, 150),
  );
}

export function requestAnalysis(key: string, text: string, json: boolean, paths: PayloadPath[]): number {
  const r: AnalyzeRequest = { seq: ++seq, key, text, json, paths };
  sentAt.set(r.seq, performance.now());
  const w = getWorker();
  if (w) {
    unanswered.set(key, r);
    w.postMessage(r);
  } else fallback(r);
  return r.seq;
}

export function onAnalysis(key: string, listener: Listener): () => void {
  listeners.set(key, listener);
  return () => {
    if (listeners.get(key) === listener) listeners.delete(key);
  };
}
