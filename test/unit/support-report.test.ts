import { describe, expect, it } from 'vitest';
import { viewOfData } from '../../shared/harness/execution-status';
import { supportReport } from '../../shared/harness/support-report';
import type { InspectResult } from '../../shared/watch-model';
import { harnessShapedKey } from '../helpers/keychain';

function result(key: string, token: string): InspectResult {
  const data = {
    webhookProcessingDetails: {
      status: 'TARGET_EXECUTION_REQUESTED',
      message: `Pipeline execution was requested successfully via https://h.example/gateway/pipeline/api/webhook/custom/${token}/v3?accountIdentifier=A`,
      pipelineExecutionId: 'p1',
      triggerIdentifier: 'deploy',
      pipelineIdentifier: 'deploy_pl',
    },
    executionDetails: {
      pipelineExecutionSummary: {
        planExecutionId: 'p1',
        name: 'Deploy',
        pipelineIdentifier: 'deploy_pl',
        status: 'Failed',
        startTs: 1000,
        endTs: 6000,
        runSequence: 7,
        failureInfo: { message: `curl failed: X-Api-Key: ${key}` },
        startingNodeId: 'a',
        layoutNodeMap: {
          a: {
            nodeType: 'CI',
            nodeIdentifier: 'build',
            name: 'Build | x',
            status: 'Failed',
            startTs: 1000,
            endTs: 6000,
            edgeLayoutList: { currentNodeChildren: [], nextIds: [] },
            failureInfo: { message: 'exit 1' },
          },
        },
      },
    },
  };
  const view = viewOfData(data, 7000);
  return {
    ...view,
    apiUrl: 'https://h.example/gateway/pipeline/api/webhook/triggerExecutionDetails/ev1?accountIdentifier=A',
    keySent: true,
    keyTriggerName: 'Deploy',
    httpStatus: 200,
    fetchedAt: 7000,
    payload: JSON.stringify({ apiKey: key, note: '```\n# not a heading' }),
    runtimeInput: 'pipeline:\n  identifier: deploy_pl',
    fields: [],
    statuses: [view.execution?.status ?? { status: 'x', words: 'x', tone: 'unknown' }],
    raw: '{}',
    explanation: null,
    harnessLink: null,
  };
}

describe('supportReport', () => {
  it('has the essentials and no key, token or marked secret anywhere', () => {
    const key = harnessShapedKey('sat');
    const token = 'Ab3dEf6hIj9lMn2pQr5tUv';
    const md = supportReport(result(key, token), { secrets: ['my-header-secret'], appVersion: '1.2.3', now: 8000 });
    expect(md).toContain('# Harness event');
    expect(md).toContain('`Failed`');
    expect(md).toContain('planExecutionId `p1`');
    expect(md).toContain('| 1 | Build \\| x | Failed | 5 s | exit 1 |');
    expect(md).toContain('## Payload Harness received');
    expect(md).toContain('Trigger Desk 1.2.3');
    expect(md).not.toContain(key);
    expect(md).not.toContain(key.slice(4, 30));
    expect(md).not.toContain(token);
    // The payload's own fence cannot close the block early.
    expect(md).toMatch(/````\n.*```/s);
  });

  it('names the failing stage in the summary and links the execution in Harness', () => {
    const url = 'https://h.example/ng/#/account/A/cd/orgs/o/projects/p/pipelines/deploy_pl/executions/p1/pipeline';
    const r = result('k', 't');
    const md = supportReport({ ...r, headline: r.headline || 'x', harnessLink: { url, triggerId: null } });
    expect(md).toContain(`- **Open in Harness:** ${url}`);
  });

  it('masks values given as secrets wherever they appear', () => {
    const r = { ...result(harnessShapedKey(), 'Ab3dEf6hIj9lMn2pQr5tUv'), payload: '{"h":"my-header-secret-123"}' };
    const md = supportReport(r, { secrets: ['my-header-secret-123'] });
    expect(md).not.toContain('my-header-secret-123');
  });
});
