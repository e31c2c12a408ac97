import { describe, expect, it } from 'vitest';
import { checkPaths, insertSkeleton, triggerPayloadPaths } from '../../shared/harness/payload-paths';
import { locatePath } from '../../shared/harness/payload-paths-locate';
import { conditionLines, customTriggerYaml } from '../fixtures/trigger-yaml';

const YAML = customTriggerYaml({
  name: 'Deploy on image',
  identifier: 'deploy_on_image',
  payloadConditions: [
    conditionLines.ENV_IN,
    { key: "<+trigger.payload.build['job name']>", operator: 'Equals', value: 'x' },
  ],
  headerConditions: [conditionLines.FROM_JENKINS],
  jexlCondition:
    '<+trigger.payload.tag>.startsWith("v") && <+trigger.payload.image> != null && <+trigger.payload.items.size()> > 0',
  inputYaml: `pipeline:
  identifier: Container
  variables:
    - name: image
      value: <+trigger.payload.image>
    - name: first
      value: <+trigger.payload.items[0].name>
`,
});

describe('triggerPayloadPaths', () => {
  it('lists every payload path of conditions, JEXL and inputYaml once, with where it is used', () => {
    const paths = triggerPayloadPaths(YAML);
    expect(paths.map((p) => p.path)).toEqual(['env', "build['job name']", 'tag', 'image', 'items', 'items[0].name']);
    const image = paths.find((p) => p.path === 'image');
    expect(image?.uses.map((u) => [u.kind, u.line])).toEqual([
      ['JEXL condition', 20],
      ['inputYaml', 26],
    ]);
    expect(image?.wantsScalar).toBe(true);
    expect(paths.find((p) => p.path === 'items')?.wantsScalar).toBe(false);
    expect(paths.find((p) => p.path === 'env')?.uses[0]?.line).toBe(10);
  });
  it('reports a YAML that is not a trigger in plain words', () => {
    expect(() => triggerPayloadPaths('pipeline:\n  name: x\n')).toThrow(/pipeline YAML, not a trigger/);
  });
});

describe('checkPaths', () => {
  const paths = triggerPayloadPaths(YAML);
  it('marks present, missing and present-but-odd', () => {
    const states = checkPaths(paths, {
      env: 'qa',
      build: { 'job name': {} },
      tag: '',
      image: null,
      items: [{ name: 'a' }],
    });
    expect(states.map((s) => [s.path.path, s.state])).toEqual([
      ['env', 'present'],
      ["build['job name']", 'odd'],
      ['tag', 'odd'],
      ['image', 'odd'],
      ['items', 'present'],
      ['items[0].name', 'present'],
    ]);
    expect(states[1]?.detail).toMatch(/an object where a text value is expected/);
    expect(states[2]?.detail).toMatch(/empty string/);
  });
  it('marks everything missing when the payload is not JSON', () => {
    expect(checkPaths(paths, undefined).every((s) => s.state === 'missing')).toBe(true);
  });
});

describe('skeletons and locating', () => {
  it('inserts a skeleton value, creating objects and lists, and keeps what is there', () => {
    expect(insertSkeleton({ a: 1 }, ['items', 0, 'name'])).toEqual({ a: 1, items: [{ name: '' }] });
    expect(insertSkeleton({ b: { c: 2 } }, ['b', 'd'])).toEqual({ b: { c: 2, d: '' } });
    expect(insertSkeleton(undefined, ['x'])).toEqual({ x: '' });
  });
  it('finds a path in the text, keys and list items', () => {
    const text = '{\n  "a": {"b c": [1, {"d": "x\\"}"}]},\n  "env": "qa"\n}';
    const env = locatePath(text, ['env']);
    expect(env && text.slice(env.start, env.end)).toBe('"env"');
    const item = locatePath(text, ['a', 'b c', 1]);
    expect(item && text.slice(item.start, item.end)).toBe('{"d": "x\\"}"}');
    const d = locatePath(text, ['a', 'b c', 1, 'd']);
    expect(d && text.slice(d.start, d.end)).toBe('"d"');
    expect(locatePath(text, ['a', 'missing'])).toBeNull();
    expect(locatePath(text, ['a', 'b c', 5])).toBeNull();
  });
});
