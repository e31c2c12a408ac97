// Backend memory at rest and its growth over 1,000 fires (target: under 10 MB).
// Run with --expose-gc (npm run bench does) so the figures are after a full collection. The first
// thousand fires also grow the process by compiled code and pools (reported, not a leak); the
// target is checked on the next thousand, the steady state. Every fire starts a watch that lives
// until its run ends: memory is read once the runs have ended (the sandbox runs them 20× faster),
// so what remains is what the backend keeps, i.e. the history entries (bounded by retention).
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

async function watchesEnded(bench: Awaited<ReturnType<typeof openBenchBackend>>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const live = (await bench.backend.handlers['watches:list']({})).filter((w) => w.ended === null);
    if (live.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('bench: watches still live after 2 minutes');
}

export async function run(): Promise<Figure[]> {
  const bench = await openBenchBackend(20);
  try {
    const trigger = await plainSandboxTrigger(bench);
    const body = trigger.payloads[0]?.body ?? '{}';
    const fire = async (n: number) => {
      for (let i = 0; i < n; i++) await bench.backend.handlers['triggers:fire']({ id: trigger.id, body });
    };
    await fire(10);
    await watchesEnded(bench);
    const fresh = await settled();
    await fire(1000);
    await watchesEnded(bench);
    const warm = await settled();
    await fire(1000);
    await watchesEnded(bench);
    const after = await settled();
    return [
      figure('memory: backend RSS at rest (backend alone; sandbox in its own process)', warm.rss / MB, 'MB'),
      figure(
        'memory: backend RSS growth, first 1,000 fires (warm-up: compiled code, pools)',
        (warm.rss - fresh.rss) / MB,
        'MB',
      ),
      figure('memory: backend RSS growth, next 1,000 fires', (after.rss - warm.rss) / MB, 'MB', { max: 10 }),
      figure('memory: backend JS heap growth, next 1,000 fires', (after.heapUsed - warm.heapUsed) / MB, 'MB', {
        max: 10,
      }),
    ];
  } finally {
    await bench.close();
  }
}
