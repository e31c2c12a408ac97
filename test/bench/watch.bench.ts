// 500 concurrent watches against the sandbox in a process of its own (--speed 20), at the
// real polling pace. All 500 runs wait for an approval, so all 500 watches are live and polling at
// once while the backend's CPU and resident memory are measured; then half are approved (Success)
// and half rejected (ApprovalRejected): every watch must see exactly one terminal transition, with
// the right status. Then a soak (BENCH_SOAK_S, default 60 s; the
// issue asks 600) keeps 200 watches live and reports the memory slope in MB/min.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/index';
import type { EventName, Events } from '../../shared/events';
import type { WatchState } from '../../shared/watch-model';
import { figure, type Figure } from './figures';

const WATCHES = 500;
const SOAK_LIVE = 200;
const STEADY_MS = 10_000;
const APPROVAL_TOKEN = 'Appr0vaLWa1tQ8rT5mK2sB';

function startSandbox(): Promise<{ child: ChildProcess; curls: string[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/sandbox/cli.ts', '--port', '0', '--speed', '20'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Press Ctrl+C')) resolve({ child, curls: out.split('\n').filter((l) => l.startsWith('curl ')) });
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited ${String(code)}: ${out}`)));
  });
}

/** Least-squares slope of (minutes, MB). */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const num = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const den = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export async function run(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'td-bench-watch-'));
  const sandbox = await startSandbox();
  // Per watch: how many terminal updates, and the first one's status (not the states: the soak
  // would measure this bench's own memory).
  const ended = new Map<string, { count: number; status: string }>();
  const waiting = new Map<string, string>();
  const waiters = new Set<() => void>();
  const backend = await createBackend({
    dataDir,
    mode: 'web',
    version: 'bench',
    vaultService: `trigger-desk-bench-${String(process.pid)}`,
    env: { ...process.env, TRIGGER_DESK_POLL_SCALE: '1' },
    notify: <E extends EventName>(name: E, payload: Events[E]) => {
      if (name !== 'watch:update') return;
      const s = payload as WatchState;
      if (s.ended === null) {
        if (s.needsPerson !== null && s.execution && !waiting.has(s.id)) {
          waiting.set(s.id, s.execution.planExecutionId);
          for (const w of waiters) w();
        }
        return;
      }
      const seen = ended.get(s.id);
      if (seen) seen.count++;
      else ended.set(s.id, { count: 1, status: s.execution?.status.status ?? s.phase });
      for (const w of waiters) w();
    },
  });
  const h = backend.handlers;
  try {
    const ws = await h['workspaces:create']({ name: 'Bench watches' });
    // The plain example (Success) and the failing one (Failed), alternately.
    const plain = (await h['triggers:importCurl']({ workspaceId: ws.id, text: sandbox.curls[0] ?? '' })).trigger;
    const failing = sandbox.curls.find((c) => c.includes('F4ilSt4geN1ghtlyXy7QwE')) ?? '';
    const fails = (await h['triggers:importCurl']({ workspaceId: ws.id, text: failing })).trigger;
    const approvalCurl = sandbox.curls.find((c) => c.includes(APPROVAL_TOKEN)) ?? '';
    const approval = (await h['triggers:importCurl']({ workspaceId: ws.id, text: approvalCurl })).trigger;
    const sandboxBase = new URL(approval.parsed.url).origin;
    await h['history:setRetention']({ maxEntries: 2000 });

    const expected = new Map<string, string>();
    const fireOne = async (i: number, approvalRun = false): Promise<string> => {
      const t = approvalRun ? approval : i % 2 === 0 ? plain : fails;
      const r = await h['triggers:fire']({ id: t.id, body: `{"n":${String(i)}}` });
      if (r.outcome !== 'accepted') throw new Error(`bench: fire ${String(i)} was ${r.outcome}`);
      const watch = (await h['watches:list']({})).find((w) => w.historyId === r.id);
      if (!watch) throw new Error('bench: no watch for a fire');
      expected.set(
        watch.id,
        approvalRun ? (i % 2 === 0 ? 'Success' : 'ApprovalRejected') : t === plain ? 'Success' : 'Failed',
      );
      return watch.id;
    };
    const allEnded = (ids: string[], timeoutMs: number, map: Map<string, unknown> = ended) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (ids.every((id) => map.has(id))) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`bench: ${String(ids.filter((id) => !map.has(id)).length)} watches did not get there`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });

    // 500 at once, fired 25 at a time; all of them wait for an approval.
    const ids: string[] = [];
    for (let i = 0; i < WATCHES; i += 25)
      ids.push(...(await Promise.all(Array.from({ length: 25 }, (_, k) => fireOne(i + k, true)))));
    await allEnded(ids, 120_000, waiting);
    const live = (await h['watches:list']({})).filter((w) => w.ended === null).length;
    // Steady state: 500 live watches polling at the real pace.
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, STEADY_MS));
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - t0;
    clearInterval(sampler);
    const t1 = performance.now();
    for (let i = 0; i < ids.length; i += 25) {
      await Promise.all(
        ids.slice(i, i + 25).map(async (id, k) => {
          const res = await fetch(`${sandboxBase}/_sandbox/approve/${waiting.get(id) ?? ''}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ approved: (i + k) % 2 === 0 }),
          });
          if (res.status !== 200) throw new Error(`bench: approve answered ${String(res.status)}`);
        }),
      );
    }
    await allEnded(ids, 120_000);
    const endWall = performance.now() - t1;
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would show up here
    let missed = 0;
    let duplicated = 0;
    let wrong = 0;
    for (const id of ids) {
      const seen = ended.get(id);
      if (!seen) missed++;
      else if (seen.count > 1) duplicated++;
      if (seen?.status !== expected.get(id)) wrong++;
    }

    // Soak: keep SOAK_LIVE watches live for BENCH_SOAK_S seconds; sample memory every 5 s.
    const soakS = Number(process.env.BENCH_SOAK_S ?? '60') || 60;
    // A small retention, so the history reaches its steady size early in the soak.
    await h['history:setRetention']({ maxEntries: 500 });
    const soakEnd = Date.now() + soakS * 1000;
    const rssSamples: [number, number][] = [];
    const heapSamples: [number, number][] = [];
    const soakStart = Date.now();
    const soakSampler = setInterval(
      () => {
        const minutes = (Date.now() - soakStart) / 60_000;
        // The first fifth is warm-up (JIT, pools, the history filling up to its retention).
        if (minutes < soakS / 60 / 5) return;
        (globalThis as { gc?: () => void }).gc?.();
        const m = process.memoryUsage();
        rssSamples.push([minutes, m.rss / 1048576]);
        heapSamples.push([minutes, m.heapUsed / 1048576]);
      },
      Math.min(5000, (soakS * 1000) / 24),
    );
    let fired = 0;
    let soakLive = 0;
    await new Promise<void>((resolve) => {
      const refill = () => {
        if (Date.now() >= soakEnd) {
          if (soakLive === 0) resolve();
          return;
        }
        while (soakLive < SOAK_LIVE) {
          soakLive++;
          const n = fired++;
          void fireOne(WATCHES + n)
            .then(async (id) => {
              await allEnded([id], 120_000);
              ended.delete(id);
              expected.delete(id);
            })
            .catch(() => undefined)
            .finally(() => {
              soakLive--;
              refill();
            });
        }
      };
      refill();
    });
    clearInterval(soakSampler);
    return [
      figure('watch: 500 concurrent watches, missed terminal transitions', missed, '', { max: 1 }),
      figure('watch: 500 concurrent watches, duplicated terminal transitions', duplicated, '', { max: 1 }),
      figure('watch: 500 concurrent watches, wrong final status', wrong, '', { max: 1 }),
      figure('watch: live watches at once', live, '', { min: WATCHES - 1 }),
      figure(
        'watch: 500 live watches polling, backend CPU',
        ((cpu.user + cpu.system) / 1000 / wall) * 100,
        '% of a core',
      ),
      figure('watch: 500 live watches polling, backend peak RSS', peakRss / 1048576, 'MB'),
      figure('watch: 500 runs approved → all 500 watches ended', endWall / 1000, 's'),
      figure(`watch: soak ${String(soakS)} s with ${String(SOAK_LIVE)} live, fires`, fired, ''),
      figure(`watch: soak ${String(soakS)} s, RSS slope`, slope(rssSamples), 'MB/min', { max: 5 }),
      figure(`watch: soak ${String(soakS)} s, heap slope`, slope(heapSamples), 'MB/min', { max: 2 }),
      figure(`watch: soak ${String(soakS)} s, RSS at the end`, rssSamples.at(-1)?.[1] ?? Number.NaN, 'MB'),
    ];
  } finally {
    await backend.close();
    sandbox.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
