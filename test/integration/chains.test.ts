// Chains against the real sandbox over HTTP (run under scripts/with-keyring.sh): three steps to
// Success with {{prev.*}} values reaching the next payload, a failing middle step, a stop, the
// checks before anything fires, and the notificationRules recipe fired by the sandbox itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSandbox } from '../../electron/sandbox';
import type { ExampleTrigger, RunEnd, Sandbox } from '../../electron/sandbox/types';
import type { ChainRun, ChainStep } from '../../shared/chain-model';
import type { Trigger } from '../../shared/model';
import { example, openDesk, type Desk } from './watch-helpers';

let sandbox: Sandbox;
let desk: Desk;
let workspaceId: string;
let onEnd: ((end: RunEnd) => void) | null = null;
let n = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20, onRunEnd: (end) => onEnd?.(end) });
  desk = await openDesk();
});

afterAll(async () => {
  await desk.close();
  await sandbox.close();
});

/** A fresh sandbox trigger (its own token, so its requests can be told apart) imported into the desk. */
async function fresh(o: { projectIdentifier?: string } = {}): Promise<{ sb: ExampleTrigger; t: Trigger }> {
  n += 1;
  const sb = sandbox.addTrigger({
    name: `chain ${n}`,
    identifier: `chain_${n}`,
    pipelineIdentifier: `pipe_${n}`,
    ...o,
  });
  const t = await desk.importExample(sandbox, sb);
  workspaceId = t.workspaceId;
  return { sb, t };
}

function hits(sb: ExampleTrigger): { body: string }[] {
  const path = new URL(sb.url).pathname;
  return sandbox.received.filter((r) => r.path === path).map((r) => ({ body: r.body.toString('utf8') }));
}

function chainUpdates(runId: string): ChainRun[] {
  return desk.events
    .filter((e) => e.name === 'chain:update' && (e.payload as ChainRun).id === runId)
    .map((e) => e.payload as ChainRun);
}

