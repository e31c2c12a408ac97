// The condition matrix and its CSV: one compile per trigger, one parse per sample, a YAML error
// filling its row, and RFC 4180 quoting (commas, quotes, line breaks) plus formula-safe cells.
import { describe, expect, it } from 'vitest';
import { buildMatrix, csvField, matrixCsv } from '../../shared/harness/trigger-matrix';

const yaml = (conditions: string): string => `trigger:
  name: T
  identifier: t1
  source:
    type: Webhook
    spec:
      type: Custom
      spec:
${conditions}
`;

const ENV = yaml(`        payloadConditions:
          - key: <+trigger.payload.env>
            operator: In
            value: qa, prod`);

describe('buildMatrix', () => {
  it('gives each trigger × sample its outcome, status and reason', () => {
    const m = buildMatrix(
      [
        { id: 'a', name: 'env in qa, prod', yaml: ENV },
        { id: 'b', name: 'no conditions', yaml: yaml('        payloadConditions: []') },
      ],
      [
        { id: 's1', name: 'qa', payload: '{"env":"qa"}' },
        { id: 's2', name: 'dev', payload: '{"env":"dev"}' },
        { id: 's3', name: 'not json', payload: 'env=qa' },
      ],
    );
    expect(m.samples.map((s) => s.name)).toEqual(['qa', 'dev', 'not json']);
    expect(m.rows[0]?.trigger).toEqual({ id: 'a', name: 'env in qa, prod', identifier: 't1' });
    expect(m.rows[0]?.cells.map((c) => c.outcome)).toEqual(['fires', 'does-not-fire', 'does-not-fire']);
    expect(m.rows[0]?.cells[1]).toMatchObject({
      status: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
      reason: expect.stringContaining('"dev"') as unknown,
    });
    expect(m.rows[0]?.cells[2]?.reason).toContain('"null"');
    expect(m.rows[1]?.cells.map((c) => c.status)).toEqual([
      'TARGET_EXECUTION_REQUESTED',
      'TARGET_EXECUTION_REQUESTED',
      'TARGET_EXECUTION_REQUESTED',
    ]);
  });

  it('fills the row of a trigger whose YAML cannot be read with the error and its place', () => {
    const m = buildMatrix(
      [
        { id: 'x', name: 'broken', yaml: 'trigger:\n  source: [oops\n' },
        { id: 'y', name: 'cron', yaml: 'trigger:\n  source:\n    type: Scheduled\n' },
      ],
      [{ id: 's', name: 's', payload: '{}' }],
    );
    expect(m.rows[0]?.error).toMatch(/line \d+, column \d+/);
    expect(m.rows[0]?.cells[0]?.outcome).toBe('error');
    expect(m.rows[1]?.error).toMatch(/Scheduled \(cron\) trigger, not a custom webhook trigger/);
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks; defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('')).toBe('');
  });

  it('writes one CRLF line per cell with the header first', () => {
    const m = buildMatrix(
      [{ id: 'a', name: 'Deploy, "prod"', yaml: ENV }],
      [
        { id: 's1', name: 'qa', payload: '{"env":"qa"}' },
        { id: 's2', name: 'dev', payload: '{"env":"dev"}' },
      ],
    );
    const lines = matrixCsv(m).split('\r\n');
    expect(lines[0]).toBe('trigger,trigger identifier,sample,outcome,harness status,reason');
    expect(lines[1]).toBe(
      '"Deploy, ""prod""",t1,qa,fires,TARGET_EXECUTION_REQUESTED,Would fire (TARGET_EXECUTION_REQUESTED): every condition matches.',
    );
    expect(lines[2]).toMatch(
      /^"Deploy, ""prod""",t1,dev,does not fire,NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS,"Would not fire .*""dev"".*"$/,
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});
