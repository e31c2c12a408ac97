// Which key, if any, may go with a GET to apiUrl or an abort: only a stored trigger's own key, and
// only when the address has that trigger's origin AND account (docs/harness-protocol.md §3: app.harness.io hosts
// every account, so the origin alone says nothing). An apiUrl pointing anywhere else gets no key.
// Without such a trigger, a workspace's Harness connection of that origin and account lends its key.
import type { Ctx } from '../context';
import type { StoredTrigger } from '../store/index';
import { secretIds } from '../vault/index';

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function accountOf(url: string): string | null {
  try {
    return new URL(url).searchParams.get('accountIdentifier');
  } catch {
    return null;
  }
}

/** True when `url` is on the trigger's origin and names the trigger's account. */
export function belongsTo(t: Pick<StoredTrigger, 'parsed'>, url: string): boolean {
  const origin = originOf(url);
  return origin !== null && originOf(t.parsed.origin) === origin && accountOf(url) === t.parsed.accountIdentifier;
}

/** The trigger itself when given; else the best live stored trigger of that origin and account (one with a key first). */
export function triggerForUrl(ctx: Pick<Ctx, 'data'>, url: string, triggerId?: string | null): StoredTrigger | null {
  if (triggerId) {
    const t = ctx.data.read().triggers.find((x) => x.id === triggerId);
    return t && belongsTo(t, url) ? t : null;
  }
  const candidates = ctx.data.read().triggers.filter((t) => t.deletedAt === null && belongsTo(t, url));
  return candidates.find((t) => t.key !== null) ?? candidates[0] ?? null;
}

export interface KeyChoice {
  key: string | null;
  trigger: StoredTrigger | null;
}

/** The key of a workspace's Harness connection on the url's origin and account (a run followed from the account). */
async function connectionKey(ctx: Pick<Ctx, 'data' | 'vault'>, url: string): Promise<string | null> {
  const origin = originOf(url);
  const account = accountOf(url);
  const c = (ctx.data.read().connections ?? []).find(
    (x) => x.key !== null && originOf(x.baseUrl) === origin && x.accountIdentifier === account,
  );
  return c?.key ? ctx.vault.get(c.key.id).catch(() => null) : null;
}

export async function keyForUrl(
  ctx: Pick<Ctx, 'data' | 'vault'>,
  url: string,
  triggerId?: string | null,
): Promise<KeyChoice> {
  const trigger = triggerForUrl(ctx, url, triggerId);
  if (!trigger?.key) return { key: triggerId ? null : await connectionKey(ctx, url), trigger };
  const key = await ctx.vault.get(trigger.key.id).catch(() => null);
  return { key, trigger };
}

/**
 * Every secret the app knows, for redacting an answer: the vault's, with the given trigger's own
 * read first (a keychain vault only knows what it has read), so an echo of any of them is caught.
 */
export async function knownSecrets(
  ctx: Pick<Ctx, 'data' | 'vault'>,
  triggerId: string | null | undefined,
): Promise<string[]> {
  const t = triggerId ? ctx.data.read().triggers.find((x) => x.id === triggerId) : undefined;
  if (t) await Promise.all(secretIds(t).map((id) => ctx.vault.get(id).catch(() => null)));
  return [...ctx.vault.knownSecrets()];
}
