// Harness's condition operators (ConditionEvaluator), every blank-value rule included.

import { javaHashSetOrder, looksLikeGlob, splitInList } from './in-list';
import type { InItem } from './in-list';
import type { JavaRegexOk } from './java-regex-run';
import { compileJavaRegex, regexTest, RegexUndecided } from './java-regex-run';

export const OPERATORS = [
  'Equals',
  'NotEquals',
  'In',
  'NotIn',
  'StartsWith',
  'EndsWith',
  'Contains',
  'DoesNotContain',
  'Regex',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** pass/fail as Harness decides; error = Harness throws (so no match); unsupported = the preview cannot tell. */
export type OperatorState = 'pass' | 'fail' | 'error' | 'unsupported';
export interface OperatorResult {
  state: OperatorState;
  why: string;
  warnings: string[];
}

export interface PreparedOperator {
  operator: string;
  value: string;
  known: boolean;
  /** Problems visible without a sample (unknown operator, glob-looking item, trailing spaces...). */
  warnings: string[];
  items?: { list: InItem[]; set: Set<string>; order: string[] };
}

/** Java's Character.isWhitespace (no-break spaces are not whitespace). */
export function isJavaWhitespace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    (c >= 0x1c && c <= 0x20) ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a && c !== 0x2007) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** commons-lang3 StringUtils.isBlank: null, empty, or Java whitespace only. */
export function isJavaBlank(s: string | null | undefined): boolean {
  if (s == null) return true;
  for (let i = 0; i < s.length; i++) if (!isJavaWhitespace(s.charCodeAt(i))) return false;
  return true;
}

const q = (s: string): string => JSON.stringify(s);
const ALIASES: Record<string, Operator> = {
  notcontains: 'DoesNotContain',
  doesnotcontains: 'DoesNotContain',
  equal: 'Equals',
  notequal: 'NotEquals',
  startwith: 'StartsWith',
  endwith: 'EndsWith',
  matches: 'Regex',
  regexp: 'Regex',
  notin: 'NotIn',
};

function suggestion(op: string): Operator | undefined {
  const lower = op.toLowerCase().replace(/[\s_-]/g, '');
  return OPERATORS.find((o) => o.toLowerCase() === lower) ?? ALIASES[lower];
}

export function prepareOperator(operator: string | null, value: string | null): PreparedOperator {
  const op = operator ?? '';
  const val = value ?? '';
  const known = (OPERATORS as readonly string[]).includes(op);
  const warnings: string[] = [];
  if (!known && !isJavaBlank(op)) {
    const s = suggestion(op);
    warnings.push(
      `Unknown operator ${q(op)}: Harness stops with an error, so the trigger does not match${s ? ` (did you mean ${q(s)}?)` : ''}.`,
    );
  }
  if (!isJavaBlank(val) && val !== val.trim() && op !== 'In' && op !== 'NotIn') {
    warnings.push(`The value ${q(val)} has leading or trailing spaces: Harness trims nothing here.`);
  }
  const prepared: PreparedOperator = { operator: op, value: val, known, warnings };
  if ((op === 'In' || op === 'NotIn') && !isJavaBlank(val)) {
    const list = splitInList(val);
    prepared.items = { list, set: new Set(list.map((i) => i.text)), order: javaHashSetOrder(list.map((i) => i.text)) };
    for (const item of list) {
      if (isJavaBlank(item.text))
        warnings.push(
          `An empty item (${item.quoted ? '""' : 'from a stray comma'}) matches every input: Harness reads it as an always-true regex.`,
        );
      else if (looksLikeGlob(item.text))
        warnings.push(
          `Item ${q(item.text)} looks like a glob, but Harness reads items as regexes: "*" repeats the character before it (use ".*").`,
        );
      else {
        const re = compileJavaRegex(item.text, { dotAll: true });
        if (!re.ok && re.kind === 'invalid')
          warnings.push(
            `Item ${q(item.text)} is not a valid regex (${re.message}): if Harness reaches it, the condition fails with an error.`,
          );
      }
    }
  }
  if (op === 'Regex' && !isJavaBlank(val)) {
    const re = compileJavaRegex(val, { dotAll: true });
    if (!re.ok)
      warnings.push(
        re.kind === 'invalid'
          ? `The pattern is not a valid Java regex: ${re.message}.`
          : `The preview cannot evaluate this pattern: ${re.message}.`,
      );
  }
  return prepared;
}

function regexCondition(pattern: string, input: string): OperatorResult {
  const re = compileJavaRegex(pattern, { dotAll: true });
  if (!re.ok) {
    if (re.kind === 'unsupported')
      return { state: 'unsupported', why: `the preview cannot evaluate the pattern: ${re.message}`, warnings: [] };
    return { state: 'error', why: `invalid regex (${re.message}): Harness fails the condition`, warnings: [] };
  }
  try {
    if (regexTest(re, 'whole', input))
      return { state: 'pass', why: `the whole input matches ${q(pattern)}`, warnings: re.notes };
  } catch (e) {
    if (e instanceof RegexUndecided) return { state: 'unsupported', why: e.message, warnings: [] };
    throw e;
  }
  return {
    state: 'fail',
    why: `the input does not match ${q(pattern)} as a whole`,
    warnings: partMatches(re, input)
      ? [`${q(pattern)} matches part of the input, but Harness needs the whole input to match (try ".*${pattern}.*").`]
      : [],
  };
}

