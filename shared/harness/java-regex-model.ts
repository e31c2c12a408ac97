// What a translated Java pattern is (java-regex.ts makes it, java-regex-run.ts runs it) and how a
// translation fails.

import type { RE2JS } from 're2js';

/** re2js forms of a pattern: `whole` for Matcher.matches(), `find` for Matcher.find(); `size` is RE2's program size. */
export interface LinearRegex {
  whole: RE2JS;
  find: RE2JS;
  size: number;
}

/**
 * `whole` / `find` are the backtracking JS forms; `linear` the RE2 forms when the pattern has one.
 * Run them through java-regex-run.ts, which bounds every evaluation by a deadline.
 */
export interface JavaRegexOk {
  ok: true;
  pattern: string;
  dotAll: boolean;
  whole: RegExp;
  find: RegExp;
  notes: string[];
  linear: LinearRegex | null;
}
export type JavaRegex = JavaRegexOk | { ok: false; kind: 'invalid' | 'unsupported'; message: string; index: number };

/** The pattern needs backtracking (lookaround, backreference, atomic group...): no linear-time form. */
export class NotLinear extends Error {}

export class RegexFail extends Error {
  constructor(
    readonly kind: 'invalid' | 'unsupported',
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

export interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
  x: boolean;
  d: boolean;
  u: boolean;
}
