// Watches against the real sandbox over HTTP (run under scripts/with-keyring.sh): every phase from
// queued to a terminal status, a condition miss, INVALID_RUNTIME_INPUT_YAML, an approval wait
// ("needs a person"), abort, and the history entry each fire leaves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_FILE } from '../../electron/backend/history/index';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import type { WatchState } from '../../shared/watch-model';
import { example, isEnded, openDesk, type Desk } from './watch-helpers';

let sandbox: Sandbox;
let desk: Desk;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    speed: 20,
    evaluate: (i) =>
      i.trigger.identifier === 'picky'
        ? {
            match: false,
            status: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
            note: 'Payload conditions did not match: env equals prod',
          }
        : { match: true },
  });
  desk = await openDesk();
});

afterAll(async () => {
  await desk.close();
  await sandbox.close();
});

async function fireAndWatch(kind: string, body = '{"tag":"v1"}'): Promise<{ watchId: string; historyId: string }> {
  const t = await desk.importExample(sandbox, example(sandbox, kind));
  const result = await desk.backend.handlers['triggers:fire']({ id: t.id, body });
  expect(result.outcome).toBe('accepted');
  const list = await desk.backend.handlers['watches:list']({});
  const w = list.find((x) => x.historyId === result.id);
  if (!w) throw new Error('no watch started for the fire');
  return { watchId: w.id, historyId: result.id };
}

function terminalUpdates(states: WatchState[]): WatchState[] {
  return states.filter(isEnded);
}

describe('a fire is durable when its answer comes back', () => {
  it('has its history line in the file before the answer is returned (accepted and refused alike)', async () => {
    for (const kind of ['plain', 'fails']) {
      const t = await desk.importExample(sandbox, example(sandbox, kind));
      const result = await desk.backend.handlers['triggers:fire']({ id: t.id, body: '{"tag":"durable"}' });
      // Read at once, in the same turn as the answer: nothing may still be waiting to be written.
      const file = readFileSync(join(desk.dataDir, HISTORY_FILE), 'utf8');
      const line = file.split('\n').find((l) => l.includes(`"id":"${result.id}"`));
      expect(line, `${kind}: the fire's line is on disk`).toBeDefined();
      expect(JSON.parse(line ?? '{}')).toMatchObject({
        t: 'add',
        e: { id: result.id, outcome: result.outcome, payload: '{"tag":"durable"}' },
      });
    }
  });
});