/** Only for a hint: a pattern that cannot be decided in time gives none. */
function partMatches(re: JavaRegexOk, input: string): boolean {
  try {
    return regexTest(re, 'find', input);
  } catch (e) {
    if (e instanceof RegexUndecided) return false;
    throw e;
  }
}

function inCondition(p: PreparedOperator, input: string): OperatorResult {
  const items = p.items;
  if (!items) return { state: 'pass', why: 'blank value: In always matches', warnings: [] };
  if (items.set.has(input)) return { state: 'pass', why: `matched item ${q(input)} exactly`, warnings: [] };
  // An item that cannot be decided in time: a later item that matches still decides (some item matched);
  // anything else stays "cannot tell".
  let undecided: RegexUndecided | null = null;
  const unknown = (why: string): OperatorResult => ({
    state: 'unsupported',
    why: undecided ? undecided.message : why,
    warnings: [],
  });
  for (const item of items.order) {
    if (isJavaBlank(item))
      return { state: 'pass', why: 'an empty item matches every input (read as a blank regex)', warnings: [] };
    const re = compileJavaRegex(item, { dotAll: true });
    if (!re.ok && re.kind === 'invalid') {
      return undecided
        ? unknown('')
        : {
            state: 'error',
            why: `item ${q(item)} is not a valid regex (${re.message}): Harness stops with an error`,
            warnings: [],
          };
    }
    if (!re.ok) return unknown(`the preview cannot evaluate item ${q(item)} as a regex: ${re.message}`);
    try {
      if (regexTest(re, 'whole', input))
        return { state: 'pass', why: `matched item ${q(item)} read as a regex`, warnings: re.notes };
    } catch (e) {
      if (!(e instanceof RegexUndecided)) throw e;
      undecided ??= e;
    }
  }
  if (undecided) return unknown('');
  const shown = items.list.map((i) => i.text).join(', ');
  return { state: 'fail', why: `${q(input)} is not in [${shown}], exactly or as a regex`, warnings: [] };
}

/** Apply a prepared operator to the rendered key (Harness's ConditionEvaluator.evaluate). */
export function applyOperator(p: PreparedOperator, input: string): OperatorResult {
  const blankIn = isJavaBlank(input);
  const blankVal = isJavaBlank(p.value);
  const w = (state: OperatorState, why: string): OperatorResult => ({ state, why, warnings: [] });
  if (blankIn && blankVal && isJavaBlank(p.operator)) return w('pass', 'input, value and operator are all blank');
  if (!p.known) return w('error', `Harness does not know the operator ${q(p.operator)} and stops with an error`);
  const v = p.value;
  switch (p.operator as Operator) {
    case 'Equals':
      if (blankVal)
        return blankIn ? w('pass', 'blank value and blank input') : w('fail', 'blank value matches only a blank input');
      return v === input
        ? w('pass', `equals ${q(v)}`)
        : w('fail', `${q(input)} is not ${q(v)} (case-sensitive, nothing trimmed)`);
    case 'NotEquals':
      if (blankVal)
        return blankIn
          ? w('fail', 'blank value matches only a non-blank input')
          : w('pass', 'blank value and non-blank input');
      return v !== input ? w('pass', `${q(input)} differs from ${q(v)}`) : w('fail', `equals ${q(v)}`);
    case 'StartsWith':
    case 'EndsWith':
    case 'Contains':
    case 'DoesNotContain': {
      if (blankVal) return w('pass', `blank value: ${p.operator} always matches`);
      if (blankIn)
        return w(
          'fail',
          `blank input never matches ${p.operator}${p.operator === 'DoesNotContain' ? ' (not even DoesNotContain)' : ''}`,
        );
      const test = {
        StartsWith: input.startsWith(v),
        EndsWith: input.endsWith(v),
        Contains: input.includes(v),
        DoesNotContain: !input.includes(v),
      }[p.operator];
      const verb = {
        StartsWith: 'starts with',
        EndsWith: 'ends with',
        Contains: 'contains',
        DoesNotContain: 'does not contain',
      }[p.operator];
      return test ? w('pass', `${verb} ${q(v)}`) : w('fail', `${q(input)} fails "${verb} ${v}"`);
    }
    case 'Regex':
      if (blankVal) return w('pass', 'blank value: Regex always matches');
      return regexCondition(v, input);
    case 'In':
      return inCondition(p, input);
    case 'NotIn': {
      if (blankVal) return w('pass', 'blank value: NotIn always matches');
      const r = inCondition(p, input);
      if (r.state === 'pass') return { state: 'fail', why: `NotIn fails: ${r.why}`, warnings: r.warnings };
      if (r.state === 'fail') return { state: 'pass', why: r.why, warnings: r.warnings };
      return r;
    }
  }
}
