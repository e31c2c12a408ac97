// The vault against the real OS keychain (gnome-keyring in a private D-Bus session: run under
// scripts/with-keyring.sh), and the session-only fallback when no keychain answers.
import { existsSync, readFileSync } from 'node:fs';
import { findCredentials } from '@napi-rs/keyring';
import { afterAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { createVault, probeKeychain, SESSION_WARNING } from '../../electron/backend/vault/index';
import { harnessShapedKey, NO_DBUS, runVaultChild, uniqueService } from '../helpers/keychain';

const service = uniqueService('vault');

afterAll(async () => {
  // Leave nothing behind in the test keyring, whatever failed above.
  const vault = await createVault(service);
  for (const id of await vault.list()) await vault.remove(id);
});

describe('vault on the OS keychain', () => {
  it('reaches the keychain (run under scripts/with-keyring.sh)', async () => {
    expect(await probeKeychain(service)).toBeNull();
    const vault = await createVault(service);
    expect(vault.status()).toEqual({ kind: 'keychain', warning: null });
    // The probe cleans up after itself.
    expect(findCredentials(service)).toEqual([]);
  });

  it('stores, lists, gives back and deletes a key', async () => {
    const vault = await createVault(service);
    const key = harnessShapedKey();
    const info = await vault.put(key, 'Prod key');
    expect(info.label).toBe('Prod key');
    expect(info.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(info.last4).toBe(key.slice(-4));
    expect(JSON.stringify(info)).not.toContain(key.slice(0, -4));

    // Really in the OS keychain: visible to the keychain itself under the random id...
    const raw = findCredentials(service);
    expect(raw).toEqual([{ account: info.id, password: key }]);
    // ...and to another vault instance that has no cache.
    const other = await createVault(service);
    expect(await other.list()).toEqual([info.id]);
    expect(await other.get(info.id)).toBe(key);

    await vault.remove(info.id);
    expect(findCredentials(service)).toEqual([]);
    const third = await createVault(service);
    expect(await third.get(info.id)).toBeNull();
    expect(await third.list()).toEqual([]);
    // Removing what is already gone is not an error.
    await expect(third.remove(info.id)).resolves.toBeUndefined();
  });

  it('keeps several entries apart and refuses bad input', async () => {
    const vault = await createVault(service);
    const a = await vault.put('first-secret', 'a');
    const b = await vault.put('second-secret', 'b');
    expect(a.id).not.toBe(b.id);
    const fresh = await createVault(service);
    expect(await fresh.get(a.id)).toBe('first-secret');
    expect(await fresh.get(b.id)).toBe('second-secret');
    expect((await fresh.list()).sort()).toEqual([a.id, b.id].sort());
    await expect(vault.put('', 'empty')).rejects.toBeInstanceOf(DeskError);
    await expect(vault.get('../etc/passwd')).rejects.toThrow(/vault id/);
    await vault.remove(a.id);
    await vault.remove(b.id);
    expect(findCredentials(service)).toEqual([]);
  });
});

describe('vault without a keychain', () => {
  it('falls back to a session-only vault with the warning when D-Bus is unreachable', async () => {
    const secret = harnessShapedKey();
    const svc = uniqueService('nokeychain');
    const out = (await runVaultChild(
      `const vault = await createVault(${JSON.stringify(svc)});
       const info = await vault.put(${JSON.stringify(secret)}, 'k');
       const back = await vault.get(info.id);
       const listed = await vault.list();
       await vault.remove(info.id);
       const gone = await vault.get(info.id);
       console.log(JSON.stringify({ status: vault.status(), reason: vault.unreachableReason, back, listed, id: info.id, gone }));`,
      NO_DBUS,
    )) as { status: unknown; reason: string; back: string; listed: string[]; id: string; gone: null };
    expect(out.status).toEqual({ kind: 'session', warning: SESSION_WARNING });
    // A real refusal from the platform (or only the kernel keyring answered), not a timeout.
    expect(out.reason).toMatch(/access|denied|dbus|platform|secret service/i);
    expect(out.reason).not.toMatch(/did not answer/);
    // Nothing was left in a fallback store (Linux: the kernel keyring) under that service.
    // (Deleted keys linger there, flagged invalidated (i), until the kernel's collector runs.)
    if (existsSync('/proc/keys')) {
      const live = readFileSync('/proc/keys', 'utf8')
        .split('\n')
        .filter((line) => line.includes(`@${svc}:`) && !/[iRD]/.test(line.split(/\s+/)[1] ?? ''));
      expect(live).toEqual([]);
    }
    expect(out.back).toBe(secret);
    expect(out.listed).toEqual([out.id]);
    expect(out.gone).toBeNull();
  });

  it('keeps nothing across processes in session mode', async () => {
    const svc = uniqueService('nokeychain2');
    const first = (await runVaultChild(
      `const v = await createVault(${JSON.stringify(svc)}); const i = await v.put('s3cret-value', 'k'); console.log(JSON.stringify(i.id));`,
      NO_DBUS,
    )) as string;
    const second = (await runVaultChild(
      `const v = await createVault(${JSON.stringify(svc)}); console.log(JSON.stringify({ got: await v.get(${JSON.stringify(first)}), kind: v.status().kind }));`,
      NO_DBUS,
    )) as { got: string | null; kind: string };
    expect(second).toEqual({ got: null, kind: 'session' });
  });
});
