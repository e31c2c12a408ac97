// fireTrigger against the real sandbox over HTTP: every answer of docs/harness-protocol.md §2, the faults, and
// the rules that matter most (sent exactly once; the key only to the trigger's own origin).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fireTrigger, type FireInput } from '../../electron/backend/fire/index';
import { createHttpClient, type HttpClient } from '../../electron/backend/net/index';
import { startSandbox } from '../../electron/sandbox';
import type { ExampleTrigger, Sandbox } from '../../electron/sandbox/types';
import { DeskError } from '../../shared/errors';
import { parseTriggerUrl } from '../../shared/harness/urls';
import type { FireResult, HeaderEntry, Settings, Trigger } from '../../shared/model';

let sandbox: Sandbox;
let http: HttpClient;
const settings: Settings = {
  connectTimeoutMs: 5000,
  totalTimeoutMs: 10_000,
  proxyMode: 'none',
  proxyUrl: '',
  extraCaPem: '',
  theme: 'system',
};
const BODY = '{"image":"registry/app","tag":"v1.2.3"}';

function example(kind: string): ExampleTrigger {
  const found = sandbox.examples.find((e) => (e as { kind?: string }).kind === kind);
  if (!found) throw new Error(`no ${kind} example in the sandbox`);
  return found;
}

function triggerFor(url: string, o: { key?: boolean; headers?: HeaderEntry[]; contentType?: string } = {}): Trigger {
  return {
    id: 'trg_test',
    workspaceId: 'ws_test',
    name: 'test trigger',
    parsed: parseTriggerUrl(url),
    key: o.key ? { id: 'key_test', label: 'test key', last4: 'xxxx' } : null,
    headers: o.headers ?? [],
    contentType: o.contentType ?? 'application/json',
    payloads: [],
    production: false,
    createdAt: 0,
    updatedAt: 0,
  };
}

function fire(trigger: Trigger, o: Partial<FireInput> = {}): Promise<FireResult> {
  return fireTrigger({ trigger, apiKey: null, secretHeaders: [], body: BODY, http, ...o });
}

function posts() {
  return sandbox.received.filter((r) => r.method === 'POST');
}

/** Exactly one POST arrived, also a moment later (nothing retried behind our back). */
async function expectSentOnce(): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
  expect(posts()).toHaveLength(1);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  http = createHttpClient(() => settings, { env: {} });
});

beforeEach(() => {
  sandbox.setFaults({ delayMs: 0, resetConnections: false, status5xx: null, nonJson: false });
  sandbox.clearReceived();
  settings.totalTimeoutMs = 10_000;
});

afterAll(async () => {
  await http.close();
  await sandbox.close();
});

describe('success', () => {
  it('v3: accepted, with the event and its links; what was sent is recorded redacted', async () => {
    const plain = example('plain');
    const trigger = triggerFor(plain.url);
    const result = await fire(trigger);
    expect(result.outcome).toBe('accepted');
    expect(result.response?.status).toBe(200);
    expect(result.event?.eventCorrelationId).toMatch(/^[a-f0-9]{24}$/);
    expect(result.event?.uiUrl).toMatch(/^http/);
    expect(result.event?.apiUrl).toContain(`/triggerExecutionDetails/${result.event?.eventCorrelationId ?? 'none'}`);
    expect(result.explanation).toBeNull();
    expect(result.durationMs).toBeGreaterThan(0);

    const token = trigger.parsed.token ?? '';
    expect(result.request.url).not.toContain(token);
    expect(result.request).toMatchObject({ method: 'POST', bodyBytes: Buffer.byteLength(BODY), bodyIsJson: true });
    expect(result.request.headers).toEqual({ 'content-type': 'application/json' });

    await expectSentOnce();
    const got = posts()[0];
    expect(got?.body.toString()).toBe(BODY);
    expect(got?.headers['content-type']).toBe('application/json');
    expect(got?.headers['x-api-key']).toBeUndefined();
  });

  it('v2: accepted', async () => {
    const result = await fire(triggerFor(example('v2').url));
    expect(result.outcome).toBe('accepted');
    expect(result.event?.eventCorrelationId).toMatch(/^[a-f0-9]{24}$/);
    await expectSentOnce();
  });

  it('sends the key as X-Api-Key to the trigger origin, and records it masked', async () => {
    const secured = example('authorized');
    const key = sandbox.keys.execute;
    const headers: HeaderEntry[] = [
      { name: 'X-Source', value: 'jenkins', secret: null },
      { name: 'X-Signature', value: '', secret: { id: 'sig', label: 'signature', last4: 'cdef' } },
    ];
    const result = await fire(triggerFor(secured.url, { key: true, headers }), {
      apiKey: key,
      secretHeaders: [{ name: 'X-Signature', value: 'sig-value-abcdef' }],
    });
    expect(result.outcome).toBe('accepted');
    await expectSentOnce();
    const got = posts()[0];
    expect(got?.headers['x-api-key']).toBe(key);
    expect(got?.headers['x-source']).toBe('jenkins');
    expect(got?.headers['x-signature']).toBe('sig-value-abcdef');
    const recorded = JSON.stringify(result);
    expect(recorded).not.toContain(key);
    expect(recorded).not.toContain('sig-value-abcdef');
    expect(result.request.headers['X-Source']).toBe('jenkins');
    expect(Object.keys(result.request.headers).sort()).toEqual([
      'X-Api-Key',
      'X-Signature',
      'X-Source',
      'content-type',
    ]);
  });

  it('a payload that is not JSON is sent as is, with a note', async () => {
    const result = await fire(triggerFor(example('plain').url), { body: 'deploy please' });
    expect(result.outcome).toBe('accepted');
    expect(result.request.bodyIsJson).toBe(false);
    expect(result.notes.join(' ')).toContain('not valid JSON');
    expect(posts()[0]?.body.toString()).toBe('deploy please');
  });
});

