// The sample library through the whole backend (temp data folder, embedded sandbox, real keychain:
// run under scripts/with-keyring.sh): save, rename, list per workspace, refuse key-shaped text,
// delete, survive a restart; and the seeded conditional trigger's YAML fetched with its key.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Args, RequestName, Result } from '../../shared/api';
import { DeskError } from '../../shared/errors';
import { compileTrigger, evaluate, parseSample } from '../../shared/harness/conditions';
import { parseTriggerYaml } from '../../shared/harness/trigger-yaml';
import { createBackend } from '../../electron/backend/index';
import { startSandboxPeer } from '../../electron/sandbox/index';
import type { Backend, BackendOptions } from '../../electron/backend/types';
import { harnessShapedKey, uniqueService } from '../helpers/keychain';

const dataDir = mkdtempSync(join(tmpdir(), 'td-samples-'));
const options: BackendOptions = {
  dataDir,
  mode: 'web',
  version: '0.0.0-test',
  notify: () => undefined,
  vaultService: uniqueService('samples'),
  startSandbox: startSandboxPeer,
  sandboxPort: 0,
  env: {},
};
let backend: Backend;

async function call<K extends RequestName>(name: K, args: Args<K>, b: Backend = backend): Promise<Result<K>> {
  return (b.handlers[name] as (a: Args<K>) => Promise<Result<K>>)(args);
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

beforeAll(async () => {
  backend = await createBackend(options);
});
afterAll(async () => {
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('sample library', () => {
  it('saves, replaces, lists per workspace, refuses duplicates and keys, deletes, and survives a restart', async () => {
    const [sandbox] = await call('workspaces:list', {});
    if (!sandbox) throw new Error('no sandbox workspace');
    const other = await call('workspaces:create', { name: 'Other' });
    const qa = await call('samples:save', {
      workspaceId: sandbox.id,
      name: 'qa',
      payload: '{"env":"qa"}',
      headers: [{ name: ' X-Source ', value: 'jenkins' }],
    });
    expect(qa).toMatchObject({
      workspaceId: sandbox.id,
      name: 'qa',
      headers: [{ name: 'X-Source', value: 'jenkins' }],
    });
    await call('samples:save', { workspaceId: other.id, name: 'qa', payload: '{}', headers: [] });
    expect((await call('samples:list', { workspaceId: sandbox.id })).map((s) => s.name)).toEqual(['qa']);

    const renamed = await call('samples:save', {
      workspaceId: sandbox.id,
      id: qa.id,
      name: 'qa (jenkins)',
      payload: '{"env":"qa","tag":"v1"}',
      headers: qa.headers,
    });
    expect(renamed.id).toBe(qa.id);
    expect(renamed.createdAt).toBe(qa.createdAt);
    await call('samples:save', { workspaceId: sandbox.id, name: 'prod', payload: '{"env":"prod"}', headers: [] });
    expect(
      (await refusal('samples:save', { workspaceId: sandbox.id, name: 'PROD', payload: '{}', headers: [] })).message,
    ).toMatch(/already has a sample named "PROD"/);

    const key = harnessShapedKey();
    const keyed = await refusal('samples:save', {
      workspaceId: sandbox.id,
      name: 'leaky',
      payload: '{}',
      headers: [{ name: 'Authorization', value: key }],
    });
    expect(keyed.message).toMatch(/looks like an API key/);
    expect(keyed.message).not.toContain(key);
    expect(
      (
        await refusal('samples:save', {
          workspaceId: sandbox.id,
          name: 'leaky',
          payload: `{"k":"${key}"}`,
          headers: [],
        })
      ).message,
    ).toMatch(/shaped like an API key/);
    expect(
      (
        await refusal('samples:save', {
          workspaceId: sandbox.id,
          name: 'leaky',
          payload: '{}',
          headers: [{ name: 'x-api-key', value: 'abc' }],
        })
      ).message,
    ).toMatch(/X-Api-Key header does not belong/);
    expect(readFileSync(join(dataDir, 'samples.json'), 'utf8')).not.toContain(key);

    expect((await refusal('samples:delete', { workspaceId: other.id, id: qa.id })).code).toBe('not-found');
    await call('samples:delete', { workspaceId: sandbox.id, id: qa.id });
    expect((await call('samples:list', { workspaceId: sandbox.id })).map((s) => s.name)).toEqual(['prod']);

    await backend.close();
    backend = await createBackend(options);
    expect((await call('samples:list', { workspaceId: sandbox.id })).map((s) => s.name)).toEqual(['prod']);
    expect((await call('samples:list', { workspaceId: other.id })).map((s) => s.name)).toEqual(['qa']);
    await call('workspaces:delete', { id: other.id });
    expect((await refusal('samples:list', { workspaceId: other.id })).code).toBe('not-found');
  });

  it('seeds every sandbox example with its trigger YAML, so the lab and matrix can read it at once', async () => {
    const seeded = (await call('triggers:list', {})).filter((t) => t.parsed.origin.startsWith('http://127.0.0.1'));
    expect(seeded.length).toBeGreaterThanOrEqual(7);
    for (const t of seeded) {
      expect(t.yaml, t.name).toContain(`identifier: ${t.parsed.triggerIdentifier ?? 'missing'}`);
    }
  });

  it("fetches the seeded conditional trigger's YAML from the sandbox and keeps it; its conditions read as served", async () => {
    const trigger = (await call('triggers:list', {})).find((t) => t.parsed.triggerIdentifier === 'deploy_on_image');
    if (!trigger) throw new Error('the conditional example was not seeded');
    const { yaml } = await call('triggers:fetchYaml', { id: trigger.id });
    expect((await call('triggers:list', {})).find((t) => t.id === trigger.id)?.yaml).toBe(yaml);
    const compiled = compileTrigger(parseTriggerYaml(yaml));
    // The seeded payload is Harness's sample body, which these conditions reject (as the sandbox will).
    const seeded = parseSample({ payload: trigger.payloads[0]?.body ?? '', headers: [] });
    expect(evaluate(compiled, seeded).status).toBe('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS');
    const fired = await call('triggers:fire', { id: trigger.id, body: '{"env":"dev"}' });
    expect(fired.outcome).toBe('accepted');
  });
});
