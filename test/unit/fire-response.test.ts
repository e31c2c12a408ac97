import { describe, expect, it } from 'vitest';
import { interpretFireResponse, type FireContext } from '../../shared/harness/fire-response';
import { parseTriggerUrl } from '../../shared/harness/urls';

const TOKEN = 'AbCdEfGhIjKlMnOpQr_-12';
const V3 = parseTriggerUrl(
  `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=A&orgIdentifier=O&projectIdentifier=P&pipelineIdentifier=PL&triggerIdentifier=T`,
);
const V2 = parseTriggerUrl(
  'https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=A&orgIdentifier=O&projectIdentifier=P&pipelineIdentifier=PL&triggerIdentifier=T',
);
const SELF = parseTriggerUrl(
  'https://harness.corp.example/pipeline/api/webhook/custom/v2?accountIdentifier=A&orgIdentifier=O&projectIdentifier=P',
);
const KEY = ['pat', `acc${'X'.repeat(19)}`, 'ab'.repeat(12), `${'Qz9'.repeat(6)}Mj`].join('.');
const JSON_CT = 'application/json';

const noKey: FireContext = { hadKey: false, url: V3 };
const withKey: FireContext = { hadKey: true, url: V3 };

/** Harness's error envelope (docs/harness-protocol.md §2). */
function envelope(code: string, message: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    status: 'ERROR',
    code,
    message,
    correlationId: 'c0ffee00-1111-2222-3333-444455556666',
    detailedMessage: null,
    responseMessages: [{ code, level: 'ERROR', message, exception: null, failureTypes: [] }],
    metadata: null,
    ...extra,
  });
}

const SUCCESS = JSON.stringify({
  status: 'SUCCESS',
  data: {
    eventCorrelationId: '632394c7b018985c661747be',
    apiUrl:
      'https://app.harness.io/gateway/pipeline/api/webhook/triggerExecutionDetails/632394c7b018985c661747be?accountIdentifier=A',
    uiUrl: 'https://app.harness.io/ng/#/account/A/cd/orgs/O/projects/P/deployments?pipelineIdentifier=PL&page=0',
    uiSetupUrl: 'https://app.harness.io/ng/#/account/A/cd/orgs/O/projects/P/pipelines/PL/pipeline-studio/',
  },
  metaData: null,
  correlationId: '5f86c64b-b1a2-4385-88b0-2eaf1085c310',
});

describe('interpretFireResponse: success', () => {
  it('reads the event from the exact success body', () => {
    const a = interpretFireResponse(200, JSON_CT, SUCCESS, noKey);
    expect(a.outcome).toBe('accepted');
    expect(a.event).toEqual({
      eventCorrelationId: '632394c7b018985c661747be',
      apiUrl:
        'https://app.harness.io/gateway/pipeline/api/webhook/triggerExecutionDetails/632394c7b018985c661747be?accountIdentifier=A',
      uiUrl: 'https://app.harness.io/ng/#/account/A/cd/orgs/O/projects/P/deployments?pipelineIdentifier=PL&page=0',
      uiSetupUrl: 'https://app.harness.io/ng/#/account/A/cd/orgs/O/projects/P/pipelines/PL/pipeline-studio/',
    });
    expect(a.harness).toEqual({
      status: 'SUCCESS',
      code: '',
      message: '',
      correlationId: '5f86c64b-b1a2-4385-88b0-2eaf1085c310',
    });
    expect(a.explanation).toBeNull();
    expect(a.notes).toEqual([]);
  });

  it('says when the URL names no pipeline or trigger (several pipelines may start)', () => {
    const a = interpretFireResponse(200, JSON_CT, SUCCESS.replaceAll('app.harness.io', 'harness.corp.example'), {
      hadKey: false,
      url: SELF,
    });
    expect(a.outcome).toBe('accepted');
    expect(a.notes).toEqual([
      expect.stringMatching(
        /every enabled custom trigger in the project was a candidate: one call may start several pipelines/,
      ),
    ]);
  });

  it('says when apiUrl points at another host (the key is not sent there)', () => {
    const a = interpretFireResponse(
      200,
      JSON_CT,
      SUCCESS.replace(
        'https://app.harness.io/gateway/pipeline/api/webhook/trigger',
        'https://elsewhere.example/gateway/pipeline/api/webhook/trigger',
      ),
      withKey,
    );
    expect(a.notes).toEqual([
      expect.stringMatching(/apiUrl is on another host than the trigger, so the API key is not sent there/),
    ]);
  });

  it('accepts a success without an event id, and says it cannot be followed', () => {
    const a = interpretFireResponse(
      200,
      JSON_CT,
      JSON.stringify({ status: 'SUCCESS', data: null, correlationId: 'x' }),
      noKey,
    );
    expect(a.outcome).toBe('accepted');
    expect(a.event).toBeNull();
    expect(a.notes[0]).toMatch(/sent no event id/);
  });
});

