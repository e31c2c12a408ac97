// The whole backend on a temp data folder with its embedded sandbox, the real keychain (run under
// scripts/with-keyring.sh) and real HTTP: first launch, import, fire, edit, open links, restart.
import { readdirSync, readFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCredentials } from '@napi-rs/keyring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Args, RequestName, Result } from '../../shared/api';
import { DeskError } from '../../shared/errors';
import type { Trigger } from '../../shared/model';
import { createBackend } from '../../electron/backend/index';
import { dispatch } from '../../electron/dispatch';
import { startSandboxPeer } from '../../electron/sandbox/index';
import type { Backend, BackendOptions } from '../../electron/backend/types';
import { harnessShapedKey, uniqueService } from '../helpers/keychain';

const service = uniqueService('backend');
const dataDir = mkdtempSync(join(tmpdir(), 'td-backend-'));
const events: { event: string; payload: unknown }[] = [];
const opened: string[] = [];
const results: string[] = [];
const userKey = harnessShapedKey();
const TOKEN = 'Zq3Vn8Lm2Kx7Pw4Rt6Yb9C';
const USER_URL = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=px7xd_BFRCi-12345&orgIdentifier=default&projectIdentifier=CD_Docs&pipelineIdentifier=Container&triggerIdentifier=deploy_on_image`;
const USER_CURL = `curl -X POST -H 'content-type: application/json' -H 'X-Api-Key: ${userKey}' --url '${USER_URL}' -d '{"sample_key": "sample_value"}'`;

let backend: Backend;

function options(extra: Partial<BackendOptions> = {}): BackendOptions {
  return {
    dataDir,
    mode: 'web',
    version: '0.0.0-test',
    notify: (event, payload) => events.push({ event, payload }),
    vaultService: service,
    startSandbox: startSandboxPeer,
    sandboxPort: 0,
    env: {},
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    ...extra,
  };
}

/** Calls a handler the way a host does and keeps every result, to search them for secrets later. */
async function call<K extends RequestName>(name: K, args: Args<K>, b: Backend = backend): Promise<Result<K>> {
  const handler = b.handlers[name] as (a: Args<K>) => Promise<Result<K>>;
  const result = await handler(args);
  results.push(JSON.stringify(result ?? null));
  return result;
}

async function callError<K extends RequestName>(name: K, args: Args<K>): Promise<DeskError> {
  try {
    await call(name, args);
  } catch (err) {
    if (err instanceof DeskError) {
      results.push(JSON.stringify(err.toShape()));
      return err;
    }
    throw err;
  }
  throw new Error(`${name} did not fail`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

async function sandboxTriggers(): Promise<Trigger[]> {
  const ws = (await call('workspaces:list', {})).find((w) => w.kind === 'sandbox');
  if (!ws) throw new Error('no sandbox workspace');
  return call('triggers:list', { workspaceId: ws.id });
}

/** The sandbox's working key, as seeded into the vault; it must never reach the page either. */
async function sandboxKey(): Promise<string> {
  const secured = byIdentifier(await sandboxTriggers(), 'secured_deploy');
  return findCredentials(service).find((c) => c.account === secured.key?.id)?.password ?? '';
}

const byIdentifier = (list: Trigger[], id: string): Trigger => {
  const t = list.find((x) => x.parsed.triggerIdentifier === id);
  if (!t) throw new Error(`no trigger ${id}`);
  return t;
};

beforeAll(async () => {
  backend = await createBackend(options());
});

afterAll(async () => {
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
  // Whatever the tests left in the keychain under this run's service name goes.
  const { AsyncEntry } = await import('@napi-rs/keyring');
  for (const c of findCredentials(service)) await new AsyncEntry(service, c.account).deleteCredential();
});

describe('first launch', () => {
  it('reports itself and seeds the sandbox workspace through the import path', async () => {
    const info = await call('app:info', {});
    expect(info).toMatchObject({
      version: '0.0.0-test',
      mode: 'web',
      firstLaunch: true,
      vault: { kind: 'keychain', warning: null },
    });
    expect(info.sandboxBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(backend.sandboxBaseUrl).toBe(info.sandboxBaseUrl);

    const workspaces = await call('workspaces:list', {});
    expect(workspaces).toEqual([expect.objectContaining({ name: 'Sandbox', kind: 'sandbox' })]);
    const triggers = await sandboxTriggers();
    expect(triggers.length).toBeGreaterThanOrEqual(4);
    for (const t of triggers) {
      expect(t.parsed.url.startsWith(`${info.sandboxBaseUrl ?? '?'}/`)).toBe(true);
      expect(t.payloads[0]).toMatchObject({ name: 'From cURL', body: '{"sample_key": "sample_value"}' });
    }
    const forms = new Set(triggers.map((t) => t.parsed.form));
    expect(forms).toEqual(new Set(['v2', 'v3']));
    // The project that mandates authorization got the sandbox key, in the vault.
    const secured = byIdentifier(triggers, 'secured_deploy');
    expect(secured.key).not.toBeNull();
    const seeded = await sandboxKey();
    expect(seeded.length).toBeGreaterThan(8);
    expect(secured.key?.last4).toBe(seeded.slice(-4));
    expect(byIdentifier(triggers, 'deploy_on_push').key).toBeNull();
  });
});

describe('import and fire', () => {
  let workspaceId: string;
  let imported: Result<'triggers:importCurl'>;
  let userTrigger: Trigger;
  beforeAll(async () => {
    workspaceId = (await call('workspaces:create', { name: 'Prod account' })).id;
    imported = await call('triggers:importCurl', { workspaceId, text: USER_CURL });
    userTrigger = imported.trigger;
  });

  it("imports Harness's cURL: fields, key in the vault and in no file, body as the first payload", () => {
    const { trigger, notes } = imported;
    expect(trigger).toMatchObject({
      workspaceId,
      name: 'Container / Deploy on image', // the identifiers made readable
      contentType: 'application/json',
      parsed: {
        form: 'v3',
        origin: 'https://app.harness.io',
        token: TOKEN,
        accountIdentifier: 'px7xd_BFRCi-12345',
        orgIdentifier: 'default',
        projectIdentifier: 'CD_Docs',
        pipelineIdentifier: 'Container',
        triggerIdentifier: 'deploy_on_image',
        url: USER_URL,
      },
      key: { label: 'API key', last4: userKey.slice(-4) },
      headers: [],
      payloads: [{ name: 'From cURL', body: '{"sample_key": "sample_value"}' }],
    });
    expect(Array.isArray(notes)).toBe(true);
    const stored = findCredentials(service).find((c) => c.account === trigger.key?.id);
    expect(stored?.password).toBe(userKey);
    for (const file of filesUnder(dataDir)) {
      const text = readFileSync(file, 'utf8');
      expect(text.includes(userKey), file).toBe(false);
      expect(text.includes(userKey.slice(0, -4)), file).toBe(false);
    }
  });

  it('keeps credential-like extra headers in the vault and the rest plain', async () => {
    const bearer = `Bearer ${harnessShapedKey('sat')}`;
    const text = `curl -sS --request POST --header "Authorization: ${bearer}" -H 'X-Source: jenkins' '${USER_URL}' --data-raw '{"tag":"v1"}'`;
    const { trigger } = await call('triggers:importCurl', {
      workspaceId: userTrigger.workspaceId,
      text,
      name: 'With headers',
    });
    expect(trigger.key).toBeNull();
    expect(trigger.headers).toEqual([
      { name: 'Authorization', value: '', secret: expect.objectContaining({ last4: bearer.slice(-4) }) as unknown },
      { name: 'X-Source', value: 'jenkins', secret: null },
    ]);
    for (const file of filesUnder(dataDir)) expect(readFileSync(file, 'utf8').includes(bearer.slice(7))).toBe(false);
  });

  it('refuses a bad paste without saving anything, and never echoes the key', async () => {
    const before = (await call('triggers:list', {})).length;
    const unterminated = `curl -H 'X-Api-Key: ${userKey}' --url '${USER_URL}' -d '{"a":1}`;
    const err = await callError('triggers:importCurl', { workspaceId: userTrigger.workspaceId, text: unterminated });
    expect(err.code).toBe('parse');
    expect(err.message).toMatch(/quote/i);
    expect(JSON.stringify(err.toShape())).not.toContain(userKey);
    const spaced = `curl -H 'X-Api-Key: pat.abc def.ghi' --url '${USER_URL}'`;
    expect((await callError('triggers:importCurl', { workspaceId: userTrigger.workspaceId, text: spaced })).code).toBe(
      'invalid-key',
    );
    const insecure = await callError('triggers:create', {
      workspaceId: userTrigger.workspaceId,
      name: 'x',
      url: USER_URL.replace('https://', 'http://'),
    });
    expect(insecure.code).toBe('insecure-url');
    expect((await call('triggers:list', {})).length).toBe(before);
  });

  it('fires a sandbox trigger and gets an eventCorrelationId', async () => {
    const plain = byIdentifier(await sandboxTriggers(), 'deploy_on_push');
    const result = await call('triggers:fire', { id: plain.id });
    expect(result.outcome).toBe('accepted');
    expect(result.response?.status).toBe(200);
    expect(result.event?.eventCorrelationId).toMatch(/^[0-9a-f]{24}$/);
    expect(result.request.bodyIsJson).toBe(true);
    const v2 = byIdentifier(await sandboxTriggers(), 'legacy_v2');
    expect((await call('triggers:fire', { id: v2.id, body: '{"x":1}' })).outcome).toBe('accepted');
  });

  it('explains the rejection when the project mandates authorization and no key is set', async () => {
    const secured = byIdentifier(await sandboxTriggers(), 'secured_deploy');
    expect((await call('triggers:fire', { id: secured.id })).outcome).toBe('accepted');
    const copy = await call('triggers:duplicate', { id: secured.id });
    const keyless = await call('triggers:setKey', { id: copy.id, apiKey: null });
    expect(keyless.key).toBeNull();
    const result = await call('triggers:fire', { id: copy.id });
    expect(result.outcome).toBe('rejected');
    expect(result.response?.status).toBe(400);
    expect(result.harness?.message).toContain('Authorization is mandatory for custom triggers');
    expect(result.explanation?.title.length).toBeGreaterThan(0);
    expect(`${result.explanation?.detail ?? ''} ${result.explanation?.action ?? ''}`).toMatch(/key/i);
    await call('triggers:delete', { id: copy.id });
  });

  it('checks keys before they reach the vault', async () => {
    const empty = await callError('triggers:setKey', { id: userTrigger.id, apiKey: '' });
    expect(empty).toMatchObject({ code: 'invalid-key', message: 'The API key is empty' });
    const spaced = await callError('triggers:setKey', { id: userTrigger.id, apiKey: 'pat.abc\ndef.ghi' });
    expect(spaced.code).toBe('invalid-key');
    expect(spaced.message).toMatch(/line break at character 8/);
    const [still] = (await call('triggers:list', { workspaceId: userTrigger.workspaceId })).filter(
      (t) => t.id === userTrigger.id,
    );
    expect(still?.key).toEqual(userTrigger.key);
  });

  it('exports a cURL command with $HARNESS_API_KEY, not the key', async () => {
    const { command } = await call('triggers:exportCurl', { id: userTrigger.id });
    expect(command).toContain('HARNESS_API_KEY');
    expect(command).toContain(TOKEN.slice(-4));
    expect(command).not.toContain(userKey);
  });
});