describe("every error of a fire: rejected, with Harness's words and an explanation", () => {
  const titles = new Set<string>();
  afterAll(() => {
    // Each row has its own explanation, not one generic "rejected".
    expect(titles.size).toBe(8);
  });
  async function rejected(trigger: Trigger, o: Partial<FireInput> = {}): Promise<FireResult> {
    const result = await fire(trigger, o);
    titles.add(result.explanation?.title ?? '');
    expect(result.outcome).toBe('rejected');
    expect(result.explanation?.title).toBeTruthy();
    expect(result.explanation?.detail).toBeTruthy();
    expect(result.harness?.message).toBeTruthy();
    await expectSentOnce();
    return result;
  }
  const ids = (e: ExampleTrigger) => {
    const p = parseTriggerUrl(e.url);
    return {
      a: p.accountIdentifier,
      o: p.orgIdentifier,
      p: p.projectIdentifier,
      pl: p.pipelineIdentifier ?? '',
      t: p.triggerIdentifier ?? '',
      token: p.token ?? '',
    };
  };

  it('authorization mandated, no key → 400', async () => {
    const e = example('authorized');
    const { a, o, p } = ids(e);
    const r = await rejected(triggerFor(e.url));
    expect(r.response?.status).toBe(400);
    expect(r.harness).toMatchObject({ status: 'ERROR', code: 'INVALID_REQUEST' });
    expect(r.harness?.message).toBe(
      `Invalid request: Authorization is mandatory for custom triggers in ${a}:${o}:${p}. Please add X-Api-Key header in the request`,
    );
  });

  it('v2, no enabled trigger matches → 400', async () => {
    const url = example('v2').url.replace(/triggerIdentifier=[^&]+/, 'triggerIdentifier=no_such_trigger');
    const { a, o, p, pl } = ids(example('v2'));
    const r = await rejected(triggerFor(url));
    expect(r.response?.status).toBe(400);
    expect(r.harness?.message).toBe(
      `Invalid request: No enabled custom trigger found for Account:${a}, Org: ${o}, Project: ${p}, Pipeline: ${pl}, Trigger: no_such_trigger`,
    );
  });

  it('v2 URL for a trigger that has a token → 400', async () => {
    const { a, o, p, pl, t } = ids(example('plain'));
    const base = example('plain').url.split('/gateway/')[0] ?? '';
    const url = `${base}/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=${a}&orgIdentifier=${o}&projectIdentifier=${p}&pipelineIdentifier=${pl}&triggerIdentifier=${t}`;
    const r = await rejected(triggerFor(url));
    expect(r.harness?.message).toMatch(
      /^Invalid request: This webhook url is no longer supported for newly created custom webhook triggers\./,
    );
  });

  it('v3, unknown token → 400 (the token masked in what is kept)', async () => {
    const unknown = 'Unkn0wnT0kenAbCdEf1234';
    const url = example('plain').url.replace(/\/custom\/[^/]+\/v3/, `/custom/${unknown}/v3`);
    const r = await rejected(triggerFor(url));
    expect(r.response?.status).toBe(400);
    expect(r.harness?.message).toMatch(
      /^Invalid request: No custom trigger found for the used custom webhook token: .*1234$/,
    );
    expect(JSON.stringify(r)).not.toContain(unknown);
  });

  it('v3, trigger disabled → 400', async () => {
    const r = await rejected(triggerFor(example('disabled').url));
    expect(r.harness?.message).toMatch(
      /^Invalid request: No enabled custom trigger found for the used custom webhook token: /,
    );
  });

  it('invalid key → 401', async () => {
    const e = example('authorized');
    const r = await rejected(triggerFor(e.url, { key: true }), {
      apiKey: 'sat.sandbox.wrong-key.Qq1Ww2Ee3Rr4Tt5Yy6Uu',
    });
    expect(r.response?.status).toBe(401);
    expect(r.harness?.code).toBe('INVALID_TOKEN');
  });

  it('key without execute permission → 403', async () => {
    const r = await rejected(triggerFor(example('authorized').url, { key: true }), { apiKey: sandbox.keys.viewOnly });
    expect(r.response?.status).toBe(403);
    expect(r.harness?.code).toBe('NG_ACCESS_DENIED');
  });

  it('missing required query parameter → 400', async () => {
    const trigger = triggerFor(example('plain').url);
    trigger.parsed = { ...trigger.parsed, url: trigger.parsed.url.replace(/&projectIdentifier=[^&]+/, '') };
    const r = await rejected(trigger);
    expect(r.response?.status).toBe(400);
    expect(r.harness?.code).toBe('INVALID_REQUEST');
    expect(r.harness?.message).toContain('projectIdentifier');
  });
});

