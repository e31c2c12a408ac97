// Secret payload variables: a `{{name}}` whose value lives in the vault. The page sees its KeyInfo
// (label and last four) only; the backend fills it in when firing, so data.json and the history
// keep the `{{name}}` and never the value. (Plain values refuse anything key-shaped: extras.ts.)
import { DeskError } from '../../../shared/errors';
import { isJsonContentType } from '../../../shared/harness/request-preview';
import { fillVariables, findVariables } from '../../../shared/harness/variables';
import type { KeyInfo, Trigger } from '../../../shared/model';
import { changed, liveTrigger, toTrigger, type Ctx } from '../context';
import type { StoredTrigger } from '../store/index';
import { dropSecrets, missing } from '../vault/index';

/** Marks `{{name}}` secret (its value to the vault: the one given, else the plain one last typed) or plain again. */
export async function setVariableSecret(
  ctx: Ctx,
  a: { id: string; name: string; secret: boolean; value?: string | undefined },
): Promise<Trigger> {
  const current = liveTrigger(ctx.data.read(), a.id);
  const old = current.secretVariables?.[a.name];
  let info: KeyInfo | null = null;
  if (a.secret) {
    const value = a.value !== undefined && a.value !== '' ? a.value : (current.variables?.[a.name] ?? '');
    if (value === '' && old) return toTrigger(current); // already secret: nothing to change
    if (value === '')
      throw new DeskError('invalid-args', `The variable {{${a.name}}} has no value to keep in the keychain`, {
        hint: 'Type its value, then mark it secret.',
      });
    info = await ctx.vault.put(value, `{{${a.name}}}`);
  }
  let updated: StoredTrigger;
  try {
    updated = ctx.data.update((doc) => {
      const t = liveTrigger(doc, a.id);
      const secrets = { ...t.secretVariables };
      if (info) secrets[a.name] = info;
      else Reflect.deleteProperty(secrets, a.name);
      if (Object.keys(secrets).length > 0) t.secretVariables = secrets;
      else delete t.secretVariables;
      // The plain copy goes either way: a secret's value is not shown again when it is unmarked.
      if (t.variables && a.name in t.variables) {
        const plain = { ...t.variables };
        Reflect.deleteProperty(plain, a.name);
        t.variables = plain;
      }
      t.updatedAt = ctx.now();
      return t;
    });
  } catch (err) {
    if (info) await dropSecrets(ctx, [info.id]);
    throw err;
  }
  if (old) await dropSecrets(ctx, [old.id]);
  changed(ctx, 'triggers');
  return toTrigger(updated);
}

/** The body with the trigger's secret variables filled in (`values` from loadSecrets); one gone from the vault stops the fire. */
export function fillSecretVariables(ctx: Ctx, t: StoredTrigger, body: string, values: Record<string, string>): string {
  const names = Object.keys(t.secretVariables ?? {});
  if (names.length === 0) return body;
  const json = isJsonContentType(t.contentType);
  const used = new Set(findVariables(body, json).map((u) => u.name));
  const gone = names.find((n) => used.has(n) && values[n] === undefined);
  if (gone !== undefined) throw missing(t, `value of the secret variable {{${gone}}}`, ctx);
  return fillVariables(body, values, json);
}
