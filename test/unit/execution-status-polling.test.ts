// The polling pace of watches (electron/backend/watch/poll.ts): kind to Harness, one scheduler.
import { describe, expect, it } from 'vitest';
import { createScheduler, pollDelay, troubleDelay } from '../../electron/backend/watch/index';

const mid = () => 0.5;

describe('poll pace', () => {
  it('polls every second at first and eases to 15 s on long runs, with ±15 % jitter', () => {
    expect(pollDelay(0, 1, mid)).toBe(1000);
    expect(pollDelay(20_000, 1, mid)).toBe(2000);
    expect(pollDelay(90_000, 1, mid)).toBe(5000);
    expect(pollDelay(200_000, 1, mid)).toBe(10_000);
    expect(pollDelay(3_600_000, 1, mid)).toBe(15_000);
    expect(pollDelay(0, 1, () => 0)).toBe(850);
    expect(pollDelay(0, 1, () => 0.999_999)).toBe(1150);
    expect(pollDelay(0, 0.05, mid)).toBe(50);
  });

  it('backs off after failures: 1, 2, 4 ... 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => troubleDelay(n, 1, mid))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });
});

describe('scheduler', () => {
  it('runs due ids in time order, a later call replacing the earlier one, cancel dropping it', async () => {
    const ran: string[] = [];
    const s = createScheduler((id) => {
      ran.push(id);
      return Promise.resolve();
    });
    const t = Date.now();
    s.at('c', t + 60);
    s.at('a', t + 20);
    s.at('b', t + 40);
    s.at('a', t + 80); // replaces a@20
    s.at('x', t + 30);
    s.cancel('x');
    await new Promise((r) => setTimeout(r, 150));
    expect(ran).toEqual(['b', 'c', 'a']);
    expect(s.size()).toBe(0);
    s.close();
  });

  it('keeps at most maxInFlight polls running; the rest wait their turn', async () => {
    let running = 0;
    let peak = 0;
    let done = 0;
    const s = createScheduler(
      async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        done++;
      },
      { maxInFlight: 3 },
    );
    for (let i = 0; i < 12; i++) s.at(`w${String(i)}`, Date.now());
    await new Promise((r) => setTimeout(r, 250));
    expect(done).toBe(12);
    expect(peak).toBe(3);
    s.close();
  });
});
