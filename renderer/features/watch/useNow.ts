// A clock for live durations: ticks while `live`, stands still otherwise (no timers for ended runs).
import { useEffect, useState } from 'react';

export function useNow(live: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    setNow(Date.now());
    const timer = setInterval(() => {
      setNow(Date.now());
    }, everyMs);
    return () => {
      clearInterval(timer);
    };
  }, [live, everyMs]);
  return now;
}

/**
 * A duration measured by Harness at `measuredAt`, carried forward on this computer's clock while
 * it still runs (so clock skew between Harness and this machine does not matter).
 */
export function liveDuration(
  durationMs: number | null,
  running: boolean,
  measuredAt: number,
  now: number,
): number | null {
  if (durationMs === null) return null;
  return running ? durationMs + Math.max(0, now - measuredAt) : durationMs;
}