describe('a watch after each fire', () => {
  it('follows queued → requested → running → Success with stages in graph order', async () => {
    const { watchId, historyId } = await fireAndWatch('plain');
    const end = await desk.until(watchId, isEnded);
    const states = desk.updates(watchId);
    const phases = new Set(states.map((s) => s.phase));
    expect(phases.has('pending') || phases.has('processing')).toBe(true);
    expect(phases.has('running')).toBe(true);
    expect(end.phase).toBe('ended');
    expect(end.execution?.status).toMatchObject({ status: 'Success', tone: 'good' });
    expect(end.processing?.status.status).toBe('TARGET_EXECUTION_REQUESTED');
    // Build → (QA ‖ staging) → prod: the parallel pair sits in one step.
    expect(end.steps.map((s) => s.stages.map((x) => x.identifier))).toEqual([
      ['build'],
      ['deploy_qa', 'deploy_staging'],
      ['deploy_prod'],
    ]);
    expect(end.steps.map((s) => s.parallel)).toEqual([false, true, false]);
    for (const st of end.steps.flatMap((s) => s.stages)) expect(st.durationMs).toBeGreaterThanOrEqual(0);
    expect(terminalUpdates(states)).toHaveLength(1);
    // Nothing after the end.
    await new Promise((r) => setTimeout(r, 300));
    expect(terminalUpdates(desk.updates(watchId))).toHaveLength(1);
    expect(desk.updates(watchId).at(-1)?.ended).not.toBeNull();
    const entry = await desk.backend.handlers['history:get']({ id: historyId });
    expect(entry).toMatchObject({ group: 'success', live: false, status: { status: 'Success' } });
    expect(entry.runMs).toBeGreaterThan(0);
  });

  it('a failed stage ends Failed with its message', async () => {
    const { watchId, historyId } = await fireAndWatch('fails');
    const end = await desk.until(watchId, isEnded);
    expect(end.execution?.status.status).toBe('Failed');
    expect(end.failureMessages.length).toBeGreaterThan(0);
    const failed = end.steps.flatMap((s) => s.stages).find((s) => s.status.status === 'Failed');
    expect(failed?.failureMessage).toBeTruthy();
    expect(end.headline).toContain('Failed');
    expect((await desk.backend.handlers['history:get']({ id: historyId })).group).toBe('failed');
  });

  it('a condition miss ends without a run, in plain words', async () => {
    const e = sandbox.addTrigger({ name: 'Picky', identifier: 'picky' });
    const t = await desk.importExample(sandbox, e);
    const fired = await desk.backend.handlers['triggers:fire']({ id: t.id, body: '{"env":"dev"}' });
    const w = (await desk.backend.handlers['watches:list']({})).find((x) => x.historyId === fired.id);
    const end = await desk.until(w?.id ?? '', isEnded);
    expect(end.phase).toBe('not-started');
    expect(end.execution).toBeNull();
    expect(end.processing?.status).toMatchObject({ status: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS', tone: 'bad' });
    // Harness's own words as the failure; the sandbox's explanation apart, where the app shows it.
    expect(end.failureMessages).toEqual([
      `No Trigger matched conditions for payload event for Account: ${e.accountIdentifier}`,
    ]);
    expect(end.processing?.sandboxNote).toBe('Payload conditions did not match: env equals prod');
    expect(end.processing?.exceptionOccured).toBe(true);
    expect((await desk.backend.handlers['history:get']({ id: fired.id })).group).toBe('not-started');
  });

  it('INVALID_RUNTIME_INPUT_YAML ends without a run and says why', async () => {
    const e = sandbox.addTrigger({
      name: 'Bad inputs',
      identifier: 'bad_inputs',
      invalidRuntimeInput: 'Failed to resolve input set: tag is required',
    });
    const t = await desk.importExample(sandbox, e);
    const fired = await desk.backend.handlers['triggers:fire']({ id: t.id, body: '{}' });
    const w = (await desk.backend.handlers['watches:list']({})).find((x) => x.historyId === fired.id);
    const end = await desk.until(w?.id ?? '', isEnded);
    expect(end.phase).toBe('not-started');
    expect(end.processing?.status.status).toBe('INVALID_RUNTIME_INPUT_YAML');
    expect(end.headline).toContain('tag is required');
  });

  it('an approval wait needs a person, and the run ends once approved', async () => {
    const { watchId } = await fireAndWatch('approval');
    const waiting = await desk.until(watchId, (s) => s.needsPerson !== null);
    expect(waiting.needsPerson).toMatch(/approval/i);
    expect(waiting.ended).toBeNull();
    expect(waiting.canAbort).toBe(true);
    expect(sandbox.approve(waiting.execution?.planExecutionId ?? '')).toBe(true);
    const end = await desk.until(watchId, isEnded);
    expect(end.execution?.status.status).toBe('Success');
    expect(end.needsPerson).toBeNull();
  });

  it('aborts a running execution with AbortAll and sees it end Aborted', async () => {
    const { watchId } = await fireAndWatch('approval');
    const waiting = await desk.until(watchId, (s) => s.canAbort && s.needsPerson !== null);
    sandbox.clearReceived();
    const answer = await desk.backend.handlers['watch:abort']({ watchId });
    expect(answer.accepted).toBe(true);
    const put = sandbox.received.find((r) => r.method === 'PUT');
    expect(put?.path).toContain(`/pipeline/api/pipeline/execute/interrupt/${waiting.execution?.planExecutionId ?? ''}`);
    expect(put?.url).toContain('interruptType=AbortAll');
    const end = await desk.until(watchId, isEnded);
    expect(end.execution?.status.status).toBe('Aborted');
    await expect(desk.backend.handlers['watch:abort']({ watchId })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('runs several watches at once, each to its own end', async () => {
    const fired = await Promise.all(['plain', 'fails', 'plain', 'v2'].map((k) => fireAndWatch(k)));
    const ends = await Promise.all(fired.map((f) => desk.until(f.watchId, isEnded)));
    expect(ends.map((e) => e.execution?.status.status)).toEqual(['Success', 'Failed', 'Success', 'Success']);
    for (const f of fired) expect(terminalUpdates(desk.updates(f.watchId))).toHaveLength(1);
  });

  it('stops (does not fail) when the key cannot read the event: 401', async () => {
    const { watchId } = await fireAndWatch('plain');
    const good = await desk.until(watchId, isEnded);
    const secured = await desk.importExample(sandbox, example(sandbox, 'authorized'));
    await desk.backend.handlers['triggers:setKey']({
      id: secured.id,
      apiKey: 'sat.sandbox.not-a-key.Zz9Yy8Xx7Ww6Vv5Uu4Tt',
    });
    const w = await desk.backend.handlers['watch:start']({ apiUrl: good.apiUrl, triggerId: secured.id });
    const end = await desk.until(w.id, isEnded);
    expect(end.phase).toBe('stopped');
    expect(end.ended?.reason).toContain('HTTP 401');
    expect(end.ended?.reason).not.toContain('Zz9Yy8Xx7Ww6Vv5Uu4Tt');
  });
});
