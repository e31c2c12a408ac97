// An unexpected error (a bug, a library's own error) inside a handler: electron/dispatch.ts is the
// one place that turns it into a reply. The page gets plain words and a short reference id; the
// details go, redacted, to trigger-desk.log in the data folder (size-bounded, rotated). The CLI
// reports its unexpected errors with the same log and id.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../shared/errors';
import { createBackend } from '../../electron/backend/index';
import { LOG_FILE, openLog } from '../../electron/backend/error-log';
import type { Backend } from '../../electron/backend/types';
import { dispatch } from '../../electron/dispatch';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { runCli } from '../fixtures/cli';
import { harnessShapedKey, uniqueService } from '../helpers/keychain';
import { raw } from './web-host-http';

const REF = /\(reference ([0-9A-Z]{4}-[0-9A-Z]{4})\)/;
const TOKEN = 'Zq3Vn8Lm2Kx7Pw4Rt6Yb9C';
const URL_V3 = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=acc1&orgIdentifier=default&projectIdentifier=proj&pipelineIdentifier=pipe&triggerIdentifier=trig`;

let dir: string;
let dataDir: string;
let backend: Backend;
let host: WebHost;
/** Not shaped like a key: only the vault knows it is secret. */
const vaultSecret = 'hunter2-plain-words-secret-7731';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'td-error-log-'));
  dataDir = join(dir, 'data');
  backend = await createBackend({
    dataDir,
    mode: 'web',
    version: 'test',
    notify: () => undefined,
    vaultService: uniqueService('error-log'),
    env: {},
  });
  const ws = await backend.handlers['workspaces:create']({ name: 'Logs' });
  await backend.handlers['triggers:create']({ workspaceId: ws.id, name: 'Deploy', url: URL_V3, apiKey: vaultSecret });
  host = await startWebHost({ backend, rendererDir: join(dir, 'renderer'), port: 0 });
});

afterAll(async () => {
  await host.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

function logText(): string {
  return readFileSync(join(dataDir, LOG_FILE), 'utf8');
}

describe('an unexpected error inside a handler', () => {
  it('reaches the page as plain words with a reference id; the details, redacted, are in the data folder’s log', async () => {
    const key = harnessShapedKey();
    // A library error that quotes what it was sending, as undici or a keychain binding might.
    backend.handlers['settings:get'] = () =>
      Promise.reject(new TypeError(`socket hang up while sending X-Api-Key: ${key} (${vaultSecret})`));
    const answer = await raw(host.port, {
      method: 'POST',
      path: '/api/settings:get',
      headers: { 'content-type': 'application/json', 'x-desk-token': host.token },
      body: '{}',
    });
    const reply = JSON.parse(answer.body) as Reply<unknown>;
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('internal');
    expect(reply.error.message).toMatch(
      /^Something went wrong inside Trigger Desk \(reference [0-9A-Z]{4}-[0-9A-Z]{4}\)\. The details were written to its log, trigger-desk\.log in the data folder\.$/,
    );
    expect(answer.body).not.toContain('socket hang up');
    const ref = REF.exec(reply.error.message)?.[1] ?? 'none';
    const log = logText();
    expect(log).toContain(`error ${ref}: settings:get failed: TypeError: socket hang up while sending X-Api-Key:`);
    // The stack is kept for whoever reads the log; the secrets are not.
    expect(log).toMatch(/\n\s+at /);
    expect(log).not.toContain(key);
    expect(log).not.toContain(vaultSecret);
    expect(statSync(join(dataDir, LOG_FILE)).mode & 0o777).toBe(0o600);
  });

  it('is not rewritten by the handlers: a real handler’s own error is logged with its id, not shown raw', async () => {
    // A backend whose history file is closed: the service throws a plain Error of its own.
    const other = await createBackend({
      dataDir: join(dir, 'other'),
      mode: 'web',
      version: 'test',
      notify: () => undefined,
      vaultService: uniqueService('error-log-2'),
      env: {},
    });
    await other.close();
    const reply = await dispatch(other.handlers, 'history:setRetention', { maxEntries: 100 }, other.log);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toEqual({ code: 'internal', message: expect.stringMatching(REF) as unknown });
    expect(reply.error.message).not.toContain('history file is closed');
    const ref = REF.exec(reply.error.message)?.[1] ?? 'none';
    expect(readFileSync(join(dir, 'other', LOG_FILE), 'utf8')).toContain(
      `error ${ref}: history:setRetention failed: Error: The history file is closed`,
    );
  });
});

describe('the log file', () => {
  it('stays bounded: past its size it is rotated, and the oldest goes', () => {
    const logDir = join(dir, 'rotate');
    mkdirSync(logDir);
    const log = openLog(logDir, { maxBytes: 2000 });
    for (let i = 0; i < 60; i++) log(`line ${String(i).padStart(3, '0')} ${'x'.repeat(100)}`);
    const path = join(logDir, LOG_FILE);
    for (const p of [path, `${path}.1`, `${path}.2`]) expect(statSync(p).size).toBeLessThanOrEqual(2000);
    expect(existsSync(`${path}.3`)).toBe(false);
    expect(readFileSync(path, 'utf8')).toContain('line 059');
    expect(readFileSync(`${path}.2`, 'utf8')).not.toContain('line 000');
  });
});

describe('the CLI', () => {
  it('reports an unexpected error with the same log and reference id, without a stack trace', async () => {
    const cliData = join(dir, 'cli-data');
    // Something the app does not expect: a folder where the history file should be.
    mkdirSync(join(cliData, 'history.jsonl'), { recursive: true });
    const { code, stderr } = await runCli(['fire', 'Deploy', '--data', cliData], {
      TRIGGER_DESK_VAULT_SERVICE: uniqueService('cli-log'),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^trigger-desk fire: Something went wrong inside Trigger Desk \(reference [0-9A-Z]{4}-[0-9A-Z]{4}\)\./m,
    );
    expect(stderr).toContain(`log: ${join(cliData, LOG_FILE)}`);
    expect(stderr).not.toMatch(/\n\s+at /);
    const ref = REF.exec(stderr)?.[1] ?? 'none';
    expect(readFileSync(join(cliData, LOG_FILE), 'utf8')).toMatch(
      new RegExp(`error ${ref}: trigger-desk fire failed: .*EISDIR`),
    );
  }, 90_000);
});
