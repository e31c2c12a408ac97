// triggers:setYaml through the whole backend (temp data folder, real keychain: run under
// scripts/with-keyring.sh): a YAML whose conditions do not compile is refused with its line and
// column, and nothing is stored; one that compiles is kept. A YAML Harness itself serves is kept
// even with a condition that does not compile (it is Harness's), and the lab shows the error.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Args, RequestName, Result } from '../../shared/api';
import { DeskError } from '../../shared/errors';
import { evaluateTrigger } from '../../shared/harness/conditions';
import { parseTriggerYaml } from '../../shared/harness/trigger-yaml';
import { createBackend } from '../../electron/backend/index';
import { startSandboxPeer } from '../../electron/sandbox/index';
import type { Backend } from '../../electron/backend/types';
import { uniqueService } from '../helpers/keychain';
import { jexlTriggerYaml } from '../fixtures/trigger-yaml';

const dataDir = mkdtempSync(join(tmpdir(), 'td-yaml-check-'));
let backend: Backend;

async function call<K extends RequestName>(name: K, args: Args<K>): Promise<Result<K>> {
  return (backend.handlers[name] as (a: Args<K>) => Promise<Result<K>>)(args);
}

beforeAll(async () => {
  backend = await createBackend({
    dataDir,
    mode: 'web',
    version: '0.0.0-test',
    notify: () => undefined,
    vaultService: uniqueService('yaml-check'),
    startSandbox: startSandboxPeer,
    sandboxPort: 0,
    env: {},
  });
});
afterAll(async () => {
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('triggers:setYaml', () => {
  it('refuses conditions that do not compile, with the line and column, and keeps a good YAML', async () => {
    const ws = await call('workspaces:create', { name: 'Yaml check' });
    const trigger = await call('triggers:create', {
      workspaceId: ws.id,
      name: 'T',
      url: 'https://app.harness.io/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=a&orgIdentifier=o&projectIdentifier=p&pipelineIdentifier=x&triggerIdentifier=t',
    });
    let refused: unknown = null;
    try {
      await call('triggers:setYaml', {
        id: trigger.id,
        yaml: jexlTriggerYaml('<+trigger.payload.tag> == "v" ? true :'),
      });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(DeskError);
    const e = refused as DeskError;
    expect(e.code).toBe('parse');
    expect(e.where).toEqual({ line: 13, column: 63 });
    expect(e.message).toMatch(
      /The JEXL condition cannot be read: the expression ends too early.*\(line 13, column 63 of the YAML\)\./,
    );
    expect(readFileSync(join(dataDir, 'data.json'), 'utf8')).not.toContain('? true :');

    const kept = await call('triggers:setYaml', {
      id: trigger.id,
      yaml: jexlTriggerYaml('<+trigger.payload.tag> == "v" ? true : false'),
    });
    expect(kept.yaml).toContain('? true : false');
  });
});

describe('triggers:fetchYaml', () => {
  it("keeps Harness's own YAML even when its JEXL does not compile; the verdict shows the error with its place", async () => {
    const base = backend.sandboxBaseUrl;
    if (!base) throw new Error('no sandbox');
    const added = await fetch(`${base}/_sandbox/triggers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Typo',
        identifier: 'typo_jexl',
        jexlCondition: '<+trigger.payload.tag> == "v" ? true :',
      }),
    });
    const { url } = (await added.json()) as { url: string };
    const [ws] = await call('workspaces:list', {});
    if (!ws) throw new Error('no workspace');
    const { trigger } = await call('triggers:importCurl', {
      workspaceId: ws.id,
      text: `curl -X POST -H 'content-type: application/json' --url '${url}' -d '{}'`,
    });
    const { yaml: served } = await call('triggers:fetchYaml', { id: trigger.id });
    expect(served).toContain('? true :');
    expect((await call('triggers:list', {})).find((t) => t.id === trigger.id)?.yaml).toBe(served);
    const v = evaluateTrigger(parseTriggerYaml(served), { payload: '{"tag":"v1"}', headers: [] });
    expect(v.status).toBe('NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS');
    expect(v.jexl.why).toMatch(/^JEXL syntax error at line \d+, column \d+ of the YAML: the expression ends too early/);
  });
});
