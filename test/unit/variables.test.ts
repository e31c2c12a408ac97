import { describe, expect, it } from 'vitest';
import {
  findVariables,
  maskVariablesForJson,
  substituteVariables,
  variableNames,
} from '../../shared/harness/variables';

describe('findVariables', () => {
  it('tells a variable inside a string from one standing as a whole value', () => {
    const uses = findVariables('{"tag": "v{{tag}}", "n": {{ count }}, "esc": "a\\"{{x}}"}');
    expect(uses.map((u) => [u.name, u.inString])).toEqual([
      ['tag', true],
      ['count', false],
      ['x', true],
    ]);
  });
  it('lists distinct names in order of first use, and ignores single braces', () => {
    expect(variableNames('{"a": "{{b}}", "c": "{{a}} {{b}}", "d": {"e": 1}}')).toEqual(['b', 'a']);
  });
});

describe('substituteVariables', () => {
  it('names every missing variable once and produces no body', () => {
    expect(substituteVariables('{"a": "{{x}}", "b": {{y}}, "c": "{{x}}"}', { y: '1' })).toEqual({
      ok: false,
      missing: ['x'],
    });
  });
  it('escapes a value inside a string as JSON string content', () => {
    const r = substituteVariables('{"msg": "say {{m}}!"}', { m: 'he said "hi"\\n\n' });
    expect(r.ok && r.body).toBe('{"msg": "say he said \\"hi\\"\\\\n\\n!"}');
    expect(r.ok && (JSON.parse(r.body) as { msg: string }).msg).toBe('say he said "hi"\\n\n!');
  });
  it('inserts JSON literals as they are and anything else as a string when the variable is a whole value', () => {
    const r = substituteVariables('{"n": {{n}}, "b": {{b}}, "o": {{o}}, "s": {{s}}, "e": {{e}}}', {
      n: ' 1.50 ',
      b: 'true',
      o: '{"k": [1]}',
      s: 'v1 "x"',
      e: '',
    });
    expect(r.ok && r.body).toBe('{"n": 1.50, "b": true, "o": {"k": [1]}, "s": "v1 \\"x\\"", "e": ""}');
    expect(r.ok && JSON.parse(r.body)).toEqual({ n: 1.5, b: true, o: { k: [1] }, s: 'v1 "x"', e: '' });
  });
  it('leaves a body that is not JSON alone except for plain replacement', () => {
    expect(substituteVariables('tag={{t}} "{{t}}"', { t: 'a"b' }, false)).toEqual({ ok: true, body: 'tag=a"b "a"b"' });
  });
  it('masks whole-value variables for validation without moving error positions', () => {
    const text = '{"n": {{count}}, "s": "{{x}}"}';
    const masked = maskVariablesForJson(text);
    expect(masked.length).toBe(text.length);
    expect(JSON.parse(masked)).toEqual({ n: 0, s: '{{x}}' });
  });
});
