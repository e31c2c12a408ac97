// Every FinalStatus Harness can report on an event, in plain words with a tone; the inspector's
// headline names the failing stage; "doesn't exist" is doubted after a minute; "Open in Harness"
// links the execution from the uiUrl form and planExecutionId.
import { describe, expect, it } from 'vitest';
import { executionLink } from '../../shared/harness/execution-link';
import {
  PROCESSING_STATUSES,
  pendingView,
  processingWords,
  readDetails,
  viewOfData,
} from '../../shared/harness/execution-status';
import { PROCESSING_STATUSES as FROM_WORDS } from '../../shared/harness/execution-status-words';

/** TriggerEventResponse.FinalStatus, the 33 values of Harness's enum (plus QUEUED and later additions below). */
const FINAL_STATUS = [
  'SCM_SERVICE_CONNECTION_FAILED',
  'INVALID_PAYLOAD',
  'TRIGGER_DID_NOT_MATCH_EVENT_CONDITION',
  'TRIGGER_DID_NOT_MATCH_METADATA_CONDITION',
  'TRIGGER_DID_NOT_MATCH_ARTIFACT_JEXL_CONDITION',
  'NO_MATCHING_TRIGGER_FOR_REPO',
  'NO_MATCHING_TRIGGER_FOR_EVENT_ACTION',
  'NO_MATCHING_TRIGGER_FOR_METADATA_CONDITIONS',
  'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
  'NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS',
  'NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS',
  'INVALID_RUNTIME_INPUT_YAML',
  'TARGET_DID_NOT_EXECUTE',
  'TARGET_EXECUTION_REQUESTED',
  'NO_ENABLED_CUSTOM_TRIGGER_FOUND',
  'NO_ENABLED_CUSTOM_TRIGGER_FOUND_FOR_ACCOUNT',
  'NO_ENABLED_TRIGGER_FOR_PROJECT',
  'NO_ENABLED_TRIGGER_FOR_ACCOUNT',
  'NO_ENABLED_TRIGGER_FOR_SOURCEREPO_TYPE',
  'NO_ENABLED_TRIGGER_FOR_ACCOUNT_SOURCE_REPO',
  'NO_MATCHING_TRIGGER_FOR_FILEPATH_CONDITIONS',
  'FAILED_TO_FETCH_PR_DETAILS',
  'EXCEPTION_WHILE_PROCESSING',
  'TRIGGER_CONFIRMATION_SUCCESSFUL',
  'TRIGGER_CONFIRMATION_FAILED',
  'TRIGGER_AUTHENTICATION_FAILED',
  'VALIDATION_FAILED_FOR_TRIGGER',
  'ALL_MAPPED_TRIGGER_FAILED_VALIDATION_FOR_POLLING_EVENT',
  'NO_MATCHING_TRIGGER_FOR_FOR_EVENT_SIGNATURES',
  'NO_MATCHING_TRIGGER_FOR_FOR_EVENT_CONDITION',
  'POLLING_EVENT_WITH_NO_VERSIONS',
  'NEW_ARTIFACT_EVENT_PROCESSED',
  'NEW_MANIFEST_EVENT_PROCESSED',
];
const LATER = [
  'QUEUED',
  'FAILED_TO_FETCH_PR_COMMITS',
  'SKIPPED',
  'INVALID_HARNESS_ARTIFACT_REGISTRY_TRIGGER_ACTION',
  'NO_TRIGGERS_FOUND_FOR_HARNESS_ARTIFACT_REGISTRY_WEBHOOK',
  'HARNESS_ARTIFACT_REGISTRY_WEBHOOK_NOT_EXECUTED',
  'MERGE_QUEUE_CHECKS_CANCELED',
  'MERGE_QUEUE_CHECKS_ALREADY_RUNNING',
];

describe('every FinalStatus has plain words and a tone', () => {
  it('knows all 33 and the later ones, and nothing else', () => {
    expect(FINAL_STATUS).toHaveLength(33);
    expect([...PROCESSING_STATUSES].sort()).toEqual([...FINAL_STATUS, ...LATER].sort());
    expect(FROM_WORDS).toBe(PROCESSING_STATUSES);
  });

  it.each([...FINAL_STATUS, ...LATER])('%s', (status) => {
    const w = processingWords(status);
    expect(w.tone).not.toBe('unknown');
    expect(w.words).not.toBe(status);
    expect(w.words).not.toMatch(/_/);
  });

  // [status, tone, words]
  const cases: [string, string, RegExp][] = [
    ['TARGET_EXECUTION_REQUESTED', 'good', /requested successfully/],
    ['QUEUED', 'wait', /^Queued/],
    [
      'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS',
      'bad',
      /payload conditions did not match, or could not be evaluated/,
    ],
    ['NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS', 'bad', /JEXL condition did not match, or could not be evaluated/],
    ['NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS', 'bad', /header conditions/],
    ['NEW_ARTIFACT_EVENT_PROCESSED', 'good', /artifact/],
    ['TRIGGER_CONFIRMATION_SUCCESSFUL', 'good', /confirmed/],
    ['MERGE_QUEUE_CHECKS_CANCELED', 'good', /Merge queue/],
    ['POLLING_EVENT_WITH_NO_VERSIONS', 'bad', /no new versions/],
  ];
  it.each(cases)('%s: %s, %s', (status, tone, words) => {
    expect(processingWords(status)).toEqual({ status, tone, words: expect.stringMatching(words) as unknown });
  });

  it('shows a status it does not know verbatim', () => {
    expect(processingWords('SOMETHING_NEW')).toEqual({
      status: 'SOMETHING_NEW',
      tone: 'unknown',
      words: 'SOMETHING_NEW',
    });
  });
});

