// Firing a trigger (once: never retried, a duplicate fire is a duplicate deployment). Exporting it
// as a cURL command: triggers/curl.ts.
import { redact } from '../../../shared/harness/redact';
import type { FireResult } from '../../../shared/model';
import { liveTrigger, type Ctx } from '../context';
import { fireTrigger } from './request';
import type { StoredTrigger } from '../store/index';
import { fillSecretVariables } from '../triggers/index';
import { pickBody } from '../triggers/index';
import { loadSecrets } from '../vault/index';

/** Masks secrets in every string of a value; used only when a secret turned up where it must not. */
function scrub<T>(value: T, secrets: string[]): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => scrub(v, secrets)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets)])) as T;
  }
  return value;
}

/** `t`: the trigger when the caller has just read it (one read of the store per fire). */
export async function fireById(
  ctx: Ctx,
  a: { id: string; body?: string | undefined; payloadId?: string | undefined },
  t: StoredTrigger = liveTrigger(ctx.data.read(), a.id),
): Promise<FireResult> {
  const { body: template, note } = pickBody(t, a);
  const secrets = await loadSecrets(ctx, t);
  // Secret variables are filled in here, at the last moment: the history keeps the {{name}} template.
  const body = fillSecretVariables(ctx, t, template, secrets.variables);
  const result = await fireTrigger({
    trigger: t,
    apiKey: secrets.apiKey,
    secretHeaders: secrets.secretHeaders,
    body,
    http: ctx.http,
  });
  if (note !== null) result.notes = [...result.notes, note];
  // Belt and braces: the fire path redacts what it reports against this trigger's secrets and the
  // key shapes; an echoing server could still hand back another secret the app knows.
  const known = [...secrets.values, ...ctx.vault.knownSecrets()].filter((s) => s.length >= 4);
  if (known.length > 0) {
    const text = JSON.stringify(result);
    if (known.some((s) => text.includes(s))) return scrub(result, known);
  }
  return result;
}
