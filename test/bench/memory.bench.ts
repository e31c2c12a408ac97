// Issue 2: backend memory at rest and its growth over 1,000 fires (target: under 10 MB).
// Run with --expose-gc (npm run bench does) so the figures are after a full collection. The first
// thousand fires also grow the process by compiled code and pools (reported, not a leak); the
// target is checked on the next thousand, the steady state.
import { figure, type Figure } from './figures';
import { openBenchBackend, plainSandboxTrigger } from './backend';

const MB = 1024 * 1024;

async function settled(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage();
}

export async function run(): Promise<Figure[]> {
  const bench = await openBenchBackend();
  try {
    const trigger = await plainSandboxTrigger(bench);
    const body = trigger.payloads[0]?.body ?? '{}';
    const fire = async (n: number) => {
      for (let i = 0; i < n; i++) await bench.backend.handlers['triggers:fire']({ id: trigger.id, body });
    };
    await fire(10);
    const fresh = await settled();
    await fire(1000);
    const warm = await settled();
    await fire(1000);
    const after = await settled();
    return [
      figure('memory: backend RSS at rest (backend alone; sandbox in its own process)', warm.rss / MB, 'MB'),
      figure('memory: backend RSS growth, first 1,000 fires (warm-up: compiled code, pools)', (warm.rss - fresh.rss) / MB, 'MB'),
      figure('memory: backend RSS growth, next 1,000 fires', (after.rss - warm.rss) / MB, 'MB', { max: 10 }),
      figure('memory: backend JS heap growth, next 1,000 fires', (after.heapUsed - warm.heapUsed) / MB, 'MB', { max: 10 }),
    ];
  } finally {
    await bench.close();
  }
}
