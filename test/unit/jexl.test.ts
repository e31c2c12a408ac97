// The JEXL 3 dialect Harness users write, evaluated through the bridge on the `jexl` package.
import { describe, expect, it } from 'vitest';
import { parseSample } from '../../shared/harness/expressions';
import { compileJexl, runJexl } from '../../shared/harness/jexl-bridge';
import type { JexlState } from '../../shared/harness/jexl-bridge';

const payload = {
  tag: 'v1.2',
  image: 'nginx',
  n: 1,
  f: 1.5,
  s: '1',
  list: ['a', 'b'],
  nums: [1, 2, 3],
  obj: { k: 'x', inner: { z: true } },
  empty: '',
  blank: '  ',
  flag: true,
  text: 'Hello World',
  path: 'refs/heads/main',
  nothing: null,
};
const sample = parseSample({
  payload: JSON.stringify(payload),
  headers: { 'X-Event': 'push', 'Content-Type': 'application/json' },
});
const P = (path: string): string => `<+trigger.payload.${path}>`;

function evalJexl(src: string): { state: JexlState | 'syntax' | 'refused'; value: unknown; message: string } {
  const c = compileJexl(src);
  if (!c.ok)
    return {
      state: c.kind === 'syntax' ? 'syntax' : 'refused',
      value: null,
      message: `${c.message} @${c.where.column}`,
    };
  const r = runJexl(c, sample);
  return { state: r.state, value: r.value, message: r.message };
}

