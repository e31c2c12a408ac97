// Key-shaped values outside the secret slots: a header value shaped like a key becomes a secret by
// itself (keychain, said in plain words); a payload holding one is refused with the field's JSON
// path, unless that field is a secret variable, whose value lives in the keychain and is put in
// only when firing. Real backend, real keychain (with-keyring.sh), the sandbox over HTTP.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import { DeskError } from '../../shared/errors';
import { harnessShapedKey, uniqueService } from '../helpers/keychain';
import { example, isEnded, openDesk, type Desk } from './watch-helpers';

let sandbox: Sandbox;
let desk: Desk;
const dataFile = (): string => readFileSync(join(desk.dataDir, 'data.json'), 'utf8');
const refusal = async (p: Promise<unknown>): Promise<DeskError> => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DeskError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20 });
  desk = await openDesk();
});
afterAll(async () => {
  await desk.close();
  await sandbox.close();
});

describe('a key-shaped header value', () => {
  it('becomes a secret by itself on triggers:setHeaders, and the reply says so', async () => {
    const t = await desk.importExample(sandbox, example(sandbox, 'plain'));
    const key = harnessShapedKey();
    const { trigger, notes } = await desk.backend.handlers['triggers:setHeaders']({
      id: t.id,
      headers: [
        { name: 'X-Deploy', value: key, secret: false },
        { name: 'X-Source', value: 'jenkins', secret: false },
      ],
    });
    expect(trigger.headers[0]).toMatchObject({ name: 'X-Deploy', value: '', secret: { last4: key.slice(-4) } });
    expect(trigger.headers[1]).toMatchObject({ name: 'X-Source', value: 'jenkins', secret: null });
    expect(notes.join(' ')).toMatch(/X-Deploy.*looks like an API key.*keychain/);
    expect(dataFile()).not.toContain(key.slice(0, -4));
    const { command } = await desk.backend.handlers['triggers:exportCurl']({ id: t.id });
    expect(command).not.toContain(key.slice(0, -4));
    expect(command).toContain('$HARNESS_HEADER_X_DEPLOY');
    // It is still sent as the header's value.
    sandbox.clearReceived();
    await desk.backend.handlers['triggers:fire']({ id: t.id, body: '{}' });
    expect(sandbox.received.find((r) => r.method === 'POST')?.headers['x-deploy']).toBe(key);
  });

  it('becomes a secret on a cURL import with extra headers too', async () => {
    const key = harnessShapedKey('sat');
    const ws = await desk.backend.handlers['workspaces:create']({ name: 'Imports' });
    const text = `${example(sandbox, 'plain').curl} -H 'X-Deploy: ${key}'`;
    const { trigger, notes } = await desk.backend.handlers['triggers:importCurl']({ workspaceId: ws.id, text });
    expect(trigger.headers.find((h) => h.name === 'X-Deploy')).toMatchObject({
      value: '',
      secret: { last4: key.slice(-4) },
    });
    expect(notes.join(' ')).toMatch(/X-Deploy.*keychain/);
    expect(dataFile()).not.toContain(key.slice(0, -4));
  });
});

