// A careless Harness (the sandbox's echoSecrets fault, over real HTTP) repeats the caller's key and
// secret header values in every free-text field of an event. Whatever the app keeps, pushes, answers
// or prints from it must carry neither: the redaction happens where the answer is parsed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runFire } from '../../electron/cli/fire';
import { run as runStatus } from '../../electron/cli/status';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import type { Trigger } from '../../shared/model';
import { BACKEND_MODULE, NO_DBUS, runChild, uniqueService } from '../helpers/keychain';
import { example, isEnded, openDesk, type Desk } from './watch-helpers';

/** Not shaped like a key: only "every secret the app knows" can catch it. */
const SIGNATURE = 'plain-signature-Q7w3E9r1T5y8';
let sandbox: Sandbox;
let key: string;

/** None of the secrets (beyond a mask's last four characters) in `text`. */
function expectClean(text: string, what: string): void {
  for (const secret of [key, SIGNATURE]) {
    expect(text.includes(secret.slice(0, -4)), `${what} carries ${secret.slice(0, 8)}…`).toBe(false);
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20 });
  key = sandbox.keys.execute;
});
afterAll(() => sandbox.close());

async function securedWithSecretHeader(desk: Desk): Promise<Trigger> {
  const t = await desk.importExample(sandbox, example(sandbox, 'authorized'));
  return (
    await desk.backend.handlers['triggers:setHeaders']({
      id: t.id,
      headers: [{ name: 'X-Signature', value: SIGNATURE, secret: true }],
    })
  ).trigger;
}

describe('an echoing Harness', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk();
  });
  afterAll(() => desk.close());

  it('leaves no secret in history.jsonl, watches, history, the inspector, its report or the pushed updates', async () => {
    sandbox.setFaults({ echoSecrets: true, failStage: 'deploy_prod' });
    try {
      const t = await securedWithSecretHeader(desk);
      const h = desk.backend.handlers;
      const fired = await h['triggers:fire']({ id: t.id, body: '{"tag":"v1"}' });
      expect(fired.outcome).toBe('accepted');
      const watch = (await h['watches:list']({})).find((w) => w.historyId === fired.id);
      if (!watch) throw new Error('no watch for the fire');
      const ended = await desk.until(watch.id, isEnded);
      // The echo did arrive (and was masked): the failure message carries it.
      expect(ended.failureMessages.join(' ')).toMatch(/\[echo: .*…\(redacted\)…/);

      expectClean(JSON.stringify(await h['watches:list']({})), 'watches:list');
      expectClean(JSON.stringify(desk.events.filter((e) => e.name === 'watch:update')), 'watch:update');
      expectClean(JSON.stringify(await h['history:get']({ id: fired.id })), 'history:get');
      const inspected = await h['inspect:open']({ historyId: fired.id });
      expect(inspected.payload).toMatch(/\[echo: .*…\(redacted\)…/);
      expectClean(JSON.stringify(inspected), 'inspect:open');
      expectClean((await h['inspect:report']({ historyId: fired.id })).markdown, 'inspect:report');
      expectClean(readFileSync(join(desk.dataDir, 'history.jsonl'), 'utf8'), 'history.jsonl');
    } finally {
      sandbox.setFaults({ echoSecrets: false, failStage: null });
    }
  });

  it('leaves none in what `trigger-desk fire --wait` (with and without --json) and `status` print', async () => {
    const t = await securedWithSecretHeader(desk);
    sandbox.setFaults({ echoSecrets: true, failStage: 'deploy_prod' });
    try {
      const env = {
        ...process.env,
        TRIGGER_DESK_VAULT_SERVICE: desk.service,
        TRIGGER_DESK_POLL_SCALE: '0.05',
        HARNESS_API_KEY: key,
        HARNESS_URL: sandbox.baseUrl,
      };
      let printed = '';
      const io = {
        out: (s: string) => {
          printed += s;
        },
        err: (s: string) => {
          printed += s;
        },
        env,
      };
      expect(await runFire(['fire', t.id, '--wait', '--data', desk.dataDir], io), printed).toBe(1);
      expect(printed).toMatch(/\[echo: /);
      const before = printed.length;
      expect(await runFire(['fire', t.id, '--wait', '--json', '--data', desk.dataDir], io), printed.slice(before)).toBe(
        1,
      );
      const { final } = JSON.parse(printed.slice(before)) as { final: { apiUrl: string } };
      const apiUrl = final.apiUrl;
      expect(await runStatus(['status', apiUrl, '--data', desk.dataDir], io)).toBe(1);
      expect(await runStatus(['status', apiUrl, '--json', '--data', desk.dataDir], io)).toBe(1);
      expect(printed).toMatch(/"failureMessages"/);
      expectClean(printed, 'the CLI output');
    } finally {
      sandbox.setFaults({ echoSecrets: false, failStage: null });
    }
  });
});

describe('an echoing Harness, without an OS keychain', () => {
  it('leaves no secret in history.jsonl or the answers either (session-only vault)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'td-echo-session-'));
    sandbox.setFaults({ echoSecrets: true, failStage: 'deploy_prod' });
    try {
      const out = (await runChild(
        `import { createBackend } from ${JSON.stringify(BACKEND_MODULE)};
         const b = await createBackend({ dataDir: ${JSON.stringify(dataDir)}, mode: 'web', version: 't', notify: () => undefined, vaultService: ${JSON.stringify(uniqueService('echo'))}, env: { TRIGGER_DESK_POLL_SCALE: '0.05' } });
         const h = b.handlers;
         const ws = await h['workspaces:create']({ name: 'Echo' });
         const { trigger } = await h['triggers:importCurl']({ workspaceId: ws.id, text: ${JSON.stringify(example(sandbox, 'authorized').curl)} });
         await h['triggers:setHeaders']({ id: trigger.id, headers: [{ name: 'X-Signature', value: ${JSON.stringify(SIGNATURE)}, secret: true }] });
         const fired = await h['triggers:fire']({ id: trigger.id });
         let watch;
         for (let i = 0; i < 300; i++) {
           watch = (await h['watches:list']({})).find((w) => w.historyId === fired.id);
           if (watch?.ended) break;
           await new Promise((r) => setTimeout(r, 50));
         }
         const out = { vault: (await h['app:info']({})).vault.kind, watch, entry: await h['history:get']({ id: fired.id }), inspected: await h['inspect:open']({ historyId: fired.id }) };
         await b.close();
         console.log(JSON.stringify(out));`,
        NO_DBUS,
      )) as { vault: string; watch: { ended: unknown; failureMessages: string[] } };
      expect(out.vault).toBe('session');
      expect(out.watch.ended).not.toBeNull();
      expect(out.watch.failureMessages.join(' ')).toMatch(/\[echo: /);
      expectClean(JSON.stringify(out), 'the answers');
      expectClean(readFileSync(join(dataDir, 'history.jsonl'), 'utf8'), 'history.jsonl');
    } finally {
      sandbox.setFaults({ echoSecrets: false, failStage: null });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
