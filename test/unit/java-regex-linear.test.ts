// The RE2 form of a Java pattern (re2js, linear time) must accept exactly what the JavaScript form
// accepts: both come from one translator (shared/harness/java-regex.ts). Checked on every pattern
// below against many generated inputs, for a whole match and for find; and patterns that need
// backtracking must have no RE2 form.
import { describe, expect, it } from 'vitest';
import { compileJavaRegex, type JavaRegexOk } from '../../shared/harness/java-regex-run';

const LINEAR = [
  'release/.*',
  'abc',
  'a|ab',
  '(?i)abc',
  'a(?i)bc',
  '(?i:ab)c',
  '(a|ab)c',
  '\\Aabc\\z',
  'abc\\Z',
  'abc$',
  '^abc$',
  'a$|b',
  '(?d)a$',
  '[a-z&&[^aeiou]]+',
  '[a-c[x-z]]+',
  '\\s',
  '[\\w-]+',
  '\\w+',
  '\\d{2,3}',
  '\\Qa.b\\E',
  '\\-\\@\\#',
  '[^]a]',
  '[]a]',
  '(?x) a b # comment',
  '\\x41\\u0042\\0103\\x{44}',
  '\\t\\n',
  '\\R',
  '\\h',
  '😀.',
  'a.b',
  '(?s)a.b',
  '.*',
  '[^a]+',
  '(a|a?)+b',
  'x{2}',
  'x{2,}',
  'x*?y',
  '(?<name>ab)+',
  '^refs/heads/(main|release/.*)$',
  'v\\d+\\.\\d+(\\.\\d+)?',
  '(?i)[a-c]+x',
  '\\p{Alpha}+',
  '\\P{Digit}+',
  '[\\p{Lower}_]+',
  '\\p{Punct}',
  '\\G\\d',
  '',
];
const BACKTRACKING = [
  'a*+a',
  '(a)++b',
  'x{2}+',
  '(?>a|ab)c',
  '(a)\\1',
  '(?<y>\\d+)-\\k<y>',
  '\\bfoo\\b',
  'a(?=b)',
  '(?<!a)b',
  '(?m)^a$',
  'a$b',
  '(a$)',
  '\\p{L}+',
  '\\p{IsLatin}+',
  '(?iu)straße',
  'a{1001}',
];

// A small deterministic generator: the same inputs on every run.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

const SPECIAL = [
  '\n',
  '\r',
  '\r\n',
  '\u0085',
  '\u2028',
  '\u000b',
  '\t',
  ' ',
  'é',
  'É',
  '😀',
  '\ud800',
  '_',
  '-',
  '.',
  '/',
  '0',
  '9',
  'A',
  'Z',
];

function inputs(pattern: string): string[] {
  const r = rng(pattern.length * 7919 + 17);
  const alphabet = [...new Set([...Array.from(pattern.replace(/[\\[\](){}|*+?^$]/g, '')), ...SPECIAL])];
  const out = new Set<string>([
    '',
    'abc',
    'ab',
    'aaaaaaab',
    'release/1.2',
    'refs/heads/main',
    'refs/heads/release/2',
    'v1.2.3',
    'a\n',
    'abc\r\n',
    'abc\n',
    'abc\u2028',
  ]);
  while (out.size < 400) {
    let s = '';
    for (let n = Math.floor(r() * 9); n > 0; n--) s += alphabet[Math.floor(r() * alphabet.length)] ?? '';
    out.add(s);
  }
  return [...out];
}

describe('RE2 form of Java patterns', () => {
  it.each(LINEAR)('%j: RE2 and JavaScript agree on 400 inputs, whole and find', (pattern) => {
    for (const dotAll of [true, false]) {
      const re = compileJavaRegex(pattern, { dotAll });
      expect(re.ok).toBe(true);
      const ok = re as JavaRegexOk;
      expect(ok.linear, `${pattern} should have an RE2 form`).not.toBeNull();
      if (!ok.linear) return;
      for (const s of inputs(pattern)) {
        expect(ok.linear.whole.testExact(s), `whole ${JSON.stringify(pattern)} on ${JSON.stringify(s)}`).toBe(
          ok.whole.test(s),
        );
        expect(ok.linear.find.test(s), `find ${JSON.stringify(pattern)} on ${JSON.stringify(s)}`).toBe(ok.find.test(s));
      }
    }
  });

  it.each(BACKTRACKING)('%j has no RE2 form (it runs under the deadline)', (pattern) => {
    const re = compileJavaRegex(pattern, { dotAll: true });
    expect(re.ok && re.linear).toBe(null);
  });
});
