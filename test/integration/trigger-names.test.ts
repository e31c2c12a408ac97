// One name per trigger in a workspace, enforced by the backend: import, create, rename, move and
// restore (temp data folder, real keychain: run under scripts/with-keyring.sh).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Args, RequestName, Result } from '../../shared/api';
import { DeskError } from '../../shared/errors';
import { createBackend } from '../../electron/backend/index';
import type { Backend } from '../../electron/backend/types';
import { uniqueService } from '../helpers/keychain';

const dataDir = mkdtempSync(join(tmpdir(), 'td-names-'));
let backend: Backend;

async function call<K extends RequestName>(name: K, args: Args<K>): Promise<Result<K>> {
  return (backend.handlers[name] as (a: Args<K>) => Promise<Result<K>>)(args);
}

async function refusal<K extends RequestName>(name: K, args: Args<K>): Promise<DeskError> {
  try {
    await call(name, args);
  } catch (e) {
    if (e instanceof DeskError) return e;
    throw e;
  }
  throw new Error(`${name} was not refused`);
}

const URL_A =
  'https://app.harness.io/gateway/pipeline/api/webhook/custom/Abcdefghij0123456789xy/v3?accountIdentifier=acc&orgIdentifier=default&projectIdentifier=Shop&pipelineIdentifier=build_and_deploy&triggerIdentifier=on_push';
const curl = (url: string): string => `curl -X POST -H 'content-type: application/json' --url '${url}' -d '{}'`;

beforeAll(async () => {
  backend = await createBackend({
    dataDir,
    mode: 'web',
    version: '0.0.0-test',
    notify: () => undefined,
    vaultService: uniqueService('names'),
    env: {},
  });
});
afterAll(async () => {
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('trigger names in a workspace', () => {
  it('names an unnamed import after its identifiers, made free: six alike get six names', async () => {
    const ws = await call('workspaces:create', { name: 'Shop' });
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      names.push((await call('triggers:importCurl', { workspaceId: ws.id, text: curl(URL_A) })).trigger.name);
    }
    expect(names).toEqual([
      'Build and deploy / On push',
      'Build and deploy / On push (2)',
      'Build and deploy / On push (3)',
    ]);
  });

  it('refuses a given name that another trigger of the workspace has (any case), on import, create, rename and move', async () => {
    const ws = await call('workspaces:create', { name: 'Team' });
    const other = await call('workspaces:create', { name: 'Other' });
    const first = await call('triggers:create', { workspaceId: ws.id, name: 'Deploy QA', url: URL_A });
    const imported = await refusal('triggers:importCurl', { workspaceId: ws.id, text: curl(URL_A), name: 'deploy qa' });
    expect(imported.message).toBe('A trigger named “Deploy QA” already exists in the workspace “Team”.');
    expect(imported.hint).toContain('“deploy qa (2)”');
    expect((await refusal('triggers:create', { workspaceId: ws.id, name: ' Deploy QA ', url: URL_A })).code).toBe(
      'invalid-args',
    );
    const second = await call('triggers:create', { workspaceId: ws.id, name: 'Deploy staging', url: URL_A });
    expect((await refusal('triggers:update', { id: second.id, name: 'DEPLOY QA' })).message).toContain(
      'already exists',
    );
    // Its own name (another case) is fine; another workspace is another namespace.
    expect((await call('triggers:update', { id: first.id, name: 'Deploy qa' })).name).toBe('Deploy qa');
    const elsewhere = await call('triggers:create', { workspaceId: other.id, name: 'Deploy staging', url: URL_A });
    expect((await refusal('triggers:update', { id: elsewhere.id, workspaceId: ws.id })).message).toContain(
      '“Deploy staging” already exists in the workspace “Team”',
    );
    // Nothing refused was saved.
    expect((await call('triggers:list', { workspaceId: ws.id })).map((t) => t.name).sort()).toEqual([
      'Deploy qa',
      'Deploy staging',
    ]);
  });

  it('brings a deleted trigger back as "name (2)" when its name was taken meanwhile', async () => {
    const ws = await call('workspaces:create', { name: 'Restore' });
    const old = await call('triggers:create', { workspaceId: ws.id, name: 'Nightly', url: URL_A });
    await call('triggers:delete', { id: old.id });
    await call('triggers:create', { workspaceId: ws.id, name: 'Nightly', url: URL_A });
    expect((await call('triggers:restore', { id: old.id })).name).toBe('Nightly (2)');
  });
});
