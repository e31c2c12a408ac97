// At start-up, what older versions let through into data.json in plain text: a header value or a
// plain variable value shaped like a key moves to the vault (as a secret header / secret variable);
// a payload holding one cannot be fixed without the user, so it is reported with its JSON path.
import { findSecretInPayload } from '../../../shared/harness/payload-secrets';
import type { HeaderEntry, KeyInfo } from '../../../shared/model';
import type { Ctx } from '../context';
import { dropSecrets, keyShapedValue } from './trigger-secrets';

interface Move {
  triggerId: string;
  headers: Map<number, KeyInfo>;
  variables: Map<string, KeyInfo>;
}

/** Returns notices in plain words (nothing when nothing was found). */
export async function secureStoredSecrets(ctx: Ctx): Promise<string[]> {
  const notices: string[] = [];
  const moves: Move[] = [];
  const created: string[] = [];
  try {
    for (const t of ctx.data.read().triggers) {
      const move: Move = { triggerId: t.id, headers: new Map(), variables: new Map() };
      for (const [i, h] of t.headers.entries()) {
        if (h.secret !== null || !keyShapedValue(ctx, h.value)) continue;
        const info = await ctx.vault.put(h.value, `${h.name} header`);
        created.push(info.id);
        move.headers.set(i, info);
        notices.push(
          `The value of the ${h.name} header of “${t.name}” looked like an API key: it was moved to the keychain.`,
        );
      }
      for (const [name, value] of Object.entries(t.variables ?? {})) {
        if (!keyShapedValue(ctx, value)) continue;
        const info = await ctx.vault.put(value, `{{${name}}}`);
        created.push(info.id);
        move.variables.set(name, info);
        notices.push(
          `The value of {{${name}}} on “${t.name}” looked like an API key: it was moved to the keychain as a secret variable.`,
        );
      }
      if (move.headers.size + move.variables.size > 0) moves.push(move);
      if (t.deletedAt !== null) continue;
      for (const p of t.payloads) {
        const spot = findSecretInPayload(p.body, [...ctx.vault.knownSecrets()]);
        if (spot)
          notices.push(
            `The payload “${p.name}” of “${t.name}” holds something shaped like an API key${spot.path === null ? '' : ` at ${spot.path}`}: replace it with {{${spot.variable}}} and mark that variable secret.`,
          );
      }
    }
    if (moves.length === 0) return notices;
    ctx.data.update((doc) => {
      for (const m of moves) {
        const t = doc.triggers.find((x) => x.id === m.triggerId);
        if (!t) continue;
        t.headers = t.headers.map((h, i): HeaderEntry => {
          const info = m.headers.get(i);
          return info ? { name: h.name, value: '', secret: info } : h;
        });
        if (m.variables.size > 0) {
          t.secretVariables = { ...t.secretVariables, ...Object.fromEntries(m.variables) };
          t.variables = Object.fromEntries(Object.entries(t.variables ?? {}).filter(([n]) => !m.variables.has(n)));
        }
      }
    });
  } catch (err) {
    // Nothing half-moved: the new vault entries go again, the file stays as it was (and is reported).
    await dropSecrets(ctx, created);
    const reason = err instanceof Error ? err.message : String(err);
    return [`Could not move key-shaped values from the data file to the keychain: ${reason}`];
  }
  return notices;
}
