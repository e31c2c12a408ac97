// The runtime inputs a trigger passes: inputYaml with trigger expressions resolved, the rest kept.
import { describe, expect, it } from 'vitest';
import { parseSample } from '../../shared/harness/expressions';
import { compileRuntimeInputs, resolveRuntimeInputs } from '../../shared/harness/runtime-inputs';
import { parseTriggerYaml } from '../../shared/harness/trigger-yaml';

const INPUT = `pipeline:
  identifier: Container
  properties:
    ci:
      codebase:
        build: <+input>
  stages:
    - stage:
        spec:
          imagePath: <+trigger.payload.image>
          tag: <+trigger.payload.tag>
          source: <+trigger.header['X-Source']>
          note: built by <+trigger.payload.user.name> for <+pipeline.sequenceId>
          short: <+trigger.payload.sha.substring(0, 7)>
          count: <+trigger.payload.count>
          missing: <+trigger.payload.nothere>
          message: <+trigger.payload.message>
`;

const sample = parseSample({
  payload: JSON.stringify({
    image: 'registry/app',
    tag: 'v2.0',
    user: { name: 'ana' },
    sha: '0123456789abcdef',
    count: 3,
    message: 'fix: a # b',
  }),
  headers: { 'x-source': 'jenkins' },
});

describe('runtime inputs', () => {
  const r = resolveRuntimeInputs(compileRuntimeInputs(INPUT, 40), sample);

  it('resolves trigger expressions and keeps the pipeline ones', () => {
    expect(r.yaml).toContain('imagePath: registry/app\n');
    expect(r.yaml).toContain('tag: v2.0\n');
    expect(r.yaml).toContain('source: jenkins\n');
    expect(r.yaml).toContain('build: <+input>\n');
    expect(r.yaml).toContain('note: built by ana for <+pipeline.sequenceId>\n');
    expect(r.yaml).toContain('short: 0123456\n');
    expect(r.yaml).toContain('count: 3\n');
  });

  it('quotes a value that would change the YAML structure', () => {
    expect(r.yaml).toContain('message: "fix: a # b"\n');
  });

  it('flags unresolved expressions with their place', () => {
    expect(r.unresolved).toEqual([
      expect.objectContaining({
        expression: '<+trigger.payload.nothere>',
        line: 16,
        column: 20,
        documentLine: 55,
        state: 'missing',
        value: 'null',
      }),
    ]);
    expect(r.yaml).toContain('missing: null\n');
    expect(r.refs.filter((x) => x.state === 'kept').map((x) => x.expression)).toEqual([
      '<+input>',
      '<+pipeline.sequenceId>',
    ]);
  });

  it('flags trigger expressions that fail or that the preview cannot read', () => {
    const bad = resolveRuntimeInputs(
      compileRuntimeInputs(
        'a: <+trigger.payload.tag.charAt(0)>\nb: <+trigger.payload.user.substring(1)>\nc: <+trigger.sourceRepo>\n',
      ),
      sample,
    );
    expect(bad.unresolved.map((u) => [u.line, u.state])).toEqual([
      [1, 'unsupported'],
      [2, 'error'],
      [3, 'unsupported'],
    ]);
    expect(bad.yaml).toContain('a: <+trigger.payload.tag.charAt(0)>');
  });

  it('maps lines back into the trigger YAML', () => {
    const t = parseTriggerYaml(
      `trigger:\n  name: t\n  source:\n    type: Webhook\n    spec:\n      type: Custom\n  inputYaml: |\n    pipeline:\n      tag: <+trigger.payload.nope>\n`,
    );
    const u = resolveRuntimeInputs(compileRuntimeInputs(t.inputYaml, t.inputYamlLine), sample).unresolved[0];
    expect([u?.line, u?.column, u?.documentLine]).toEqual([2, 8, 9]);
  });

  it('handles a trigger without inputYaml', () => {
    expect(resolveRuntimeInputs(compileRuntimeInputs(null), sample)).toEqual({ yaml: '', refs: [], unresolved: [] });
  });
});
