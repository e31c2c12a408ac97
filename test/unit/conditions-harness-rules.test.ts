// The condition rules read from Harness's source (docs/harness-protocol.md §5), one table
// per rule: header-name case, the empty payload of header conditions, values holding `<+...>`,
// the git-only keys, and the JEXL explanation naming the part that decided.
import { describe, expect, it } from 'vitest';
import { evaluateTrigger } from '../../shared/harness/conditions';
import type { TriggerConditions } from '../../shared/harness/trigger-yaml';

type Cond = [key: string, operator: string, value: string];
const trigger = (payload: Cond[], header: Cond[] = [], jexl: string | null = null): TriggerConditions => ({
  enabled: true,
  payloadConditions: payload.map(([key, operator, value]) => ({ key, operator, value, where: null })),
  headerConditions: header.map(([key, operator, value]) => ({ key, operator, value, where: null })),
  jexlCondition: jexl,
});
const HEADERS = { 'X-Source': 'jenkins' };

describe('header names: lower-cased only in header-condition keys and the JEXL text', () => {
  // [condition kind, key, what it renders to]
  const cases: ['payload' | 'header', string, string][] = [
    ['payload', "<+trigger.header['X-Source']>", 'null'],
    ['payload', '<+trigger.header["X-Source"]>', 'null'],
    ['payload', "<+trigger.header['x-source']>", 'jenkins'],
    ['payload', "<+trigger.header['X-Source'] == null>", 'true'],
    ['header', "<+trigger.header['X-Source']>", 'jenkins'],
    ['header', '<+trigger.header["X-SOURCE"]>', 'jenkins'],
    ['header', "<+trigger.header['x-source']>", 'jenkins'],
    ['header', '<+trigger.header.X-Source>', 'null'],
    ['header', '<+trigger.header.x-source>', 'jenkins'],
  ];
  it.each(cases)('a %s condition keyed %s renders %j', (kind, key, rendered) => {
    const c: Cond = [key, 'Equals', '__never__'];
    const v = evaluateTrigger(kind === 'payload' ? trigger([c]) : trigger([], [c]), {
      payload: '{}',
      headers: HEADERS,
    });
    expect(v.rows[0]?.resolved).toBe(rendered);
  });

  it('warns that a payload condition looks a header up as written', () => {
    const v = evaluateTrigger(trigger([["<+trigger.header['X-Source']>", 'Equals', 'jenkins']]), {
      payload: '{}',
      headers: HEADERS,
    });
    expect(v.status).toBe('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS');
    expect(v.rows[0]?.warnings.join(' ')).toMatch(/Classic mistake: .*as written.*<\+trigger.header\['x-source'\]>/);
  });

  it('lower-cases the name in the JEXL text', () => {
    const v = evaluateTrigger(trigger([], [], '<+trigger.header[\'X-Source\']> == "jenkins"'), {
      payload: '{}',
      headers: HEADERS,
    });
    expect(v.jexl.state).toBe('pass');
  });
});

describe('header conditions see an empty payload', () => {
  const payload = JSON.stringify({ env: 'qa' });
  // [key, rendered in a header condition, rendered in a payload condition]
  const cases: [string, string, string][] = [
    ['<+trigger.payload.env>', 'null', 'qa'],
    ['<+trigger.payload>', '{}', '{"env":"qa"}'],
    ['<+eventPayload.env>', 'null', 'qa'],
    ['<+trigger.eventPayload>', '{}', payload],
  ];
  it.each(cases)('%s renders %j in a header condition, %j in a payload condition', (key, inHeader, inPayload) => {
    const v = evaluateTrigger(trigger([[key, 'Equals', '__never__']], [[key, 'Equals', '__never__']]), {
      payload,
      headers: HEADERS,
    });
    expect(v.rows.map((r) => r.resolved)).toEqual([inPayload, inHeader]);
  });

  it('so a header condition on a payload field misses, flagged as a classic mistake', () => {
    const v = evaluateTrigger(trigger([], [['<+trigger.payload.env>', 'Equals', 'qa']]), { payload, headers: HEADERS });
    expect([v.status, v.rows[0]?.state]).toEqual(['NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS', 'fail']);
    expect(v.rows[0]?.warnings.join(' ')).toMatch(/Classic mistake: .*empty payload/);
  });
});

describe('a resolved value holding <+...> is evaluated again', () => {
  const payload = JSON.stringify({
    w: 'qa',
    one: '<+trigger.payload.w>',
    two: '<+trigger.payload.one>',
    text: 'env-<+trigger.payload.w>-<+trigger.type>',
    header: "<+trigger.header['x-source']>",
    secret: '<+secrets.getValue("token")>',
    pipe: '<+pipeline.name>',
    self: '<+trigger.payload.self>',
  });
  // [path, rendered text, row state]
  const cases: [string, string, string][] = [
    ['one', 'qa', 'pass'],
    ['two', 'qa', 'pass'],
    ['text', 'env-qa-Custom', 'fail'],
    ['header', 'jenkins', 'fail'],
    ['secret', '<+secrets.getValue("token")>', 'unsupported'],
    ['pipe', '<+pipeline.name>', 'unsupported'],
    ['self', '<+trigger.payload.self>', 'unsupported'],
  ];
  it.each(cases)('<+trigger.payload.%s> renders %j (%s)', (path, rendered, state) => {
    const v = evaluateTrigger(trigger([[`<+trigger.payload.${path}>`, 'Equals', 'qa']]), {
      payload,
      headers: HEADERS,
    });
    expect([v.rows[0]?.resolved, v.rows[0]?.state]).toEqual([rendered, state]);
  });

  it('says "cannot tell" rather than guess for what the preview cannot evaluate', () => {
    const v = evaluateTrigger(trigger([['<+trigger.payload.secret>', 'Equals', 'qa']]), { payload });
    expect([v.outcome, v.status]).toEqual(['undetermined', null]);
    expect(v.rows[0]?.why).toMatch(/secrets/);
  });

  // [JEXL condition, state]
  const jexl: [string, string][] = [
    ['<+trigger.payload.one> == "qa"', 'pass'],
    ['<+trigger.payload.two>.startsWith("q")', 'pass'],
    ['<+trigger.payload.secret> == "x"', 'unsupported'],
  ];
  it.each(jexl)('JEXL %s: %s', (src, state) => {
    expect(evaluateTrigger(trigger([], [], src), { payload }).jexl.state).toBe(state);
  });
});

