// `trigger-desk status <apiUrl>` with HARNESS_API_KEY: the key goes to HARNESS_URL's origin (default
// app.harness.io) or to the origin and account of a saved trigger whose key it is; anywhere else the
// event is asked for without a key, and the command says why. Against the sandbox, under with-keyring.sh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/status';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import { example, openDesk, type Desk } from './watch-helpers';

let sandbox: Sandbox;
let desk: Desk;
let apiUrl = '';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20 });
  desk = await openDesk();
  // A saved trigger of the sandbox's host and account, holding the execute key.
  await desk.importExample(sandbox, example(sandbox, 'authorized'));
  const fired = await fetch(example(sandbox, 'plain').url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  apiUrl = ((await fired.json()) as { data: { apiUrl: string } }).data.apiUrl;
});
afterAll(async () => {
  await desk.close();
  await sandbox.close();
});

async function status(
  url: string,
  env: Record<string, string>,
  data = desk.dataDir,
): Promise<{ code: number; err: string; sent: (string | undefined)[] }> {
  sandbox.clearReceived();
  let err = '';
  const code = await run(['status', url, '--data', data], {
    out: () => undefined,
    err: (t) => {
      err += t;
    },
    env: { ...process.env, TRIGGER_DESK_VAULT_SERVICE: desk.service, ...env },
  });
  return { code, err, sent: sandbox.received.map((r) => r.headers['x-api-key']) };
}

describe('trigger-desk status and HARNESS_API_KEY', () => {
  it("sends no key to a host that is neither HARNESS_URL nor a saved trigger's, and says why", async () => {
    const r = await status(apiUrl, { HARNESS_API_KEY: sandbox.keys.execute }, '/nonexistent/trigger-desk-data');
    expect(r.sent.length).toBeGreaterThan(0);
    expect(r.sent.every((k) => k === undefined)).toBe(true);
    expect(r.err).toMatch(
      /HARNESS_API_KEY was not sent: http:\/\/127\.0\.0\.1:\d+ is neither HARNESS_URL \(https:\/\/app\.harness\.io\) nor the host and account of a saved trigger/,
    );
    expect(r.err).not.toContain(sandbox.keys.execute);
  });

  it('sends it to the origin of HARNESS_URL', async () => {
    const r = await status(
      apiUrl,
      { HARNESS_API_KEY: sandbox.keys.execute, HARNESS_URL: `${sandbox.baseUrl}/` },
      '/nonexistent/trigger-desk-data',
    );
    expect(r.sent).toContain(sandbox.keys.execute);
    expect(r.err).toBe('');
  });

  it('sends it to the host and account of a saved trigger whose key it is, and only then', async () => {
    const own = await status(apiUrl, { HARNESS_API_KEY: sandbox.keys.execute });
    expect(own.sent.every((k) => k === sandbox.keys.execute)).toBe(true);
    expect(own.err).toBe('');
    // Another key than the saved trigger's: not its to send.
    const foreignKey = await status(apiUrl, { HARNESS_API_KEY: sandbox.keys.viewOnly });
    expect(foreignKey.sent.every((k) => k === undefined)).toBe(true);
    expect(foreignKey.err).toMatch(/was not sent/);
    // The saved trigger's host, another account: not the trigger's either.
    const otherAccount = apiUrl.replace(/accountIdentifier=[^&]+/, 'accountIdentifier=someoneElse');
    const other = await status(otherAccount, { HARNESS_API_KEY: sandbox.keys.execute });
    expect(other.sent.every((k) => k === undefined)).toBe(true);
    expect(other.err).toMatch(/was not sent/);
  });
});
