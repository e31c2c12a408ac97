import { describe, expect, it } from 'vitest';
import {
  executionWords,
  isTerminal,
  processingWords,
  readDetails,
  TERMINAL_STATUSES,
  viewOfData,
} from '../../shared/harness/execution-status';

const ALL_EXECUTION = [
  'Running',
  'AsyncWaiting',
  'TaskWaiting',
  'TimedWaiting',
  'Failed',
  'Errored',
  'IgnoreFailed',
  'NotStarted',
  'Expired',
  'Aborted',
  'Discontinuing',
  'Queued',
  'Paused',
  'ResourceWaiting',
  'InterventionWaiting',
  'ApprovalWaiting',
  'WaitStepRunning',
  'QueuedLicenseLimitReached',
  'QueuedExecutionConcurrencyReached',
  'Success',
  'Suspended',
  'Skipped',
  'Pausing',
  'ApprovalRejected',
  'InputWaiting',
  'AbortedByFreeze',
  'Waiting',
];

function summary(status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    webhookProcessingDetails: {
      eventFound: true,
      status: 'TARGET_EXECUTION_REQUESTED',
      message: 'Pipeline execution was requested successfully',
      pipelineExecutionId: 'p1',
      payload: '{"a":1}',
      runtimeInput: 'pipeline: {}',
    },
    executionDetails: {
      pipelineExecutionSummary: {
        planExecutionId: 'p1',
        name: 'Deploy',
        pipelineIdentifier: 'deploy',
        status,
        startTs: 1000,
        endTs: isTerminal(status) ? 5000 : null,
        orgIdentifier: 'default',
        projectIdentifier: 'Sandbox',
        startingNodeId: 'a',
        layoutNodeMap: {
          a: {
            nodeType: 'CI',
            nodeIdentifier: 'build',
            name: 'Build',
            status,
            startTs: 1000,
            endTs: null,
            edgeLayoutList: { currentNodeChildren: [], nextIds: [] },
          },
        },
        ...extra,
      },
    },
  };
}

describe('status words', () => {
  it('has the exact terminal set of Harness', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual([
      'Aborted',
      'AbortedByFreeze',
      'ApprovalRejected',
      'Errored',
      'Expired',
      'Failed',
      'IgnoreFailed',
      'Skipped',
      'Success',
      'Suspended',
    ]);
    expect(isTerminal('Running')).toBe(false);
    expect(isTerminal('ApprovalWaiting')).toBe(false);
  });

  it('has plain words for every execution status and keeps unknown ones verbatim', () => {
    for (const s of ALL_EXECUTION) {
      const w = executionWords(s);
      expect(w.tone, s).not.toBe('unknown');
      expect(w.words.length, s).toBeGreaterThan(3);
    }
    expect(executionWords('BrandNewStatus')).toEqual({
      status: 'BrandNewStatus',
      words: 'BrandNewStatus',
      tone: 'unknown',
    });
    expect(processingWords('SOMETHING_NEW')).toEqual({
      status: 'SOMETHING_NEW',
      words: 'SOMETHING_NEW',
      tone: 'unknown',
    });
    for (const s of [
      'QUEUED',
      'TARGET_EXECUTION_REQUESTED',
      'NO_ENABLED_CUSTOM_TRIGGER_FOUND',
      'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
      'NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS',
      'NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS',
      'INVALID_RUNTIME_INPUT_YAML',
      'EXCEPTION_WHILE_PROCESSING',
    ]) {
      expect(processingWords(s).tone, s).not.toBe('unknown');
    }
  });
});

