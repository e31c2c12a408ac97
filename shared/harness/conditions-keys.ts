// What a condition key says before any event: the keys Harness treats apart (git-event fields,
// changedFiles), the classic mistakes worth a warning, and syntax errors placed in the YAML.
import { lowerHeaderBrackets } from './jexl-bridge';
import { isJavaBlank } from './operators';
import type { CompiledTemplate } from './render-template';
import { whereInScalar } from './trigger-yaml';
import type { ScalarAt, Where } from './trigger-yaml';

/** A payload-condition key Harness treats apart: git-event fields, or a condition it drops. */
export type SpecialKey = 'git-event' | 'dropped' | null;

/** Plain payload-condition keys Harness reads from a parsed git event, which a custom webhook never has. */
const GIT_EVENT_KEYS = new Set(['sourceBranch', 'targetBranch']);

export function specialKey(kind: 'payload' | 'header', key: string): SpecialKey {
  if (kind !== 'payload') return null;
  if (GIT_EVENT_KEYS.has(key)) return 'git-event';
  return key.toLowerCase() === 'changedfiles' ? 'dropped' : null;
}

export const SPECIAL: Record<'git-event' | 'dropped', (key: string) => { why: string; warning: string }> = {
  'git-event': (key) => ({
    why: `Harness reads ${key} from the parsed git event, which a custom webhook never has: the condition cannot be evaluated, so the trigger skips every event`,
    warning: `Classic mistake: "${key}" is a git-trigger key. On a custom trigger it makes every event miss (NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS); read the branch from the payload instead, e.g. <+trigger.payload.ref>.`,
  }),
  'dropped': (key) => ({
    why: `dropped: Harness removes a payload condition keyed ${key} before evaluation, so it is never checked on a custom trigger`,
    warning: `Classic mistake: "${key}" only filters git triggers; on a custom trigger this condition is dropped and filters nothing.`,
  }),
};

export const placeText = (w: Where | null): string => (w ? ` (line ${w.line}, column ${w.column} of the YAML)` : '');

/** The first syntax error of a key's `<+...>` expressions, placed in the YAML when its text is known. */
export function keySyntax(
  t: CompiledTemplate,
  keyAt: ScalarAt | null | undefined,
): { message: string; yaml: Where | null } | null {
  for (const b of t.blocks) {
    const c = b.compiled;
    if (c && !c.ok && c.kind === 'syntax') {
      return {
        message: `${b.text} cannot be read: ${c.message}`,
        yaml: keyAt ? whereInScalar(keyAt, t.source, b.start + 2 + c.where.offset) : null,
      };
    }
  }
  return null;
}

export function keyWarnings(
  kind: 'payload' | 'header',
  key: string,
  t: CompiledTemplate,
  keyAt: ScalarAt | null | undefined,
): string[] {
  const out: string[] = [];
  if (isJavaBlank(key)) return ['The key is empty: Harness compares an empty text.'];
  const special = specialKey(kind, key);
  if (special) return [SPECIAL[special](key).warning];
  if (t.unclosedAt !== null) out.push('A "<+" in the key is never closed with ">": that part is compared as written.');
  if (t.blocks.length === 0) {
    const path = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(key) ? `.${key}` : `['${key}']`;
    const fix = kind === 'header' ? `<+trigger.header['${key}']>` : `<+trigger.payload${path}>`;
    out.push(
      `Classic mistake: the key "${key}" has no <+...>: Harness compares the text "${key}" itself, not a ${kind} value (did you mean ${fix}?).`,
    );
  }
  for (const b of t.blocks) {
    const r = b.ref;
    if (r.kind === 'path' && r.headerForm === 'dot') {
      out.push(
        `Classic mistake: ${r.text} uses the dot form: the name is not lower-cased, so it misses any header sent with capitals (use <+trigger.header['${String(r.segments[0])}']>).`,
      );
    }
    const lowered = lowerHeaderBrackets(b.text);
    if (kind === 'payload' && lowered !== b.text)
      out.push(
        `Classic mistake: in a payload condition Harness looks the header name up as written, and header names are lower-case, so ${b.text} renders "null" (write ${lowered}, or make it a header condition).`,
      );
    if (kind === 'header' && /\b(?:trigger\s*\.\s*(?:payload|eventPayload)|eventPayload)\b/.test(b.text))
      out.push(
        `Classic mistake: Harness evaluates header conditions with an empty payload, so ${b.text} renders "null" here (make it a payload condition).`,
      );
    if (r.kind === 'other')
      out.push(`${r.text} is not a trigger expression: Harness has no value for it while matching triggers.`);
    if (r.kind === 'expr' && /\.\s*[A-Za-z_$][\w$]*-[\w$]/.test(r.inner))
      out.push(`In ${r.text}, "-" is a minus sign: write a key with a dash as ['some-key'].`);
    const c = b.compiled;
    if (c && !c.ok)
      out.push(
        `${r.text} cannot be read: ${c.message}${placeText(keyAt ? whereInScalar(keyAt, key, b.start + 2 + c.where.offset) : null)}.`,
      );
  }
  return out;
}
