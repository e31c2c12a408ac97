// JEXL typos end in a plain-words syntax error with its place (in the expression, and in the YAML
// when the condition comes from a trigger YAML), never in an exception; plus a fuzz of the bridge.
import Lexer from 'jexl/dist/Lexer.js';
import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../shared/errors';
import { compileTrigger, conditionSyntaxError, evaluate, parseSample } from '../../shared/harness/conditions';
import { compileJexl, runJexl } from '../../shared/harness/jexl-bridge';
import { parseTriggerYaml } from '../../shared/harness/trigger-yaml';
import { jexlTriggerYaml } from '../fixtures/trigger-yaml';

const sample = parseSample({
  payload: '{"env":"qa","tag":"v1.2","n":3,"list":["a","b"],"ref":"refs/heads/main"}',
  headers: [{ name: 'X-Source', value: 'jenkins' }],
});

describe('JEXL typos', () => {
  it.each([
    ['a ? b :', 'the expression ends too early', 7],
    ['true ? 1 : ', 'the expression ends too early', 10],
    ['<+trigger.header[]>', 'nothing between [ and ]', 16],
    ['<+trigger.header[]> == "x"', 'nothing between [ and ]', 16],
    ['[1, ] == x', 'a value is missing after ","', 2],
    ['size(, 1)', 'a value is missing before ","', 5],
    ['x[][0]', 'nothing between [ and ]', 1],
  ])('%j is a syntax error with its place, not an exception', (text, message, offset) => {
    const c = compileJexl(text);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.kind).toBe('syntax');
    expect(c.message).toContain(message);
    expect(c.where.offset).toBe(offset);
  });

  it('places the error in the YAML (line and column) for the lab, the CLI and triggers:setYaml', () => {
    const t = parseTriggerYaml(jexlTriggerYaml('<+trigger.payload.env> == "qa" ? true :'));
    const ct = compileTrigger(t);
    const v = evaluate(ct, sample);
    // Line 13 is `        jexlCondition: '<+…> == "qa" ? true :'`: the value starts at column 25.
    expect(v.jexl.state).toBe('error');
    expect(v.jexl.error?.yaml).toEqual({ line: 13, column: 25 + 39 });
    expect(v.jexl.why).toMatch(/^JEXL syntax error at line 13, column 64 of the YAML: the expression ends too early/);
    const e = conditionSyntaxError(ct);
    expect(e).toBeInstanceOf(DeskError);
    expect(e?.where).toEqual({ line: 13, column: 64 });
    expect(e?.message).toMatch(/^The JEXL condition cannot be read: .*\(line 13, column 64 of the YAML\)\.$/);
  });

  it('places an error inside a condition key in the YAML too', () => {
    const ct = compileTrigger(parseTriggerYaml(jexlTriggerYaml('true', '<+trigger.header[]>')));
    const e = conditionSyntaxError(ct);
    // Line 10 is `          - key: <+trigger.header[]>`: the key starts at column 18, its "[" is 16 further.
    expect(e?.where).toEqual({ line: 10, column: 34 });
    expect(e?.message).toMatch(
      /^The key of payload condition 1 cannot be read: <\+trigger.header\[\]> cannot be read: nothing between \[ and \]/,
    );
    expect(evaluate(ct, sample).rows[0]?.state).toBe('error');
  });

  it('finds no error in a trigger whose conditions compile (unsupported constructs are not errors)', () => {
    expect(
      conditionSyntaxError(
        compileTrigger(parseTriggerYaml(jexlTriggerYaml('<+trigger.payload.tag>.charAt(0) == "v"'))),
      ),
    ).toBeNull();
    expect(
      conditionSyntaxError(
        compileTrigger(parseTriggerYaml(jexlTriggerYaml('<+trigger.payload.n> > 2 ? true : false'))),
      ),
    ).toBeNull();
  });
});

// A small deterministic generator: the same cases on every run.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

