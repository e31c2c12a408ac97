// The operators of docs/harness-protocol.md §5, table-driven: every blank-value rule, In/NotIn splitting and regex fallback.
import { describe, expect, it } from 'vitest';
import { javaHashSetOrder, javaStringHash, looksLikeGlob, splitInList } from '../../shared/harness/in-list';
import { applyOperator, isJavaBlank, prepareOperator } from '../../shared/harness/operators';
import type { OperatorState } from '../../shared/harness/operators';

const run = (operator: string | null, value: string | null, input: string) =>
  applyOperator(prepareOperator(operator, value), input);

// [operator, value, input, expected, what the spec says]
const cases: [string | null, string | null, string, OperatorState, string][] = [
  // input, value and operator all blank → match
  ['', '', '', 'pass', 'all blank'],
  [null, null, '  ', 'pass', 'all blank (null operator and value, whitespace input)'],
  ['  ', '\t', '', 'pass', 'all blank (whitespace operator)'],
  [null, 'x', 'x', 'error', 'blank operator with a value: unknown operator'],
  ['', '', 'x', 'error', 'blank operator with an input: unknown operator'],
  // Equals
  ['Equals', '', '', 'pass', 'Equals: blank value matches a blank input'],
  ['Equals', '  ', '\n', 'pass', 'Equals: whitespace value and whitespace input are both blank'],
  ['Equals', null, 'x', 'fail', 'Equals: blank value does not match a non-blank input'],
  ['Equals', 'main', 'main', 'pass', 'Equals: exact'],
  ['Equals', 'main', 'Main', 'fail', 'Equals: case-sensitive'],
  ['Equals', 'main', ' main', 'fail', 'Equals: nothing trimmed'],
  ['Equals', 'null', 'null', 'pass', 'Equals: a missing key renders "null" and equals "null"'],
  ['Equals', '\u00a0', '', 'fail', 'Equals: a no-break space is not blank in Java'],
  // NotEquals
  ['NotEquals', '', '', 'fail', 'NotEquals: blank value does not match a blank input'],
  ['NotEquals', '', 'x', 'pass', 'NotEquals: blank value matches a non-blank input'],
  ['NotEquals', 'a', 'b', 'pass', 'NotEquals: different'],
  ['NotEquals', 'a', 'a', 'fail', 'NotEquals: same'],
  ['NotEquals', 'a', '', 'pass', 'NotEquals: blank input differs from a value'],
  // StartsWith / EndsWith / Contains / DoesNotContain
  ['StartsWith', '', '', 'pass', 'StartsWith: blank value matches even a blank input'],
  ['StartsWith', ' ', 'abc', 'pass', 'StartsWith: blank value matches'],
  ['StartsWith', 'rel', '', 'fail', 'StartsWith: blank input never matches'],
  ['StartsWith', 'rel', '   ', 'fail', 'StartsWith: whitespace input is blank'],
  ['StartsWith', 'rel', 'release/1', 'pass', 'StartsWith: prefix'],
  ['StartsWith', 'Rel', 'release/1', 'fail', 'StartsWith: case-sensitive'],
  ['EndsWith', '', 'x', 'pass', 'EndsWith: blank value'],
  ['EndsWith', '-rc', '', 'fail', 'EndsWith: blank input'],
  ['EndsWith', '-rc', 'v1-rc', 'pass', 'EndsWith: suffix'],
  ['EndsWith', '-rc', 'v1-rc ', 'fail', 'EndsWith: trailing space kept'],
  ['Contains', '', '', 'pass', 'Contains: blank value'],
  ['Contains', 'hot', '', 'fail', 'Contains: blank input'],
  ['Contains', 'hot', 'hotfix/1', 'pass', 'Contains: substring'],
  ['Contains', 'fix', 'feature/1', 'fail', 'Contains: absent'],
  ['DoesNotContain', '', 'x', 'pass', 'DoesNotContain: blank value'],
  ['DoesNotContain', 'x', '', 'fail', 'DoesNotContain: blank input is NOT a match either'],
  ['DoesNotContain', 'wip', 'release', 'pass', 'DoesNotContain: absent'],
  ['DoesNotContain', 'wip', 'wip/1', 'fail', 'DoesNotContain: present'],
  // Regex: whole match, DOTALL
  ['Regex', '', 'anything', 'pass', 'Regex: blank value'],
  ['Regex', 'release/.*', 'release/1.2', 'pass', 'Regex: whole match'],
  ['Regex', 'lease', 'release', 'fail', 'Regex: a substring is not enough'],
  ['Regex', 'a.b', 'a\nb', 'pass', 'Regex: DOTALL lets . match a newline'],
  ['Regex', '.*', '', 'pass', 'Regex: no blank-input rule'],
  ['Regex', 'a+', '', 'fail', 'Regex: blank input against a pattern'],
  ['Regex', 'a(', 'a(', 'error', 'Regex: invalid pattern'],
  ['Regex', '^v\\d+$', 'v12', 'pass', 'Regex: anchors are harmless'],
  ['Regex', '(?i)main', 'MAIN', 'pass', 'Regex: inline flag'],
  ['Regex', 'a*+a', 'aaa', 'fail', 'Regex: possessive quantifier gives nothing back'],
  ['Regex', '\\Arel.*\\z', 'release', 'pass', 'Regex: \\A and \\z'],
  ['Regex', '\\p{InGreek}+', 'x', 'unsupported', 'Regex: a construct the preview cannot translate'],
  // In
  ['In', '', 'x', 'pass', 'In: blank value'],
  ['In', 'qa, prod', 'prod', 'pass', 'In: item'],
  ['In', 'qa, prod', 'dev', 'fail', 'In: not an item'],
  ['In', '  qa  ,prod', 'qa', 'pass', 'In: items are trimmed'],
  ['In', 'qa, prod', ' qa', 'fail', 'In: the input is not trimmed'],
  ['In', 'QA', 'qa', 'fail', 'In: case-sensitive'],
  ['In', '"a, b", c', 'a, b', 'pass', 'In: comma inside quotes'],
  ['In', '"say ""hi""", x', 'say "hi"', 'pass', 'In: "" inside quotes is one quote'],
  ['In', 'release/*', 'release//', 'pass', 'In: release/* is a regex: / repeated'],
  ['In', 'release/*', 'release/1', 'fail', 'In: release/* is not a glob'],
  ['In', 'release/.*', 'release/1', 'pass', 'In: regex item'],
  ['In', 'v1.2', 'v1x2', 'pass', 'In: . in an item matches any character'],
  ['In', 'qa,', 'anything', 'pass', 'In: a trailing comma makes an empty item that matches everything'],
  ['In', '"", prod', 'dev', 'pass', 'In: a quoted empty item matches everything'],
  ['In', 'a(, b', 'b', 'pass', 'In: exact match wins before any regex is tried'],
  ['In', 'a(, b', 'zzz', 'error', 'In: an invalid regex item reached → error'],
  ['In', '?, .', 'x', 'pass', 'In: HashSet order tries "." before "?", so the invalid "?" is never reached'],
  ['In', '(, .', 'x', 'error', 'In: HashSet order tries "(" first: invalid → error'],
  // NotIn
  ['NotIn', '', 'x', 'pass', 'NotIn: blank value'],
  ['NotIn', 'qa, prod', 'dev', 'pass', 'NotIn: not listed'],
  ['NotIn', 'qa, prod', 'qa', 'fail', 'NotIn: listed'],
  ['NotIn', 'release/.*', 'release/2', 'fail', 'NotIn: matched as a regex'],
  ['NotIn', 'a(, b', 'zzz', 'error', 'NotIn: an invalid regex item is an error, not a match'],
  ['NotIn', 'x,', 'y', 'fail', 'NotIn: an empty item matches everything, so NotIn never does'],
  // Unknown operators
  ['equals', 'a', 'a', 'error', 'operators are spelled exactly'],
  ['Matches', 'a', 'a', 'error', 'unknown operator'],
];