describe('readDetails', () => {
  it('reads the 400 "doesn’t exist" answer as pending, not failure', () => {
    const body = JSON.stringify({
      status: 'ERROR',
      code: 'INVALID_REQUEST',
      message: "Invalid request: Trigger event history doesn't exist for event with eventId abc",
    });
    const a = readDetails(400, body, 0, []);
    expect(a.kind).toBe('view');
    if (a.kind === 'view') expect(a.view).toMatchObject({ phase: 'pending', terminal: false });
  });

  it('sorts other answers: 401/403 denied, 5xx and HTML trouble, other 4xx refused', () => {
    expect(readDetails(401, '{"message":"Invalid token"}', 0, [])).toMatchObject({
      kind: 'denied',
      message: 'Invalid token',
    });
    expect(readDetails(403, '{}', 0, []).kind).toBe('denied');
    expect(readDetails(503, '<html><body>503 Service Temporarily Unavailable</body></html>', 0, [])).toMatchObject({
      kind: 'trouble',
      message: '503 Service Temporarily Unavailable',
    });
    expect(readDetails(200, '<html>portal</html>', 0, []).kind).toBe('trouble');
    expect(readDetails(404, '{"message":"nope"}', 0, []).kind).toBe('refused');
    expect(readDetails(400, '{"message":"Invalid request: accountIdentifier: must not be null"}', 0, []).kind).toBe(
      'refused',
    );
  });

  it('a run in progress is running; a terminal one ends; a person wait is named', () => {
    expect(viewOfData(summary('Running'), 3000)).toMatchObject({
      phase: 'running',
      terminal: false,
      needsPerson: null,
      execution: { durationMs: 2000 },
    });
    expect(viewOfData(summary('Success'), 9000)).toMatchObject({
      phase: 'ended',
      terminal: true,
      execution: { durationMs: 4000 },
    });
    expect(viewOfData(summary('ApprovalWaiting'), 0).needsPerson).toMatch(/approval/);
    expect(viewOfData(summary('InterventionWaiting'), 0).needsPerson).toMatch(/intervention/);
    expect(viewOfData(summary('InputWaiting'), 0).needsPerson).toMatch(/input/);
    const failed = viewOfData(summary('Failed', { failureInfo: { message: 'Shell script exited 1' } }), 0);
    expect(failed.failureMessages).toContain('Shell script exited 1');
    expect(failed.headline).toBe('Failed: Shell script exited 1');
  });

  it('processing without a run: requested waits, a miss or an unknown status ends the event', () => {
    const p = (status: string, id: string | null = null) => ({
      webhookProcessingDetails: { status, message: `msg ${status}`, pipelineExecutionId: id },
    });
    expect(viewOfData(p('QUEUED'), 0)).toMatchObject({ phase: 'processing', terminal: false });
    expect(viewOfData(p('TARGET_EXECUTION_REQUESTED', 'p1'), 0)).toMatchObject({
      phase: 'processing',
      terminal: false,
    });
    const miss = viewOfData(p('NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS'), 0);
    expect(miss).toMatchObject({
      phase: 'not-started',
      terminal: true,
      failureMessages: ['msg NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS'],
    });
    expect(miss.headline).toContain('JEXL');
    expect(viewOfData(p('NEW_ENUM_VALUE'), 0)).toMatchObject({
      phase: 'not-started',
      processing: { status: { words: 'NEW_ENUM_VALUE', tone: 'unknown' } },
    });
  });
});

describe('stages a run never reached', () => {
  const twoStages = (runStatus: string, secondStatus: string): Record<string, unknown> =>
    summary(runStatus, {
      layoutNodeMap: {
        a: {
          nodeType: 'CI',
          nodeIdentifier: 'build',
          name: 'Build',
          status: runStatus,
          startTs: 1000,
          endTs: 4000,
          edgeLayoutList: { currentNodeChildren: [], nextIds: ['b'] },
        },
        b: {
          nodeType: 'Deployment',
          nodeIdentifier: 'deploy',
          name: 'Deploy',
          status: secondStatus,
          startTs: null,
          endTs: null,
          edgeLayoutList: { currentNodeChildren: [], nextIds: [] },
        },
      },
    });

  it('reads "Not run", in a neutral tone, once the run has ended', () => {
    const v = viewOfData(twoStages('Failed', 'NotStarted'), 9000);
    expect(v.steps[1]?.stages[0]?.status).toEqual({ status: 'NotStarted', tone: 'neutral', words: 'Not run' });
  });

  it('still reads "Not started yet" while the run goes on', () => {
    const v = viewOfData(twoStages('Running', 'NotStarted'), 9000);
    expect(v.steps[1]?.stages[0]?.status.words).toBe('Not started yet');
    expect(v.steps[1]?.stages[0]?.status.tone).toBe('wait');
  });
});
