// Java regex semantics the conditions rely on, translated to JavaScript (or refused, never guessed).
import { describe, expect, it } from 'vitest';
import { compileJavaRegex, javaWholeMatch } from '../../shared/harness/java-regex-run';

const matches = (pattern: string, input: string, dotAll = true): boolean | string => {
  const r = javaWholeMatch(pattern, input, dotAll);
  return r.ok ? r.matched : `${r.kind}: ${r.message}`;
};

describe('Java regex → JavaScript', () => {
  it.each([
    ['release/.*', 'release/1.2', true],
    ['abc', 'xabcx', false],
    ['a|ab', 'ab', true],
    ['(?i)abc', 'ABC', true],
    ['a(?i)bc', 'aBC', true],
    ['a(?i)bc', 'ABC', false],
    ['(?i:ab)c', 'ABc', true],
    ['(?i:ab)c', 'ABC', false],
    ['(?i)straße', 'STRAßE', true],
    ['a*+a', 'aaa', false],
    ['a*a', 'aaa', true],
    ['(a)++b', 'aab', true],
    ['x{2}+', 'xx', true],
    ['(?>a|ab)c', 'abc', false],
    ['(a|ab)c', 'abc', true],
    ['\\Aabc\\z', 'abc', true],
    ['abc\\Z', 'abc', true],
    ['abc$', 'abc', true],
    ['\\p{Alpha}+', 'abcD', true],
    ['\\p{Alpha}+', 'ab1', false],
    ['\\p{Punct}', '!', true],
    ['\\P{Digit}+', 'abc', true],
    ['[\\p{Lower}_]+', 'a_b', true],
    ['\\p{L}+', 'héllo', true],
    ['\\p{IsLatin}+', 'abc', true],
    ['[a-z&&[^aeiou]]+', 'bcd', true],
    ['[a-z&&[^aeiou]]+', 'bad', false],
    ['[a-c[x-z]]+', 'axz', true],
    ['\\s', '\u00a0', false],
    ['\\s', '\u000b', true],
    ['[\\w-]+', 'a-b_c', true],
    ['\\w+', 'é', false],
    ['\\d{2,3}', '1234', false],
    ['(a)\\1', 'aa', true],
    ['(?<y>\\d+)-\\k<y>', '12-12', true],
    ['\\Qa.b\\E', 'a.b', true],
    ['\\Qa.b\\E', 'axb', false],
    ['\\-\\@\\#', '-@#', true],
    ['[^]a]', 'b', true],
    ['[]a]', ']', true],
    ['(?x) a b # comment', 'ab', true],
    ['\\x41\\u0042\\0103\\x{44}', 'ABCD', true],
    ['\\t\\n', '\t\n', true],
    ['\\bfoo\\b', 'foo', true],
    ['\\R', '\r\n', true],
    ['\\h', '\u2003', true],
    ['😀.', '😀x', true],
  ] as const)('%j on %j → %s', (pattern, input, expected) => {
    expect(matches(pattern, input)).toBe(expected);
  });

  it('applies DOTALL only when asked (Regex operator yes, JEXL =~ no)', () => {
    expect(matches('a.b', 'a\nb', true)).toBe(true);
    expect(matches('a.b', 'a\nb', false)).toBe(false);
    expect(matches('a.b', 'a\u0085b', false)).toBe(false);
    expect(matches('(?s)a.b', 'a\nb', false)).toBe(true);
  });

  it('reports invalid patterns as Java does, with the index', () => {
    expect(matches('(abc', 'x')).toBe('invalid: Unclosed group near index 4');
    expect(matches('abc)', 'x')).toBe("invalid: Unmatched closing ')' near index 3");
    expect(matches('*a', 'x')).toBe("invalid: Dangling meta character '*' near index 0");
    expect(matches('[abc', 'x')).toBe('invalid: Unclosed character class near index 3');
    expect(matches('a{', 'x')).toBe('invalid: Illegal repetition near index 1');
    expect(matches('\\y', 'x')).toBe('invalid: Illegal/unsupported escape sequence near index 0');
    expect(matches('[z-a]', 'x')).toBe('invalid: Illegal character range near index 1');
    expect(matches('a{3,1}', 'x')).toBe('invalid: Illegal repetition range near index 1');
    expect(matches('\\k<x>', 'x')).toBe('invalid: named capturing group <x> does not exist near index 0');
    expect(matches('a**', 'x')).toBe("invalid: Dangling meta character '*' near index 2");
  });

  it('refuses what it cannot translate instead of guessing', () => {
    for (const p of ['\\p{InGreek}', '(?U)\\w', 'a(?iu)b', '\\X', '(?i)(a)\\1', '\\p{javaLowerCase}']) {
      const r = compileJavaRegex(p, { dotAll: true });
      expect(r.ok ? 'ok' : r.kind).toBe('unsupported');
    }
  });

  it('caches compiled patterns', () => {
    expect(compileJavaRegex('x+', { dotAll: true })).toBe(compileJavaRegex('x+', { dotAll: true }));
    expect(compileJavaRegex('x+', { dotAll: true })).not.toBe(compileJavaRegex('x+', { dotAll: false }));
  });
});