describe('payload-condition keys that only mean something for git events', () => {
  // [key, row state, verdict status]
  const cases: [string, string, string][] = [
    ['sourceBranch', 'error', 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS'],
    ['targetBranch', 'error', 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS'],
    ['changedFiles', 'dropped', 'TARGET_EXECUTION_REQUESTED'],
    ['CHANGEDFILES', 'dropped', 'TARGET_EXECUTION_REQUESTED'],
    ['ChangedFiles', 'dropped', 'TARGET_EXECUTION_REQUESTED'],
  ];
  it.each(cases)('a payload condition keyed %s: %s, %s', (key, state, status) => {
    const v = evaluateTrigger(trigger([[key, 'Equals', 'main']]), { payload: '{"sourceBranch":"main"}' });
    expect([v.rows[0]?.state, v.status]).toEqual([state, status]);
    expect(v.rows[0]?.why).toMatch(state === 'dropped' ? /dropped.*never checked/ : /git event.*custom webhook/);
    expect(v.rows[0]?.warnings[0]).toMatch(/^Classic mistake: /);
  });

  it('drops changedFiles before evaluation: the next condition still decides', () => {
    const v = evaluateTrigger(
      trigger([
        ['changedFiles', 'Equals', 'x'],
        ['<+trigger.payload.env>', 'Equals', 'qa'],
      ]),
      { payload: '{"env":"dev"}' },
    );
    expect(v.rows.map((r) => r.state)).toEqual(['dropped', 'fail']);
    expect(v.summary).toMatch(/payload condition 2/);
  });

  // Other spellings and places are ordinary keys.
  const ordinary: ['payload' | 'header', string, string][] = [
    ['payload', 'SourceBranch', 'fail'],
    ['payload', '<+trigger.payload.sourceBranch>', 'pass'],
    ['payload', '<+trigger.payload.changedFiles>', 'fail'],
    ['header', 'sourceBranch', 'fail'],
    ['header', 'changedFiles', 'fail'],
  ];
  it.each(ordinary)('a %s condition keyed %s is an ordinary key (%s)', (kind, key, state) => {
    const c: Cond = [key, 'Equals', 'main'];
    const v = evaluateTrigger(kind === 'payload' ? trigger([c]) : trigger([], [c]), {
      payload: '{"sourceBranch":"main"}',
    });
    expect(v.rows[0]?.state).toBe(state);
  });
});

describe('the JEXL explanation names the part that decided', () => {
  const P = (p: string): string => `<+trigger.payload.${p}>`;
  const HARNESS_EXAMPLE = `${P('tag')}.startsWith("v") && ${P('image')} != null`;
  // [condition, payload, why]
  const cases: [string, Record<string, unknown>, string][] = [
    [HARNESS_EXAMPLE, { tag: '1.2', image: 'nginx' }, `\`${P('tag')}.startsWith("v")\` was false: tag is "1.2"`],
    [HARNESS_EXAMPLE, { tag: 'v1' }, `\`${P('image')} != null\` was false: image is null (not in the event)`],
    [HARNESS_EXAMPLE, { tag: 'v1', image: 'n' }, 'every part was true: tag is "v1", image is "n"'],
    [
      `${P('env')} == "qa" || ${P('env')} == "prod"`,
      { env: 'prod' },
      `\`${P('env')} == "prod"\` was true: env is "prod"`,
    ],
    [
      `${P('env')} == "qa" or ${P('env')} == "prod"`,
      { env: 'dev' },
      `no part was true: \`${P('env')} == "qa"\` was false: env is "dev"; \`${P('env')} == "prod"\` was false: env is "dev"`,
    ],
    [
      `(${P('n')} > 1 && ${P('flag')}) || ${P('env')} == "qa"`,
      { n: 5, flag: false, env: 'dev' },
      `no part was true: \`${P('flag')}\` was false: flag is false; \`${P('env')} == "qa"\` was false: env is "dev"`,
    ],
    [`${P('tag')}.startsWith("v")`, { tag: '1.2' }, `\`${P('tag')}.startsWith("v")\` was false: tag is "1.2"`],
    [`(${P('a')} and ${P('b')})`, { a: true, b: false }, `\`${P('b')}\` was false: b is false`],
  ];
  it.each(cases)('%s with %j: %s', (src, payload, why) => {
    const v = evaluateTrigger(trigger([], [], src), { payload: JSON.stringify(payload) });
    expect(v.jexl.why).toBe(why);
  });

  it('puts the deciding part in the verdict summary', () => {
    const v = evaluateTrigger(trigger([], [], HARNESS_EXAMPLE), { payload: '{"tag":"1.2","image":"x"}' });
    expect(v.summary).toContain('`<+trigger.payload.tag>.startsWith("v")` was false: tag is "1.2"');
    expect(v.summary).not.toMatch(/evaluates to false/);
  });
});
