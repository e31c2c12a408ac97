// Java patterns compiled once and run with a deadline. A pattern that needs no backtracking runs on
// re2js (RE2: time linear in the input, so `(a|a?)+b` is answered at once); the rest run as
// JavaScript RegExps, which can backtrack for minutes, so they go through a bounded runner that the
// host installs: a vm watchdog in Node (electron/regex-deadline.ts), a Web Worker in the page
// (renderer/features/conditions/regex-jobs.ts). Every regex of one evaluation shares one deadline
// (withRegexDeadline), so twenty slow patterns cost 100 ms, not two seconds. docs/ARCHITECTURE.md.

import { RE2JS } from 're2js';
import { NotLinear, RegexFail } from './java-regex-model';
import { Translator } from './java-regex';
import type { JavaRegex, JavaRegexOk, LinearRegex } from './java-regex-model';

export type { JavaRegex, JavaRegexOk } from './java-regex-model';

export const REGEX_DEADLINE_MS = 100;
/** RE2 takes at most about (input length × program size) steps: up to this many, it runs in place. */
const INLINE_STEPS = 1_000_000;

export type RegexOp = 'whole' | 'find' | 'split';
/** One regex evaluation as plain data, so that it can cross to a worker. */
export interface RegexJob {
  pattern: string;
  dotAll: boolean;
  op: RegexOp;
  input: string;
}
export type RegexAnswer = boolean | string[];
/**
 * Runs a job within `ms`: its answer, 'too-long' past the deadline, or 'pending' (answered later, off
 * the page). `evaluation` numbers the withRegexDeadline call that asked: its jobs share one budget.
 */
export type BoundedRunner = (job: RegexJob, ms: number, evaluation: number) => RegexAnswer | 'too-long' | 'pending';

/** The preview could not decide a regex: it ran past the deadline, or (in the page) is still being checked. */
export class RegexUndecided extends Error {
  constructor(
    readonly reason: 'too-long' | 'pending',
    readonly pattern: string,
  ) {
    super(
      reason === 'too-long'
        ? `the pattern took too long (stopped after ${REGEX_DEADLINE_MS} ms): ${JSON.stringify(pattern)}`
        : `still checking the pattern ${JSON.stringify(pattern)}`,
    );
  }
}

let bounded: BoundedRunner | null = null;
let deadline: number | null = null;
let evaluation = 0;

/** Installed once by the host (Node or the page); null runs everything in place, as plain code would. */
export function setBoundedRunner(runner: BoundedRunner | null): void {
  bounded = runner;
}

/** Run `fn` as one evaluation: every regex inside it shares one deadline. Nested calls join the outer one. */
export function withRegexDeadline<T>(fn: () => T): T {
  if (deadline !== null) return fn();
  deadline = Date.now() + REGEX_DEADLINE_MS;
  evaluation++;
  try {
    return fn();
  } finally {
    deadline = null;
  }
}

const cache = new Map<string, JavaRegex>();
const cacheKey = (pattern: string, dotAll: boolean): string => `${dotAll ? 's' : '-'}${pattern}`;

