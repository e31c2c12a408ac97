// The sandbox's answers in the shapes Harness's own source gives (docs/harness-protocol.md §2-3), over
// real HTTP, field by field: condition misses and INVALID_RUNTIME_INPUT_YAML (exceptionOccured,
// null identifiers, Harness's miss messages; the sandbox's own explanation kept apart), the two keys
// of `data`, unknown paths and methods, error bodies without `metadata`, and warningMsg.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxEvaluate } from '../../electron/sandbox/index';
import { ACCOUNT, startSandbox, type ExampleTrigger, type Sandbox } from '../../electron/sandbox';
import { BAD_KEY, WRONG_CONTENT_TYPE } from '../../electron/sandbox/uncertain';

const JSON_TYPE = { 'content-type': 'application/json' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sb: Sandbox;
let conditional: ExampleTrigger;
let broken: ExampleTrigger;
beforeAll(async () => {
  sb = await startSandbox({ queueMs: 10, stageMs: 10, evaluate: createSandboxEvaluate() });
  conditional = sb.addTrigger({
    name: 'Conditional',
    identifier: 'conditional',
    payloadConditions: [{ key: '<+trigger.payload.env>', operator: 'In', value: 'qa, prod' }],
    headerConditions: [{ key: "<+trigger.header['X-Source']>", operator: 'Equals', value: 'jenkins' }],
    jexlCondition: '<+trigger.payload.tag>.startsWith("v") && <+trigger.payload.image> != null',
  });
  broken = sb.addTrigger({
    name: 'Broken inputs',
    identifier: 'broken_inputs',
    invalidRuntimeInput: 'Failed to merge runtime inputs: stage deploy does not exist in the pipeline',
  });
});
afterAll(() => sb.close());

interface Envelope {
  status: string;
  data: Record<string, unknown>;
  metaData: Record<string, unknown> | null;
  correlationId: string;
}

async function fire(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { ...JSON_TYPE, ...headers }, body });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { apiUrl: string } }).data.apiUrl;
}

