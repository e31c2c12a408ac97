// The sandbox with the app's evaluator (as the backend starts it): a fire obeys the conditional
// example's conditions, a miss ends in Harness's NO_MATCHING_TRIGGER_FOR_… status with no run, a
// hit starts a run with the runtime inputs resolved from the payload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONDITIONAL_SAMPLE } from '../../electron/sandbox/examples';
import { ACCOUNT, createSandboxEvaluate, startSandbox, type Sandbox } from '../../electron/sandbox';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ queueMs: 10, stageMs: 20, evaluate: createSandboxEvaluate() });
});
afterAll(async () => {
  await sb.close();
});

interface Processing {
  status: string;
  message: string;
  pipelineExecutionId: string | null;
  runtimeInput?: string;
  /** The sandbox's own explanation (the answer's metaData.sandboxNote), kept apart from Harness's message. */
  note?: string;
}

interface Answer {
  data: { webhookProcessingDetails: Processing };
  metaData: { sandboxNote?: string } | null;
}
const processing = (a: Answer): Processing => ({ ...a.data.webhookProcessingDetails, note: a.metaData?.sandboxNote });

function conditional(): { url: string; yaml: string } {
  const ex = sb.examples.find((e) => e.kind === 'conditional');
  if (!ex) throw new Error('no conditional example');
  return ex;
}

async function fireAndSettle(body: string, headers: Record<string, string>): Promise<Processing> {
  const res = await fetch(conditional().url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  expect(res.status).toBe(200);
  const { apiUrl } = ((await res.json()) as { data: { apiUrl: string } }).data;
  for (let i = 0; i < 300; i++) {
    const r = await fetch(apiUrl);
    if (r.status === 200) return processing((await r.json()) as Answer);
    await new Promise((done) => setTimeout(done, 10));
  }
  throw new Error('the event never left the queue');
}

describe('the conditional sandbox trigger', () => {
  it('serves its conditions in the YAML', () => {
    const { yaml } = conditional();
    expect(yaml).toContain("key: <+trigger.header['X-Source']>");
    expect(yaml).toContain('operator: In');
    expect(yaml).toContain('jexlCondition: <+trigger.payload.tag>.startsWith("v")');
  });

  it('a payload that fails env In qa, prod → NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS, no run', async () => {
    const p = await fireAndSettle('{"env": "dev", "image": "x", "tag": "v1"}', CONDITIONAL_SAMPLE.headers);
    expect(p.status).toBe('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS');
    expect(p.message).toBe(`No Trigger matched conditions for payload event for Account: ${ACCOUNT}`);
    expect(p.note).toMatch(/payload condition 1 .*"dev"/);
    expect(p.pipelineExecutionId).toBeNull();
  });

  it("Harness's own Copy as cURL body misses too (env resolves to null)", async () => {
    const p = await fireAndSettle('{"sample_key": "sample_value"}', {});
    expect(p.status).toBe('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS');
  });

  it('a wrong X-Source → HEADER; a tag without "v" → JEXL', async () => {
    expect((await fireAndSettle(CONDITIONAL_SAMPLE.body, { 'X-Source': 'github' })).status).toBe(
      'NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS',
    );
    const body = CONDITIONAL_SAMPLE.body.replace('"v1.4.2"', '"1.4.2"');
    expect((await fireAndSettle(body, CONDITIONAL_SAMPLE.headers)).status).toBe(
      'NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS',
    );
  });

  it('a matching event runs, with the image and tag resolved into the runtime input', async () => {
    const p = await fireAndSettle(CONDITIONAL_SAMPLE.body, { 'x-source': 'jenkins' });
    expect(p.status).toBe('TARGET_EXECUTION_REQUESTED');
    expect(p.pipelineExecutionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(p.runtimeInput).toContain('value: registry.example.com/shop/api');
    expect(p.runtimeInput).toContain('value: v1.4.2');
    expect(p.runtimeInput).not.toContain('<+trigger');
  });

  it('a construct the preview cannot evaluate counts as a miss at its stage, said so', async () => {
    const ex = sb.addTrigger({ name: 'Template', identifier: 'template_jexl', jexlCondition: '`a` == "a"' });
    const res = await fetch(ex.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { apiUrl } = ((await res.json()) as { data: { apiUrl: string } }).data;
    let p: Processing | null = null;
    for (let i = 0; i < 300 && !p; i++) {
      const r = await fetch(apiUrl);
      if (r.status === 200) p = processing((await r.json()) as Answer);
      else await new Promise((done) => setTimeout(done, 10));
    }
    expect(p?.status).toBe('NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS');
    expect(p?.message).toBe(`No Trigger matched jexl conditions for payload event for Project: ${ACCOUNT}`);
    expect(p?.note).toMatch(/^Cannot tell: .*template strings/);
  });

  it('catastrophic regexes: RE2 answers (a|a?)+b at once; a backtracking one is stopped at the deadline, as a miss said so', async () => {
    const a30 = JSON.stringify({ s: 'a'.repeat(30) });
    const settle = async (url: string): Promise<Processing> => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: a30 });
      const { apiUrl } = ((await res.json()) as { data: { apiUrl: string } }).data;
      for (let i = 0; i < 300; i++) {
        const r = await fetch(apiUrl);
        if (r.status === 200) return processing((await r.json()) as Answer);
        await new Promise((done) => setTimeout(done, 10));
      }
      throw new Error('the event never left the queue');
    };
    const linear = sb.addTrigger({
      name: 'Linear',
      identifier: 'linear_regex',
      payloadConditions: [{ key: '<+trigger.payload.s>', operator: 'Regex', value: '(a|a?)+b' }],
    });
    expect(await settle(linear.url)).toMatchObject({
      status: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
      note: expect.stringContaining('does not match "(a|a?)+b" as a whole') as unknown,
    });
    const bad = sb.addTrigger({
      name: 'Backtracking',
      identifier: 'backtracking_regex',
      payloadConditions: Array.from({ length: 20 }, (_, i) => ({
        key: '<+trigger.payload.s>',
        operator: 'Regex',
        value: `(a|a?)+b(?=c)${'x'.repeat(i)}`,
      })),
    });
    const p = await settle(bad.url);
    expect(p.status).toBe('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS');
    expect(p.note).toContain('Cannot tell: the pattern took too long (stopped after 100 ms): "(a|a?)+b(?=c)"');
    expect(p.pipelineExecutionId).toBeNull();
  });

  it('plain examples without conditions still run', async () => {
    const plain = sb.examples.find((e) => e.kind === 'plain');
    const res = await fetch(plain?.url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"sample_key": "abc"}',
    });
    expect(res.status).toBe(200);
  });
});
