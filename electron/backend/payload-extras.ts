// What the composer keeps on a trigger besides its payloads: the trigger YAML from Harness (what
// its conditions and inputYaml read). The payload variables' values: secret-variables.ts.
import { DeskError } from '../../shared/errors';
import { parseTriggerYaml } from '../../shared/harness/trigger-yaml';
import type { Trigger } from '../../shared/model';
import { changed, liveTrigger, toTrigger, type Ctx } from './context';

/** Stores the YAML after checking it is a custom webhook trigger ('' forgets it). */
export function setTriggerYaml(ctx: Ctx, a: { id: string; yaml: string }): Trigger {
  const yaml = a.yaml.trim() === '' ? '' : a.yaml;
  if (yaml !== '') parseTriggerYaml(yaml); // throws DeskError('parse') with line and column
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
