// The vault: API keys and secret header values live in the OS keychain (Secret Service, macOS
// Keychain, Windows Credential Manager) under random ids; the stores keep only {id, label, last4}.
// When no keychain answers, keys are kept in memory for this session only, with a warning:
// a secret is never written in plain text anywhere.
import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import type { KeyInfo, VaultStatus } from '../../../shared/model';
import { DeskError } from '../../../shared/errors';
import { last4 } from '../../../shared/harness/redact';
import { newId } from '../store/index';

/** The keychain service the app's keys live under (tests and benches pass their own). */
export const DEFAULT_VAULT_SERVICE = 'trigger-desk';

export const SESSION_WARNING =
  'No OS keychain is reachable: keys are kept for this session only and must be entered again after a restart.';

/** A keychain that does not answer within this time is treated as unreachable (no GUI unlock is coming). */
const PROBE_TIMEOUT_MS = 15_000;
const PROBE_PREFIX = 'probe-';

export interface Vault {
  status(): VaultStatus;
  put(secret: string, label: string): Promise<KeyInfo>;
  get(id: string): Promise<string | null>;
  remove(id: string): Promise<void>;
  /** Ids this app holds under its service name (the keychain's view, or the session's). */
  list(): Promise<string[]>;
  /** Every secret value seen this session, so error texts can be redacted against them. */
  knownSecrets(): Iterable<string>;
  /** Why the keychain could not be used (session vault only), for logs. */
  unreachableReason?: string;
}

/** The keychain's errors carry a native backtrace after the first line: keep the words only. */
export function keychainReason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const first = text.split('\n')[0]?.trim() ?? '';
  return first.length > 0 ? first : 'unknown keychain error';
}

function checkId(id: string): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
    throw new DeskError('vault', 'A vault id must be a short run of letters, digits, _ or -');
}

function checkSecret(secret: string): void {
  if (secret.length === 0) throw new DeskError('vault', 'An empty secret cannot be stored');
}

function withTimeout(ms: number): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, ms);
  return { signal: controller.signal, done: () => clearTimeout(timer) };
}

/**
 * Writes, reads back, finds and deletes a throwaway entry; returns null when the keychain works,
 * else why not. On Linux the library falls back to the kernel keyring (keyutils) when no Secret
 * Service answers: that one forgets everything at reboot, so only an entry the Secret Service
 * itself lists counts as a keychain.
 */
export async function probeKeychain(service: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | null> {
  const id = PROBE_PREFIX + newId();
  const entry = new AsyncEntry(service, id);
  const value = newId();
  const { signal, done } = withTimeout(timeoutMs);
  try {
    await entry.setPassword(value, signal);
    const back = await entry.getPassword(signal);
    if (back !== value) return 'the keychain did not give back what was stored';
    if (process.platform === 'linux') {
      const listed = await findCredentialsAsync(service, null, signal);
      if (!listed.some((c) => c.account === id))
        return 'no Secret Service keeps the keys (only the kernel keyring, which forgets them at reboot)';
    }
    return null;
  } catch (err) {
    return signal.aborted ? `the keychain did not answer within ${timeoutMs / 1000} s` : keychainReason(err);
  } finally {
    done();
    // Also after a failure: a half-done write may have left a copy in a fallback store.
    await entry.deleteCredential().catch(() => false);
  }
}

function keychainVault(service: string): Vault {
  // Reads are cached: a D-Bus round trip per fire would cost more than the fire itself.
  const cache = new Map<string, string>();
  const fail = (what: string, err: unknown): DeskError =>
    new DeskError('vault', `The OS keychain refused to ${what}: ${keychainReason(err)}`, {
      hint: 'Unlock the keychain (or log in to the desktop session) and try again.',
    });
  return {
    status: () => ({ kind: 'keychain', warning: null }),
    async put(secret, label) {
      checkSecret(secret);
      const id = newId();
      const entry = new AsyncEntry(service, id);
      try {
        await entry.setPassword(secret);
      } catch (err) {
        // A failed write may still have left a copy in a fallback store: take it out again.
        await entry.deleteCredential().catch(() => false);
        throw fail('store the key', err);
      }
      cache.set(id, secret);
      return { id, label, last4: last4(secret) };
    },
    async get(id) {
      checkId(id);
      const hit = cache.get(id);
      if (hit !== undefined) return hit;
      let value: string | undefined;
      try {
        value = await new AsyncEntry(service, id).getPassword();
      } catch (err) {
        throw fail('give back a key', err);
      }
      // Typed string | undefined, but a missing entry comes back as null at runtime.
      if (typeof value !== 'string') return null;
      cache.set(id, value);
      return value;
    },
    async remove(id) {
      checkId(id);
      try {
        await new AsyncEntry(service, id).deleteCredential();
      } catch (err) {
        // Already gone is what we wanted.
        if (!/no ?entry|not found/i.test(keychainReason(err))) throw fail('delete a key', err);
      }
      cache.delete(id);
    },
    async list() {
      try {
        const found = await findCredentialsAsync(service);
        return found.map((c) => c.account).filter((a) => !a.startsWith(PROBE_PREFIX));
      } catch (err) {
        throw fail('list the keys', err);
      }
    },
    knownSecrets: () => cache.values(),
  };
}

function sessionVault(reason: string): Vault {
  const secrets = new Map<string, string>();
  return {
    status: () => ({ kind: 'session', warning: SESSION_WARNING }),
    unreachableReason: reason,
    put(secret, label) {
      checkSecret(secret);
      const id = newId();
      secrets.set(id, secret);
      return Promise.resolve({ id, label, last4: last4(secret) });
    },
    get(id) {
      checkId(id);
      return Promise.resolve(secrets.get(id) ?? null);
    },
    remove(id) {
      checkId(id);
      secrets.delete(id);
      return Promise.resolve();
    },
    list: () => Promise.resolve([...secrets.keys()]),
    knownSecrets: () => secrets.values(),
  };
}

/** Opens the vault for `service`, falling back to a session-only vault when no keychain is reachable. */
export async function createVault(service: string, o: { probeTimeoutMs?: number } = {}): Promise<Vault> {
  if (service.trim().length === 0) throw new DeskError('vault', 'The keychain service name is empty');
  const problem = await probeKeychain(service, o.probeTimeoutMs);
  return problem === null ? keychainVault(service) : sessionVault(problem);
}
