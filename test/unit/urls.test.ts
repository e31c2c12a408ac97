import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { isLoopbackHost, parseTriggerUrl } from '../../shared/harness/urls';

const TOKEN = 'AbCdEfGhIjKlMnOpQr_-12';
const Q =
  'accountIdentifier=acc_1&orgIdentifier=default&projectIdentifier=CD_Docs&pipelineIdentifier=Container&triggerIdentifier=deploy_on_image';
const V3 = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?${Q}`;
const V2 = `https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?${Q}`;

function fails(url: string): DeskError {
  try {
    parseTriggerUrl(url);
  } catch (err) {
    if (err instanceof DeskError) return err;
    throw err;
  }
  throw new Error(`parseTriggerUrl accepted ${url}`);
}

describe('parseTriggerUrl: accepted forms', () => {
  const ids = {
    accountIdentifier: 'acc_1',
    orgIdentifier: 'default',
    projectIdentifier: 'CD_Docs',
    pipelineIdentifier: 'Container',
    triggerIdentifier: 'deploy_on_image',
  };
  const cases: { name: string; url: string; want: Partial<ReturnType<typeof parseTriggerUrl>> }[] = [
    {
      name: 'SaaS v3',
      url: V3,
      want: { form: 'v3', token: TOKEN, origin: 'https://app.harness.io', base: 'https://app.harness.io', ...ids },
    },
    {
      name: 'SaaS v2',
      url: V2,
      want: { form: 'v2', token: null, origin: 'https://app.harness.io', base: 'https://app.harness.io', ...ids },
    },
    {
      name: 'vanity host',
      url: `https://acme.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?${Q}`,
      want: { form: 'v3', origin: 'https://acme.harness.io', base: 'https://acme.harness.io' },
    },
    {
      name: 'self-managed without /gateway',
      url: `https://harness.corp.example/pipeline/api/webhook/custom/v2?${Q}`,
      want: { form: 'v2', origin: 'https://harness.corp.example', base: 'https://harness.corp.example' },
    },
    {
      name: 'self-managed with a port and a path prefix',
      url: `https://harness.corp.example:8443/tools/harness/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?${Q}`,
      want: {
        form: 'v3',
        token: TOKEN,
        origin: 'https://harness.corp.example:8443',
        base: 'https://harness.corp.example:8443/tools/harness',
      },
    },
    {
      name: 'prefix without /gateway',
      url: `https://h.example/p1/p2/pipeline/api/webhook/custom/v2?${Q}`,
      want: { base: 'https://h.example/p1/p2' },
    },
    {
      name: 'trailing slash after v3',
      url: `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3/?${Q}`,
      want: { form: 'v3', token: TOKEN },
    },
    {
      name: 'sandbox on 127.0.0.1 over http',
      url: `http://127.0.0.1:45123/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?${Q}`,
      want: { origin: 'http://127.0.0.1:45123', base: 'http://127.0.0.1:45123' },
    },
    {
      name: 'localhost over http',
      url: `http://localhost:8080/pipeline/api/webhook/custom/v2?${Q}`,
      want: { origin: 'http://localhost:8080' },
    },
    {
      name: '[::1] over http',
      url: `http://[::1]:8080/pipeline/api/webhook/custom/v2?${Q}`,
      want: { origin: 'http://[::1]:8080' },
    },
    {
      name: 'only the required identifiers',
      url: `https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=A&orgIdentifier=O&projectIdentifier=P`,
      want: {
        accountIdentifier: 'A',
        orgIdentifier: 'O',
        projectIdentifier: 'P',
        pipelineIdentifier: null,
        triggerIdentifier: null,
      },
    },
    {
      name: 'empty optional identifiers read as absent, values decoded',
      url: `https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=A&orgIdentifier=my%20org&projectIdentifier=P&pipelineIdentifier=&triggerIdentifier=`,
      want: { orgIdentifier: 'my org', pipelineIdentifier: null, triggerIdentifier: null },
    },
  ];
  it.each(cases)('$name', ({ url, want }) => {
    const parsed = parseTriggerUrl(url);
    expect(parsed).toMatchObject(want);
    expect(parsed.url).toBe(url);
  });

  it('keeps the URL exactly as given (only surrounding whitespace dropped), even when URL parsing would normalise it', () => {
    const given = `https://APP.Harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?${Q}&extra=a%2fb`;
    const parsed = parseTriggerUrl(`  ${given}\n`);
    expect(parsed.url).toBe(given);
    expect(parsed.base).toBe('https://APP.Harness.io');
    expect(parsed.origin).toBe('https://app.harness.io');
  });
});

