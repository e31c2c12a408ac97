// What the composer keeps on a trigger besides its payloads: the trigger YAML from Harness (what
// its conditions and inputYaml read) and the values last given for the payload variables.
import { DeskError } from '../../shared/errors';
import { compileTrigger, conditionSyntaxError } from '../../shared/harness/conditions';
import { parseTriggerYaml } from '../../shared/harness/trigger-yaml';
import type { Trigger } from '../../shared/model';
import { changed, liveTrigger, toTrigger, type Ctx } from './context';

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

export function setTriggerVariables(ctx: Ctx, a: { id: string; values: Record<string, string> }): Trigger {
  const entries = Object.entries(a.values);
  if (entries.length > MAX_VARIABLES) throw new DeskError('invalid-args', `A trigger keeps at most ${MAX_VARIABLES} variable values`);
  const updated = ctx.data.update((doc) => {
    const t = liveTrigger(doc, a.id);
    t.variables = Object.fromEntries(entries);
    return t;
  });
  changed(ctx, 'triggers');
  return toTrigger(updated);
}