describe('editing', () => {
  it('renames, duplicates, deletes and restores, telling the page each time', async () => {
    const ws = await call('workspaces:create', { name: 'Staging' });
    const renamed = await call('workspaces:rename', { id: ws.id, name: 'Staging account' });
    expect(renamed.name).toBe('Staging account');
    const { trigger } = await call('triggers:importCurl', { workspaceId: ws.id, text: USER_CURL, name: 'Deploy' });
    await call('payloads:save', { triggerId: trigger.id, name: 'Second', body: '{"env":"qa"}' });

    events.length = 0;
    const copy = await call('triggers:duplicate', { id: trigger.id });
    expect(copy.name).toBe('Deploy copy');
    expect(copy.id).not.toBe(trigger.id);
    expect(copy.key?.id).not.toBe(trigger.key?.id);
    expect(copy.key?.last4).toBe(trigger.key?.last4);
    expect(copy.payloads.map((p) => p.name)).toEqual(['From cURL', 'Second']);
    expect(events).toContainEqual({ event: 'data:changed', payload: { scope: 'triggers' } });
    expect((await call('triggers:duplicate', { id: trigger.id })).name).toBe('Deploy copy 2');
    const stored = findCredentials(service);
    expect(stored.find((c) => c.account === copy.key?.id)?.password).toBe(userKey);

    const updated = await call('triggers:update', { id: copy.id, name: 'Deploy (prod)', production: true });
    expect(updated).toMatchObject({ name: 'Deploy (prod)', production: true });
    // The key stays with its host: a URL on another host is refused while a key is set.
    const moved = await callError('triggers:update', {
      id: copy.id,
      url: USER_URL.replace('app.harness.io', 'harness.evil.example'),
    });
    expect(moved).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/belongs to https:\/\/app\.harness\.io/) as unknown,
    });
    const sameHost = USER_URL.replace('triggerIdentifier=deploy_on_image', 'triggerIdentifier=other');
    expect((await call('triggers:update', { id: copy.id, url: sameHost })).parsed.triggerIdentifier).toBe('other');
    expect((await callError('triggers:update', { id: copy.id, url: 'https://app.harness.io/nothing' })).code).toBe(
      'parse',
    );

    await call('triggers:delete', { id: copy.id });
    expect((await call('triggers:list', { workspaceId: ws.id })).map((t) => t.name)).toEqual([
      'Deploy',
      'Deploy copy 2',
    ]);
    expect((await call('triggers:restore', { id: copy.id })).name).toBe('Deploy (prod)');

    events.length = 0;
    await call('workspaces:delete', { id: ws.id });
    expect(events).toContainEqual({ event: 'data:changed', payload: { scope: 'workspaces' } });
    expect((await call('workspaces:list', {})).map((w) => w.name)).not.toContain('Staging account');
    expect((await call('triggers:list', {})).some((t) => t.workspaceId === ws.id)).toBe(false);
    await call('workspaces:restore', { id: ws.id });
    expect((await call('triggers:list', { workspaceId: ws.id })).length).toBe(3);
  });

  it('answers malformed arguments through the one dispatch, which parses them before any handler runs', async () => {
    const fire = (raw: unknown) => dispatch(backend.handlers, 'triggers:fire', raw, backend.log, backend.secrets);
    expect(await fire({ id: 'x y' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await fire({ id: 'abc', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await fire({ id: 'doesnotexist' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('keeps settings with defaults and refuses nonsense', async () => {
    expect(await call('settings:get', {})).toEqual({
      connectTimeoutMs: 10000,
      totalTimeoutMs: 30000,
      proxyMode: 'system',
      proxyUrl: '',
      extraCaPem: '',
      theme: 'system',
    });
    expect((await call('settings:update', { theme: 'dark', totalTimeoutMs: 20000 })).theme).toBe('dark');
    expect((await callError('settings:update', { connectTimeoutMs: 30000 })).message).toMatch(
      /shorter than the connect timeout/,
    );
    expect((await callError('settings:update', { proxyMode: 'manual' })).message).toMatch(/needs its address/);
    expect((await callError('settings:update', { extraCaPem: 'not a pem' })).code).toBe('parse');
    // A proxy password goes to the vault; the settings file and the page never see it.
    const s = await call('settings:update', {
      proxyMode: 'manual',
      proxyUrl: 'http://me:hunter2-proxy@proxy.corp:3128',
    });
    expect(s.proxyUrl).toBe('http://me:********@proxy.corp:3128/');
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).not.toContain('hunter2-proxy');
    expect(findCredentials(service).some((c) => c.password === 'hunter2-proxy')).toBe(true);
    await call('settings:update', { proxyMode: 'system', proxyUrl: '' });
    expect(findCredentials(service).some((c) => c.password === 'hunter2-proxy')).toBe(false);
  });
});

describe('opening links', () => {
  it("opens only the trigger's own https host, or the sandbox for sandbox triggers", async () => {
    const plain = byIdentifier(await sandboxTriggers(), 'deploy_on_push');
    const fired = await call('triggers:fire', { id: plain.id });
    const uiUrl = fired.event?.uiUrl ?? '';
    expect(await call('shell:openExternal', { url: uiUrl, triggerId: plain.id })).toEqual({
      opened: true,
      openInPage: false,
      url: uiUrl,
    });
    expect(opened).toContain(uiUrl);

    const user = (await call('triggers:list', {})).find((t) => t.parsed.origin === 'https://app.harness.io');
    if (!user) throw new Error('no user trigger');
    const harnessUi =
      'https://app.harness.io/ng/#/account/px7xd_BFRCi-12345/cd/orgs/default/projects/CD_Docs/deployments?pipelineIdentifier=Container&page=0';
    expect((await call('shell:openExternal', { url: harnessUi, triggerId: user.id })).opened).toBe(true);
    for (const url of [
      'https://evil.example.com/ng/',
      'http://app.harness.io/ng/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://me:pw@app.harness.io/',
      uiUrl,
      'not a url',
    ]) {
      const err = await callError('shell:openExternal', { url, triggerId: user.id });
      expect(err.code, url).toBe('forbidden');
    }
    expect(
      (await callError('shell:openExternal', { url: 'https://app.harness.io/ng/', triggerId: plain.id })).code,
    ).toBe('forbidden');
    expect(opened).not.toContain('https://evil.example.com/ng/');
  });

  it('hands the checked URL to the page when there is no system browser', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-backend-noopen-'));
    const b = await createBackend({
      dataDir: dir,
      mode: 'cli',
      version: 't',
      notify: () => undefined,
      vaultService: service,
      env: {},
    });
    try {
      expect(b.sandboxBaseUrl).toBeNull();
      const ws = await call('workspaces:create', { name: 'Mine' }, b);
      const t = await call('triggers:create', { workspaceId: ws.id, name: 'Plain', url: USER_URL }, b);
      expect(await call('shell:openExternal', { url: 'https://app.harness.io/ng/', triggerId: t.id }, b)).toEqual({
        opened: false,
        openInPage: true,
        url: 'https://app.harness.io/ng/',
      });
    } finally {
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('restart', () => {
  it('keeps the sandbox port, follows it when taken, never rewrites user URLs, and purges old deletions', async () => {
    // Its own user triggers, one with a secret header (deleted below, its vault entry purged on restart).
    const ws = await call('workspaces:create', { name: 'Before restart' });
    for (const name of ['Kept A', 'Kept B'])
      await call('triggers:importCurl', { workspaceId: ws.id, text: USER_CURL, name });
    const withSecret = `curl -H "Authorization: Bearer ${harnessShapedKey('sat')}" '${USER_URL}' -d '{}'`;
    await call('triggers:importCurl', { workspaceId: ws.id, text: withSecret, name: 'Doomed' });
    const before = await sandboxTriggers();
    const firstBase = backend.sandboxBaseUrl ?? '';
    const userUrls = (await call('triggers:list', {}))
      .filter((t) => t.parsed.origin === 'https://app.harness.io')
      .map((t) => [t.id, t.parsed.url]);
    expect(userUrls.length).toBeGreaterThan(2);
    const doomed = (await call('triggers:list', {})).find((t) => t.name === 'Doomed');
    const doomedSecret = doomed?.headers[0]?.secret?.id;
    if (!doomed || !doomedSecret) throw new Error('no trigger with a secret header');
    await call('triggers:delete', { id: doomed.id });
    await backend.close();

    // Deleted two days ago: the next start purges it and its vault entry.
    const file = join(dataDir, 'data.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { triggers: { id: string; deletedAt: number | null }[] };
    for (const t of doc.triggers) if (t.id === doomed.id) t.deletedAt = Date.now() - 2 * 24 * 3600 * 1000;
    writeFileSync(file, JSON.stringify(doc));

    // No port asked for: the one from last time.
    backend = await createBackend(options({ sandboxPort: undefined }));
    expect(backend.sandboxBaseUrl).toBe(firstBase);
    expect((await call('app:info', {})).firstLaunch).toBe(false);
    expect((await call('workspaces:list', {})).filter((w) => w.kind === 'sandbox')).toHaveLength(1);
    expect((await sandboxTriggers()).map((t) => t.parsed.url)).toEqual(before.map((t) => t.parsed.url));
    expect((await call('triggers:list', {})).some((t) => t.id === doomed.id)).toBe(false);
    expect(findCredentials(service).some((c) => c.account === doomedSecret)).toBe(false);
    const secured = byIdentifier(await sandboxTriggers(), 'secured_deploy');
    expect((await call('triggers:fire', { id: secured.id })).outcome).toBe('accepted');
    await backend.close();

    // That port is now taken by someone else: a free one, and the sandbox triggers follow.
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(new URL(firstBase).port), '127.0.0.1', resolve));
    try {
      backend = await createBackend(options({ sandboxPort: undefined }));
      const base = backend.sandboxBaseUrl ?? '';
      expect(base).not.toBe(firstBase);
      const moved = await sandboxTriggers();
      expect(moved.map((t) => t.parsed.url)).toEqual(before.map((t) => t.parsed.url.replace(firstBase, base)));
      expect((await call('triggers:fire', { id: byIdentifier(moved, 'deploy_on_push').id })).outcome).toBe('accepted');
      const users = (await call('triggers:list', {}))
        .filter((t) => t.parsed.origin === 'https://app.harness.io')
        .map((t) => [t.id, t.parsed.url]);
      expect(users).toEqual(userUrls.filter(([id]) => id !== doomed.id));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('never hands the API key to the page (in any answer this file received)', async () => {
    const seeded = await sandboxKey();
    expect(results.length).toBeGreaterThan(30);
    expect(seeded.length).toBeGreaterThan(8);
    const secrets = [userKey, userKey.slice(0, -4), seeded, seeded.slice(0, -4), 'hunter2-proxy'];
    for (const r of results) for (const s of secrets) expect(r.includes(s), r.slice(0, 200)).toBe(false);
  });
});