interface Row {
  name: string;
  status: number;
  body: string;
  ctx: FireContext;
  title: RegExp;
  detail?: RegExp;
  action: RegExp | null;
}

const auth =
  'Invalid request: Authorization is mandatory for custom triggers in A:O:P. Please add X-Api-Key header in the request';
const v2none =
  'Invalid request: No enabled custom trigger found for Account:A, Org: O, Project: P, Pipeline: PL, Trigger: T';
const v2old =
  'Invalid request: This webhook url is no longer supported for newly created custom webhook triggers. Please use custom webhook url with token';
const unknownToken = `Invalid request: No custom trigger found for the used custom webhook token: ${TOKEN}`;
const disabled = `Invalid request: No enabled custom trigger found for the used custom webhook token: ${TOKEN}`;
const invalidKey = 'Invalid call: Invalid token or token expired. Please check your API key';

const rows: Row[] = [
  {
    name: 'authorization mandated, no key',
    status: 400,
    body: envelope('INVALID_REQUEST', auth),
    ctx: noKey,
    title: /^This project requires an API key$/,
    detail: /account A, org O, project P.*no X-Api-Key header/,
    action: /^Set an API key on the trigger \(its API key panel, “Set key”\)/,
  },
  {
    name: 'authorization mandated, key sent but not received',
    status: 400,
    body: envelope('INVALID_REQUEST', auth),
    ctx: withKey,
    title: /^Harness did not receive the API key$/,
    detail: /proxy or gateway\) may strip it/,
    action: /proxy settings/,
  },
  {
    name: 'v2: no enabled trigger matches',
    status: 400,
    body: envelope('INVALID_REQUEST', v2none),
    ctx: { hadKey: false, url: V2 },
    title: /^No enabled trigger matches this URL$/,
    detail: /account A, org O, project P, pipeline PL, trigger T\. The trigger may be disabled or deleted/,
    action: /trigger is enabled/,
  },
  {
    name: 'v2 URL for a trigger that has a token',
    status: 400,
    body: envelope('INVALID_REQUEST', v2old),
    ctx: { hadKey: false, url: V2 },
    title: /^This trigger needs its v3 URL$/,
    detail: /\/custom\/\{token\}\/v3.*older \/custom\/v2/,
    action: /Copy the trigger's URL again in Harness/,
  },
  {
    name: 'v3: unknown token',
    status: 400,
    body: envelope('INVALID_REQUEST', unknownToken),
    ctx: noKey,
    title: /^Unknown webhook token$/,
    detail: /deleted and created again/,
    action: /Copy the trigger's URL again/,
  },
  {
    name: 'v3: trigger disabled or deleted',
    status: 400,
    body: envelope('INVALID_REQUEST', disabled),
    ctx: noKey,
    title: /^The trigger is disabled or deleted$/,
    action: /^Enable the trigger in Harness/,
  },
  {
    name: '401 invalid or expired key',
    status: 401,
    body: envelope('INVALID_TOKEN', invalidKey),
    ctx: withKey,
    title: /^The API key was refused$/,
    detail: /invalid or expired/,
    action: /Create a new key in Harness.*put it on the trigger \(its API key panel, “Replace key”\)/,
  },
  {
    name: '401 without a key',
    status: 401,
    body: envelope('INVALID_CREDENTIAL', 'Invalid credentials'),
    ctx: noKey,
    title: /^Harness asks for an API key$/,
    action: /^Set an API key on the trigger \(its API key panel, “Set key”\)/,
  },
  {
    name: '403 with failedPermissionChecks',
    status: 403,
    body: envelope('NG_ACCESS_DENIED', 'Missing permission core_pipeline_execute on pipeline with identifier PL', {
      failedPermissionChecks: [
        {
          permission: 'core_pipeline_execute',
          resourceScope: { accountIdentifier: 'A', orgIdentifier: 'O', projectIdentifier: 'P' },
          resourceType: 'PIPELINE',
          resourceIdentifier: 'PL',
          permitted: false,
        },
      ],
    }),
    ctx: withKey,
    title: /^The API key may not run this pipeline$/,
    detail: /Missing: core_pipeline_execute on PIPELINE PL \(project P\)\.$/,
    action: /Pipeline Execute.*Role Bindings/,
  },
  {
    name: 'missing required query parameter',
    status: 400,
    body: JSON.stringify({
      status: 'FAILURE',
      code: 'INVALID_REQUEST',
      message: 'orgIdentifier: must not be null',
      correlationId: 'x',
      errors: [{ fieldId: 'orgIdentifier', error: 'must not be null' }],
    }),
    ctx: noKey,
    title: /^A required part of the URL is missing$/,
    detail: /\(orgIdentifier\)\. Every trigger URL needs accountIdentifier, orgIdentifier and projectIdentifier\.$/,
    action: /Copy the trigger's URL again/,
  },
  {
    name: "500 with Harness's envelope",
    status: 500,
    body: envelope('UNEXPECTED', 'Oops, something went wrong on our end.'),
    ctx: noKey,
    title: /^Server error \(HTTP 500\)$/,
    detail: /did not retry: a second POST could start the pipeline twice/,
    action: /status\.harness\.io/,
  },
  {
    name: '503 on a self-managed host',
    status: 503,
    body: envelope('SERVICE_UNAVAILABLE', 'busy'),
    ctx: { hadKey: false, url: SELF },
    title: /^Server error \(HTTP 503\)$/,
    action: /Harness administrator/,
  },
  {
    name: '404 with an envelope',
    status: 404,
    body: envelope('RESOURCE_NOT_FOUND', 'Not found'),
    ctx: noKey,
    title: /^Harness does not know this address$/,
    action: /Copy the trigger's URL again/,
  },
  {
    name: 'a path the API does not have: 400 RESOURCE_NOT_FOUND_EXCEPTION',
    status: 400,
    body: envelope('RESOURCE_NOT_FOUND_EXCEPTION', 'HTTP 404 Not Found'),
    ctx: noKey,
    title: /^Harness does not know this address$/,
    action: /Copy the trigger's URL again/,
  },
  {
    name: "500 UNKNOWN_ERROR: Harness's answer to a content type it does not read",
    status: 500,
    body: envelope('UNKNOWN_ERROR', 'Oops, something went wrong on our end. Please contact Harness Support.'),
    ctx: noKey,
    title: /^Server error \(HTTP 500\)$/,
    detail: /content type .*JSON, YAML or plain text/,
    action: /application\/json/,
  },
  {
    name: '415 content type',
    status: 415,
    body: envelope('UNSUPPORTED_MEDIA_TYPE', 'HTTP 415 Unsupported Media Type'),
    ctx: noKey,
    title: /^Harness does not read this content type$/,
    detail: /JSON, YAML or plain text/,
    action: /application\/json/,
  },
  {
    name: '405 method',
    status: 405,
    body: envelope('METHOD_NOT_ALLOWED', 'HTTP 405 Method Not Allowed'),
    ctx: noKey,
    title: /^Harness refused the method$/,
    action: /Copy the trigger's URL again/,
  },
  {
    name: '429',
    status: 429,
    body: envelope('TOO_MANY_REQUESTS', 'slow down'),
    ctx: noKey,
    title: /^Too many requests$/,
    action: /Wait a minute/,
  },
  {
    name: 'an unknown INVALID_REQUEST',
    status: 400,
    body: envelope('INVALID_REQUEST', 'Invalid request: something new'),
    ctx: noKey,
    title: /^Harness refused the request \(HTTP 400\)$/,
    action: null,
  },
];

