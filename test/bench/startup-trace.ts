// Where start-up time goes: the web host's "Start-up trace" line (TRIGGER_DESK_TRACE=1, performance
// marks in the host and the backend) and the page's own timings, both as ms after the bench spawned
// the host, so the pieces line up from process start to the trigger list.
import type { Page } from '@playwright/test';

/** The host's pieces, in the order they end on the critical path. */
export const HOST_PIECES = [
  'host-code-loaded',
  'stores-open',
  'vault-probed',
  'sandbox-up',
  'backend-ready',
  'host-listening',
] as const;
export const PAGE_PIECES = ['navigation-start', 'renderer-loaded', 'first-paint', 'first-data'] as const;
export type Piece = 'process-start' | (typeof HOST_PIECES)[number] | (typeof PAGE_PIECES)[number] | 'list-interactive';

export type Trace = Partial<Record<Piece, number>>;

/** Reads the host's trace line into ms after `spawnedAt` (epoch ms). */
export function hostTrace(line: string, spawnedAt: number): Trace {
  const parsed = JSON.parse(line) as { processStart: number; at: Record<string, number> };
  const start = parsed.processStart - spawnedAt;
  const trace: Trace = { 'process-start': start };
  for (const piece of HOST_PIECES) {
    const at = parsed.at[piece];
    if (at !== undefined) trace[piece] = start + at;
  }
  return trace;
}

/** The page's navigation, load, first paint and first data reply, in ms after `spawnedAt` (epoch ms). */
export async function pageTrace(page: Page, spawnedAt: number): Promise<Trace> {
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const data = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.name.includes('/api/triggers:list'))
      .map((r) => r.responseEnd);
    return {
      origin: performance.timeOrigin,
      loaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
      paint: paint?.startTime ?? Number.NaN,
      data: data.length > 0 ? Math.min(...data) : Number.NaN,
    };
  });
  const origin = t.origin - spawnedAt;
  return {
    'navigation-start': origin,
    'renderer-loaded': origin + t.loaded,
    'first-paint': origin + t.paint,
    'first-data': origin + t.data,
  };
}