describe('a payload holding a key-shaped value', () => {
  it('is refused by payloads:save with the JSON path of the field and the way out', async () => {
    const t = await desk.importExample(sandbox, example(sandbox, 'plain'));
    const key = harnessShapedKey();
    const e = await refusal(
      desk.backend.handlers['payloads:save']({
        triggerId: t.id,
        name: 'Deploy',
        body: `{\n  "deploy": {\n    "token": "${key}"\n  }\n}`,
      }),
    );
    expect(e.message).toContain('$.deploy.token');
    expect(e.message).toMatch(/line 3, column 14/);
    expect(e.hint).toMatch(/\{\{deploy_token\}\}.*secret/);
    expect(e.message + (e.hint ?? '')).not.toContain(key.slice(0, -4));
    expect(dataFile()).not.toContain(key.slice(0, -4));
    const list = await refusal(
      desk.backend.handlers['payloads:save']({
        triggerId: t.id,
        name: 'List',
        body: `{"items": [1, {"k": "x ${key}"}]}`,
      }),
    );
    expect(list.message).toContain('$.items[1].k');
  });

  it('is refused on a cURL import, leaving nothing behind', async () => {
    const key = harnessShapedKey();
    const ws = await desk.backend.handlers['workspaces:create']({ name: 'Refused import' });
    const before = (await desk.backend.handlers['triggers:list']({})).length;
    const e = await refusal(
      desk.backend.handlers['triggers:importCurl']({
        workspaceId: ws.id,
        text: `curl -X POST -H 'content-type: application/json' --url '${example(sandbox, 'plain').url}' -d '{"auth": "${key}"}'`,
      }),
    );
    expect(e.message).toContain('$.auth');
    expect((await desk.backend.handlers['triggers:list']({})).length).toBe(before);
    expect(dataFile()).not.toContain(key.slice(0, -4));
  });

  it('is refused in a pasted trigger YAML, saying where', async () => {
    const t = await desk.importExample(sandbox, example(sandbox, 'plain'));
    const key = harnessShapedKey();
    const yaml = `trigger:\n  name: x\n  identifier: x\n  source:\n    type: Webhook\n    spec:\n      type: Custom\n      spec:\n        headerConditions:\n          - key: X-Token\n            operator: Equals\n            value: ${key}\n`;
    const e = await refusal(desk.backend.handlers['triggers:setYaml']({ id: t.id, yaml }));
    expect(e.message).toMatch(/line 12, column 20/);
    expect(dataFile()).not.toContain(key.slice(0, -4));
  });

  it('is refused as a plain variable value, with the way out', async () => {
    const t = await desk.importExample(sandbox, example(sandbox, 'plain'));
    const e = await refusal(
      desk.backend.handlers['triggers:setVariables']({ id: t.id, values: { tag: 'v1', token: harnessShapedKey() } }),
    );
    expect(e.message).toContain('{{token}}');
    expect(e.hint).toMatch(/secret/);
  });
});

describe('a secret payload variable', () => {
  it('keeps its value in the keychain, fills it in only when firing, and never writes it in clear', async () => {
    const t = await desk.importExample(sandbox, example(sandbox, 'plain'));
    const key = harnessShapedKey();
    const h = desk.backend.handlers;
    const body = '{"deploy": {"token": "{{deploy_token}}", "tag": "{{tag}}"}}';
    await h['payloads:save']({ triggerId: t.id, name: 'Deploy', body });
    const marked = await h['triggers:setVariableSecret']({ id: t.id, name: 'deploy_token', secret: true, value: key });
    expect(marked.secretVariables?.deploy_token).toMatchObject({ last4: key.slice(-4) });
    expect(JSON.stringify(marked)).not.toContain(key.slice(0, -4));
    expect(dataFile()).not.toContain(key.slice(0, -4));

    // The page substitutes the plain variables and leaves the secret one for the backend.
    sandbox.clearReceived();
    const fired = await h['triggers:fire']({
      id: t.id,
      body: '{"deploy": {"token": "{{deploy_token}}", "tag": "v7"}}',
    });
    expect(fired.outcome).toBe('accepted');
    const sent = JSON.parse(sandbox.received.find((r) => r.method === 'POST')?.body.toString() ?? '{}') as {
      deploy: { token: string; tag: string };
    };
    expect(sent.deploy).toEqual({ token: key, tag: 'v7' });
    const watch = (await h['watches:list']({})).find((w) => w.historyId === fired.id);
    await desk.until(watch?.id ?? '', isEnded);
    const entry = await h['history:get']({ id: fired.id });
    expect(entry.payload).toContain('{{deploy_token}}');
    expect(JSON.stringify(entry)).not.toContain(key.slice(0, -4));
    expect(readFileSync(join(desk.dataDir, 'history.jsonl'), 'utf8')).not.toContain(key.slice(0, -4));
    // A re-fire fills it in again from the keychain.
    sandbox.clearReceived();
    await h['history:refire']({ id: fired.id });
    expect(sandbox.received.find((r) => r.method === 'POST')?.body.toString()).toContain(key);

    // Exported: an environment variable in the plain command, the value only with the secrets.
    const plain = await h['triggers:exportCurl']({ id: t.id, body: '{"deploy": {"token": "{{deploy_token}}"}}' });
    expect(plain.command).toContain('$HARNESS_VAR_DEPLOY_TOKEN');
    expect(plain.command).not.toContain(key.slice(0, -4));
    const withSecrets = await h['triggers:exportCurl']({
      id: t.id,
      body: '{"deploy": {"token": "{{deploy_token}}"}}',
      withSecrets: true,
      confirm: true,
    });
    expect(withSecrets.command).toContain(key);

    // A duplicate gets its own copy; unmarking drops the keychain entry and never reveals the value.
    const copy = await h['triggers:duplicate']({ id: t.id });
    expect(copy.secretVariables?.deploy_token?.id).not.toBe(marked.secretVariables?.deploy_token?.id);
    const unmarked = await h['triggers:setVariableSecret']({ id: t.id, name: 'deploy_token', secret: false });
    expect(unmarked.secretVariables?.deploy_token).toBeUndefined();
    expect(unmarked.variables?.deploy_token ?? '').toBe('');
  });

  it('takes the value already typed when it is marked secret without a new one', async () => {
    const t = await desk.importExample(sandbox, example(sandbox, 'plain'));
    const h = desk.backend.handlers;
    await h['triggers:setVariables']({ id: t.id, values: { env: 'qa-secret-value-42' } });
    const marked = await h['triggers:setVariableSecret']({ id: t.id, name: 'env', secret: true });
    expect(marked.secretVariables?.env).toMatchObject({ last4: 'e-42' });
    expect(marked.variables?.env).toBeUndefined();
    expect(dataFile()).not.toContain('qa-secret-value-42');
    const e = await refusal(h['triggers:setVariableSecret']({ id: t.id, name: 'other', secret: true }));
    expect(e.message).toMatch(/no value/);
  });
});

