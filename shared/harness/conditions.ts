// Does a custom trigger fire for this event? Payload conditions, then header conditions, then the
// JEXL condition, stopping at the first miss exactly as Harness does (docs/harness-protocol.md §5) — and why.
// compileTrigger() prepares everything that does not depend on the event, so evaluate() is cheap.

import type { ConditionRow, HarnessMatchStatus, JexlRow, RowState, Verdict } from './conditions-types';
import { parseSample, withEmptyPayload } from './expressions';
import type { ParsedSample, SampleInput } from './expressions';
import { withRegexDeadline } from './java-regex-run';
import { keySyntax, keyWarnings, placeText, SPECIAL, specialKey } from './conditions-keys';
import type { SpecialKey } from './conditions-keys';
import { compileJexl, runJexl } from './jexl-bridge';
import type { CompiledJexl } from './jexl-bridge';
import { explainJexl } from './jexl-explain';
import { applyOperator, isJavaBlank, prepareOperator } from './operators';
import type { PreparedOperator } from './operators';
import { compileTemplate, renderTemplate } from './render-template';
import type { CompiledTemplate } from './render-template';
import { DeskError } from '../errors';
import { whereInScalar } from './trigger-yaml';
import type { ConditionSpec, ScalarAt, TriggerConditions, Where } from './trigger-yaml';

export type { ConditionRow, HarnessMatchStatus, JexlRow, RowState, Verdict } from './conditions-types';
export { parseSample } from './expressions';
export type { ParsedSample, SampleInput } from './expressions';

type Stage = 'payload' | 'header' | 'jexl';
const STAGES: Stage[] = ['payload', 'header', 'jexl'];
const STATUS: Record<Stage, HarnessMatchStatus> = {
  payload: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
  header: 'NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS',
  jexl: 'NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS',
};

export interface CompiledCondition {
  kind: 'payload' | 'header';
  index: number;
  key: string;
  template: CompiledTemplate;
  op: PreparedOperator;
  warnings: string[];
  where: Where | null;
  /** A syntax error in one of the key's `<+...>` expressions, with its place in the YAML. */
  syntax: { message: string; yaml: Where | null } | null;
  /** A payload-condition key Harness treats apart: git-event fields, or a condition it drops. */
  special: SpecialKey;
}

export interface CompiledTrigger {
  enabled: boolean;
  conditions: CompiledCondition[];
  jexlSource: string | null;
  jexl: CompiledJexl | null;
  jexlWhere: Where | null;
  jexlAt: ScalarAt | null;
}

type TriggerInput = TriggerConditions & { jexlWhere?: Where | null; jexlAt?: ScalarAt | null };
export function compileTrigger(trigger: TriggerInput): CompiledTrigger {
  const conditions: CompiledCondition[] = [];
  const add = (kind: 'payload' | 'header', list: readonly ConditionSpec[]): void => {
    list.forEach((c, index) => {
      const key = c.key ?? '';
      const template = compileTemplate(key, { lowerHeaders: kind === 'header' });
      const op = prepareOperator(c.operator, c.value);
      const syntax = keySyntax(template, c.keyAt);
      conditions.push({
        kind,
        index,
        key,
        template,
        op,
        warnings: [...keyWarnings(kind, key, template, c.keyAt), ...op.warnings],
        where: c.where,
        syntax,
        special: specialKey(kind, key),
      });
    });
  };
  add('payload', trigger.payloadConditions);
  add('header', trigger.headerConditions);
  const src = trigger.jexlCondition;
  const jexl = src !== null && !isJavaBlank(src) ? compileJexl(src) : null;
  return {
    enabled: trigger.enabled,
    conditions,
    jexlSource: src,
    jexl,
    jexlWhere: trigger.jexlWhere ?? null,
    jexlAt: trigger.jexlAt ?? null,
  };
}

/** Where a failed JEXL compile points in the YAML, when the condition's text is known. */
function jexlYamlWhere(ct: CompiledTrigger): Where | null {
  const c = ct.jexl;
  return c && !c.ok && ct.jexlAt && ct.jexlSource !== null
    ? whereInScalar(ct.jexlAt, ct.jexlSource, c.where.offset)
    : null;
}

/**
 * The first condition text that cannot be read (a JEXL syntax error in the jexlCondition or in a
 * key's `<+...>`), as a DeskError with its line and column in the YAML; null when all compile.
 */
