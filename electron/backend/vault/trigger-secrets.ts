// A trigger's secrets in the vault: its API key and the values of its secret headers.
// The store holds only KeyInfo {id, label, last4}; these helpers move values in and out.
import { DeskError } from '../../../shared/errors';
import { holdsSecret, isSecretHeaderName } from '../../../shared/harness/redact';
import type { HeaderEntry, KeyInfo } from '../../../shared/model';
import type { Ctx } from '../context';
import type { StoredTrigger } from '../store/index';

export function secretIds(t: Pick<StoredTrigger, 'key' | 'headers' | 'secretVariables'>): string[] {
  const ids = [
    ...t.headers.flatMap((h) => (h.secret ? [h.secret.id] : [])),
    ...Object.values(t.secretVariables ?? {}).map((v) => v.id),
  ];
  return t.key ? [t.key.id, ...ids] : ids;
}

/** Removes vault entries, ignoring ones already gone; used to undo a half-done change. An entry another
 * trigger still names is kept: triggers of a folder workspace share a key by its reference (folders/). */
export async function dropSecrets(ctx: Ctx, ids: Iterable<string>): Promise<void> {
  const inUse = new Set(ctx.data.read().triggers.flatMap(secretIds));
  for (const id of ids) {
    if (inUse.has(id)) continue;
    try {
      await ctx.vault.remove(id);
    } catch {
      // Best effort: an orphaned entry is harmless, a lost one is not.
    }
  }
}

/** A header value that must not stay plain: shaped like a key or token, or a secret the vault holds. */
export function keyShapedValue(ctx: Ctx, value: string): boolean {
  return value.length > 0 && holdsSecret(value, ctx.vault.knownSecrets());
}

/** The note for headers made secret because of their value. */
export function movedToVaultNote(names: string[]): string | null {
  if (names.length === 0) return null;
  const list = names.join(', ');
  return `The value of ${list} looks like an API key or token, so it was moved to the keychain: ${names.length > 1 ? 'they are' : 'it is'} now ${names.length > 1 ? 'secret headers' : 'a secret header'}, shown by ${names.length > 1 ? 'their' : 'its'} last four characters only.`;
}

/** Extra headers as the store keeps them: credentials (by name or by a key-shaped value) in the vault, the rest plain. */
export async function storeHeaders(
  ctx: Ctx,
  headers: { name: string; value: string }[],
  created: string[],
  moved: string[] = [],
): Promise<HeaderEntry[]> {
  const out: HeaderEntry[] = [];
  for (const h of headers) {
    const byValue = !isSecretHeaderName(h.name) && keyShapedValue(ctx, h.value);
    if ((isSecretHeaderName(h.name) && h.value.length > 0) || byValue) {
      const secret = await ctx.vault.put(h.value, `${h.name} header`);
      created.push(secret.id);
      out.push({ name: h.name, value: '', secret });
      if (byValue) moved.push(h.name);
    } else {
      out.push({ name: h.name, value: h.value, secret: null });
    }
  }
  return out;
}

export function missing(t: StoredTrigger, what: string, ctx: Ctx, info?: KeyInfo): DeskError {
  // Named by a folder workspace and never given here (folders/): say which keychain value it needs.
  if (info?.last4 === '')
    return new DeskError('invalid-key', `"${t.name}" needs the ${what} "${info.label}" from your keychain.`, {
      hint: 'Give it where the workspace lists what it needs (trigger-desk fire takes the key from HARNESS_API_KEY).',
    });
  const session = ctx.vault.status().kind === 'session';
  return new DeskError(
    'invalid-key',
    `The ${what} of "${t.name}" is no longer in the vault${session ? ': without an OS keychain, keys last for one session only' : ''}.`,
    {
      hint: `Enter the ${what} again on the trigger.`,
    },
  );
}

export interface TriggerSecrets {
  apiKey: string | null;
  secretHeaders: { name: string; value: string }[];
  /** Secret payload variables by name (filled in by the backend when firing); one no longer in the vault is absent. */
  variables: Record<string, string>;
  /** Every secret value, for redaction. */
  values: string[];
}

export async function loadSecrets(ctx: Ctx, t: StoredTrigger): Promise<TriggerSecrets> {
  let apiKey: string | null = null;
  if (t.key) {
    apiKey = await ctx.vault.get(t.key.id);
    if (apiKey === null) throw missing(t, 'API key', ctx, t.key);
  }
  const secretHeaders: { name: string; value: string }[] = [];
  for (const h of t.headers) {
    if (!h.secret) continue;
    const value = await ctx.vault.get(h.secret.id);
    if (value === null) throw missing(t, `${h.name} header value`, ctx, h.secret);
    secretHeaders.push({ name: h.name, value });
  }
  const variables: Record<string, string> = {};
  for (const [name, info] of Object.entries(t.secretVariables ?? {})) {
    // Missing only matters to a body that uses it (triggers/secret-variables.ts says so then).
    const value = await ctx.vault.get(info.id);
    if (value !== null) variables[name] = value;
  }
  const values = [...secretHeaders.map((h) => h.value), ...Object.values(variables)];
  return { apiKey, secretHeaders, variables, values: apiKey === null ? values : [apiKey, ...values] };
}

/** New vault entries holding the same values, for a duplicated trigger. */
export async function copySecrets(
  ctx: Ctx,
  t: StoredTrigger,
  created: string[],
): Promise<{ key: KeyInfo | null; headers: HeaderEntry[]; secretVariables: Record<string, KeyInfo> | undefined }> {
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
    headers.push(
      h.secret ? { name: h.name, value: '', secret: await copyOne(h.secret, `${h.name} header value`) } : { ...h },
    );
  }
  let secretVariables: Record<string, KeyInfo> | undefined;
  for (const [name, info] of Object.entries(t.secretVariables ?? {})) {
    secretVariables ??= {};
    secretVariables[name] = await copyOne(info, `value of the secret variable {{${name}}}`);
  }
  return { key, headers, secretVariables };
}
