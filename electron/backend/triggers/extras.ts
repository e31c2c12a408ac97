// What the composer keeps on a trigger besides its payloads: the trigger YAML from Harness (what
// its conditions and inputYaml read) and the values last given for the plain payload variables
// (secret ones: secret-variables.ts).
import { DeskError } from '../../../shared/errors';
import { compileTrigger, conditionSyntaxError } from '../../../shared/harness/conditions';
import { findSecretInPayload } from '../../../shared/harness/payload-secrets';
import { holdsSecret } from '../../../shared/harness/redact';
import { parseTriggerYaml } from '../../../shared/harness/trigger-yaml';
import type { Trigger } from '../../../shared/model';
import { changed, liveTrigger, toTrigger, type Ctx } from '../context';

/**
 * Stores the YAML after checking it is a custom webhook trigger whose conditions compile ('' forgets
 * it). `fromHarness`: the YAML Harness itself serves is kept even when a condition does not compile
 * (Harness accepted it; the lab and the matrix then show that error), so it is never lost.
 */
export function setTriggerYaml(ctx: Ctx, a: { id: string; yaml: string }, o: { fromHarness?: boolean } = {}): Trigger {
  const yaml = a.yaml.trim() === '' ? '' : a.yaml;
  if (yaml !== '') {
    // Both throw DeskError('parse') with line and column: an unreadable YAML, or a condition that does not compile.
    const trigger = parseTriggerYaml(yaml);
    const error = o.fromHarness ? null : conditionSyntaxError(compileTrigger(trigger));
    if (error) throw error;
  }
  // Pasted text is stored as plain text: a key in it is refused, saying where.
  const spot = yaml === '' ? null : findSecretInPayload(yaml, [...ctx.vault.knownSecrets()]);
  if (spot) {
    throw new DeskError(
      'invalid-args',
      `The YAML holds something shaped like an API key or token at line ${spot.line}, column ${spot.column}: the trigger YAML is stored as plain text, so it was not saved.`,
      {
        where: { line: spot.line, column: spot.column, offset: spot.offset },
        hint: 'Remove the key from the YAML: the composer needs only its conditions and inputYaml.',
      },
    );
  }
  const updated = ctx.data.update((doc) => {
    const t = liveTrigger(doc, a.id);
    if (yaml === '') delete t.yaml;
    else t.yaml = yaml;
    t.updatedAt = ctx.now();
    return t;
  });
  changed(ctx, 'triggers');
  return toTrigger(updated);
}

const MAX_VARIABLES = 200;

/** Stores the plain variable values; a key-shaped one is refused with the way out. Secret names are skipped. */
export function setTriggerVariables(ctx: Ctx, a: { id: string; values: Record<string, string> }): Trigger {
  const entries = Object.entries(a.values);
  if (entries.length > MAX_VARIABLES)
    throw new DeskError('invalid-args', `A trigger keeps at most ${MAX_VARIABLES} variable values`);
  const known = [...ctx.vault.knownSecrets()];
  const bad = entries.find(([, v]) => holdsSecret(v, known));
  if (bad) {
    throw new DeskError(
      'invalid-args',
      `The value of {{${bad[0]}}} looks like an API key or token: plain variable values are stored as plain text, so the values were not saved.`,
      {
        hint: `Mark {{${bad[0]}}} secret in the Variables panel: its value then stays in the keychain and is put in only when the trigger fires.`,
      },
    );
  }
  const updated = ctx.data.update((doc) => {
    const t = liveTrigger(doc, a.id);
    t.variables = Object.fromEntries(entries.filter(([name]) => !t.secretVariables?.[name]));
    return t;
  });
  changed(ctx, 'triggers');
  return toTrigger(updated);
}