describe('interpretFireResponse: every row of the error table', () => {
  it.each(rows)('$name', ({ status, body, ctx, title, detail, action }) => {
    const a = interpretFireResponse(status, JSON_CT, body, ctx);
    const parsed = JSON.parse(body) as { status: string; code: string; message: string; correlationId: string };
    expect(a.outcome).toBe('rejected');
    expect(a.event).toBeNull();
    // Harness's own words, verbatim.
    expect(a.harness).toEqual({
      status: parsed.status,
      code: parsed.code,
      message: parsed.message,
      correlationId: parsed.correlationId,
    });
    expect(a.explanation?.title).toMatch(title);
    if (detail) expect(a.explanation?.detail).toMatch(detail);
    if (action === null) expect(a.explanation?.action).toBeNull();
    else expect(a.explanation?.action).toMatch(action);
    expect(a.notes).toEqual([]);
  });

  it("never copies Harness's message (which may echo a secret) into the explanation", () => {
    const message = `Invalid request: orgIdentifier: must not be null ${KEY} ${TOKEN}`;
    for (const body of [
      envelope('INVALID_REQUEST', message),
      JSON.stringify({ status: 'FAILURE', code: 'INVALID_REQUEST', message, errors: [] }),
    ]) {
      const a = interpretFireResponse(400, JSON_CT, body, withKey);
      expect(JSON.stringify(a.explanation)).not.toContain(KEY);
      expect(JSON.stringify(a.explanation)).not.toContain(TOKEN);
      expect(a.harness?.message).toBe(message);
    }
  });
});

