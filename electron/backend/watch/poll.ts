// When to poll, kindly: every second at first, easing to 15 s on long runs, with jitter so many
// watches never poll in step; after a failed poll, exponential backoff up to 30 s. One scheduler
// (a min-heap and a single timer) serves every watch, with a cap on polls in flight, so 500 live
// watches cost one timer, not 500.

/** Base delays by how long the watch has run (ms since start → delay). Scaled by `scale` in tests. */
const STEPS: [number, number][] = [
  [10_000, 1000],
  [30_000, 2000],
  [60_000, 3000],
  [120_000, 5000],
  [300_000, 10_000],
];
const LONG_RUN_DELAY = 15_000;
const TROUBLE_MAX = 30_000;
const JITTER = 0.15;

export function pollDelay(sinceStartMs: number, scale: number, random: () => number): number {
  const base = STEPS.find(([upTo]) => sinceStartMs < upTo)?.[1] ?? LONG_RUN_DELAY;
  return Math.round(base * scale * (1 + (random() * 2 - 1) * JITTER));
}

/** After the n-th failed poll in a row (n ≥ 1): 1 s, 2 s, 4 s, ... 30 s. */
export function troubleDelay(failures: number, scale: number, random: () => number): number {
  const base = Math.min(TROUBLE_MAX, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * scale * (1 + (random() * 2 - 1) * JITTER));
}

interface Slot {
  at: number;
  id: string;
  seq: number;
}

export interface Scheduler {
  /** (Re)schedules `id`; a later call replaces the earlier one. */
  at(id: string, when: number): void;
  cancel(id: string): void;
  size(): number;
  close(): void;
}

/**
 * `run` is called for each due id, at most `maxInFlight` at a time; a due id waits for a free slot.
 * `now` and the timer are real time: tests scale the delays instead.
 */
export function createScheduler(
  run: (id: string) => Promise<void>,
  o: { maxInFlight?: number; now?: () => number } = {},
): Scheduler {
  const now = o.now ?? Date.now;
  const maxInFlight = o.maxInFlight ?? 32;
  const heap: Slot[] = [];
  const current = new Map<string, number>();
  const ready: string[] = [];
  let seq = 0;
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let closed = false;

  const less = (a: Slot, b: Slot): boolean => a.at < b.at;
  const push = (s: Slot): void => {
    heap.push(s);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const node = heap[i];
      const parent = heap[p];
      if (!node || !parent || !less(node, parent)) break;
      heap[i] = parent;
      heap[p] = node;
      i = p;
    }
  };
  const pop = (): Slot | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      let m = i;
      for (const c of [2 * i + 1, 2 * i + 2]) {
        const child = heap[c];
        const best = heap[m];
        if (child && best && less(child, best)) m = c;
      }
      if (m === i) break;
      const a = heap[i] as Slot;
      heap[i] = heap[m] as Slot;
      heap[m] = a;
      i = m;
    }
    return top;
  };

  const drain = (): void => {
    while (inFlight < maxInFlight && ready.length > 0) {
      const id = ready.shift() ?? '';
      inFlight++;
      void run(id)
        .catch(() => undefined)
        .finally(() => {
          inFlight--;
          drain();
        });
    }
  };

  const arm = (): void => {
    if (closed) return;
    // Drop slots that were replaced or cancelled.
    while (heap.length > 0 && current.get(heap[0]?.id ?? '') !== heap[0]?.seq) pop();
    const top = heap[0];
    if (!top) return;
    if (timer && timerAt <= top.at) return;
    if (timer) clearTimeout(timer);
    timerAt = top.at;
    timer = setTimeout(tick, Math.max(0, top.at - now()));
  };

  function tick(): void {
    timer = null;
    timerAt = Infinity;
    const t = now();
    while (heap.length > 0 && (heap[0]?.at ?? Infinity) <= t) {
      const s = pop();
      if (!s || current.get(s.id) !== s.seq) continue;
      current.delete(s.id);
      ready.push(s.id);
    }
    drain();
    arm();
  }

  return {
    at(id, when) {
      if (closed) return;
      seq++;
      current.set(id, seq);
      push({ at: when, id, seq });
      arm();
    },
    cancel(id) {
      current.delete(id);
      const i = ready.indexOf(id);
      if (i >= 0) ready.splice(i, 1);
    },
    size: () => current.size + ready.length,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      heap.length = 0;
      ready.length = 0;
      current.clear();
    },
  };
}