// [expression, expected state]: 'true'/'false' are Boolean results
const cases: [string, JexlState | 'refused'][] = [
  // The documented example
  [`${P('tag')}.startsWith("v") && ${P('image')} != null`, 'true'],
  // String methods
  [`${P('tag')}.contains(".")`, 'true'],
  [`${P('tag')}.endsWith(".2")`, 'true'],
  [`${P('tag')}.equals("v1.2")`, 'true'],
  [`${P('tag')}.equals(1)`, 'false'],
  [`${P('tag')}.matches("v\\d+\\.\\d+")`, 'true'],
  [`${P('tag')}.matches("\\d+")`, 'false'],
  [`${P('tag')}.length() == 4`, 'true'],
  [`${P('empty')}.isEmpty()`, 'true'],
  [`${P('blank')}.isEmpty()`, 'false'],
  [`${P('text')}.toLowerCase() == "hello world"`, 'true'],
  [`${P('text')}.toUpperCase().startsWith("HELLO")`, 'true'],
  [`${P('blank')}.trim() == ""`, 'true'],
  [`${P('path')}.split("/").size() == 3`, 'true'],
  [`${P('path')}.split("/")[2] == "main"`, 'true'],
  [`${P('tag')}.split(".").size() == 0`, 'true'],
  [`${P('text')}.indexOf("World") == 6`, 'true'],
  [`${P('path')}.replace("refs/heads/", "") == "main"`, 'true'],
  [`${P('text')}.substring(0, 5) == "Hello"`, 'true'],
  // List and map methods
  [`${P('list')}.contains("a")`, 'true'],
  [`${P('list')}.contains("z")`, 'false'],
  [`${P('list')}.size() == 2`, 'true'],
  [`${P('list')}.isEmpty()`, 'false'],
  [`${P('nums')}.contains(2)`, 'true'],
  [`${P('nums')}.contains("2")`, 'false'],
  [`${P('obj')}.containsKey("k")`, 'true'],
  [`${P('obj')}.get("k") == "x"`, 'true'],
  [`${P('list')}[1] == "b"`, 'true'],
  [P('obj.inner.z'), 'true'],
  [`${P('obj')}.inner.z == true`, 'true'],
  // =~ and !~: regex for strings, membership for lists and maps
  [`${P('tag')} =~ "v\\d+\\.\\d+"`, 'true'],
  [`${P('tag')} =~ "v1"`, 'false'],
  [`"a" =~ ${P('list')}`, 'true'],
  [`"z" !~ ${P('list')}`, 'true'],
  [`2 =~ ${P('nums')}`, 'true'],
  [`"2" =~ ${P('nums')}`, 'false'],
  [`"k" =~ ${P('obj')}`, 'true'],
  [`"a\\nb" =~ "a.b"`, 'false'],
  [`${P('tag')} =^ "v1"`, 'true'],
  [`${P('tag')} =$ ".2"`, 'true'],
  [`${P('tag')} !^ "x"`, 'true'],
  // Word operators
  [`${P('flag')} and ${P('n')} eq 1`, 'true'],
  [`not ${P('flag')} or ${P('n')} ne 1`, 'false'],
  [`${P('n')} lt 2 and ${P('n')} ge 1`, 'true'],
  // size() and empty()
  [`size(${P('list')}) == 2`, 'true'],
  [`size(${P('tag')}) == 4`, 'true'],
  [`size(${P('missing')}) == 0`, 'true'],
  [`empty(${P('missing')})`, 'true'],
  [`empty(${P('empty')})`, 'true'],
  [`empty(${P('list')})`, 'false'],
  // null
  [`${P('missing')} == null`, 'true'],
  [`${P('nothing')} == null`, 'true'],
  [`${P('image')} == null`, 'false'],
  [`null == null`, 'true'],
  // == compares "1" and 1 as equal; Booleans by truth
  [`${P('s')} == 1`, 'true'],
  [`"1" == 1`, 'true'],
  [`${P('f')} == "1.5"`, 'true'],
  [`true == "yes"`, 'true'],
  [`"1" != 1`, 'false'],
  // && and || give Booleans, as JEXL 3 does (the jexl package would give an operand)
  [`"a" && "b"`, 'true'],
  [`"" || 0`, 'false'],
  [`1 && 0`, 'false'],
  [`"false" || false`, 'false'],
  // Precedence and arithmetic
  [`true || false && false`, 'true'],
  [`!true == false`, 'true'],
  [`-2 * 3 == -6`, 'true'],
  [`10 / 4 == 2`, 'true'],
  [`10.0 / 4 == 2.5`, 'true'],
  [`1e1 / 4 == 2.5`, 'true'],
  [`(2.5 * 2) / 4 == 1.25`, 'true'],
  [`7 % 4 == 3`, 'true'],
  [`"1" + 1 == "11"`, 'true'],
  [`${P('n')} + 1 == 2`, 'true'],
  [`${P('f')} > 1`, 'true'],
  [`"b" > "a"`, 'true'],
  // Ternary, Elvis, ??
  [`${P('flag')} ? true : false`, 'true'],
  [`"false" ? true : false`, 'false'],
  [`(${P('missing')} ?: "d") == "d"`, 'true'],
  [`(${P('missing')} ?? "d") == "d"`, 'true'],
  // Headers: bracket names are lower-cased; the dot form is not
  [`<+trigger.header['X-Event']> == "push"`, 'true'],
  [`<+trigger.header["Content-Type"]>.contains("json")`, 'true'],
  [`<+trigger.header.X-Event> == "push"`, 'false'],
  // Other roots and forms
  [`<+trigger.type> == "Custom"`, 'true'],
  [`<+eventPayload.tag> == "v1.2"`, 'true'],
  [`<+trigger.payload.tag.startsWith("v")>`, 'true'],
  [`"<+trigger.payload.tag>" == "v1.2"`, 'true'],
  // Comments
  [`true // trailing comment`, 'true'],
  [`/* block */ ${P('flag')} ## hash comment`, 'true'],
  // Results that are not Booleans
  [P('tag'), 'non-boolean'],
  [`1 + 1`, 'non-boolean'],
  [P('missing'), 'non-boolean'],
  [P('list'), 'non-boolean'],
  // Strict JEXL errors (Harness fails the condition)
  [`${P('missing')}.contains("x")`, 'error'],
  [`${P('missing')} && true`, 'error'],
  [`undefinedVariable == 1`, 'error'],
  [`${P('list')}.length() == 2`, 'error'],
  [`${P('tag')}.size() == 4`, 'error'],
  [`${P('list')}[5] == "x"`, 'error'],
  [`"abc" == 1`, 'error'],
  [`${P('tag')} =~ "a("`, 'error'],
  [`1 / 0 == 1`, 'error'],
  // Scripts: var, for, if, while, return
  [`var found = false; for (var x : ${P('list')}) { if (x == "b") { found = true; } } found`, 'true'],
  [`for (var x : ${P('list')}) { if (x.startsWith("z")) { return true; } } return false;`, 'false'],
  [`var n = 0; for (x : ${P('nums')}) { n += x; } return n == 6;`, 'true'],
  [`var i = 0; while (i < 3) { i = i + 1; } i == 3`, 'true'],
  [`var t = ${P('tag')}; if (t.startsWith("v")) { return true } else { return false }`, 'true'],
  [`for (var x : ${P('nums')}) { if (x == 2) { break; } } true`, 'true'],
  [`var x; x == null`, 'true'],
  // The preview cannot tell: named, not guessed
  [`<+pipeline.name> == "x"`, 'unsupported'],
  [`${P('obj')}.entrySet().size() == 1`, 'refused'],
];

