// `trigger-desk fire` and `trigger-desk status` as a user runs them (bin/trigger-desk.mjs in a child
// process) against the sandbox: exit codes 0 / 1 / 2, stage progress, the key from the keychain for
// a saved trigger and from HARNESS_API_KEY for a URL, never from an argument. Under with-keyring.sh.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import { runCli, type Ran } from '../fixtures/cli';
import { uniqueService } from '../helpers/keychain';
import { example, openDesk } from './watch-helpers';

let sandbox: Sandbox;
let dataDir: string;
let service: string;
let payload: string;

const cli = (args: string[], env: Record<string, string> = {}): Promise<Ran> =>
  runCli(args, {
    TRIGGER_DESK_DATA: dataDir,
    TRIGGER_DESK_VAULT_SERVICE: service,
    TRIGGER_DESK_POLL_SCALE: '0.05',
    ...env,
  });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20 });
  dataDir = mkdtempSync(join(tmpdir(), 'td-cli-'));
  service = uniqueService('cli');
  payload = join(dataDir, 'p.json');
  writeFileSync(payload, '{"tag":"v3"}');
  // Saved triggers, as the app would have them: the secured one's key goes to the keychain.
  const desk = await openDesk({ dataDir, service });
  const ws = await desk.backend.handlers['workspaces:create']({ name: 'CLI' });
  for (const [kind, name] of [
    ['plain', 'Deploy'],
    ['fails', 'Nightly'],
    ['authorized', 'Secured'],
  ] as const) {
    await desk.backend.handlers['triggers:importCurl']({ workspaceId: ws.id, text: example(sandbox, kind).curl, name });
  }
  await desk.close();
});

afterAll(async () => {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('trigger-desk fire', () => {
  it('--wait exits 0 on Success, printing the stage progress, and records the fire', async () => {
    const r = await cli(['fire', 'Deploy', '--payload', payload, '--wait']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Accepted by Harness/);
    expect(r.stdout).toMatch(/Deploy QA/);
    expect(r.stdout).toMatch(/Succeeded/);
    const post = sandbox.received.filter((x) => x.method === 'POST').at(-1);
    expect(post?.body.toString()).toBe('{"tag":"v3"}');
    const desk = await openDesk({ dataDir, service });
    const page = await desk.backend.handlers['history:search']({ text: 'v3' });
    expect(page.entries[0]).toMatchObject({ triggerName: 'Deploy', group: 'success' });
    await desk.close();
  });

  it('--wait exits 1 when the run fails; --json prints the result', async () => {
    const r = await cli(['fire', 'Nightly', '--wait', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      fire: { outcome: string };
      final: { execution: { status: { status: string } } };
    };
    expect(out.fire.outcome).toBe('accepted');
    expect(out.final.execution.status.status).toBe('Failed');
  });

  it('uses the keychain key for a saved trigger, and HARNESS_API_KEY for a URL', async () => {
    const secured = example(sandbox, 'authorized');
    sandbox.clearReceived();
    expect((await cli(['fire', 'Secured'])).code).toBe(0);
    expect(sandbox.received.find((x) => x.method === 'POST')?.headers['x-api-key']).toBe(secured.apiKey);
    // A URL without the variable: Harness wants a key, the fire is refused (2).
    const refused = await cli(['fire', secured.url]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/Refused \(HTTP 400\)/);
    const ok = await cli(['fire', secured.url, '--wait'], { HARNESS_API_KEY: secured.apiKey ?? '' });
    expect(ok.code).toBe(0);
    expect(ok.stdout + ok.stderr).not.toContain(secured.apiKey ?? 'x');
  });

  it('exits 2 on bad input: unknown trigger, missing payload file, unknown option, no key argument', async () => {
    expect((await cli(['fire', 'No such trigger'])).code).toBe(2);
    const missing = await cli(['fire', 'Deploy', '--payload', join(dataDir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    expect((await cli(['fire', 'Deploy', '--api-key', 'x'])).code).toBe(2);
    expect((await cli(['fire'])).code).toBe(2);
  });
});

describe('trigger-desk status', () => {
  it('reads an apiUrl: 0 on Success, 1 on Failed, 2 on a request error', async () => {
    const t = example(sandbox, 'plain');
    const fired = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { data } = (await fired.json()) as { data: { apiUrl: string } };
    const waited = await cli(['status', data.apiUrl, '--wait']);
    expect(waited.code).toBe(0);
    expect(waited.stdout).toMatch(/Succeeded/);
    const f = example(sandbox, 'fails');
    const failed = await fetch(f.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const fd = (await failed.json()) as { data: { apiUrl: string } };
    expect((await cli(['status', fd.data.apiUrl, '--wait'])).code).toBe(1);
    expect(
      (await cli(['status', `${sandbox.baseUrl}/gateway/pipeline/api/webhook/triggerExecutionDetails/x`])).code,
    ).toBe(2);
    expect((await cli(['status'])).code).toBe(2);
  });
});
