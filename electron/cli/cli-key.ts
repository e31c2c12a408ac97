// Where the CLI may send HARNESS_API_KEY with a GET (`status`): to the origin of HARNESS_URL
// (default https://app.harness.io), or to the origin and account of a saved trigger whose key it
// is. Anywhere else the request goes without a key, and the user is told why. The app's data
// folder and keychain are opened only when a saved trigger has apiUrl's origin and account.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStores } from '../backend/store/index';
import { secretIds } from '../backend/vault/index';
import { createVault, DEFAULT_VAULT_SERVICE } from '../backend/vault/index';
import { belongsTo, originOf } from '../backend/watch/index';

export const DEFAULT_HARNESS_URL = 'https://app.harness.io';

export interface CliKey {
  /** The key to send, or null. */
  send: string | null;
  /** Why a key that was set is not sent, in plain words; null when it is sent (or there is none). */
  note: string | null;
  /** Every secret known here, for redacting what the command prints. */
  secrets: string[];
}

/**
 * The saved triggers of apiUrl's origin and account: whether HARNESS_API_KEY is one of their keys,
 * and their secrets (read from the keychain), so an echo of any of them is masked too.
 */
async function savedTriggers(
  apiUrl: string,
  key: string | null,
  dataDir: string,
  env: Record<string, string | undefined>,
): Promise<{ keyBelongs: boolean; secrets: string[] }> {
  if (!existsSync(join(dataDir, 'data.json'))) return { keyBelongs: false, secrets: [] };
  const matching = openStores(dataDir)
    .data.read()
    .triggers.filter((t) => t.deletedAt === null && belongsTo(t, apiUrl) && secretIds(t).length > 0);
  if (matching.length === 0) return { keyBelongs: false, secrets: [] };
  const vault = await createVault(env.TRIGGER_DESK_VAULT_SERVICE ?? DEFAULT_VAULT_SERVICE);
  let keyBelongs = false;
  for (const t of matching) {
    for (const id of secretIds(t)) {
      const value = await vault.get(id).catch(() => null);
      if (key !== null && id === t.key?.id && value === key) keyBelongs = true;
    }
  }
  return { keyBelongs, secrets: [...vault.knownSecrets()] };
}

export async function chooseCliKey(o: {
  apiUrl: string;
  key: string | null;
  env: Record<string, string | undefined>;
  dataDir: string;
}): Promise<CliKey> {
  const target = originOf(o.apiUrl);
  const saved =
    target === null ? { keyBelongs: false, secrets: [] } : await savedTriggers(o.apiUrl, o.key, o.dataDir, o.env);
  if (o.key === null) return { send: null, note: null, secrets: saved.secrets };
  const secrets = [o.key, ...saved.secrets];
  const harness = originOf(o.env.HARNESS_URL?.trim() || DEFAULT_HARNESS_URL);
  if ((target !== null && target === harness) || saved.keyBelongs) return { send: o.key, note: null, secrets };
  const where = target ?? 'that address';
  return {
    send: null,
    secrets,
    note:
      `HARNESS_API_KEY was not sent: ${where} is neither HARNESS_URL (${harness ?? DEFAULT_HARNESS_URL}) nor the host and account of a saved trigger with that key. ` +
      `If this Harness is yours, set HARNESS_URL=${where}.`,
  };
}