describe('JEXL bridge: Harness dialect', () => {
  it.each(cases)('%s → %s', (src, expected) => {
    const r = evalJexl(src);
    expect(r.state, r.message).toBe(expected);
  });

  it('binds each <+...> as a typed value, not pasted text', () => {
    const c = compileJexl(`${P('n')} == 1 && ${P('list')}.size() == 2 && ${P('missing')} == null`);
    if (!c.ok) throw new Error(c.message);
    const r = runJexl(c, sample);
    expect(r.bindings.map((b) => [b.text, b.type, b.value])).toEqual([
      ['<+trigger.payload.n>', 'Integer', 1],
      ['<+trigger.payload.list>', 'List', ['a', 'b']],
      ['<+trigger.payload.missing>', 'null', null],
    ]);
    expect(r.bindings[2]?.note).toMatch(/not found/);
    expect(r.state).toBe('true');
  });

  it('names the constructs it refuses', () => {
    expect(evalJexl(`${P('tag')}.foo()`)).toMatchObject({
      state: 'refused',
      message: expect.stringMatching(/method \.foo\(\)/) as unknown,
    });
    expect(evalJexl(`${P('tag')}.charAt(0) == "v"`).message).toMatch(/method \.charAt\(\)/);
    expect(evalJexl(`x -> x`).message).toMatch(/lambda/);
    expect(evalJexl(`foo(1)`).message).toMatch(/function foo\(\)/);
    expect(evalJexl(`{ "a": 1 }.a`).state).not.toBe('true');
    expect(evalJexl(`do { } while (false)`).message).toMatch(/do statements/);
    expect(evalJexl(`for (var i = 0; i < 3; i++) { }`).message).toMatch(/only for \(var x : items\)/);
    expect(evalJexl(`${P('tag')}?.length()`).message).toMatch(/safe navigation/);
    expect(evalJexl(`1 | 2`).message).toMatch(/bitwise/);
  });

  it('reports syntax errors with their position', () => {
    expect(evalJexl(`${P('tag')} == `)).toMatchObject({
      state: 'syntax',
      message: 'the expression ends too early @27',
    });
    expect(evalJexl(`(${P('n')} == 1`)).toMatchObject({ state: 'syntax', message: '( is never closed @1' });
    expect(evalJexl(`a b`)).toMatchObject({ state: 'syntax', message: 'unexpected b @3' });
    expect(evalJexl(`"abc`)).toMatchObject({ state: 'syntax', message: 'unterminated string @1' });
    expect(evalJexl(`1 == 1)`)).toMatchObject({ state: 'syntax', message: 'unexpected ) @7' });
    expect(evalJexl(`var x = 1 x == 1`)).toMatchObject({ state: 'syntax', message: 'unexpected x @11' });
    expect(evalJexl(`${P('tag')} == "v" <+trigger.payload`).message).toMatch(/never closed/);
    const multi = compileJexl('true &&\n  == 1');
    expect(multi.ok ? null : multi.where).toEqual({ offset: 10, line: 2, column: 3 });
  });

  it('warns about names that are never defined (strict JEXL)', () => {
    const c = compileJexl('payload.tag == "v1"');
    expect(c.ok && c.warnings.join(' ')).toMatch(/"payload" is never defined/);
  });

  it('keeps a payload 1.0 a Double, as Jackson reads it', () => {
    const c = compileJexl('<+trigger.payload.d> / 4 == 2.5 && <+trigger.payload.i> / 4 == 2');
    if (!c.ok) throw new Error(c.message);
    const r = runJexl(c, parseSample({ payload: '{"d": 10.0, "i": 10}' }));
    expect(r.bindings.map((b) => b.type)).toEqual(['Double', 'Integer']);
    expect(r.state).toBe('true');
  });

  it('stops runaway loops instead of hanging', () => {
    expect(evalJexl('while (true) { }').state).toBe('unsupported');
  });
});
