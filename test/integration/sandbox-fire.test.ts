// The sandbox's custom webhook URLs over real HTTP: Harness's success body, every row of the
// error table of docs/harness-protocol.md §2 with its exact envelope, content types, and what it records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, startSandbox, type ExampleKind, type ExampleTrigger, type Sandbox } from '../../electron/sandbox';

const SAMPLE = '{"sample_key": "sample_value"}';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FORBIDDEN_KEY = /(pat|sat)\.[A-Za-z0-9_-]{6,}\.[a-f0-9]{24}\.[A-Za-z0-9]{20}/;
const JSON_TYPE = { 'content-type': 'application/json' };

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ stageMs: 20, queueMs: 20 });
});
afterAll(() => sb.close());

function example(kind: ExampleKind): ExampleTrigger {
  const found = sb.examples.find((e) => e.kind === kind);
  if (!found) throw new Error(`no ${kind} example`);
  return found;
}

async function post(
  url: string,
  o: { body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<{ status: number; type: string; body: unknown }> {
  const b = o.body ?? SAMPLE;
  // fetch's types want an ArrayBuffer-backed body: hand it exactly the bytes of the Buffer.
  const body = typeof b === 'string' ? b : (b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  const res = await fetch(url, { method: 'POST', headers: o.headers ?? JSON_TYPE, body });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: JSON.parse(text) as unknown };
}

/** The ErrorDTO envelope Harness answers with, exactly. */
function envelope(code: string, message: string): unknown {
  return {
    status: 'ERROR',
    code,
    message,
    correlationId: expect.stringMatching(UUID) as unknown,
    detailedMessage: null,
    responseMessages: [{ code, level: 'ERROR', message, exception: null, failureTypes: [] }],
  };
}

function withQuery(url: string, change: (q: URLSearchParams) => void): string {
  const u = new URL(url);
  change(u.searchParams);
  return u.toString();
}

describe('success', () => {
  it.each(['plain', 'v2', 'authorized'] as const)("%s: Harness's exact success body", async (kind) => {
    const ex = example(kind);
    const headers: Record<string, string> = { ...JSON_TYPE, ...(ex.apiKey ? { 'X-Api-Key': ex.apiKey } : {}) };
    const res = await post(ex.url, { headers });
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    const p = `${sb.baseUrl}/ng/#/account/${ACCOUNT}/cd/orgs/default/projects/${ex.projectIdentifier}`;
    expect(res.body).toEqual({
      status: 'SUCCESS',
      data: {
        eventCorrelationId: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown,
        apiUrl: expect.any(String) as unknown,
        uiUrl: `${p}/deployments?pipelineIdentifier=${ex.pipelineIdentifier}&page=0`,
        uiSetupUrl: `${p}/pipelines/${ex.pipelineIdentifier}/pipeline-studio/`,
      },
      metaData: null,
      correlationId: expect.stringMatching(UUID) as unknown,
    });
    const data = (res.body as { data: { eventCorrelationId: string; apiUrl: string } }).data;
    expect(data.apiUrl).toBe(
      `${sb.baseUrl}/gateway/pipeline/api/webhook/triggerExecutionDetails/${data.eventCorrelationId}?accountIdentifier=${ACCOUNT}`,
    );
  });

  it('answers the same on /pipeline/api without the gateway prefix', async () => {
    const res = await post(example('plain').url.replace('/gateway/pipeline/api/', '/pipeline/api/'));
    expect(res.status).toBe(200);
  });

  it("gives Harness's Copy as cURL text, stable tokens, and keys not shaped like real ones", async () => {
    for (const ex of sb.examples) {
      const key = ex.apiKey ? ` -H 'X-Api-Key: ${ex.apiKey}'` : '';
      expect(ex.curl).toBe(`curl -X POST -H 'content-type: application/json'${key} --url '${ex.url}' -d '${SAMPLE}'`);
      expect(ex.curl).not.toMatch(FORBIDDEN_KEY);
      expect(ex.yaml).toContain(`identifier: ${ex.identifier}`);
      expect(ex.yaml).toMatch(/type: Custom/);
    }
    expect(sb.keys.execute).not.toMatch(FORBIDDEN_KEY);
    expect(sb.keys.viewOnly).not.toMatch(FORBIDDEN_KEY);
    const tokens = sb.examples.flatMap((e) => /\/custom\/([A-Za-z0-9_-]+)\/v3\?/.exec(e.url)?.[1] ?? []);
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const again = await startSandbox();
    try {
      const path = (e: ExampleTrigger) => e.url.slice(e.url.indexOf('/gateway'));
      expect(again.examples.map(path)).toEqual(sb.examples.map(path));
    } finally {
      await again.close();
    }
  });

  it("accepts YAML, plain text and a body that is not JSON; refuses curl's default form type", async () => {
    const url = example('plain').url;
    expect((await post(url, { headers: { 'content-type': 'application/yaml' }, body: 'a: 1\n' })).status).toBe(200);
    expect(
      (await post(url, { headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'not json {' })).status,
    ).toBe(200);
    expect((await post(url, { body: 'not json {' })).status).toBe(200);
    const form = await post(url, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    // Medium confidence (electron/sandbox/uncertain.ts): Harness's generic 500, not a 415.
    expect(form.status).toBe(500);
    expect(form.body).toEqual(
      envelope('UNKNOWN_ERROR', 'Oops, something went wrong on our end. Please contact Harness Support.'),
    );
  });
});

describe('every error row of the protocol reference', () => {
  it('authorization mandated, no key: 400 INVALID_REQUEST', async () => {
    const res = await post(example('authorized').url);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(
      envelope(
        'INVALID_REQUEST',
        `Invalid request: Authorization is mandatory for custom triggers in ${ACCOUNT}:default:Secured. Please add X-Api-Key header in the request`,
      ),
    );
  });

  it('v2, no enabled trigger matches the identifiers', async () => {
    const url = withQuery(example('v2').url, (q) => q.set('triggerIdentifier', 'nope'));
    const res = await post(url);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(
      envelope(
        'INVALID_REQUEST',
        `Invalid request: No enabled custom trigger found for Account:${ACCOUNT}, Org: default, Project: Sandbox, Pipeline: legacy_deploy, Trigger: nope`,
      ),
    );
    const bare = withQuery(example('v2').url, (q) => {
      q.set('projectIdentifier', 'Empty');
      q.delete('pipelineIdentifier');
      q.delete('triggerIdentifier');
    });
    expect((await post(bare)).body).toEqual(
      envelope(
        'INVALID_REQUEST',
        `Invalid request: No enabled custom trigger found for Account:${ACCOUNT}, Org: default, Project: Empty`,
      ),
    );
  });

  it('v2 URL for a trigger that has a token', async () => {
    const url = example('plain').url.replace(/\/custom\/[^/]+\/v3\?/, '/custom/v2?');
    const res = await post(url);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(
      envelope(
        'INVALID_REQUEST',
        'Invalid request: This webhook url is no longer supported for newly created custom webhook triggers. We are migrating to new webhook urls using custom webhook tokens in the url.',
      ),
    );
  });

  it('v3, unknown token; v3, trigger disabled', async () => {
    const unknown = example('plain').url.replace(/\/custom\/[^/]+\/v3/, '/custom/AAAAAAAAAAAAAAAAAAAAAA/v3');
    const res = await post(unknown);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(
      envelope(
        'INVALID_REQUEST',
        'Invalid request: No custom trigger found for the used custom webhook token: AAAAAAAAAAAAAAAAAAAAAA',
      ),
    );
    const disabled = example('disabled');
    const token = /\/custom\/([^/]+)\/v3/.exec(disabled.url)?.[1] ?? '?';
    const off = await post(disabled.url);
    expect(off.status).toBe(400);
    expect(off.body).toEqual(
      envelope(
        'INVALID_REQUEST',
        `Invalid request: No enabled custom trigger found for the used custom webhook token: ${token}`,
      ),
    );
  });

  it('invalid API key: 401 INVALID_TOKEN, also where no key is needed and for an empty header', async () => {
    const unknownKey = ['sat', 'sandbox', 'nope', 'x'].join('.');
    for (const [ex, value] of [
      [example('authorized'), unknownKey],
      [example('plain'), unknownKey],
      [example('authorized'), ''],
    ] as const) {
      const res = await post(ex.url, { headers: { ...JSON_TYPE, 'x-API-key': value } });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(envelope('INVALID_TOKEN', 'Token is not valid.'));
    }
  });

  it('key without pipeline execute permission: 403 NG_ACCESS_DENIED with failedPermissionChecks', async () => {
    const res = await post(example('authorized').url, { headers: { ...JSON_TYPE, 'X-Api-Key': sb.keys.viewOnly } });
    expect(res.status).toBe(403);
    const message = 'Missing permission core_pipeline_execute on pipeline with identifier build_and_deploy';
    expect(res.body).toEqual({
      ...(envelope('NG_ACCESS_DENIED', message) as object),
      failedPermissionChecks: [
        {
          resourceScope: { accountIdentifier: ACCOUNT, orgIdentifier: 'default', projectIdentifier: 'Secured' },
          resourceType: 'PIPELINE',
          resourceIdentifier: 'build_and_deploy',
          permission: 'core_pipeline_execute',
        },
      ],
    });
  });

  it('missing required query parameter: 400 FAILURE with errors[]', async () => {
    const res = await post(withQuery(example('plain').url, (q) => q.delete('accountIdentifier')));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      status: 'FAILURE',
      code: 'INVALID_REQUEST',
      message: 'accountIdentifier: must not be null',
      correlationId: expect.stringMatching(UUID) as unknown,
      errors: [{ fieldId: 'accountIdentifier', error: 'must not be null' }],
    });
    const two = await post(
      withQuery(example('v2').url, (q) => {
        q.delete('orgIdentifier');
        q.delete('projectIdentifier');
      }),
    );
    expect(two.body).toMatchObject({
      status: 'FAILURE',
      message: 'orgIdentifier: must not be null, projectIdentifier: must not be null',
    });
    const empty = await post(withQuery(example('plain').url, (q) => q.set('orgIdentifier', '')));
    expect(empty.body).toEqual(
      envelope(
        'INVALID_REQUEST',
        'Invalid request: orgIdentifier and projectIdentifier are required query parameters for custom webhook triggers. Please provide valid orgIdentifier and projectIdentifier in the webhook URL.',
      ),
    );
  });

  it('other methods and paths: 405, and 400 for a path the API does not have', async () => {
    expect((await fetch(example('plain').url)).status).toBe(405);
    expect((await fetch(`${sb.baseUrl}/gateway/pipeline/api/nowhere`)).status).toBe(400);
  });
});

describe('received', () => {
  it('records method, URL, lower-cased headers and the body byte for byte', async () => {
    sb.clearReceived();
    const body = Buffer.from('{"név": "ünïcödé",\r\n  "tab":"\t", "emoji": "🚀"}  \n', 'utf8');
    const ex = example('authorized');
    await post(ex.url, {
      body,
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': sb.keys.execute, 'X-Source': 'Jenkins' },
    });
    expect(sb.received).toHaveLength(1);
    const [r] = sb.received;
    expect(r?.method).toBe('POST');
    expect(r?.path).toBe(new URL(ex.url).pathname);
    expect(r?.url).toBe(ex.url.slice(sb.baseUrl.length));
    expect(r?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-api-key': sb.keys.execute,
      'x-source': 'Jenkins',
    });
    expect(r && Buffer.compare(r.body, body)).toBe(0);
    sb.clearReceived();
    expect(sb.received).toHaveLength(0);
  });
});
