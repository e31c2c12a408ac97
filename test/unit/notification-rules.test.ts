import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { DeskError } from '../../shared/errors';
import { identifierFromName, notificationRulesYaml, sampleEventData } from '../../shared/harness/notification-rules';
import type { NotificationRuleInput } from '../../shared/harness/notification-rules';

const TOKEN = 'AbCdEfGhIjKlMnOpQr_-12';
const B_URL = `https://app.harness.io/gateway/pipeline/api/webhook/custom/${TOKEN}/v3?accountIdentifier=acc_1&orgIdentifier=default&projectIdentifier=CD_Docs&pipelineIdentifier=pipe_b&triggerIdentifier=start_b`;

function base(over: Partial<NotificationRuleInput> = {}): NotificationRuleInput {
  return { name: 'start B', events: [{ type: 'PipelineSuccess' }], webhookUrl: B_URL, secretId: 'b_api_key', ...over };
}

interface Rule {
  name: string;
  identifier: string;
  enabled: boolean;
  pipelineEvents: { type: string; forStages?: string[] }[];
  notificationMethod: { type: string; spec: { webhookUrl: string; headers: Record<string, string> } };
}

function rules(yaml: string): Rule[] {
  return (parse(yaml) as { notificationRules: Rule[] }).notificationRules;
}

function fails(o: NotificationRuleInput): DeskError {
  try {
    notificationRulesYaml(o);
  } catch (err) {
    if (err instanceof DeskError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('notificationRulesYaml', () => {
  it('writes the Webhook notification rule with the secret expression, never a key', () => {
    const out = notificationRulesYaml(base());
    const [rule] = rules(out.yaml);
    expect(rule).toEqual({
      name: 'start B',
      identifier: 'start_B',
      enabled: true,
      pipelineEvents: [{ type: 'PipelineSuccess' }],
      notificationMethod: {
        type: 'Webhook',
        spec: {
          webhookUrl: B_URL,
          headers: { 'content-type': 'application/json', 'X-Api-Key': '<+secrets.getValue("b_api_key")>' },
        },
      },
    });
    expect(out.warnings).toEqual([]);
  });

  it('round-trips: parse then stringify gives the same text', () => {
    const out = notificationRulesYaml(
      base({
        events: [
          { type: 'PipelineFailed' },
          { type: 'StageFailed', forStages: ['build', 'qa'] },
          { type: 'StepFailed' },
        ],
      }),
    );
    expect(stringify(parse(out.yaml), { lineWidth: 0 })).toBe(out.yaml);
    const [rule] = rules(out.yaml);
    expect(rule?.pipelineEvents).toEqual([
      { type: 'PipelineFailed' },
      { type: 'StageFailed', forStages: ['build', 'qa'] },
      { type: 'StepFailed', forStages: ['AllStages'] },
    ]);
  });

  it('every pipeline event is accepted', () => {
    for (const type of [
      'PipelineStart',
      'PipelineSuccess',
      'PipelineFailed',
      'PipelineEnd',
      'PipelinePaused',
    ] as const) {
      expect(rules(notificationRulesYaml(base({ events: [{ type }] })).yaml)[0]?.pipelineEvents).toEqual([{ type }]);
    }
  });

  it('warns that PipelineEnd with PipelineSuccess runs B twice', () => {
    const out = notificationRulesYaml(base({ events: [{ type: 'PipelineEnd' }, { type: 'PipelineSuccess' }] }));
    expect(out.warnings.join(' ')).toMatch(/PipelineEnd and PipelineSuccess.*B runs twice/);
  });

  it('omits X-Api-Key without a secret and says so', () => {
    const out = notificationRulesYaml(base({ secretId: null }));
    expect(rules(out.yaml)[0]?.notificationMethod.spec.headers).toEqual({ 'content-type': 'application/json' });
    expect(out.warnings.join(' ')).toMatch(/No API key secret/);
  });

  it('refuses the key itself, a bad secret id, stages on a pipeline event, no events, a bad URL', () => {
    const key = ['pat', 'abc123', 'x'.repeat(10)].join('.');
    expect(fails(base({ secretId: key })).message).toMatch(/the API key itself/);
    expect(fails(base({ secretId: 'b api key' })).message).toMatch(/not a Harness secret identifier/);
    expect(fails(base({ events: [{ type: 'PipelineSuccess', forStages: ['build'] }] })).message).toMatch(
      /only stage events/,
    );
    expect(fails(base({ events: [] })).message).toMatch(/at least one event/);
    expect(fails(base({ events: [{ type: 'PipelineEnd' }, { type: 'PipelineEnd' }] })).message).toMatch(/chosen twice/);
    expect(fails(base({ webhookUrl: 'http://example.com/x' })).code).toMatch(/parse|insecure-url/);
  });

  it('accepts org. and account. secret scopes', () => {
    expect(notificationRulesYaml(base({ secretId: 'org.b_key' })).yaml).toContain('<+secrets.getValue("org.b_key")>');
    expect(notificationRulesYaml(base({ secretId: 'account.b_key' })).yaml).toContain(
      '<+secrets.getValue("account.b_key")>',
    );
  });
});

describe('sample eventData', () => {
  it('has every §5 field, for the chosen event', () => {
    const out = notificationRulesYaml(
      base({
        events: [{ type: 'PipelineFailed' }],
        source: { pipelineIdentifier: 'pipe_a', pipelineName: 'Pipeline A' },
      }),
    );
    const d = out.sample.eventData;
    for (const f of [
      'accountIdentifier',
      'orgIdentifier',
      'projectIdentifier',
      'pipelineIdentifier',
      'pipelineName',
      'planExecutionId',
      'executionUrl',
      'pipelineUrl',
      'eventType',
      'nodeStatus',
      'triggeredBy',
      'startTime',
      'startTs',
      'endTime',
      'endTs',
      'errorMessage',
    ]) {
      expect(d, f).toHaveProperty(f);
    }
    expect(d).toMatchObject({
      accountIdentifier: 'acc_1',
      pipelineIdentifier: 'pipe_a',
      pipelineName: 'Pipeline A',
      eventType: 'PipelineFailed',
      nodeStatus: 'failed',
    });
    expect(d.errorMessage).not.toBe('');
    expect(String(d.executionUrl)).toMatch(/^https:\/\/app\.harness\.io\/ng\/account\/acc_1\//);
  });

  it('a start has no end', () => {
    const d = sampleEventData('PipelineStart').eventData;
    expect(d).toMatchObject({ nodeStatus: 'started', endTs: 0, endTime: '', errorMessage: '' });
  });
});

describe('identifierFromName', () => {
  it('keeps Harness identifier characters only', () => {
    expect(identifierFromName('start B')).toBe('start_B');
    expect(identifierFromName('1st - deploy!')).toBe('_1st_deploy');
    expect(identifierFromName('  ')).toBe('notify_next_pipeline');
  });
});
