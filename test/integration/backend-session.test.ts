// The backend when no OS keychain is reachable (D-Bus pointing nowhere, in child processes):
// keys last one session, the page is told so, and nothing secret is written to the data folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BACKEND_MODULE,
  SANDBOX_MODULE,
  harnessShapedKey,
  NO_DBUS,
  runChild,
  uniqueService,
} from '../helpers/keychain';

const TOKEN = 'Zq3Vn8Lm2Kx7Pw4Rt6Yb9C';
const USER_URL = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=acc&orgIdentifier=default&projectIdentifier=CD_Docs&pipelineIdentifier=Container&triggerIdentifier=deploy_on_image`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe('without an OS keychain', () => {
  it('keeps keys for the session only, says so, and never writes them to disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-backend-session-'));
    const key = harnessShapedKey();
    const launch = (body: string) =>
      runChild(
        `import { createBackend } from ${JSON.stringify(BACKEND_MODULE)};
         import { startSandboxPeer } from ${JSON.stringify(SANDBOX_MODULE)};
         const b = await createBackend({ dataDir: ${JSON.stringify(dir)}, mode: 'web', version: 't', notify: () => undefined, vaultService: ${JSON.stringify(uniqueService('session'))}, startSandbox: startSandboxPeer, sandboxPort: 0, env: {} });
         const h = b.handlers;
         const triggers = await h['triggers:list']({});
         const secured = triggers.find((t) => t.parsed.triggerIdentifier === 'secured_deploy');
         const out = { info: await h['app:info']({}), securedFire: (await h['triggers:fire']({ id: secured.id })).outcome };
         ${body}
         await b.close();
         console.log(JSON.stringify(out));`,
        NO_DBUS,
      ) as Promise<Record<string, unknown>>;
    try {
      const first = await launch(`
        const ws = await h['workspaces:create']({ name: 'Mine' });
        const { trigger } = await h['triggers:importCurl']({ workspaceId: ws.id, text: ${JSON.stringify(`curl -X POST -H 'content-type: application/json' -H 'X-Api-Key: ${key}' --url '${USER_URL}' -d '{}'`)} });
        out.key = trigger.key;
        out.id = trigger.id;`);
      expect(first.info).toMatchObject({
        firstLaunch: true,
        vault: { kind: 'session', warning: expect.stringMatching(/for this session only/) as unknown },
      });
      expect(first.securedFire).toBe('accepted');
      expect(first.key).toMatchObject({ last4: key.slice(-4) });
      for (const file of filesUnder(dir))
        expect(readFileSync(file, 'utf8').includes(key.slice(0, -4)), file).toBe(false);

      // Next launch: the sandbox's own key comes back, the user's must be entered again.
      const second = await launch(`
        try { await h['triggers:fire']({ id: ${JSON.stringify(first.id)} }); out.userFire = 'fired'; }
        catch (e) { out.userFire = { code: e.code, message: e.message, hint: e.hint }; }`);
      expect(second.info).toMatchObject({ firstLaunch: false, vault: { kind: 'session' } });
      expect(second.securedFire).toBe('accepted');
      expect(second.userFire).toMatchObject({
        code: 'invalid-key',
        message: expect.stringMatching(/no longer in the vault.*one session only/) as unknown,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