export function conditionSyntaxError(ct: CompiledTrigger): DeskError | null {
  const c = ct.jexl;
  if (c && !c.ok && c.kind === 'syntax') {
    const w = jexlYamlWhere(ct);
    return new DeskError(
      'parse',
      `The JEXL condition cannot be read: ${c.message}${placeText(w)}.`,
      w ? { where: w } : {},
    );
  }
  for (const k of ct.conditions) {
    if (!k.syntax) continue;
    const w = k.syntax.yaml ?? k.where;
    return new DeskError(
      'parse',
      `The key of ${k.kind} condition ${k.index + 1} cannot be read: ${k.syntax.message}${placeText(w)}.`,
      w ? { where: w } : {},
    );
  }
  return null;
}

// Rows are built field by field: object spread costs microseconds per row on Node 20.
function evaluateCondition(
  c: CompiledCondition,
  sample: ParsedSample,
): { state: Exclude<RowState, 'not-reached'>; why: string; warnings: string[]; resolved: string } {
  if (c.special) {
    const state = c.special === 'dropped' ? 'dropped' : 'error';
    return { state, why: SPECIAL[c.special](c.key).why, warnings: c.warnings, resolved: '' };
  }
  // Harness evaluates header conditions with an empty payload.
  const s = c.kind === 'header' ? withEmptyPayload(sample) : sample;
  const r = renderTemplate(c.template, s);
  let warnings = c.warnings;
  for (const b of r.blocks) if (b.state === 'missing' && b.why) warnings = warnings.concat(`${b.why}.`);
  if (r.state !== 'ok') {
    const why =
      r.state === 'error'
        ? `${r.why ?? 'the key cannot be rendered'}: Harness fails the condition`
        : (r.why ?? 'the key cannot be rendered');
    return { state: r.state, why, warnings, resolved: r.text };
  }
  const o = applyOperator(c.op, r.text);
  return {
    state: o.state,
    why: o.why,
    warnings: o.warnings.length ? warnings.concat(o.warnings) : warnings,
    resolved: r.text,
  };
}

function row(
  c: CompiledCondition,
  resolved: string,
  state: RowState,
  wouldBe: ConditionRow['wouldBe'],
  why: string,
  warnings: string[],
): ConditionRow {
  return {
    kind: c.kind,
    index: c.index,
    key: c.key,
    resolved,
    operator: c.op.operator,
    expected: c.op.value,
    state,
    pass: state === 'pass',
    wouldBe,
    why,
    warnings,
    where: c.where,
  };
}

function jexlRow(ct: CompiledTrigger, state: JexlRow['state'], why: string, more: Partial<JexlRow> = {}): JexlRow {
  return {
    expression: ct.jexlSource ?? '',
    state,
    pass: state === 'pass' || state === 'blank',
    wouldBe: more.wouldBe ?? null,
    bindings: more.bindings ?? [],
    result: more.result ?? null,
    resultType: more.resultType ?? 'null',
    why,
    warnings: more.warnings ?? [],
    unsupported: more.unsupported ?? [],
    error: more.error ?? null,
    where: ct.jexlWhere,
  };
}

/** `explainPass`: name the deciding part of a true result too (the lab); a miss is always explained. */
function evaluateJexl(ct: CompiledTrigger, s: ParsedSample, explainPass: boolean): JexlRow {
  const c = ct.jexl;
  if (!c) return jexlRow(ct, 'blank', ct.jexlSource === null ? 'no JEXL condition' : 'blank JEXL condition: matches');
  if (!c.ok) {
    const yaml = jexlYamlWhere(ct);
    const at = yaml
      ? `line ${yaml.line}, column ${yaml.column} of the YAML`
      : `line ${c.where.line}, column ${c.where.column}`;
    if (c.kind === 'unsupported')
      return jexlRow(ct, 'unsupported', `${c.message} (${at})`, { unsupported: [c.message] });
    return jexlRow(ct, 'error', `JEXL syntax error at ${at}: ${c.message}; Harness fails the condition`, {
      error: { message: c.message, where: c.where, yaml },
    });
  }
  const run = runJexl(c, s);
  const warnings =
    run.state === 'non-boolean'
      ? c.warnings.concat(`The result is ${run.type}, not a Boolean: Harness needs true or false.`)
      : c.warnings;
  const state =
    run.state === 'true' ? 'pass' : run.state === 'false' || run.state === 'non-boolean' ? 'fail' : run.state;
  // Name the part of an && / || expression that decided, with the values it read.
  const decided =
    run.state === 'false' || (run.state === 'true' && explainPass) ? explainJexl(c, s, run.state === 'true') : null;
  return jexlRow(ct, state, decided ?? run.message, {
    bindings: run.bindings,
    result: run.value,
    resultType: run.type,
    warnings,
    unsupported: run.state === 'unsupported' ? [run.message] : [],
  });
}

