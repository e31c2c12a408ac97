// `trigger-desk harness triggers|import` as a user runs them (bin/trigger-desk.mjs in a child process)
// against the sandbox's account: list, import twice (the second changes nothing), the key from
// HARNESS_API_KEY then from the workspace's connection, token masked in the output; then the imported
// trigger fires by its Harness name with --wait. Under with-keyring.sh.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import type { ImportReport } from '../../shared/account-model';
import { runCli, type Ran } from '../fixtures/cli';
import { uniqueService } from '../helpers/keychain';

const ACCOUNT = 'sbxAcct-7Qm2xZpA1wE9rT';
let sandbox: Sandbox;
let dataDir: string;
let service: string;

const cli = (args: string[], env: Record<string, string> = {}): Promise<Ran> =>
  runCli(args, { TRIGGER_DESK_VAULT_SERVICE: service, TRIGGER_DESK_POLL_SCALE: '0.05', ...env });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20 });
  dataDir = mkdtempSync(join(tmpdir(), 'td-harness-cli-'));
  service = uniqueService('harness-cli');
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('trigger-desk harness', () => {
  it('lists, imports twice without duplicates, then fires an imported trigger by its Harness name', async () => {
    const scope = ['--org', 'platform', '--project', 'payments', '--data', dataDir];
    const withKey = { HARNESS_API_KEY: sandbox.keys.execute, HARNESS_URL: sandbox.baseUrl };

    const listed = await cli(['harness', 'triggers', ...scope, '--account', ACCOUNT], withKey);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(
      'Payments API / Hotfix payments API  (payments_api/hotfix_payments_api)  not imported',
    );
    expect(listed.stdout.trim().split('\n')).toHaveLength(3);

    const first = await cli(['harness', 'import', ...scope, '--account', ACCOUNT, '--workspace', 'Payments'], withKey);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^created {3}Deploy worker {2}deploy_worker {2}http:\/\/127\.0\.0\.1:\d+\/gateway\/pipeline\/api\/webhook\/custom\/\S+\/v3\?accountIdentifier=/m,
    );
    expect(first.stdout).toContain('3 created, 0 updated, 0 unchanged, 0 failed.');
    expect(first.stdout).not.toContain('W0rkerDepL0yPaymEntsR9');
    expect(first.stdout + first.stderr).not.toContain(sandbox.keys.execute);

    // No key in the environment now: the workspace's connection (keychain) answers.
    const again = await cli([
      'harness',
      'import',
      ...scope,
      '--workspace',
      'Payments',
      '--base',
      sandbox.baseUrl,
      '--json',
    ]);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as ImportReport;
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 3, failed: 0 });

    const fired = await cli(['fire', 'Deploy worker', '--data', dataDir, '--wait']);
    expect(fired.stderr).toBe('');
    expect(fired.code).toBe(0);
    expect(fired.stdout).toMatch(/Accepted by Harness/);

    const bad = await cli(['harness', 'import', '--org', 'platform', '--data', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('give --org and --project');
  });
});
