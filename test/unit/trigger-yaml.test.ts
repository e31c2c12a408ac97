// Reading a trigger YAML (docs/harness-protocol.md §6): fields, scalar text as Harness reads it, errors with places.
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { parseTriggerYaml } from '../../shared/harness/trigger-yaml';

const HARNESS_EXAMPLE = `trigger:
  name: Deploy on image
  identifier: deploy_on_image
  enabled: true
  orgIdentifier: default
  projectIdentifier: CD_Docs
  pipelineIdentifier: Container
  source:
    type: Webhook
    spec:
      type: Custom
      spec:
        payloadConditions:
          - key: <+trigger.payload.env>
            operator: In
            value: qa, prod
        headerConditions:
          - key: <+trigger.header['X-Source']>
            operator: Equals
            value: jenkins
        jexlCondition: <+trigger.payload.tag>.startsWith("v") && <+trigger.payload.image> != null
  inputYaml: |
    pipeline:
      identifier: Container
      stages:
        - stage:
            identifier: deploy
            spec:
              imagePath: <+trigger.payload.image>
              tag: <+trigger.payload.tag>
`;

function error(text: string): DeskError {
  try {
    parseTriggerYaml(text);
  } catch (e) {
    if (e instanceof DeskError) return e;
    throw e;
  }
  throw new Error('expected a DeskError');
}

const wrap = (source: string): string => `trigger:\n  name: t\n  identifier: t\n  source:\n${source}`;
const custom = (spec: string): string => wrap(`    type: Webhook\n    spec:\n      type: Custom\n      spec:\n${spec}`);

describe('parseTriggerYaml', () => {
  it('reads the documented example trigger', () => {
    const t = parseTriggerYaml(HARNESS_EXAMPLE);
    expect(t).toMatchObject({
      name: 'Deploy on image',
      identifier: 'deploy_on_image',
      enabled: true,
      org: 'default',
      project: 'CD_Docs',
      pipeline: 'Container',
      payloadConditions: [
        { key: '<+trigger.payload.env>', operator: 'In', value: 'qa, prod', where: { line: 14, column: 13 } },
      ],
      headerConditions: [{ key: "<+trigger.header['X-Source']>", operator: 'Equals', value: 'jenkins' }],
      jexlCondition: '<+trigger.payload.tag>.startsWith("v") && <+trigger.payload.image> != null',
      jexlWhere: { line: 21, column: 24 },
      inputYamlLine: 23,
    });
    expect(t.inputYaml).toContain('imagePath: <+trigger.payload.image>');
    expect(t.notes).toEqual([]);
  });

  it('keeps values as the text Harness reads (not YAML numbers or booleans)', () => {
    const t = parseTriggerYaml(
      custom(
        '        payloadConditions:\n          - key: <+trigger.payload.v>\n            operator: Equals\n            value: 1.50\n          - key: k\n            operator: Equals\n            value: yes\n          - key: k\n            operator: Equals\n            value:\n',
      ),
    );
    expect(t.payloadConditions.map((c) => c.value)).toEqual(['1.50', 'yes', null]);
  });

  it('gives YAML syntax errors with line and column', () => {
    const e = error('trigger:\n  name: x\n   bad: [1\n');
    expect(e.code).toBe('parse');
    expect(e.where).toEqual({ line: 2, column: 9 });
    expect(e.message).toMatch(/line 2, column 9/);
  });

  it.each([
    [
      wrap('    type: Scheduled\n    spec:\n      type: Cron\n'),
      /Scheduled \(cron\) trigger, not a custom webhook trigger/,
    ],
    [wrap('    type: Artifact\n'), /an Artifact trigger/],
    [
      wrap('    type: Webhook\n    spec:\n      type: Github\n'),
      /Webhook\/Github trigger, not a custom webhook trigger/,
    ],
    [wrap('    type: Webhook\n    spec:\n      type: Gitlab\n'), /Webhook\/Gitlab/],
    ['trigger:\n  name: x\n', /trigger.source is missing/],
    ['pipeline:\n  name: x\n', /pipeline YAML, not a trigger/],
    ['', /empty/],
    ['- a\n- b\n', /mapping that starts with "trigger:"/],
    ['name: x\n', /no "trigger:" key/],
    [custom('        payloadConditions: nope\n'), /payloadConditions must be a list/],
    [custom('        headerConditions:\n          - just text\n'), /Each entry of headerConditions/],
    [custom('        jexlCondition:\n          - a\n'), /"jexlCondition" must be a single value/],
  ])('explains a document that is not a usable custom trigger (%#)', (text, message) => {
    expect(error(text).message).toMatch(message);
  });

  it('points at the offending node', () => {
    expect(error(wrap('    type: Webhook\n    spec:\n      type: Github\n')).where).toEqual({ line: 7, column: 13 });
  });

  it('accepts a trigger without the top-level key, with a note, and notes a disabled trigger', () => {
    const t = parseTriggerYaml('name: x\nenabled: false\nsource:\n  type: Webhook\n  spec:\n    type: Custom\n');
    expect(t.enabled).toBe(false);
    expect(t.notes.join(' ')).toMatch(/no top-level "trigger:"/);
    expect(t.notes.join(' ')).toMatch(/disabled/);
    expect([t.payloadConditions, t.headerConditions, t.jexlCondition]).toEqual([[], [], null]);
  });

  it('reads a block-scalar JEXL condition and the optional fields', () => {
    const t = parseTriggerYaml(
      `${custom('        jexlCondition: |\n          var ok = true;\n          ok\n')}  inputSetRefs:\n    - a\n  pipelineBranchName: main\n  stagesToExecute: [s1]\n  tags:\n    team: qa\n`,
    );
    expect(t.jexlCondition).toBe('var ok = true;\nok\n');
    expect([t.inputSetRefs, t.pipelineBranchName, t.stagesToExecute, t.tags]).toEqual([
      ['a'],
      'main',
      ['s1'],
      { team: 'qa' },
    ]);
  });
});