async function settled(apiUrl: string): Promise<Envelope> {
  for (let i = 0; i < 300; i++) {
    const res = await fetch(apiUrl);
    if (res.status === 200) return (await res.json()) as Envelope;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the event never left the queue');
}

const JEXL_MISS = `No Trigger matched jexl conditions for payload event for Project: ${ACCOUNT}`;
const CONDITION_MISS = `No Trigger matched conditions for payload event for Account: ${ACCOUNT}`;
const GOOD = { env: 'qa', tag: 'v1', image: 'nginx' };

describe('events that start no run: exceptionOccured, null identifiers, Harness’s own message', () => {
  // [case, body, headers, status, message, sandbox note]
  const cases: [string, object, Record<string, string>, string, string, RegExp | null][] = [
    [
      'payload miss',
      { ...GOOD, env: 'dev' },
      { 'X-Source': 'jenkins' },
      'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
      CONDITION_MISS,
      /payload condition 1 .*"dev" is not in/,
    ],
    [
      'header miss',
      GOOD,
      { 'X-Source': 'github' },
      'NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS',
      CONDITION_MISS,
      /header condition 1/,
    ],
    [
      'JEXL miss',
      { ...GOOD, tag: '1.2' },
      { 'X-Source': 'jenkins' },
      'NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS',
      JEXL_MISS,
      /`<\+trigger.payload.tag>.startsWith\("v"\)` was false: tag is "1.2"/,
    ],
  ];
  it.each(cases)('%s', async (_name, body, headers, status, message, note) => {
    const text = JSON.stringify(body);
    const env = await settled(await fire(conditional.url, text, headers));
    expect(Object.keys(env.data)).toEqual(['webhookProcessingDetails', 'executionDetails']);
    expect(env.data.webhookProcessingDetails).toEqual({
      eventFound: true,
      eventId: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown,
      accountIdentifier: ACCOUNT,
      orgIdentifier: null,
      projectIdentifier: null,
      triggerIdentifier: null,
      pipelineIdentifier: null,
      pipelineExecutionId: null,
      exceptionOccured: true,
      status,
      message,
      warningMsg: null,
      payload: text,
      eventCreatedAt: expect.any(Number) as unknown,
      runtimeInput: null,
    });
    expect(env.data.executionDetails).toBeNull();
    // The sandbox's own explanation: apart from Harness's fields, where the app can show it.
    expect(String(env.metaData?.sandboxNote)).toMatch(note ?? /./);
  });

  it('INVALID_RUNTIME_INPUT_YAML: the same shape, the reason in the message, no sandbox note', async () => {
    const env = await settled(await fire(broken.url, '{}'));
    expect(env.data.webhookProcessingDetails).toMatchObject({
      orgIdentifier: null,
      projectIdentifier: null,
      triggerIdentifier: null,
      pipelineIdentifier: null,
      pipelineExecutionId: null,
      exceptionOccured: true,
      status: 'INVALID_RUNTIME_INPUT_YAML',
      message: 'Failed to merge runtime inputs: stage deploy does not exist in the pipeline',
    });
    expect(env.metaData).toBeNull();
  });

  it('a run that starts: identifiers set, exceptionOccured false, data has only its two keys', async () => {
    const env = await settled(await fire(conditional.url, JSON.stringify(GOOD), { 'X-Source': 'jenkins' }));
    expect(Object.keys(env.data)).toEqual(['webhookProcessingDetails', 'executionDetails']);
    expect(env.data.webhookProcessingDetails).toMatchObject({
      orgIdentifier: 'default',
      projectIdentifier: 'Sandbox',
      triggerIdentifier: 'conditional',
      exceptionOccured: false,
      status: 'TARGET_EXECUTION_REQUESTED',
      message: 'Pipeline execution was requested successfully',
      warningMsg: null,
    });
    expect(env.metaData).toBeNull();
  });
});

describe('warningMsg: only when two or more triggers passed every filter', () => {
  const MULTIPLE =
    'There are multiple trigger events generated from this eventId. This response contains only one of them.';
  it.each([
    ['both pass', '{"env":"qa"}', MULTIPLE],
    ['one passes', '{"env":"dev"}', null],
  ])('%s: %j', async (_name, body, warning) => {
    const url = sb
      .addTrigger({
        name: 'A',
        identifier: `a_${String(warning !== null)}`,
        projectIdentifier: `P${String(warning !== null)}`,
        form: 'v2',
      })
      .url.replace(/&pipelineIdentifier=[^&]*&triggerIdentifier=[^&]*/, '');
    sb.addTrigger({
      name: 'B',
      identifier: `b_${String(warning !== null)}`,
      projectIdentifier: `P${String(warning !== null)}`,
      form: 'v2',
      payloadConditions: [{ key: '<+trigger.payload.env>', operator: 'Equals', value: 'qa' }],
    });
    const env = await settled(await fire(url, body));
    expect((env.data.webhookProcessingDetails as { warningMsg: unknown }).warningMsg).toBe(warning);
  });
});

async function call(
  method: string,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sb.baseUrl}${path}`, { method, ...init });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Harness's ErrorDTO, exactly: no `metadata` field. */
function errorDto(code: string, message: string): unknown {
  return {
    status: 'ERROR',
    code,
    message,
    correlationId: expect.stringMatching(UUID) as unknown,
    detailedMessage: null,
    responseMessages: [{ code, level: 'ERROR', message, exception: null, failureTypes: [] }],
  };
}

describe('error answers', () => {
  // [method, path, HTTP status, code, message]
  const cases: [string, string, number, string, string][] = [
    ['GET', '/gateway/pipeline/api/nothing/here', 400, 'RESOURCE_NOT_FOUND_EXCEPTION', 'HTTP 404 Not Found'],
    ['POST', '/pipeline/api/webhook/custom', 400, 'RESOURCE_NOT_FOUND_EXCEPTION', 'HTTP 404 Not Found'],
    [
      'GET',
      '/gateway/pipeline/api/webhook/custom/v2',
      405,
      'RESOURCE_NOT_FOUND_EXCEPTION',
      'HTTP 405 Method Not Allowed',
    ],
    ['DELETE', '/pipeline/api/triggers/x', 405, 'RESOURCE_NOT_FOUND_EXCEPTION', 'HTTP 405 Method Not Allowed'],
  ];
  it.each(cases)('%s %s: %i %s', async (method, path, status, code, message) => {
    const res = await call(method, path);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(errorDto(code, message));
  });

  it('a wrong content type and a bad key answer as the sandbox’s one documented choice says', async () => {
    const url = conditional.url;
    const form = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(WRONG_CONTENT_TYPE.status);
    expect(await form.json()).toEqual(errorDto(WRONG_CONTENT_TYPE.code, WRONG_CONTENT_TYPE.message));
    expect([WRONG_CONTENT_TYPE.status, WRONG_CONTENT_TYPE.code]).toEqual([500, 'UNKNOWN_ERROR']);
    const key = await fetch(url, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'X-Api-Key': 'pat.nope.nope.nope' },
      body: '{}',
    });
    expect(key.status).toBe(BAD_KEY.status);
    expect(await key.json()).toEqual(errorDto(BAD_KEY.code, BAD_KEY.message));
    expect([BAD_KEY.status, BAD_KEY.code, BAD_KEY.message]).toEqual([401, 'INVALID_TOKEN', 'Token is not valid.']);
  });

  it('no error body carries `metadata`', async () => {
    const v3 = conditional.url;
    const missing = v3.replace(/accountIdentifier=[^&]*&/, '');
    const answers = await Promise.all([
      fetch(missing, { method: 'POST', headers: JSON_TYPE, body: '{}' }),
      fetch(v3.replace(/custom\/[^/]+\/v3/, 'custom/AAAAAAAAAAAAAAAAAAAAAA/v3'), {
        method: 'POST',
        headers: JSON_TYPE,
        body: '{}',
      }),
      fetch(
        `${sb.baseUrl}/gateway/pipeline/api/webhook/triggerExecutionDetails/000000000000000000000000?accountIdentifier=${ACCOUNT}`,
      ),
      fetch(`${sb.baseUrl}/gateway/pipeline/api/webhook/triggerExecutionDetails/x`),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(Object.keys((await res.json()) as object)).not.toContain('metadata');
    }
  });
});