/** The RE2 forms of a pattern, or null when it needs backtracking or RE2 refuses it (e.g. a{1001}). */
function linearForm(pattern: string, dotAll: boolean): LinearRegex | null {
  let body: string;
  try {
    body = new Translator(pattern, dotAll, true).translate().body.replace(/\\u\{/g, '\\x{');
  } catch (e) {
    if (e instanceof NotLinear) return null;
    throw e;
  }
  // A final $ is \z for a whole match; for find, the line terminator it may stand before is consumed.
  const end = (find: boolean): string =>
    body.replace(/\uE004([nd])/g, (_m, kind: string) =>
      !find ? '\\z' : kind === 'd' ? '\\n?\\z' : '(?:\\r\\n|[\\n\\r\\x{85}\\x{2028}\\x{2029}])?\\z',
    );
  try {
    const whole = RE2JS.compile(end(false));
    const find = RE2JS.compile(end(true));
    return { whole, find, size: Math.max(whole.programSize(), find.programSize()) };
  } catch {
    return null;
  }
}

/** Compile a Java pattern (cached). `dotAll` is Harness's Pattern.DOTALL for the Regex operator. */
export function compileJavaRegex(pattern: string, o: { dotAll: boolean }): JavaRegex {
  const key = cacheKey(pattern, o.dotAll);
  const hit = cache.get(key);
  if (hit) return hit;
  let result: JavaRegex;
  try {
    const t = new Translator(pattern, o.dotAll);
    const { body, flags } = t.translate();
    const whole = new RegExp(`^(?:${body})$`, flags);
    const find = new RegExp(body, flags);
    result = {
      ok: true,
      pattern,
      dotAll: o.dotAll,
      whole,
      find,
      notes: t.notes,
      linear: linearForm(pattern, o.dotAll),
    };
  } catch (e) {
    if (e instanceof RegexFail) result = { ok: false, kind: e.kind, message: e.message, index: e.index };
    else
      result = {
        ok: false,
        kind: 'unsupported',
        message: `the translated pattern is not valid JavaScript (${e instanceof Error ? e.message : String(e)})`,
        index: 0,
      };
  }
  if (cache.size > 1000) cache.clear();
  cache.set(key, result);
  return result;
}

/** Start and end of each match, left to right, as Java's Matcher.find() goes (an empty match moves on by one). */
function* matches(re: JavaRegexOk, input: string): Generator<[number, number]> {
  if (re.linear) {
    const m = re.linear.find.matcher(input);
    while (m.find()) yield [m.start(), m.end()];
    return;
  }
  const g = new RegExp(re.find.source, `${re.find.flags}g`);
  for (let m = g.exec(input); m; m = g.exec(input)) {
    if (m[0] === '') g.lastIndex++;
    yield [m.index, m.index + m[0].length];
  }
}

/** Java String.split(regex) with limit 0: no empty leading piece for an empty match at 0, trailing empty strings removed. */
function javaSplit(re: JavaRegexOk, s: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const [start, end] of matches(re, s)) {
    if (start === end && (start === 0 || start >= s.length)) continue;
    out.push(s.slice(last, start));
    last = end;
  }
  out.push(s.slice(last));
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out.length === 1 && out[0] === '' && s !== '' ? [] : out;
}

function direct(re: JavaRegexOk, op: RegexOp, input: string): RegexAnswer {
  if (op === 'split') return javaSplit(re, input);
  const l = re.linear;
  if (l) return op === 'whole' ? l.whole.testExact(input) : l.find.test(input);
  return op === 'whole' ? re.whole.test(input) : re.find.test(input);
}

/** A job run to its end, with no deadline: what the bounded runners call, under their watchdog. */
export function executeJob(job: RegexJob): RegexAnswer {
  const re = compileJavaRegex(job.pattern, { dotAll: job.dotAll });
  if (!re.ok) throw new Error(`not a pattern the preview can run: ${re.message}`);
  return direct(re, job.op, job.input);
}

/** After a run was stopped midway: compile the pattern afresh next time (re2js keeps state in its matchers). */
export function forgetJavaRegex(pattern: string, dotAll: boolean): void {
  cache.delete(cacheKey(pattern, dotAll));
}

function run(re: JavaRegexOk, op: RegexOp, input: string): RegexAnswer {
  if (!bounded || (re.linear && (input.length + 1) * re.linear.size <= INLINE_STEPS)) return direct(re, op, input);
  const left = (deadline ?? Date.now() + REGEX_DEADLINE_MS) - Date.now();
  const answer =
    left <= 0 ? 'too-long' : bounded({ pattern: re.pattern, dotAll: re.dotAll, op, input }, left, evaluation);
  if (answer === 'too-long' || answer === 'pending') throw new RegexUndecided(answer, re.pattern);
  return answer;
}

/** Java Matcher.matches() ('whole') or find() ('find'); throws RegexUndecided past the deadline. */
export function regexTest(re: JavaRegexOk, op: 'whole' | 'find', input: string): boolean {
  return run(re, op, input) as boolean;
}

/** Java String.split(regex); throws RegexUndecided past the deadline. */
export function regexSplit(re: JavaRegexOk, input: string): string[] {
  return run(re, 'split', input) as string[];
}

/** Java String.matches / Matcher.matches(): the whole input must match (no deadline: for tests and tools). */
export function javaWholeMatch(
  pattern: string,
  input: string,
  dotAll: boolean,
): { ok: true; matched: boolean } | Extract<JavaRegex, { ok: false }> {
  const re = compileJavaRegex(pattern, { dotAll });
  return re.ok ? { ok: true, matched: direct(re, 'whole', input) as boolean } : re;
}
