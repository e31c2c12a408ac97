// Payloads: named bodies kept with their trigger ("From cURL" is the first one after an import).
// data.json is plain text: a body holding a key is refused with the field's path and the way out
// (a secret variable, payload-secrets.ts).
import { DeskError } from '../../../shared/errors';
import { findSecretInPayload, secretInPayloadError } from '../../../shared/harness/payload-secrets';
import type { Payload } from '../../../shared/model';
import { changed, liveTrigger, type Ctx } from '../context';
import { newId } from '../store/index';
import type { StoredTrigger } from '../store/index';

/** Creates a payload, or replaces the one with `id`. */
export function savePayload(
  ctx: Ctx,
  a: { triggerId: string; id?: string | undefined; name: string; body: string },
): Payload {
  const spot = findSecretInPayload(a.body, [...ctx.vault.knownSecrets()]);
  if (spot) throw secretInPayloadError(`The payload "${a.name.trim()}"`, spot, 'payloads are');
  const saved = ctx.data.update((doc) => {
    const t = liveTrigger(doc, a.triggerId);
    const now = ctx.now();
    const name = a.name.trim();
    if (a.id === undefined) {
      const p: Payload = { id: newId(), name, body: a.body, updatedAt: now };
      t.payloads.push(p);
      t.updatedAt = now;
      return p;
    }
    const p = t.payloads.find((x) => x.id === a.id);
    if (!p) throw new DeskError('not-found', `The trigger "${t.name}" has no such payload (it may have been deleted).`);
    p.name = name;
    p.body = a.body;
    p.updatedAt = now;
    t.updatedAt = now;
    return p;
  });
  changed(ctx, 'triggers');
  return { ...saved };
}

export function deletePayload(ctx: Ctx, a: { triggerId: string; id: string }): void {
  ctx.data.update((doc) => {
    const t = liveTrigger(doc, a.triggerId);
    const before = t.payloads.length;
    t.payloads = t.payloads.filter((p) => p.id !== a.id);
    if (t.payloads.length === before)
      throw new DeskError('not-found', `The trigger "${t.name}" has no such payload (it may have been deleted).`);
    t.updatedAt = ctx.now();
  });
  changed(ctx, 'triggers');
}

/** Sent when a trigger has no payload and none was given: Harness reads the body as JSON. */
export const EMPTY_BODY = '{}';

/** The body a fire sends: the given one, a named payload, the first payload, or `{}`. */
export function pickBody(
  t: StoredTrigger,
  a: { body?: string | undefined; payloadId?: string | undefined },
): { body: string; note: string | null } {
  if (a.body !== undefined) return { body: a.body, note: null };
  if (a.payloadId !== undefined) {
    const p = t.payloads.find((x) => x.id === a.payloadId);
    if (!p) throw new DeskError('not-found', `The trigger "${t.name}" has no such payload (it may have been deleted).`);
    return { body: p.body, note: null };
  }
  const first = t.payloads[0];
  if (first) return { body: first.body, note: null };
  return { body: EMPTY_BODY, note: `The trigger has no payload, so ${EMPTY_BODY} was sent.` };
}
