// A trigger's secrets in the vault: its API key and the values of its secret headers.
// The store holds only KeyInfo {id, label, last4}; these helpers move values in and out.
import { DeskError } from '../../shared/errors';
import { isSecretHeaderName } from '../../shared/harness/redact';
import type { HeaderEntry, KeyInfo } from '../../shared/model';
import type { Ctx } from './context';
import type { StoredTrigger } from './schema';

export function secretIds(t: Pick<StoredTrigger, 'key' | 'headers'>): string[] {
  const ids = t.headers.flatMap((h) => (h.secret ? [h.secret.id] : []));
  return t.key ? [t.key.id, ...ids] : ids;
}

/** Removes vault entries, ignoring ones already gone; used to undo a half-done change. */
export async function dropSecrets(ctx: Ctx, ids: Iterable<string>): Promise<void> {
  for (const id of ids) {
    try {
      await ctx.vault.remove(id);
    } catch {
      // Best effort: an orphaned entry is harmless, a lost one is not.
    }
  }
}

/** Extra headers as the store keeps them: credentials in the vault, the rest plain. */
export async function storeHeaders(ctx: Ctx, headers: { name: string; value: string }[], created: string[]): Promise<HeaderEntry[]> {
  const out: HeaderEntry[] = [];
  for (const h of headers) {
    if (isSecretHeaderName(h.name) && h.value.length > 0) {
      const secret = await ctx.vault.put(h.value, `${h.name} header`);
      created.push(secret.id);
      out.push({ name: h.name, value: '', secret });
    } else {
      out.push({ name: h.name, value: h.value, secret: null });
    }
  }
  return out;
}

function missing(t: StoredTrigger, what: string, ctx: Ctx): DeskError {
  const session = ctx.vault.status().kind === 'session';
  return new DeskError('invalid-key', `The ${what} of "${t.name}" is no longer in the vault${session ? ': without an OS keychain, keys last for one session only' : ''}.`, {
    hint: `Enter the ${what} again on the trigger.`,
  });
}

export interface TriggerSecrets {
  apiKey: string | null;
  secretHeaders: { name: string; value: string }[];
  /** Every secret value, for redaction. */
  values: string[];
}

export async function loadSecrets(ctx: Ctx, t: StoredTrigger): Promise<TriggerSecrets> {
  let apiKey: string | null = null;
  if (t.key) {
    apiKey = await ctx.vault.get(t.key.id);
    if (apiKey === null) throw missing(t, 'API key', ctx);
  }
  const secretHeaders: { name: string; value: string }[] = [];
  for (const h of t.headers) {
    if (!h.secret) continue;
    const value = await ctx.vault.get(h.secret.id);
    if (value === null) throw missing(t, `${h.name} header value`, ctx);
    secretHeaders.push({ name: h.name, value });
  }
  const values = secretHeaders.map((h) => h.value);
  return { apiKey, secretHeaders, values: apiKey === null ? values : [apiKey, ...values] };
}

/** New vault entries holding the same values, for a duplicated trigger. */
export async function copySecrets(ctx: Ctx, t: StoredTrigger, created: string[]): Promise<{ key: KeyInfo | null; headers: HeaderEntry[] }> {
  const copyOne = async (info: KeyInfo, what: string): Promise<KeyInfo> => {
    const value = await ctx.vault.get(info.id);
    if (value === null) throw missing(t, what, ctx);
    const copy = await ctx.vault.put(value, info.label);
    created.push(copy.id);
    return copy;
  };
  const key = t.key ? await copyOne(t.key, 'API key') : null;
  const headers: HeaderEntry[] = [];
  for (const h of t.headers) {
    headers.push(h.secret ? { name: h.name, value: '', secret: await copyOne(h.secret, `${h.name} header value`) } : { ...h });
  }
  return { key, headers };
}
