// Watches when the network misbehaves, and where the key may go: connection drops and 5xx storms
// are "connection trouble" then recovery (never a failed run); an apiUrl on another origin never
// receives the key; a restart resumes the live watches. Run under scripts/with-keyring.sh.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import { uniqueService } from '../helpers/keychain';
import { example, isEnded, openDesk, type Desk } from './watch-helpers';

let sandbox: Sandbox;
let desk: Desk;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 4 });
  desk = await openDesk();
});

afterAll(async () => {
  await desk.close();
  await sandbox.close();
});

// A test that fails mid-fault must not leave the next one talking to a broken sandbox.
afterEach(() => {
  sandbox.setFaults({ resetConnections: false, status5xx: null });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fire(d: Desk, sb: Sandbox, kind: string): Promise<{ watchId: string; historyId: string }> {
  const t = await d.importExample(sb, example(sb, kind));
  const result = await d.backend.handlers['triggers:fire']({ id: t.id, body: '{"tag":"v2"}' });
  expect(result.outcome).toBe('accepted');
  const w = (await d.backend.handlers['watches:list']({})).find((x) => x.historyId === result.id);
  if (!w) throw new Error('no watch');
  return { watchId: w.id, historyId: result.id };
}

describe('connection trouble', () => {
  it('a connection drop mid-watch shows connection trouble, then the run is followed to Success', async () => {
    const { watchId } = await fire(desk, sandbox, 'plain');
    await desk.until(watchId, (s) => s.phase === 'running');
    sandbox.setFaults({ resetConnections: true });
    const troubled = await desk.until(watchId, (s) => s.connectionTrouble !== null);
    expect(troubled.connectionTrouble).toMatch(/Connection trouble/);
    expect(troubled.ended).toBeNull();
    await sleep(400);
    sandbox.setFaults({ resetConnections: false });
    const end = await desk.until(watchId, isEnded);
    expect(end.execution?.status.status).toBe('Success');
    expect(end.connectionTrouble).toBeNull();
    expect(desk.updates(watchId).filter(isEnded)).toHaveLength(1);
  });

  it('a 5xx storm is connection trouble with backoff, never the run failing', async () => {
    const { watchId } = await fire(desk, sandbox, 'plain');
    await desk.until(watchId, (s) => s.polls > 0 && s.phase !== 'pending');
    sandbox.clearReceived();
    sandbox.setFaults({ status5xx: 503 });
    const troubled = await desk.until(watchId, (s) => (s.connectionTrouble ?? '').includes('HTTP 503'));
    expect(troubled.ended).toBeNull();
    await sleep(600);
    // Backoff: in 600 ms at 0.05 scale (50, 100, 200, 400 ms...) only a handful of tries, not one per tick.
    const tries = sandbox.received.filter((r) => r.path.includes('triggerExecutionDetails')).length;
    expect(tries).toBeGreaterThan(1);
    expect(tries).toBeLessThan(8);
    sandbox.setFaults({ status5xx: null });
    const end = await desk.until(watchId, isEnded);
    expect(end.execution?.status.status).toBe('Success');
    expect(desk.updates(watchId).some((s) => s.ended !== null && s.phase !== 'ended')).toBe(false);
  });
});

describe('the key and other origins', () => {
  it('sends the key with apiUrl polls on the trigger’s origin, and never to another origin', async () => {
    // Same server, other origin: apiUrl says localhost while the trigger URL says 127.0.0.1.
    const foreign = await startSandbox({ port: 0, speed: 20, apiUrlBase: (b) => b.replace('127.0.0.1', 'localhost') });
    try {
      const secured = example(foreign, 'authorized');
      const key = secured.apiKey ?? '';
      expect(key).not.toBe('');
      const { watchId } = await fire(desk, foreign, 'authorized');
      const state = await desk.until(watchId, (s) => s.polls >= 2 || s.ended !== null);
      expect(state.apiUrl).toContain('//localhost:');
      const post = foreign.received.find((r) => r.method === 'POST');
      expect(post?.headers['x-api-key']).toBe(key);
      const polls = foreign.received.filter((r) => r.path.includes('triggerExecutionDetails'));
      expect(polls.length).toBeGreaterThan(0);
      for (const p of polls) expect(p.headers['x-api-key'], p.url).toBeUndefined();
      // Same origin: the key goes along.
      sandbox.clearReceived();
      const own = await fire(desk, sandbox, 'authorized');
      await desk.until(own.watchId, isEnded);
      const ownPolls = sandbox.received.filter((r) => r.path.includes('triggerExecutionDetails'));
      expect(ownPolls.length).toBeGreaterThan(0);
      for (const p of ownPolls) expect(p.headers['x-api-key']).toBe(key);
      await desk.backend.handlers['watch:stop']({ watchId }).catch(() => null);
    } finally {
      await foreign.close();
    }
  });
});

describe('restart', () => {
  it('resumes live watches after the backend restarts, with the same ids, and records the end', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'td-resume-'));
    const service = uniqueService('resume');
    try {
      const first = await openDesk({ dataDir, service });
      const { watchId, historyId } = await fire(first, sandbox, 'approval');
      const waiting = await first.until(watchId, (s) => s.needsPerson !== null);
      await first.close();

      const second = await openDesk({ dataDir, service });
      try {
        const resumed = (await second.backend.handlers['watches:list']({})).find((w) => w.id === watchId);
        expect(resumed).toMatchObject({ historyId, ended: null });
        await second.until(watchId, (s) => s.needsPerson !== null);
        sandbox.approve(waiting.execution?.planExecutionId ?? '');
        const end = await second.until(watchId, isEnded);
        expect(end.execution?.status.status).toBe('Success');
        expect(await second.backend.handlers['history:get']({ id: historyId })).toMatchObject({
          live: false,
          group: 'success',
        });
      } finally {
        await second.close();
      }
      // A third start has nothing to resume.
      const third = await openDesk({ dataDir, service });
      expect((await third.backend.handlers['watches:list']({})).length).toBe(0);
      await third.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
