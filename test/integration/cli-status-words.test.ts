// `trigger-desk status` on an event it did not fire: Harness's "Trigger event history doesn't
// exist" is doubted at once (the id or the account may be wrong), as the inspector does for an id
// never fired from the app; the CLI's own fire still reads it as "queued" at first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/status';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import { example } from './watch-helpers';

let sandbox: Sandbox;
let apiUrl = '';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20 });
  const fired = await fetch(example(sandbox, 'plain').url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  apiUrl = ((await fired.json()) as { data: { apiUrl: string } }).data.apiUrl;
});
afterAll(async () => {
  await sandbox.close();
});

describe('trigger-desk status on an event id Harness has no history for', () => {
  it('says the id or the account may be wrong, not only "queued"', async () => {
    const unknown = apiUrl.replace(/\/[0-9a-f]{24}(?=\?|$)/, '/0123456789abcdef01234567');
    expect(unknown).not.toBe(apiUrl);
    let out = '';
    const code = await run(['status', unknown, '--data', '/nonexistent/trigger-desk-data'], {
      out: (t) => {
        out += t;
      },
      err: () => undefined,
      env: { ...process.env, HARNESS_API_KEY: '' },
    });
    expect(code).toBe(0);
    expect(out).toMatch(
      /Harness has no history for this event: it may still be queued, or the event id or the account may be wrong/,
    );
  });
});
