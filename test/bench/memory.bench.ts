// Issue 2: backend memory at rest and its growth over 1,000 fires (target: under 10 MB).
// Run with --expose-gc (npm run bench does) so the figures are after a full collection.
import { figure, type Figure } from './figures';
import { openBenchBackend, plainSandboxTrigger } from './backend';

const MB = 1024 * 1024;

async function settledRss(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage().rss;
}

export async function run(): Promise<Figure[]> {
  const bench = await openBenchBackend();
  try {
    const trigger = await plainSandboxTrigger(bench);
    const body = trigger.payloads[0]?.body ?? '{}';
    const fire = async (n: number) => {
      for (let i = 0; i < n; i++) await bench.backend.handlers['triggers:fire']({ id: trigger.id, body });
    };
    await fire(100);
    const atRest = await settledRss();
    await fire(1000);
    const after = await settledRss();
    return [
      figure('memory: backend RSS at rest (with sandbox)', atRest / MB, 'MB'),
      figure('memory: backend RSS growth after 1,000 fires', (after - atRest) / MB, 'MB', { max: 10 }),
    ];
  } finally {
    await bench.close();
  }
}