describe('operators', () => {
  it.each(cases)('%s %j on %j → %s (%s)', (operator, value, input, expected) => {
    expect(run(operator, value, input).state).toBe(expected);
  });

  it('explains a regex fallback match by naming the item', () => {
    expect(run('In', 'main, release/.*', 'release/9').why).toBe('matched item "release/.*" read as a regex');
  });

  it('warns when a Regex matches only part of the input', () => {
    const r = run('Regex', 'lease', 'release');
    expect(r.warnings.join(' ')).toMatch(/matches part of the input/);
    expect(run('Regex', 'xyz', 'release').warnings).toEqual([]);
  });

  it('flags glob-looking In items, empty items, invalid items and unknown operators before any sample', () => {
    expect(prepareOperator('In', 'release/*, main').warnings.join(' ')).toMatch(/looks like a glob/);
    expect(prepareOperator('In', 'qa, prod,').warnings.join(' ')).toMatch(/empty item/);
    expect(prepareOperator('In', 'a(, b').warnings.join(' ')).toMatch(/not a valid regex/);
    expect(prepareOperator('equals', 'a').warnings.join(' ')).toMatch(/did you mean "Equals"/);
    expect(prepareOperator('NotContains', 'a').warnings.join(' ')).toMatch(/"DoesNotContain"/);
    expect(prepareOperator('Equals', 'main ').warnings.join(' ')).toMatch(/trailing spaces/);
    expect(prepareOperator('In', 'qa, prod').warnings).toEqual([]);
  });

  it('knows Java blankness (commons-lang isBlank)', () => {
    expect([null, undefined, '', ' \t\n\u000b\f\r', '\u2003', '\u001c'].map(isJavaBlank)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['\u00a0', '\u2007', '\u202f', 'x'].map(isJavaBlank)).toEqual([false, false, false, false]);
  });
});

describe('In list splitting', () => {
  const split = (v: string) => splitInList(v).map((i) => i.text);
  it.each([
    ['a,b', ['a', 'b']],
    [' a , b ', ['a', 'b']],
    ['"a,b",c', ['a,b', 'c']],
    ['"a ""q"" b"', ['a "q" b']],
    ['a,', ['a', '']],
    ['""', ['']],
    ['"x,y', ['"x', 'y']],
    ['\u00a0qa\u00a0, prod', ['qa', 'prod']],
    ['a ""b"" c', ['a ""b"" c']],
  ] as const)('%j → %j', (value, items) => {
    expect(split(value)).toEqual(items);
  });

  it('hashes strings like java.lang.String', () => {
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('Aa')).toBe(2112);
    expect(javaStringHash('BB')).toBe(2112);
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648);
  });

  it('iterates like java.util.HashSet: by bucket, then insertion order', () => {
    expect(javaHashSetOrder(['a', 'b', 'p'])).toEqual(['p', 'a', 'b']);
    expect(javaHashSetOrder(['BB', 'Aa'])).toEqual(['BB', 'Aa']);
    expect(javaHashSetOrder(['x', 'x', 'y'])).toEqual(['x', 'y']);
  });

  it('tells globs from regexes', () => {
    expect(['release/*', '*.json', 'feature-?'].map(looksLikeGlob)).toEqual([true, true, true]);
    expect(['release/.*', 'v[0-9]+', 'a+?', '(ab)*'].map(looksLikeGlob)).toEqual([false, false, false, false]);
  });
});
