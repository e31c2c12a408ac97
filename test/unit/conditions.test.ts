// Trigger verdicts as Harness decides them (docs/harness-protocol.md §5): key rendering, order, statuses, warnings.
import { describe, expect, it } from 'vitest';
import { compileTrigger, evaluate, evaluateTrigger, parseSample } from '../../shared/harness/conditions';
import { needsExactNumbers } from '../../shared/harness/expressions-json';
import { compactJson, javaDoubleToString, previewJson } from '../../shared/harness/render';
import type { TriggerConditions } from '../../shared/harness/trigger-yaml';

type Cond = [key: string, operator: string, value: string];
const trigger = (
  payload: Cond[],
  header: Cond[] = [],
  jexl: string | null = null,
  enabled = true,
): TriggerConditions => ({
  enabled,
  payloadConditions: payload.map(([key, operator, value]) => ({ key, operator, value, where: null })),
  headerConditions: header.map(([key, operator, value]) => ({ key, operator, value, where: null })),
  jexlCondition: jexl,
});

const RAW = `{"a":{"b":"x"},"n":1.50,"i":10,"big":12345678901234567890,"f":1.0,"e":1e21,"t":true,"nul":null,
 "obj":{"k":[1,2]},"items":[{"name":"first"}],"s":"text","small":0.0001,"m":12345678.9,"neg":-0.0,"exp":1.5e2}`;
const HEADERS = { 'X-EVENT': 'push', 'x-event': 'second value ignored', 'Authorization': 'Bearer t' };

/** The key as a payload condition sees it. */
function resolve(key: string, payload = RAW, headers: Record<string, string> = HEADERS): string {
  const v = evaluateTrigger(trigger([[key, 'Equals', '__never__']]), { payload, headers });
  return v.rows[0]?.resolved ?? '(no row)';
}

describe('rendering condition keys', () => {
  it.each([
    ['<+trigger.payload.a.b>', 'x'],
    ['<+trigger.payload.items[0].name>', 'first'],
    ['<+trigger.payload["a"][\'b\']>', 'x'],
    ['<+trigger.payload.missing>', 'null'],
    ['<+trigger.payload.items[5].name>', 'null'],
    ['<+trigger.payload.s.x>', 'null'],
    ['<+trigger.payload.n>', '1.5'],
    ['<+trigger.payload.i>', '10'],
    ['<+trigger.payload.big>', '12345678901234567890'],
    ['<+trigger.payload.f>', '1.0'],
    ['<+trigger.payload.e>', '1.0E21'],
    ['<+trigger.payload.small>', '1.0E-4'],
    ['<+trigger.payload.m>', '1.23456789E7'],
    ['<+trigger.payload.neg>', '-0.0'],
    ['<+trigger.payload.exp>', '150.0'],
    ['<+trigger.payload.t>', 'true'],
    ['<+trigger.payload.nul>', 'null'],
    ['<+trigger.payload.obj>', '{"k":[1,2]}'],
    ['<+trigger.payload.items>', '[{"name":"first"}]'],
    ['<+trigger.type>', 'Custom'],
    ['<+eventPayload.a.b>', 'x'],
    ['ref-<+trigger.payload.s>-<+trigger.payload.i>', 'ref-text-10'],
    ['<+trigger.payload.s.toUpperCase()>', 'TEXT'],
    // A payload-condition key looks a header name up as written (lower-cased only in header conditions).
    ["<+trigger.header['X-Event']>", 'null'],
    ['<+trigger.header["x-EVENT"]>', 'null'],
    ["<+trigger.header['x-event']>", 'push'],
    ['<+trigger.header.X-Event>', 'null'],
    ['<+trigger.header.x-event>', 'push'],
    ["<+trigger.header['X-Missing']>", 'null'],
    ['X-Event', 'X-Event'],
    ['plain text', 'plain text'],
  ])('%s → %j', (key, expected) => {
    expect(resolve(key)).toBe(expected);
  });

  it('renders the whole payload as compact JSON and the raw body as written', () => {
    expect(resolve('<+trigger.payload>', '{ "a" : [1, 2.0] }')).toBe('{"a":[1,2.0]}');
    expect(resolve('<+trigger.eventPayload>', '{ "a" : 1 }')).toBe('{ "a" : 1 }');
  });

  it('keeps a non-JSON body as the raw string, as Harness does', () => {
    expect(resolve('<+trigger.payload>', 'plain body, not JSON')).toBe('plain body, not JSON');
    expect(resolve('<+trigger.payload.a>', 'plain body, not JSON')).toBe('null');
    const v = evaluateTrigger(trigger([['<+trigger.payload.a>', 'Equals', 'x']]), { payload: '{"a": 1,}' });
    expect(v.sample.json).toBe(false);
    expect(v.warnings.join(' ')).toMatch(/not JSON .*line 1, column 9/);
  });

  it('takes the first value of a header, matching its name case-insensitively', () => {
    const v = parseSample({
      payload: '{}',
      headers: [
        { name: 'X-A', value: '1' },
        { name: 'x-a', value: '2' },
      ],
    });
    expect(v.headers['x-a']).toBe('1');
  });
});