function failedRun(): Record<string, unknown> {
  const stage = (id: string, name: string, status: string, message: string, next: string[]): unknown => ({
    nodeType: 'CI',
    nodeIdentifier: id,
    name,
    status,
    startTs: 1000,
    endTs: 2000,
    failureInfo: { message },
    edgeLayoutList: { currentNodeChildren: [], nextIds: next },
  });
  return {
    webhookProcessingDetails: { status: 'TARGET_EXECUTION_REQUESTED', pipelineExecutionId: 'p1' },
    executionDetails: {
      pipelineExecutionSummary: {
        planExecutionId: 'p1',
        pipelineIdentifier: 'nightly',
        status: 'Failed',
        startTs: 1000,
        endTs: 3000,
        failureInfo: { message: 'Shell Script execution failed. Please check execution logs.' },
        startingNodeId: 'a',
        layoutNodeMap: {
          a: stage('build', 'Build', 'Success', '', ['b']),
          b: stage(
            'it',
            'Integration tests',
            'Failed',
            'Shell Script execution failed. Please check execution logs.',
            [],
          ),
        },
      },
    },
  };
}

describe('headlines', () => {
  it('names the failing stage and its message', () => {
    expect(viewOfData(failedRun(), 4000).headline).toBe(
      'Failed in Integration tests: Shell Script execution failed. Please check execution logs.',
    );
  });

  it('says an event without a run started none, with Harness’s message', () => {
    const v = viewOfData(
      {
        webhookProcessingDetails: {
          status: 'NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS',
          message: 'No Trigger matched jexl conditions for payload event for Project: A',
          exceptionOccured: true,
        },
        executionDetails: null,
      },
      0,
    );
    expect([v.phase, v.terminal]).toEqual(['not-started', true]);
    expect(v.headline).toMatch(
      /did not match, or could not be evaluated: no run was started\. Harness says: No Trigger/,
    );
  });

  // [how long since this app fired the event (null: never fired from here), headline]
  const pending: [number | null, RegExp][] = [
    [0, /^Queued: Harness has not processed the event yet$/],
    [59_000, /^Queued/],
    [
      60_000,
      /^Still no history after 1 min: the event may still be queued, or the event id or the account may be wrong, or the event too old/,
    ],
    [
      null,
      /^Harness has no history for this event: it may still be queued, or the event id or the account may be wrong, or the event too old/,
    ],
  ];
  it.each(pending)('"doesn\'t exist" %s ms after the fire: %s', (ms, headline) => {
    expect(pendingView(ms).headline).toMatch(headline);
    const body = JSON.stringify({
      status: 'ERROR',
      code: 'INVALID_REQUEST',
      message: "Invalid request: Trigger event history doesn't exist for event with eventId x",
    });
    const a = readDetails(400, body, 0, [], { pendingForMs: ms });
    expect(a.kind === 'view' ? a.view.headline : '').toMatch(headline);
  });

  it('reads the sandbox’s own note apart from Harness’s message', () => {
    const body = JSON.stringify({
      status: 'SUCCESS',
      data: {
        webhookProcessingDetails: { status: 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS', message: 'No Trigger…' },
      },
      metaData: { sandboxNote: 'payload condition 1 failed' },
    });
    const a = readDetails(200, body, 0, []);
    expect(a.kind === 'view' ? [a.view.processing?.message, a.view.processing?.sandboxNote] : []).toEqual([
      'No Trigger…',
      'payload condition 1 failed',
    ]);
  });
});

describe('Open in Harness', () => {
  const apiUrl =
    'https://app.harness.io/gateway/pipeline/api/webhook/triggerExecutionDetails/e1?accountIdentifier=A%201';
  const base = { apiUrl, org: 'default', project: 'P', pipeline: 'PL', planExecutionId: 'x_1' };
  // [uiUrl, link]
  const cases: [string | null, string | null][] = [
    [
      'https://app.harness.io/ng/#/account/A/cd/orgs/default/projects/P/deployments?pipelineIdentifier=PL&page=0',
      'https://app.harness.io/ng/#/account/A/cd/orgs/default/projects/P/pipelines/PL/executions/x_1/pipeline',
    ],
    [
      'https://vanity.example.com/prefix/ng/#/account/A/ci/orgs/o/projects/q/deployments?pipelineIdentifier=PL&page=0',
      'https://vanity.example.com/prefix/ng/#/account/A/ci/orgs/o/projects/q/pipelines/PL/executions/x_1/pipeline',
    ],
    [null, 'https://app.harness.io/ng/#/account/A%201/cd/orgs/default/projects/P/pipelines/PL/executions/x_1/pipeline'],
    [
      'not a ui url',
      'https://app.harness.io/ng/#/account/A%201/cd/orgs/default/projects/P/pipelines/PL/executions/x_1/pipeline',
    ],
  ];
  it.each(cases)('from uiUrl %s', (uiUrl, link) => {
    expect(executionLink({ ...base, uiUrl })).toBe(link);
  });

  it('gives none without an execution id or a way to name the project', () => {
    expect(executionLink({ ...base, uiUrl: null, planExecutionId: '' })).toBeNull();
    expect(executionLink({ ...base, uiUrl: null, org: null })).toBeNull();
  });
});