describe('faults', () => {
  it('5xx: not accepted, explained, sent once', async () => {
    sandbox.setFaults({ status5xx: 503 });
    const r = await fire(triggerFor(example('plain').url));
    expect(r.outcome).toBe('rejected');
    expect(r.response?.status).toBe(503);
    expect(r.explanation?.detail).toBeTruthy();
    await expectSentOnce();
  });

  it('an answer that is not JSON is shown raw', async () => {
    sandbox.setFaults({ nonJson: true });
    const r = await fire(triggerFor(example('plain').url));
    expect(r.outcome).not.toBe('accepted');
    expect(r.response?.status).toBe(200);
    expect(r.response?.body).toMatch(/<html/i);
    expect(r.explanation).not.toBeNull();
  });

  it('slower than the total timeout: a network error naming the setting, sent once', async () => {
    settings.totalTimeoutMs = 1000;
    sandbox.setFaults({ delayMs: 2500 });
    const r = await fire(triggerFor(example('plain').url));
    expect(r.outcome).toBe('network-error');
    expect(r.response).toBeNull();
    expect(r.explanation?.detail).toContain('total timeout (1 s)');
    expect(r.explanation?.action).toContain('"Total timeout" in Settings → Network');
    await expectSentOnce();
  });

  it('connection reset: a network error that says the request may have arrived, sent once', async () => {
    sandbox.setFaults({ resetConnections: true });
    const r = await fire(triggerFor(example('plain').url));
    expect(r).toMatchObject({ outcome: 'network-error', response: null, event: null, harness: null });
    expect(r.explanation?.title).toBe('Connection closed');
    expect(r.explanation?.detail).toContain(
      "the request may or may not have reached Harness — check the pipeline's executions before firing again",
    );
    await expectSentOnce();
  });

  it('nothing listening: a network error, not a throw', async () => {
    const gone = await startSandbox({ port: 0 });
    const url = gone.examples[0]?.url ?? '';
    await gone.close();
    const r = await fire(triggerFor(url));
    expect(r.outcome).toBe('network-error');
    expect(r.explanation?.detail).toMatch(/^Nothing is listening at 127\.0\.0\.1:\d+\.$/);
  });
});

describe('refused before sending', () => {
  it("the key never goes to another origin than the trigger's", async () => {
    const trigger = triggerFor(example('authorized').url, { key: true });
    trigger.parsed = { ...trigger.parsed, origin: 'https://app.harness.io' };
    const err = await fire(trigger, { apiKey: sandbox.keys.execute }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).code).toBe('forbidden');
    expect(posts()).toHaveLength(0);
  });

  it('an http:// URL to a remote host', async () => {
    const trigger = triggerFor(example('plain').url);
    trigger.parsed = { ...trigger.parsed, url: trigger.parsed.url.replace('127.0.0.1', 'harness.example.com') };
    await expect(fire(trigger)).rejects.toMatchObject({ code: 'insecure-url' });
  });

  it('a header value with a line break', async () => {
    const trigger = triggerFor(example('plain').url, {
      headers: [{ name: 'X-Note', value: 'a\r\nX-Injected: 1', secret: null }],
    });
    await expect(fire(trigger)).rejects.toMatchObject({
      code: 'parse',
      message: 'The value of header X-Note contains a line break at character 2',
    });
    expect(posts()).toHaveLength(0);
  });
});