describe('Java number and JSON rendering', () => {
  it.each([
    [1.5, '1.5'],
    [1, '1.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [1e7, '1.0E7'],
    [9999999.5, '9999999.5'],
    [0.001, '0.001'],
    [0.0009, '9.0E-4'],
    [1e21, '1.0E21'],
    [123456789.125, '1.23456789125E8'],
    [-2.5e-10, '-2.5E-10'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
  ])('Double.toString(%d) → %s', (n, text) => {
    expect(javaDoubleToString(n)).toBe(text);
  });

  it('finds the payloads whose numbers need their literal text', () => {
    expect(['{"a": 1.0}', '{"x": 1e5}', '{"n": 12345678901234567890}', '[2.50, 3.00]'].map(needsExactNumbers)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['{"v": "1.0"}', '{"sha": "3e45a"}', '{"v": "1.0.0"}', '{"a": 1.5, "b": 10}', '{"t": "x 1.0 y"}'].map(
        needsExactNumbers,
      ),
    ).toEqual([false, false, false, false, false]);
  });

  it('previews large values in bounded work and writes compact JSON', () => {
    const big = { items: Array.from({ length: 100000 }, (_, i) => ({ i })) };
    const p = previewJson(big, 40);
    expect(p).toHaveLength(40);
    expect(p.endsWith('…')).toBe(true);
    expect(previewJson({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    expect(compactJson({ a: [1.5, null, true, 'q"'] })).toBe('{"a":[1.5,null,true,"q\\""]}');
  });
});

describe('verdicts', () => {
  const body = JSON.stringify({ env: 'qa', tag: 'v1.2', image: 'nginx', branch: 'release/7' });
  const headers = { 'X-Source': 'jenkins' };
  const full = trigger(
    [
      ['<+trigger.payload.env>', 'In', 'qa, prod'],
      ['<+trigger.payload.branch>', 'Regex', 'release/.*'],
    ],
    [["<+trigger.header['X-Source']>", 'Equals', 'jenkins']],
    '<+trigger.payload.tag>.startsWith("v") && <+trigger.payload.image> != null',
  );

  it('fires when every condition matches', () => {
    const v = evaluateTrigger(full, { payload: body, headers });
    expect([v.outcome, v.status, v.fires]).toEqual(['fires', 'TARGET_EXECUTION_REQUESTED', true]);
    expect(v.rows.map((r) => r.state)).toEqual(['pass', 'pass', 'pass']);
    expect(v.jexl.state).toBe('pass');
    expect(v.jexl.bindings.map((b) => b.value)).toEqual(['v1.2', 'nginx']);
  });

  it('stops at the first payload miss and still shows what follows', () => {
    const v = evaluateTrigger(full, { payload: JSON.stringify({ env: 'dev', tag: 'x', branch: 'main' }), headers: {} });
    expect([v.outcome, v.status, v.stoppedAt]).toEqual([
      'does-not-fire',
      'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
      'payload',
    ]);
    expect(v.rows.map((r) => [r.state, r.wouldBe])).toEqual([
      ['fail', null],
      ['not-reached', 'fail'],
      ['not-reached', 'fail'],
    ]);
    expect(v.jexl.state).toBe('not-reached');
    expect(v.jexl.wouldBe).toBe('fail');
    expect(v.summary).toMatch(/payload condition 1 .*"dev" is not in \[qa, prod\]/);
  });

  it('reports header and JEXL misses with their own statuses', () => {
    expect(evaluateTrigger(full, { payload: body, headers: { 'X-Source': 'github' } }).status).toBe(
      'NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS',
    );
    const j = evaluateTrigger(full, {
      payload: JSON.stringify({ env: 'qa', tag: 'x1', image: 'n', branch: 'release/1' }),
      headers,
    });
    expect([j.status, j.jexl.state, j.jexl.result]).toEqual(['NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS', 'fail', false]);
  });

  it('treats a non-Boolean JEXL result as no match, with a warning', () => {
    const v = evaluateTrigger(trigger([], [], '<+trigger.payload.tag>'), { payload: body });
    expect([v.status, v.jexl.state, v.jexl.resultType, v.jexl.result]).toEqual([
      'NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS',
      'fail',
      'String',
      'v1.2',
    ]);
    expect(v.jexl.warnings.join(' ')).toMatch(/not a Boolean/);
  });

  it('explains JEXL syntax errors with their position; the rest of the table still shows', () => {
    const v = evaluateTrigger(trigger([['<+trigger.payload.env>', 'Equals', 'qa']], [], 'true &&'), { payload: body });
    expect(v.rows[0]?.state).toBe('pass');
    expect(v.jexl.state).toBe('error');
    expect(v.jexl.error?.where).toEqual({ offset: 7, line: 1, column: 8 });
    expect(v.status).toBe('NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS');
  });

  it('cannot tell when a construct the preview cannot evaluate decides', () => {
    const v = evaluateTrigger(trigger([], [], '<+trigger.payload.tag>.charAt(0) == "v"'), { payload: body });
    expect([v.outcome, v.status, v.jexl.state]).toEqual(['undetermined', null, 'unsupported']);
    expect(v.jexl.unsupported[0]).toMatch(/charAt/);
  });

  it('still knows the trigger will not fire when a later condition fails for sure', () => {
    const t = trigger(
      [['<+trigger.payload.env>', 'Regex', '\\p{InGreek}+']],
      [["<+trigger.header['X-Source']>", 'Equals', 'nope']],
    );
    const v = evaluateTrigger(t, { payload: body, headers });
    expect([v.outcome, v.status]).toEqual(['does-not-fire', null]);
    expect(v.summary).toMatch(/PAYLOAD_CONDITIONS or NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS/);
    const same = trigger([
      ['<+trigger.payload.env>', 'Regex', '\\p{InGreek}+'],
      ['<+trigger.payload.env>', 'Equals', 'nope'],
    ]);
    expect(evaluateTrigger(same, { payload: body }).status).toBe('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS');
  });

  it('fails a condition whose operator Harness does not know', () => {
    const v = evaluateTrigger(trigger([['<+trigger.payload.env>', 'equals', 'qa']]), { payload: body });
    expect([v.status, v.rows[0]?.state]).toEqual(['NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS', 'error']);
    expect(v.rows[0]?.warnings.join(' ')).toMatch(/did you mean "Equals"/);
  });

  it('never fires a disabled trigger', () => {
    const v = evaluateTrigger(trigger([], [], null, false), { payload: body });
    expect([v.outcome, v.status]).toEqual(['does-not-fire', 'NO_ENABLED_CUSTOM_TRIGGER_FOUND']);
  });

  it('matches a blank JEXL condition and an empty trigger', () => {
    expect(evaluateTrigger(trigger([], [], '   '), { payload: '' }).jexl.state).toBe('blank');
    expect(evaluateTrigger(trigger([]), { payload: '' }).status).toBe('TARGET_EXECUTION_REQUESTED');
  });

  it('warns about the classic mistakes', () => {
    const t = trigger(
      [
        ['<+trigger.payload.branch>', 'In', 'release/*'],
        ['<+trigger.payload.branch>', 'Regex', 'release'],
      ],
      [
        ['X-Source', 'Equals', 'jenkins'],
        ['<+trigger.header.X-Source>', 'Equals', 'jenkins'],
      ],
    );
    const v = evaluate(compileTrigger(t), parseSample({ payload: body, headers }));
    const w = v.rows.map((r) => r.warnings.join(' '));
    expect(w[0]).toMatch(/looks like a glob/);
    expect(w[1]).toMatch(/matches part of the input/);
    expect(w[2]).toMatch(/has no <\+\.\.\.>.*<\+trigger.header\['X-Source'\]>/);
    expect(w[3]).toMatch(/dot form/);
    expect(v.rows[1]?.state).toBe('not-reached');
    expect(v.rows[1]?.wouldBe).toBe('fail');
  });

  it('suggests the expression a literal key probably meant', () => {
    const v = evaluateTrigger(
      trigger([
        ['event.type', 'Equals', 'x'],
        ['X-Event', 'Equals', 'x'],
      ]),
      { payload: body },
    );
    expect(v.rows.map((r) => r.warnings[0])).toEqual([
      expect.stringContaining('did you mean <+trigger.payload.event.type>?') as unknown,
      expect.stringContaining("did you mean <+trigger.payload['X-Event']>?") as unknown,
    ]);
  });

  it('mentions a key that is not in the event', () => {
    const v = evaluateTrigger(trigger([['<+trigger.payload.envv>', 'Equals', 'qa']]), { payload: body });
    expect(v.rows[0]?.warnings.join(' ')).toMatch(/<\+trigger.payload.envv> is not in the event/);
  });

  it('evaluates a compiled trigger against many samples, skipping unreached rows on request', () => {
    const ct = compileTrigger(full);
    const verdicts = ['qa', 'prod', 'dev'].map((env) =>
      evaluate(
        ct,
        parseSample({ payload: JSON.stringify({ env, tag: 'v1', image: 'i', branch: 'release/1' }), headers }),
        { full: false },
      ),
    );
    expect(verdicts.map((v) => v.outcome)).toEqual(['fires', 'fires', 'does-not-fire']);
    expect(verdicts[2]?.rows[1]).toMatchObject({ state: 'not-reached', wouldBe: null, resolved: '' });
  });
});
