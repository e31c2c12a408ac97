// Which key, if any, may go with a GET to apiUrl or an abort: only a stored trigger's own key, and
// only when the address has that trigger's origin (HARNESS.md §2). An apiUrl pointing anywhere
// else gets no key, whatever it says.
import type { Ctx } from './context';
import type { StoredTrigger } from './schema';

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function accountOf(url: string): string | null {
  try {
    return new URL(url).searchParams.get('accountIdentifier');
  } catch {
    return null;
  }
}

/** The trigger itself when given; else the best stored trigger of that origin (same account, with a key). */
export function triggerForUrl(ctx: Ctx, url: string, triggerId?: string | null): StoredTrigger | null {
  const origin = originOf(url);
  if (origin === null) return null;
  const live = ctx.data.read().triggers.filter((t) => t.deletedAt === null);
  if (triggerId) {
    const t = ctx.data.read().triggers.find((x) => x.id === triggerId);
    return t && originOf(t.parsed.origin) === origin ? t : null;
  }
  const account = accountOf(url);
  const sameOrigin = live.filter((t) => originOf(t.parsed.origin) === origin);
  const rank = (t: StoredTrigger): number => (t.key ? 2 : 0) + (t.parsed.accountIdentifier === account ? 1 : 0);
  return sameOrigin.sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

export interface KeyChoice {
  key: string | null;
  trigger: StoredTrigger | null;
}

export async function keyForUrl(ctx: Ctx, url: string, triggerId?: string | null): Promise<KeyChoice> {
  const trigger = triggerForUrl(ctx, url, triggerId);
  if (!trigger?.key) return { key: null, trigger };
  const key = await ctx.vault.get(trigger.key.id).catch(() => null);
  return { key, trigger };
}