describe('key-shaped values an older version stored in plain text', () => {
  it('move to the keychain at the next start; a payload holding one is reported with its path', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'td-secure-stored-'));
    const service = uniqueService('secure-stored');
    const headerKey = harnessShapedKey();
    const variableKey = harnessShapedKey('sat');
    const payloadKey = harnessShapedKey();
    try {
      const first = await openDesk({ dataDir, service });
      const t = await first.importExample(sandbox, example(sandbox, 'plain'));
      await first.close();
      // What an older version could write: edited into the file as it would have stored it.
      const file = join(dataDir, 'data.json');
      const doc = JSON.parse(readFileSync(file, 'utf8')) as {
        triggers: {
          id: string;
          headers: unknown[];
          variables?: Record<string, string>;
          payloads: { body: string }[];
        }[];
      };
      const stored = doc.triggers.find((x) => x.id === t.id);
      if (!stored?.payloads[0]) throw new Error('no stored trigger');
      stored.headers = [
        { name: 'X-Deploy', value: headerKey, secret: null },
        { name: 'X-Source', value: 'jenkins', secret: null },
      ];
      stored.variables = { token: variableKey, tag: 'v1' };
      stored.payloads[0].body = `{"auth": {"token": "${payloadKey}"}}`;
      writeFileSync(file, JSON.stringify(doc));

      const stderr: string[] = [];
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = (chunk: string | Uint8Array) => {
        stderr.push(String(chunk));
        return true;
      };
      let second: Desk;
      try {
        second = await openDesk({ dataDir, service });
      } finally {
        process.stderr.write = write;
      }
      try {
        const again = (await second.backend.handlers['triggers:list']({})).find((x) => x.id === t.id);
        expect(again?.headers).toEqual([
          { name: 'X-Deploy', value: '', secret: expect.objectContaining({ last4: headerKey.slice(-4) }) as unknown },
          { name: 'X-Source', value: 'jenkins', secret: null },
        ]);
        expect(again?.secretVariables?.token).toMatchObject({ last4: variableKey.slice(-4) });
        expect(again?.variables).toEqual({ tag: 'v1' });
        const text = readFileSync(file, 'utf8');
        expect(text).not.toContain(headerKey.slice(0, -4));
        expect(text).not.toContain(variableKey.slice(0, -4));
        const said = stderr.join('');
        expect(said).toMatch(/X-Deploy header .* was moved to the keychain/);
        expect(said).toMatch(/holds something shaped like an API key at \$\.auth\.token/);
        expect(said).not.toContain(payloadKey.slice(0, -4));
        // The header is still sent as it was.
        sandbox.clearReceived();
        await second.backend.handlers['triggers:fire']({ id: t.id, body: '{}' });
        expect(sandbox.received.find((r) => r.method === 'POST')?.headers['x-deploy']).toBe(headerKey);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