describe("interpretFireResponse: answers that are not Harness's", () => {
  it("a proxy's HTML error page: explained, harness null, names the page", () => {
    const html =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
    const a = interpretFireResponse(502, 'text/html; charset=utf-8', html, noKey);
    expect(a.outcome).toBe('rejected');
    expect(a.harness).toBeNull();
    expect(a.explanation?.title).toBe('Server error (HTTP 502)');
    expect(a.explanation?.detail).toMatch(
      /^The server sent text\/html \(a page titled "502 Bad Gateway"\) instead of Harness's JSON\./,
    );
  });

  it('a sign-in page answering 200: rejected, and says it cannot tell whether anything started', () => {
    const a = interpretFireResponse(200, 'text/html', '<html><title>Sign in – Corp SSO</title></html>', noKey);
    expect(a.outcome).toBe('rejected');
    expect(a.event).toBeNull();
    expect(a.explanation?.title).toBe('Unexpected answer (HTTP 200)');
    expect(a.explanation?.detail).toMatch(/a page titled "Sign in – Corp SSO".*cannot tell whether a pipeline started/);
    expect(a.explanation?.action).toMatch(/proxy settings/);
  });

  it.each([
    ['an empty answer', 400, '', '', /The server sent an empty answer/],
    ['plain text', 400, 'text/plain', 'Bad Request', /The server sent text\/plain instead/],
    ['broken JSON', 400, JSON_CT, '{"status": "ERR', /application\/json instead of Harness's JSON/],
    ['no content type', 418, '', 'teapot', /text without a content type/],
  ])('%s', (_name, status, ct, body, detail) => {
    const a = interpretFireResponse(status, ct, body, noKey);
    expect(a.outcome).toBe('rejected');
    expect(a.harness).toBeNull();
    expect(a.explanation?.detail).toMatch(detail);
  });

  it('JSON of an unknown shape is shown as it came', () => {
    const a = interpretFireResponse(400, JSON_CT, '{"error":"nope","reason":42}', noKey);
    expect(a).toMatchObject({ outcome: 'rejected', event: null, harness: null });
    expect(a.explanation?.title).toBe('Unexpected answer (HTTP 400)');
    expect(a.explanation?.detail).toMatch(/does not recognise/);
  });

  it('notes JSON labelled as something else', () => {
    const a = interpretFireResponse(400, 'text/plain', envelope('INVALID_REQUEST', unknownToken), noKey);
    expect(a.explanation?.title).toBe('Unknown webhook token');
    expect(a.notes).toEqual(['Harness answered in JSON but labelled it text/plain.']);
  });
});