const CORPUS = [
  '<+trigger.payload.env> == "qa" && <+trigger.header[\'X-Source\']>.startsWith("jen")',
  '<+trigger.payload.n> > 2 ? <+trigger.payload.tag> =~ "v[0-9.]+" : false',
  'var parts = <+trigger.payload.ref>.split("/"); for (var p : parts) { if (p == "main") return true; } return false;',
  '<+trigger.payload.list>.contains("a") || size(<+trigger.payload.list>) == 0 and not empty(<+trigger.payload.tag>)',
  '[1, 2, 3].contains(<+trigger.payload.n>) && (<+trigger.payload.tag> ?: "x") != null',
  '<+trigger.payload.ref.split("/")[2]> == "main" && <+trigger.payload.tag>.substring(0, 1) eq "v"',
];
const NOISE = [
  '(',
  ')',
  '[',
  ']',
  '?',
  ':',
  ',',
  '.',
  '"',
  "'",
  '<+',
  '>',
  '!',
  '=',
  '&&',
  '||',
  '{',
  '}',
  ';',
  ' ',
  'x',
  '1',
  '-',
  '=~',
];

function mutations(count: number): string[] {
  const r = rng(20240611);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const out: string[] = [];
  for (const text of CORPUS) for (let n = 0; n <= text.length; n++) out.push(text.slice(0, n));
  while (out.length < count) {
    let t = pick(CORPUS);
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
      const at = Math.floor(r() * (t.length + 1));
      const op = r();
      if (op < 0.4) t = t.slice(0, at) + pick(NOISE) + t.slice(at);
      else if (op < 0.8) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 4));
      else t = t.slice(0, at);
    }
    out.push(t);
  }
  return out;
}

describe('the place of a syntax error', () => {
  it('is found in one pass over the expression, not by re-reading every prefix', () => {
    const terms = Array.from({ length: 200 }, (_, i) => `<+trigger.payload.meta.f${i % 20}> == "v${i}"`);
    terms[198] = `${terms[198] ?? ''} ==`;
    const text = terms.join(' && ');
    const tokenize = vi.spyOn(Lexer.prototype, 'tokenize');
    try {
      const c = compileJexl(text);
      expect(c.ok ? null : [c.message, c.where.offset]).toEqual(['unexpected &&', text.lastIndexOf('&&')]);
      // One read of the whole expression, plus one for each <+...> expression block (none here).
      expect(tokenize).toHaveBeenCalledTimes(1);
    } finally {
      tokenize.mockRestore();
    }
  });
});

describe('fuzz: truncated and mutated jexlCondition texts', () => {
  const texts = mutations(4000);

  it(`gives each of ${texts.length} texts a syntax error with a place, or a result, never an exception`, () => {
    const tally = { ok: 0, syntax: 0, unsupported: 0 };
    for (const text of texts) {
      const c = compileJexl(text);
      if (c.ok) {
        tally.ok++;
        expect(['true', 'false', 'non-boolean', 'error', 'unsupported']).toContain(runJexl(c, sample).state);
      } else {
        tally[c.kind]++;
        expect(c.where.offset, text).toBeGreaterThanOrEqual(0);
        expect(c.where.offset, text).toBeLessThanOrEqual(text.length);
        expect(c.where.line, text).toBeGreaterThanOrEqual(1);
        expect(c.message.length, text).toBeGreaterThan(0);
      }
    }
    expect(tally.ok + tally.syntax + tally.unsupported).toBe(texts.length);
    expect(tally.syntax).toBeGreaterThan(texts.length / 4);
    expect(tally.ok).toBeGreaterThan(50);
  });

  it('through a trigger YAML: a DeskError with line and column, or a verdict', () => {
    let refused = 0;
    for (const text of texts.filter((_, i) => i % 4 === 0)) {
      let ct;
      try {
        ct = compileTrigger(parseTriggerYaml(jexlTriggerYaml(text)));
      } catch (e) {
        expect(e, text).toBeInstanceOf(DeskError);
        continue;
      }
      const error = conditionSyntaxError(ct);
      if (error) {
        refused++;
        expect(error.where?.line, text).toBe(13);
        expect(error.where?.column, text).toBeGreaterThanOrEqual(25);
      } else expect(['fires', 'does-not-fire', 'undetermined']).toContain(evaluate(ct, sample).outcome);
    }
    expect(refused).toBeGreaterThan(100);
  });
});