async function untilChain(runId: string, pred: (r: ChainRun) => boolean, timeoutMs = 20_000): Promise<ChainRun> {
  const t0 = Date.now();
  for (;;) {
    const hit = chainUpdates(runId).find(pred);
    if (hit) return hit;
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`chain ${runId}: not reached; last: ${JSON.stringify(chainUpdates(runId).at(-1))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const over = (r: ChainRun): boolean => r.state !== 'running';

async function save(name: string, steps: ChainStep[]): Promise<string> {
  const view = await desk.backend.handlers['chains:save']({ workspaceId, name, steps });
  expect(view.problems).toEqual([]);
  return view.id;
}

describe('running a chain', () => {
  it('three steps reach Success, each step fed with the previous run ({{prev.*}} at the sandbox)', async () => {
    const [a, b, c] = [await fresh(), await fresh(), await fresh()];
    const id = await save('three to success', [
      { triggerId: a.t.id, body: '{"tag":"v1.2.3"}', after: 'success' },
      {
        triggerId: b.t.id,
        body: '{"parent":"{{prev.planExecutionId}}","st":"{{prev.status}}","tag":"{{prev.payload.tag}}"}',
        after: 'success',
      },
      {
        triggerId: c.t.id,
        body: '{"parent":"{{ prev.planExecutionId }}","from":"{{prev.triggerName}}"}',
        after: 'success',
      },
    ]);
    const started = await desk.backend.handlers['chains:run']({ id });
    expect(started.state).toBe('running');
    const end = await untilChain(started.id, over);
    expect(end.state, end.message ?? '').toBe('succeeded');
    expect(end.steps.map((s) => [s.phase, s.status])).toEqual([
      ['succeeded', 'Success'],
      ['succeeded', 'Success'],
      ['succeeded', 'Success'],
    ]);
    const [s1, s2] = end.steps;
    expect(hits(b.sb).map((h) => JSON.parse(h.body) as unknown)).toEqual([
      { parent: s1?.planExecutionId, st: 'Success', tag: 'v1.2.3' },
    ]);
    expect(s1?.planExecutionId).toMatch(/\S{6,}/);
    expect(hits(c.sb).map((h) => JSON.parse(h.body) as unknown)).toEqual([
      { parent: s2?.planExecutionId, from: b.t.name },
    ]);
    // Each step's history entry is linked from the run's record.
    for (const s of end.steps) {
      const entry = await desk.backend.handlers['history:get']({ id: s.historyId ?? 'none' });
      expect(entry.triggerId).toBe(s.triggerId);
    }
    const runs = await desk.backend.handlers['chains:runs']({ chainId: id });
    expect(runs[0]?.state).toBe('succeeded');
  });

  it('a failing middle step stops the chain and says why', async () => {
    const a = await fresh();
    const bad = await desk.importExample(sandbox, example(sandbox, 'fails'));
    const c = await fresh();
    const id = await save('fails in the middle', [
      { triggerId: a.t.id, body: '{}', after: 'success' },
      { triggerId: bad.id, body: '{}', after: 'success' },
      { triggerId: c.t.id, body: '{}', after: 'success' },
    ]);
    const run = await desk.backend.handlers['chains:run']({ id });
    const end = await untilChain(run.id, over);
    expect(end.state).toBe('failed');
    expect(end.steps.map((s) => s.phase)).toEqual(['succeeded', 'failed', 'skipped']);
    expect(end.steps[1]?.status).toBe('Failed');
    expect(end.message).toMatch(/Step 2 .* ended Failed, so step 3 did not start/);
    await new Promise((r) => setTimeout(r, 300));
    expect(hits(c.sb)).toHaveLength(0);
  });

  it('"any terminal" goes on after a failed run', async () => {
    const bad = await desk.importExample(sandbox, example(sandbox, 'fails'));
    const c = await fresh();
    const id = await save('after any end', [
      { triggerId: bad.id, body: '{}', after: 'success' },
      { triggerId: c.t.id, body: '{"was":"{{prev.status}}"}', after: 'terminal' },
    ]);
    const end = await untilChain((await desk.backend.handlers['chains:run']({ id })).id, over);
    expect(end.state).toBe('succeeded');
    expect(hits(c.sb).map((h) => h.body)).toEqual(['{"was":"Failed"}']);
  });

  it('a chain stopped by the user fires nothing more', async () => {
    const [a, b] = [await fresh(), await fresh()];
    const id = await save('stopped', [
      { triggerId: a.t.id, body: '{}', after: 'success' },
      { triggerId: b.t.id, body: '{}', after: 'success' },
    ]);
    const run = await desk.backend.handlers['chains:run']({ id });
    const going = await untilChain(run.id, (r) => r.steps[0]?.phase === 'running');
    const stopped = await desk.backend.handlers['chains:stop']({ runId: run.id });
    expect(stopped.state).toBe('stopped');
    expect(stopped.steps[1]?.phase).toBe('stopped');
    // Step 1's run goes on to its end in the sandbox; step 2 is never fired.
    await desk.until(going.steps[0]?.watchId ?? 'none', (s) => s.ended !== null);
    await new Promise((r) => setTimeout(r, 400));
    expect(hits(a.sb)).toHaveLength(1);
    expect(hits(b.sb)).toHaveLength(0);
  });
});

describe('checks before anything fires', () => {
  it('a deleted trigger, a cycle and {{prev.x}} the previous run cannot have: each names its step', async () => {
    const [a, b, gone] = [await fresh(), await fresh(), await fresh()];
    await desk.backend.handlers['triggers:delete']({ id: gone.t.id });
    const before = sandbox.received.length;
    const cases: { steps: ChainStep[]; want: RegExp }[] = [
      {
        steps: [
          { triggerId: a.t.id, body: '{}', after: 'success' },
          { triggerId: gone.t.id, body: '{}', after: 'success' },
        ],
        want: /^Step 2: its trigger is deleted/,
      },
      {
        steps: [
          { triggerId: a.t.id, body: '{}', after: 'success' },
          { triggerId: b.t.id, body: '{}', after: 'success' },
          { triggerId: a.t.id, body: '{}', after: 'success' },
        ],
        want: /^Step 3 fires .* again \(as step 1\)/,
      },
      {
        steps: [{ triggerId: a.t.id, body: '{"x":"{{prev.status}}"}', after: 'success' }],
        want: /^Step 1: \{\{prev\.status\}\} .*the first step has no previous run/,
      },
      {
        steps: [
          { triggerId: a.t.id, body: '{}', after: 'success' },
          { triggerId: b.t.id, body: '{"x":"{{prev.nope}}"}', after: 'success' },
        ],
        want: /^Step 2: .*has no "nope"/,
      },
      {
        steps: [
          { triggerId: a.t.id, body: '{"tag":"v1"}', after: 'success' },
          { triggerId: b.t.id, body: '{"x":"{{prev.payload.version}}"}', after: 'success' },
        ],
        want: /^Step 2: .*payload has no version/,
      },
    ];
    for (const [i, c] of cases.entries()) {
      const view = await desk.backend.handlers['chains:save']({ workspaceId, name: `bad ${i}`, steps: c.steps });
      expect(view.problems.map((p) => p.message).join('\n')).toMatch(c.want);
      await expect(desk.backend.handlers['chains:run']({ id: view.id })).rejects.toThrow(
        new RegExp(`was not started: ${c.want.source.slice(1)}`),
      );
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(sandbox.received.length).toBe(before);
  });
});

describe('the Harness recipe: notificationRules from A to B', () => {
  it('the sandbox, sending the generated notification when A ends, starts B through its custom trigger', async () => {
    const a = await fresh();
    // B lives in the project that mandates authorization, so the key must come through the secret expression.
    const b = await fresh({ projectIdentifier: 'Secured' });
    await desk.backend.handlers['triggers:setKey']({ id: b.t.id, apiKey: sandbox.keys.execute });
    const aPipeline = new URL(a.sb.url).searchParams.get('pipelineIdentifier');
    const out = await desk.backend.handlers['chains:notificationYaml']({
      name: 'start B',
      events: [{ type: 'PipelineSuccess' }],
      triggerId: b.t.id,
      secretId: 'b_api_key',
      source: { pipelineIdentifier: aPipeline ?? 'a', pipelineName: 'Pipeline A' },
    });
    expect(out.yaml).not.toContain(sandbox.keys.execute);
    const rule = (
      parse(out.yaml) as {
        notificationRules: {
          pipelineEvents: { type: string }[];
          notificationMethod: { spec: { webhookUrl: string; headers: Record<string, string> } };
        }[];
      }
    ).notificationRules[0];
    if (!rule) throw new Error('no rule');
    // Harness resolves <+secrets.getValue("b_api_key")> from its secret store; here the store is one entry.
    const secrets: Record<string, string> = { b_api_key: sandbox.keys.execute };
    const headers = Object.fromEntries(
      Object.entries(rule.notificationMethod.spec.headers).map(([k, v]) => [
        k,
        v.replace(/<\+secrets\.getValue\("([^"]+)"\)>/g, (_m, s: string) => secrets[s] ?? ''),
      ]),
    );
    const answers: Promise<number>[] = [];
    onEnd = (end) => {
      if (
        end.trigger.pipelineIdentifier !== aPipeline ||
        !rule.pipelineEvents.some((e) => e.type === (end.status === 'Success' ? 'PipelineSuccess' : 'PipelineFailed'))
      )
        return;
      const eventData = {
        ...out.sample.eventData,
        pipelineIdentifier: end.trigger.pipelineIdentifier,
        planExecutionId: end.planExecutionId,
        eventType: 'PipelineSuccess',
        nodeStatus: 'completed',
        startTs: end.startTs,
        endTs: end.endTs,
      };
      answers.push(
        fetch(rule.notificationMethod.spec.webhookUrl, {
          method: 'POST',
          headers,
          body: JSON.stringify({ eventData }),
        }).then((r) => r.status),
      );
    };
    try {
      const fired = await desk.backend.handlers['triggers:fire']({ id: a.t.id, body: '{}' });
      expect(fired.outcome).toBe('accepted');
      const t0 = Date.now();
      while (answers.length === 0 && Date.now() - t0 < 15_000) await new Promise((r) => setTimeout(r, 50));
      expect(await Promise.all(answers)).toEqual([200]);
    } finally {
      onEnd = null;
    }
    const got = hits(b.sb);
    expect(got).toHaveLength(1);
    const sent = JSON.parse(got[0]?.body ?? '{}') as { eventData: { planExecutionId: string; eventType: string } };
    expect(sent.eventData.eventType).toBe('PipelineSuccess');
    expect(sent.eventData.planExecutionId).toMatch(/\S{6,}/);
    const req = sandbox.received.find((r) => r.path === new URL(b.sb.url).pathname);
    expect(req?.headers['x-api-key']).toBe(sandbox.keys.execute);
  });
});
