// A trigger's extra headers (X-Source: jenkins, ...). A header marked secret keeps its value in the
// vault like the API key; the store and the page see its KeyInfo only. A value shaped like a key or
// token is made secret even when not marked, and the reply says so. New vault entries are removed
// again if the save fails, and replaced ones are dropped once the store says so.
import { DeskError } from '../../../shared/errors';
import type { HeaderEntry, KeyInfo, Trigger } from '../../../shared/model';
import { changed, liveTrigger, toTrigger, type Ctx } from '../context';
import type { StoredTrigger } from '../store/index';
import { dropSecrets, keyShapedValue, movedToVaultNote } from '../vault/index';

export interface HeaderInput {
  name: string;
  value: string;
  secret: boolean;
  /** With an empty value: keep the stored secret with this vault id. */
  keepSecretId?: string | undefined;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const OWN: Record<string, string> = {
  'content-type': 'The content type is part of the trigger itself.',
  'x-api-key': 'Set the API key in the key panel: it goes to the vault and is sent only to the trigger’s host.',
  'content-length': 'The length is worked out when the request is sent.',
  'host': 'The host comes from the trigger URL.',
};

function check(h: HeaderInput, index: number): void {
  const name = h.name.trim();
  const where = `Header ${index + 1} (${name})`;
  if (!TOKEN.test(name))
    throw new DeskError('parse', `${where}: a header name is letters, digits and - only`, {
      hint: 'For example X-Source.',
    });
  const own = OWN[name.toLowerCase()];
  if (own) throw new DeskError('invalid-args', `${where} cannot be set here. ${own}`);
  const bad = /[\r\n\0]/.exec(h.value);
  if (bad)
    throw new DeskError('parse', `${where}: the value has a line break at character ${bad.index + 1}`, {
      where: { offset: bad.index },
      hint: 'A header value is one line.',
    });
}

export async function setHeaders(
  ctx: Ctx,
  a: { id: string; headers: HeaderInput[] },
): Promise<{ trigger: Trigger; notes: string[] }> {
  a.headers.forEach(check);
  const current = liveTrigger(ctx.data.read(), a.id);
  const existing = new Map<string, KeyInfo>();
  for (const h of current.headers) if (h.secret) existing.set(h.secret.id, h.secret);
  const created: string[] = [];
  const moved: string[] = [];
  const next: HeaderEntry[] = [];
  try {
    for (const h of a.headers) {
      const name = h.name.trim();
      const byValue = !h.secret && keyShapedValue(ctx, h.value);
      if (byValue) moved.push(name);
      if (!h.secret && !byValue) {
        next.push({ name, value: h.value, secret: null });
      } else if (h.value !== '') {
        const secret = await ctx.vault.put(h.value, `${name} header`);
        created.push(secret.id);
        next.push({ name, value: '', secret });
      } else {
        const kept = h.keepSecretId === undefined ? undefined : existing.get(h.keepSecretId);
        if (!kept)
          throw new DeskError('invalid-args', `The secret header ${name} has no value`, {
            hint: 'Type its value: it goes to the vault.',
          });
        next.push({ name, value: '', secret: kept });
      }
    }
  } catch (err) {
    await dropSecrets(ctx, created);
    throw err;
  }
  let updated: StoredTrigger;
  try {
    updated = ctx.data.update((doc) => {
      const t = liveTrigger(doc, a.id);
      t.headers = next;
      t.updatedAt = ctx.now();
      return t;
    });
  } catch (err) {
    await dropSecrets(ctx, created);
    throw err;
  }
  const keptIds = new Set(next.flatMap((h) => (h.secret ? [h.secret.id] : [])));
  await dropSecrets(
    ctx,
    [...existing.keys()].filter((id) => !keptIds.has(id)),
  );
  changed(ctx, 'triggers');
  const note = movedToVaultNote(moved);
  return { trigger: toTrigger(updated), notes: note === null ? [] : [note] };
}
