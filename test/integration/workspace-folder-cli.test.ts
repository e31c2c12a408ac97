// `trigger-desk workspace export|import|open|token` and `fire --workspace-dir` as a user runs them
// (bin/trigger-desk.mjs in a child process) against the sandbox, each with its own --data folder as
// teammates would have. Under with-keyring.sh. Every folder is scanned for secrets after each test.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import { BIN, runCli } from '../fixtures/cli';
import { uniqueService } from '../helpers/keychain';
import { folderFiles, secretsIn } from '../helpers/folder-scan';
import { example, openDesk } from './watch-helpers';

let sandbox: Sandbox;
let root: string;
let service: string;
let folder: string;

const data = (who: string): string => join(root, `data-${who}`);
const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { TRIGGER_DESK_VAULT_SERVICE: service, TRIGGER_DESK_POLL_SCALE: '0.05', ...env });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20 });
  root = mkdtempSync(join(tmpdir(), 'td-folder-cli-'));
  folder = join(root, 'team');
  service = uniqueService('folder-cli');
  const desk = await openDesk({ dataDir: data('lead'), service });
  const ws = await desk.backend.handlers['workspaces:create']({ name: 'Team' });
  for (const kind of ['plain', 'authorized'] as const)
    await desk.backend.handlers['triggers:importCurl']({
      workspaceId: ws.id,
      text: example(sandbox, kind).curl,
      name: example(sandbox, kind).name,
    });
  await desk.close();
});

afterEach(() => {
  const tokens = sandbox.examples.map((e) => /\/custom\/([^/]+)\/v3/.exec(e.url)?.[1] ?? '').filter((t) => t !== '');
  expect(secretsIn([folder], [KEYS.execute, KEYS.viewOnly], tokens)).toEqual([]);
});

afterAll(async () => {
  await sandbox.close();
  rmSync(root, { recursive: true, force: true });
});

describe('trigger-desk workspace', () => {
  it('export, import and open from separate data folders; the round trip writes the same files', async () => {
    const exported = await cli(['workspace', 'export', 'Team', '--dir', folder, '--data', data('lead')]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Wrote \d+ files of "Team"/);
    expect(existsSync(join(folder, 'workspace.yaml'))).toBe(true);
    const files = folderFiles(folder);

    const imported = await cli(['workspace', 'import', '--dir', folder, '--name', 'Copy', '--data', data('mate')]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/as the workspace "Copy"/);
    const again = join(root, 'again');
    const reexported = await cli(['workspace', 'export', 'Copy', '--dir', again, '--data', data('mate')]);
    expect(reexported.code).toBe(0);
    const back = folderFiles(again);
    // Only the workspace's name differs (Copy): every trigger file and payload is the same bytes.
    for (const [path, text] of files) if (path !== 'workspace.yaml') expect(back.get(path), path).toBe(text);
    rmSync(again, { recursive: true, force: true });

    const opened = await cli(['workspace', 'open', '--dir', folder, '--data', data('ci')]);
    expect(opened.code).toBe(0);
    expect(opened.stdout).toMatch(/needs the webhook token/);
    expect(opened.stdout).toMatch(/needs key ".+" from your keychain/);
  });

  it('fire "<name>" --workspace-dir --wait: key from HARNESS_API_KEY, token from HARNESS_WEBHOOK_URL; exit 0', async () => {
    const secured = example(sandbox, 'authorized');
    const missing = await cli(['fire', secured.name, '--workspace-dir', folder, '--data', data('ci2')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/needs the webhook token.*HARNESS_WEBHOOK_URL/s);
    const r = await cli(['fire', secured.name, '--workspace-dir', folder, '--wait', '--data', data('ci2')], {
      HARNESS_API_KEY: KEYS.execute,
      HARNESS_WEBHOOK_URL: secured.url,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Accepted by Harness/);
    expect(r.stdout).not.toContain(KEYS.execute);
  });

  it('token reads the URL from standard input; open exits 1 naming a damaged file by line and column', async () => {
    const plain = example(sandbox, 'plain');
    const given = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const child = execFile(
        process.execPath,
        [BIN, 'workspace', 'token', plain.name, '--dir', folder, '--data', data('ci3')],
        { env: { ...process.env, TRIGGER_DESK_VAULT_SERVICE: service } },
        (err, stdout, stderr) => done({ code: err ? Number(err.code) : 0, stdout, stderr }),
      );
      child.stdin?.end(plain.curl);
    });
    expect(given.stderr).toBe('');
    expect(given.code).toBe(0);
    const fired = await cli(['fire', plain.name, '--workspace-dir', folder, '--data', data('ci3')]);
    expect(fired.code).toBe(0);

    const files = folderFiles(folder);
    const path = [...files.keys()].find((p) => p.startsWith('triggers/') && p.endsWith('.yaml'));
    if (!path) throw new Error('no trigger file');
    const good = readFileSync(join(folder, path), 'utf8');
    writeFileSync(join(folder, path), `${good}headers: [oops\n`);
    const opened = await cli(['workspace', 'open', '--dir', folder, '--data', data('ci3')]);
    expect(opened.code).toBe(1);
    expect(opened.stdout).toMatch(new RegExp(`${path.replace(/[.]/g, '\\.')}:\\d+:\\d+: `));
    writeFileSync(join(folder, path), good);
  });
});