const describe = (r: ConditionRow): string =>
  `${r.kind} condition ${r.index + 1} (${r.key} ${r.operator} ${JSON.stringify(r.expected)})`;

/**
 * Evaluate a compiled trigger against a parsed sample. `full: false` skips rows after the first miss.
 * One evaluation has one regex deadline: a pattern still running past it gives "cannot tell".
 */
export function evaluate(ct: CompiledTrigger, s: ParsedSample, o: { full?: boolean } = {}): Verdict {
  return withRegexDeadline(() => evaluateNow(ct, s, o));
}

function evaluateNow(ct: CompiledTrigger, s: ParsedSample, o: { full?: boolean }): Verdict {
  const full = o.full ?? true;
  let stop: { stage: Stage; text: string } | null = null;
  const unknown: { stage: Stage; why: string }[] = [];
  const rows: ConditionRow[] = [];
  for (const c of ct.conditions) {
    if (stop && !full) {
      rows.push(row(c, '', 'not-reached', null, 'not reached', c.warnings));
      continue;
    }
    const e = evaluateCondition(c, s);
    const r = row(c, e.resolved, stop ? 'not-reached' : e.state, stop ? e.state : null, e.why, e.warnings);
    rows.push(r);
    if (!stop && e.state === 'unsupported') unknown.push({ stage: c.kind, why: e.why });
    else if (!stop && (e.state === 'fail' || e.state === 'error'))
      stop = { stage: c.kind, text: `${describe(r)}: ${e.why}` };
  }
  let jexl: JexlRow;
  if (stop && !full) jexl = jexlRow(ct, 'not-reached', 'not reached');
  else {
    jexl = evaluateJexl(ct, s, full);
    const state = jexl.state as Exclude<JexlRow['state'], 'not-reached'>;
    if (stop) {
      jexl.wouldBe = state;
      jexl.state = 'not-reached';
      jexl.pass = false;
    } else if (state === 'unsupported') unknown.push({ stage: 'jexl', why: jexl.why });
    else if (state === 'fail' || state === 'error') stop = { stage: 'jexl', text: `the JEXL condition: ${jexl.why}` };
  }
  const warnings: string[] = [];
  if (!s.json && s.jsonError) {
    warnings.push(
      `The body is not JSON (${s.jsonError.message}, line ${s.jsonError.line}, column ${s.jsonError.column}): <+trigger.payload> is the raw text and <+trigger.payload.x> resolves to null.`,
    );
  }
  const sample = { json: s.json, jsonError: s.jsonError };
  const verdict = (
    outcome: Verdict['outcome'],
    status: HarnessMatchStatus | null,
    summary: string,
    stoppedAt: Stage | null,
  ): Verdict => ({
    outcome,
    fires: outcome === 'fires',
    status,
    stoppedAt,
    summary,
    rows,
    jexl,
    warnings,
    sample,
  });
  if (!ct.enabled)
    return verdict(
      'does-not-fire',
      'NO_ENABLED_CUSTOM_TRIGGER_FOUND',
      'Would not fire: the trigger is disabled, so Harness starts nothing whatever the conditions say.',
      stop?.stage ?? null,
    );
  if (stop) {
    const at = STAGES.indexOf(stop.stage);
    const earlier = unknown.find((u) => STAGES.indexOf(u.stage) < at);
    if (!earlier)
      return verdict(
        'does-not-fire',
        STATUS[stop.stage],
        `Would not fire (${STATUS[stop.stage]}): ${stop.text}`,
        stop.stage,
      );
    return verdict(
      'does-not-fire',
      null,
      `Would not fire: ${stop.text}. Harness reports ${STATUS[earlier.stage]} or ${STATUS[stop.stage]}, depending on what the preview cannot evaluate (${earlier.why}).`,
      stop.stage,
    );
  }
  const firstUnknown = unknown[0];
  if (firstUnknown) return verdict('undetermined', null, `Cannot tell: ${firstUnknown.why}`, null);
  return verdict(
    'fires',
    'TARGET_EXECUTION_REQUESTED',
    'Would fire (TARGET_EXECUTION_REQUESTED): every condition matches.',
    null,
  );
}

/** One-shot: compile, parse the sample, evaluate. Prefer compileTrigger + evaluate for many samples. */
export function evaluateTrigger(trigger: TriggerInput, sample: SampleInput): Verdict {
  return evaluate(compileTrigger(trigger), parseSample(sample));
}
