// The sandbox's seams: the evaluate hook (conditions), runtime-input failures,
// triggers added at runtime, several triggers behind one v2 URL, and onRunEnd (chain notifications).
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT, startSandbox, type EvaluateInput, type RunEnd, type Sandbox } from '../../electron/sandbox';

let sb: Sandbox | null = null;
afterEach(async () => {
  await sb?.close();
  sb = null;
});

interface Processing {
  status: string;
  message: string;
  pipelineExecutionId: string | null;
  warningMsg: string | null;
  triggerIdentifier: string;
}

async function fire(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { apiUrl: string } }).data.apiUrl;
}

async function settled(apiUrl: string): Promise<{ processing: Processing; summary: { status: string } | null }> {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(apiUrl);
    if (res.status === 200) {
      const data = (
        (await res.json()) as {
          data: {
            webhookProcessingDetails: Processing;
            executionDetails: { pipelineExecutionSummary: { status: string } } | null;
          };
        }
      ).data;
      return {
        processing: data.webhookProcessingDetails,
        summary: data.executionDetails?.pipelineExecutionSummary ?? null,
      };
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the event never left the queue');
}

describe('evaluate hook', () => {
  it("a miss is shown with Harness's status and no run starts; a hit starts one", async () => {
    const seen: EvaluateInput[] = [];
    sb = await startSandbox({
      queueMs: 10,
      stageMs: 10,
      evaluate: (input) => {
        seen.push(input);
        const payload = JSON.parse(input.body) as { env?: string };
        return payload.env === 'prod'
          ? { match: true }
          : { match: false, status: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS', note: 'env is not prod' };
      },
    });
    const url = sb.examples[0]?.url ?? '';
    const miss = await settled(await fire(url, '{"env":"qa"}', { 'X-Source': 'jenkins' }));
    expect(miss.processing).toMatchObject({
      status: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
      message: `No Trigger matched conditions for payload event for Account: ${ACCOUNT}`,
      pipelineExecutionId: null,
      exceptionOccured: true,
    });
    expect(miss.summary).toBeNull();
    expect(seen[0]?.headers['x-source']).toBe('jenkins');
    expect(seen[0]?.yaml).toContain('identifier: deploy_on_push');
    expect(seen[0]?.trigger.identifier).toBe('deploy_on_push');
    const hit = await settled(await fire(url, '{"env":"prod"}'));
    expect(hit.processing.status).toBe('TARGET_EXECUTION_REQUESTED');
    expect(hit.processing.pipelineExecutionId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('a hook that throws gives EXCEPTION_WHILE_PROCESSING', async () => {
    sb = await startSandbox({ queueMs: 10, evaluate: () => Promise.reject(new Error('bad regex')) });
    const { processing } = await settled(await fire(sb.examples[0]?.url ?? '', '{}'));
    expect(processing).toMatchObject({
      status: 'EXCEPTION_WHILE_PROCESSING',
      message: 'Exception while processing trigger: bad regex',
    });
  });
});

describe('triggers added at runtime', () => {
  it('conditions land in the YAML, INVALID_RUNTIME_INPUT_YAML is reported, and REST lists them', async () => {
    sb = await startSandbox({ queueMs: 10 });
    const ex = sb.addTrigger({
      name: 'Broken inputs',
      identifier: 'broken_inputs',
      payloadConditions: [{ key: '<+trigger.payload.env>', operator: 'In', value: 'qa, prod' }],
      jexlCondition: '<+trigger.payload.tag>.startsWith("v")',
      invalidRuntimeInput: 'Failed to merge runtime inputs: stage deploy does not exist in the pipeline',
    });
    expect(ex.yaml).toContain('operator: In');
    expect(ex.yaml).toContain('jexlCondition:');
    expect(ex.url).toMatch(/\/custom\/[A-Za-z0-9_-]{22}\/v3\?/);
    const { processing, summary } = await settled(await fire(ex.url, '{}'));
    expect(processing).toMatchObject({
      status: 'INVALID_RUNTIME_INPUT_YAML',
      message: 'Failed to merge runtime inputs: stage deploy does not exist in the pipeline',
      pipelineExecutionId: null,
    });
    expect(summary).toBeNull();
    expect(() => sb?.addTrigger({ name: 'x', identifier: 'bad id' })).toThrow(/identifier/);
  });

  it('one v2 URL for several triggers: one run each, the first shown with a warning', async () => {
    sb = await startSandbox({ queueMs: 10, stageMs: 10 });
    sb.addTrigger({ name: 'One', identifier: 'one', projectIdentifier: 'Legacy', form: 'v2' });
    const two = sb.addTrigger({ name: 'Two', identifier: 'two', projectIdentifier: 'Legacy', form: 'v2' });
    const url = two.url.replace(/&pipelineIdentifier=[^&]*&triggerIdentifier=[^&]*/, '');
    const { processing } = await settled(await fire(url, '{}'));
    expect(processing.warningMsg).toBe(
      'There are multiple trigger events generated from this eventId. This response contains only one of them.',
    );
    expect(processing.triggerIdentifier).toBe('one');
  });

  it('a new project can mandate authorization', async () => {
    sb = await startSandbox();
    const ex = sb.addTrigger({
      name: 'Locked',
      identifier: 'locked',
      projectIdentifier: 'Locked',
      mandateAuthorization: true,
    });
    expect(ex.apiKey).toBe(sb.keys.execute);
    const res = await fetch(ex.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(`Authorization is mandatory for custom triggers in ${ACCOUNT}:default:Locked`);
  });
});

describe('apiUrlBase', () => {
  it('can point apiUrl at another origin of the same server, to see which requests carry a key', async () => {
    sb = await startSandbox({ queueMs: 0, apiUrlBase: (b) => b.replace('127.0.0.1', 'localhost') });
    const secured = sb.examples.find((e) => e.kind === 'authorized');
    const apiUrl = await fire(secured?.url ?? '', '{}', { 'x-api-key': sb.keys.execute });
    expect(apiUrl.startsWith(sb.baseUrl.replace('127.0.0.1', 'localhost'))).toBe(true);
    expect((await settled(apiUrl)).processing.status).toBe('TARGET_EXECUTION_REQUESTED');
    const byHost = sb.received.map((r) => [r.headers.host?.split(':')[0], 'x-api-key' in r.headers]);
    expect(byHost[0]).toEqual(['127.0.0.1', true]);
    expect(byHost.slice(1).every(([host, keyed]) => host === 'localhost' && keyed === false)).toBe(true);
  });
});

describe('onRunEnd and real time', () => {
  it('reports each run once when it ends, aborted ones too, and closes with no timers left', async () => {
    const ends: RunEnd[] = [];
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    sb = await startSandbox({ speed: 20, onRunEnd: (e) => ends.push(e) });
    const plain = sb.examples.find((e) => e.kind === 'plain');
    const approval = sb.examples.find((e) => e.kind === 'approval');
    const done = await fire(plain?.url ?? '', '{}');
    const waiting = await fire(approval?.url ?? '', '{}');
    const deadline = Date.now() + 5000;
    while (ends.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({
      status: 'Success',
      trigger: { identifier: 'deploy_on_push' },
      failureMessage: null,
    });
    expect((await settled(done)).summary?.status).toBe('Success');
    let w = await settled(waiting);
    while (w.summary?.status !== 'ApprovalWaiting' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      w = await settled(waiting);
    }
    const id = w.processing.pipelineExecutionId ?? '';
    const abort = await fetch(
      `${sb.baseUrl}/gateway/pipeline/api/pipeline/execute/interrupt/${id}?accountIdentifier=${ACCOUNT}&orgIdentifier=default&projectIdentifier=Sandbox&interruptType=AbortAll`,
      { method: 'PUT' },
    );
    expect(abort.status).toBe(200);
    while (ends.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(ends[1]).toMatchObject({ status: 'Aborted', planExecutionId: id });
    await fire(plain?.url ?? '', '{}');
    await sb.close();
    sb = null;
    await new Promise((r) => setTimeout(r, 20));
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBeLessThanOrEqual(before);
    expect(ends).toHaveLength(2);
  });
});
