// `trigger-desk chain` as a user runs it (bin/trigger-desk.mjs in a child process) against the
// sandbox: exit 0 when every step reached Success, 1 when a run failed, 2 for an unknown chain or a
// chain with a problem (nothing fired). Under with-keyring.sh.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import type { ChainRun } from '../../shared/chain-model';
import { runCli } from '../fixtures/cli';
import { uniqueService } from '../helpers/keychain';
import { example, openDesk } from './watch-helpers';

let sandbox: Sandbox;
let dataDir: string;
let service: string;

const cli = (args: string[]) =>
  runCli(args, { TRIGGER_DESK_DATA: dataDir, TRIGGER_DESK_VAULT_SERVICE: service, TRIGGER_DESK_POLL_SCALE: '0.05' });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20 });
  dataDir = mkdtempSync(join(tmpdir(), 'td-chain-cli-'));
  service = uniqueService('chain-cli');
  const desk = await openDesk({ dataDir, service });
  const ws = await desk.backend.handlers['workspaces:create']({ name: 'CLI chains' });
  const id: Record<string, string> = {};
  for (const [kind, name] of [
    ['plain', 'Deploy'],
    ['plain', 'Deploy again'],
    ['fails', 'Nightly'],
  ] as const) {
    id[name] = (
      await desk.backend.handlers['triggers:importCurl']({
        workspaceId: ws.id,
        text: example(sandbox, kind).curl,
        name,
      })
    ).trigger.id;
  }
  const step = (name: string, body = '{}') => ({ triggerId: id[name] ?? '', body, after: 'success' as const });
  await desk.backend.handlers['chains:save']({
    workspaceId: ws.id,
    name: 'Release',
    steps: [step('Deploy', '{"tag":"v9"}'), step('Deploy again', '{"after":"{{prev.planExecutionId}}"}')],
  });
  await desk.backend.handlers['chains:save']({
    workspaceId: ws.id,
    name: 'Broken',
    steps: [step('Nightly'), step('Deploy')],
  });
  await desk.backend.handlers['chains:save']({
    workspaceId: ws.id,
    name: 'Loop',
    steps: [step('Deploy'), step('Deploy again'), step('Deploy')],
  });
  await desk.close();
});

afterAll(async () => {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('trigger-desk chain', () => {
  it('exits 0 when every step reached Success, printing each step', async () => {
    const r = await cli(['chain', 'Release', '--wait']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/step 1 Deploy: succeeded \(Success\)/);
    expect(r.stdout).toMatch(/step 2 Deploy again: succeeded \(Success\)/);
    expect(r.stdout).toMatch(/Chain succeeded/);
    const posts = sandbox.received.filter((x) => x.method === 'POST').map((x) => x.body.toString());
    expect(posts.at(-2)).toBe('{"tag":"v9"}');
    expect(posts.at(-1)).toMatch(/^\{"after":"\S{6,}"\}$/);
  });

  it('exits 1 when a run fails, and the next step never fires; --json prints the run', async () => {
    const before = sandbox.received.length;
    const r = await cli(['chain', 'Broken', '--wait', '--json']);
    expect(r.code).toBe(1);
    const run = JSON.parse(r.stdout) as ChainRun;
    expect(run.state).toBe('failed');
    expect(run.steps.map((s) => s.phase)).toEqual(['failed', 'skipped']);
    expect(sandbox.received.slice(before).filter((x) => x.method === 'POST')).toHaveLength(1);
  });

  it('exits 2 for a chain with a problem (nothing fires) and for an unknown chain', async () => {
    const before = sandbox.received.length;
    const loop = await cli(['chain', 'Loop']);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toMatch(/Step 3 fires "Deploy" again/);
    const unknown = await cli(['chain', 'Nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no saved chain is named "Nope"/);
    expect(sandbox.received.length).toBe(before);
  });
});