describe('parseTriggerUrl: refusals', () => {
  const base = 'https://app.harness.io/gateway/pipeline/api/webhook/custom';
  const cases: {
    name: string;
    url: string;
    code: 'parse' | 'insecure-url';
    message: RegExp;
    token?: string;
    hint?: RegExp;
  }[] = [
    { name: 'empty', url: '   ', code: 'parse', message: /^The URL is empty$/ },
    {
      name: 'not a URL',
      url: 'hello world',
      code: 'parse',
      message: /"hello world" is not a URL/,
      hint: /start with https:\/\//,
    },
    {
      name: 'no scheme',
      url: `app.harness.io/gateway/pipeline/api/webhook/custom/v2?${Q}`,
      code: 'parse',
      message: /is not a URL/,
      hint: /must start with https:\/\//,
    },
    {
      name: 'another scheme',
      url: `ftp://app.harness.io/gateway/pipeline/api/webhook/custom/v2?${Q}`,
      code: 'parse',
      message: /is a ftp: address; a trigger URL starts with https:\/\//,
    },
    {
      name: 'a Harness page',
      url: 'https://app.harness.io/ng/account/acc_1/cd/orgs/default/projects/CD_Docs/pipelines/Container/triggers',
      code: 'parse',
      message: /not a Harness custom webhook URL: this is the address of a Harness page/,
      hint: /Copy as cURL/,
    },
    {
      name: 'the event URL',
      url: 'https://app.harness.io/gateway/pipeline/api/webhook/triggerExecutionDetails/632394c7b018985c661747be?accountIdentifier=A',
      code: 'parse',
      message: /\(apiUrl\), not the trigger's URL/,
    },
    {
      name: 'another path',
      url: 'https://example.com/hooks/deploy',
      code: 'parse',
      message: /its path has no \/pipeline\/api\/webhook\/custom\//,
      hint: /custom\/\{token\}\/v3\?accountIdentifier/,
    },
    {
      name: 'v3 without token',
      url: `${base}/v3?${Q}`,
      code: 'parse',
      message: /This v3 URL has no webhook token: it must be \/custom\/\{token\}\/v3/,
      token: 'customWebhookToken',
    },
    {
      name: 'short token',
      url: `${base}/abc/v3?${Q}`,
      code: 'parse',
      message: /must be 22 characters of letters, digits, - and _; it is 3 characters long$/,
      token: 'customWebhookToken',
    },
    {
      name: 'token with a bad character',
      url: `${base}/AbCdEfGhIjKlMnOpQr_.12/v3?${Q}`,
      code: 'parse',
      message: /it has "\." at character 20$/,
    },
    {
      name: 'unknown version',
      url: `${base}/v4?${Q}`,
      code: 'parse',
      message: /must be "v2" or "\{token\}\/v3"; it is "v4"$/,
    },
    {
      name: 'token with v2',
      url: `${base}/${TOKEN}/v2?${Q}`,
      code: 'parse',
      message: /must be "v2" or "\{token\}\/v3"/,
    },
    {
      name: 'missing accountIdentifier',
      url: `${base}/v2?orgIdentifier=O&projectIdentifier=P`,
      code: 'parse',
      message:
        /^The URL has no accountIdentifier: Harness needs accountIdentifier, orgIdentifier and projectIdentifier in the query$/,
      token: 'accountIdentifier',
    },
    {
      name: 'missing orgIdentifier',
      url: `${base}/v2?accountIdentifier=A&projectIdentifier=P`,
      code: 'parse',
      message: /^The URL has no orgIdentifier/,
      token: 'orgIdentifier',
    },
    {
      name: 'missing projectIdentifier',
      url: `${base}/${TOKEN}/v3?accountIdentifier=A&orgIdentifier=O`,
      code: 'parse',
      message: /^The URL has no projectIdentifier/,
      token: 'projectIdentifier',
    },
    {
      name: 'wrong case',
      url: `${base}/v2?accountIdentifier=A&orgidentifier=O&projectIdentifier=P`,
      code: 'parse',
      message: /has no orgIdentifier.*\(it has "orgidentifier", but the name is case-sensitive\)/,
    },
    {
      name: 'empty projectIdentifier',
      url: `${base}/v2?accountIdentifier=A&orgIdentifier=O&projectIdentifier=`,
      code: 'parse',
      message: /^The URL's projectIdentifier is empty$/,
      token: 'projectIdentifier',
    },
    {
      name: 'user and password',
      url: `https://me:pw@app.harness.io/gateway/pipeline/api/webhook/custom/v2?${Q}`,
      code: 'parse',
      message: /user name or password/,
    },
    {
      name: 'http to a remote host',
      url: `http://harness.corp.example/pipeline/api/webhook/custom/v2?${Q}`,
      code: 'insecure-url',
      message: /http:\/\/ to harness\.corp\.example: the API key and the payload would cross the network unencrypted/,
      hint: /https:\/\//,
    },
    {
      name: 'http to a look-alike of localhost',
      url: `http://localhost.evil.example/pipeline/api/webhook/custom/v2?${Q}`,
      code: 'insecure-url',
      message: /unencrypted/,
    },
  ];
  it.each(cases)('$name', ({ url, code, message, token, hint }) => {
    const err = fails(url);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    if (token !== undefined) expect(err.where?.token).toBe(token);
    if (hint !== undefined) expect(err.hint).toMatch(hint);
    else expect(err.hint).toBeTruthy();
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['localhost:8080', true],
    ['localhost.', true],
    ['app.localhost', true],
    ['[::1]', true],
    ['[::1]:443', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['127.0.0.1:80', true],
    ['128.0.0.1', false],
    ['127.0.0.256', false],
    ['example.com', false],
    ['localhost.example.com', false],
    ['10.0.0.1', false],
    ['[::2]', false],
    ['', false],
    ['127.0.0.1.example.com', false],
    ['0.0.0.0', false],
  ] as const)('%s → %s', (host, want) => {
    expect(isLoopbackHost(host)).toBe(want);
  });
});
