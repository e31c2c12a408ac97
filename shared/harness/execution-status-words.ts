// Plain words and a tone for every status Harness reports on an event (docs/harness-protocol.md
// §4): every processing FinalStatus and every execution status. Unknown ones show verbatim.
import type { StatusWords } from '../watch-model';

/** The terminal set (docs/harness-protocol.md §4): a run in one of these will not change any more. */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set([
  'Success',
  'Failed',
  'Errored',
  'Aborted',
  'Expired',
  'Suspended',
  'Skipped',
  'IgnoreFailed',
  'ApprovalRejected',
  'AbortedByFreeze',
]);

/** Waiting states that are not terminal but need someone to act. */
export const PERSON_WAITS: Readonly<Record<string, string>> = {
  ApprovalWaiting: 'Needs a person: the run waits for an approval in Harness.',
  InterventionWaiting: 'Needs a person: a step failed and waits for a manual intervention in Harness.',
  InputWaiting: 'Needs a person: the run waits for runtime input in Harness.',
};

type Tone = StatusWords['tone'];

const EXECUTION: Readonly<Record<string, [Tone, string]>> = {
  Success: ['good', 'Succeeded'],
  Failed: ['bad', 'Failed'],
  Errored: ['bad', 'Errored (Harness could not run it)'],
  Aborted: ['bad', 'Aborted'],
  AbortedByFreeze: ['bad', 'Aborted by a deployment freeze'],
  Expired: ['bad', 'Expired (a wait or approval timed out)'],
  Suspended: ['bad', 'Suspended'],
  Skipped: ['good', 'Skipped (its condition was not met)'],
  IgnoreFailed: ['good', 'Failed, but the failure was ignored'],
  ApprovalRejected: ['bad', 'Approval rejected'],
  Running: ['wait', 'Running'],
  AsyncWaiting: ['wait', 'Running (waiting on an asynchronous task)'],
  TaskWaiting: ['wait', 'Running (waiting for a delegate task)'],
  TimedWaiting: ['wait', 'Running (waiting for a timer)'],
  WaitStepRunning: ['wait', 'Running a wait step'],
  NotStarted: ['wait', 'Not started yet'],
  Queued: ['wait', 'Queued'],
  QueuedLicenseLimitReached: ['wait', 'Queued: the licence limit of concurrent runs is reached'],
  QueuedExecutionConcurrencyReached: ['wait', 'Queued: the pipeline’s concurrency limit is reached'],
  ResourceWaiting: ['wait', 'Waiting for a resource (a queue step or a locked resource)'],
  Discontinuing: ['wait', 'Stopping (an abort is under way)'],
  Paused: ['wait', 'Paused'],
  Pausing: ['wait', 'Pausing'],
  Waiting: ['wait', 'Waiting'],
  ApprovalWaiting: ['person', 'Waiting for an approval'],
  InterventionWaiting: ['person', 'Waiting for a manual intervention'],
  InputWaiting: ['person', 'Waiting for runtime input'],
};

/** JEXL and payload misses also cover a condition that threw (bad regex, non-Boolean JEXL result). */
const NOT_MATCHED = 'did not match, or could not be evaluated: no run was started';

/**
 * Every FinalStatus of Harness's trigger event history (webhookProcessingDetails.status), with
 * plain words. A custom trigger reaches only the first eight; the rest belong to git, artifact and
 * polling triggers and are worded so that an unexpected one still reads plainly.
 */
const PROCESSING: Readonly<Record<string, [Tone, string]>> = {
  QUEUED: ['wait', 'Queued: Harness received the event and has not processed it yet'],
  TARGET_EXECUTION_REQUESTED: ['good', 'Pipeline execution was requested successfully'],
  NO_ENABLED_CUSTOM_TRIGGER_FOUND: ['bad', 'No enabled custom trigger was found for this event: no run was started'],
  NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS: ['bad', `The trigger’s payload conditions ${NOT_MATCHED}`],
  NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS: [
    'bad',
    'The request headers did not meet the trigger’s header conditions: no run was started',
  ],
  NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS: ['bad', `The trigger’s JEXL condition ${NOT_MATCHED}`],
  INVALID_RUNTIME_INPUT_YAML: [
    'bad',
    'The pipeline could not be started (Harness’s message says why, often the input set or runtime inputs)',
  ],
  EXCEPTION_WHILE_PROCESSING: ['bad', 'Harness hit an error while processing the event: no run was started'],
  // Git (SCM) webhook triggers.
  SCM_SERVICE_CONNECTION_FAILED: ['bad', 'Harness could not reach the source-code service: no run was started'],
  INVALID_PAYLOAD: ['bad', 'Harness could not read the payload: no run was started'],
  TRIGGER_DID_NOT_MATCH_EVENT_CONDITION: [
    'bad',
    'The trigger does not listen for this kind of event: no run was started',
  ],
  TRIGGER_DID_NOT_MATCH_METADATA_CONDITION: [
    'bad',
    'The trigger’s metadata conditions did not match: no run was started',
  ],
  NO_MATCHING_TRIGGER_FOR_REPO: ['bad', 'No trigger matches this repository: no run was started'],
  NO_MATCHING_TRIGGER_FOR_EVENT_ACTION: ['bad', 'No trigger listens for this event action: no run was started'],
  NO_MATCHING_TRIGGER_FOR_METADATA_CONDITIONS: ['bad', 'No trigger’s metadata conditions matched: no run was started'],
  NO_MATCHING_TRIGGER_FOR_FILEPATH_CONDITIONS: [
    'bad',
    'No trigger’s changed-file conditions matched: no run was started',
  ],
  NO_MATCHING_TRIGGER_FOR_FOR_EVENT_SIGNATURES: ['bad', 'No trigger matched the event’s signature: no run was started'],
  NO_MATCHING_TRIGGER_FOR_FOR_EVENT_CONDITION: ['bad', 'No trigger matched the event condition: no run was started'],
  FAILED_TO_FETCH_PR_DETAILS: ['bad', 'Harness could not read the pull request details: no run was started'],
  FAILED_TO_FETCH_PR_COMMITS: ['bad', 'Harness could not read the pull request’s commits: no run was started'],
  SKIPPED: ['bad', 'Skipped: the commit asks not to run (skip ci, ci skip, pipeline skip...)'],
  MERGE_QUEUE_CHECKS_CANCELED: ['good', 'Merge queue checks canceled; the running executions were aborted'],
  MERGE_QUEUE_CHECKS_ALREADY_RUNNING: ['bad', 'Ignored: an execution is already running for this commit'],
  TRIGGER_CONFIRMATION_SUCCESSFUL: ['good', 'Trigger confirmed'],
  TRIGGER_CONFIRMATION_FAILED: ['bad', 'The trigger could not be confirmed: no run was started'],
  TRIGGER_AUTHENTICATION_FAILED: ['bad', 'The trigger’s authentication failed: no run was started'],
  TARGET_DID_NOT_EXECUTE: ['bad', 'The target pipeline did not run'],
  // No enabled trigger in the scope.
  NO_ENABLED_CUSTOM_TRIGGER_FOUND_FOR_ACCOUNT: ['bad', 'No enabled custom trigger in this account: no run was started'],
  NO_ENABLED_TRIGGER_FOR_PROJECT: ['bad', 'No enabled trigger in this project: no run was started'],
  NO_ENABLED_TRIGGER_FOR_ACCOUNT: ['bad', 'No enabled trigger in this account: no run was started'],
  NO_ENABLED_TRIGGER_FOR_SOURCEREPO_TYPE: ['bad', 'No enabled trigger for this kind of repository: no run was started'],
  NO_ENABLED_TRIGGER_FOR_ACCOUNT_SOURCE_REPO: [
    'bad',
    'No enabled trigger for this repository in the account: no run was started',
  ],
  // Artifact, manifest and polling triggers.
  TRIGGER_DID_NOT_MATCH_ARTIFACT_JEXL_CONDITION: ['bad', 'The artifact JEXL condition was false: no run was started'],
  VALIDATION_FAILED_FOR_TRIGGER: ['bad', 'The trigger failed Harness’s validation: no run was started'],
  ALL_MAPPED_TRIGGER_FAILED_VALIDATION_FOR_POLLING_EVENT: [
    'bad',
    'Every trigger for this polling event failed validation: no run was started',
  ],
  POLLING_EVENT_WITH_NO_VERSIONS: ['bad', 'The polling event had no new versions: no run was started'],
  NEW_ARTIFACT_EVENT_PROCESSED: ['good', 'New artifact event processed'],
  NEW_MANIFEST_EVENT_PROCESSED: ['good', 'New manifest event processed'],
  INVALID_HARNESS_ARTIFACT_REGISTRY_TRIGGER_ACTION: [
    'bad',
    'The Artifact Registry action is not one a trigger handles: no run was started',
  ],
  NO_TRIGGERS_FOUND_FOR_HARNESS_ARTIFACT_REGISTRY_WEBHOOK: [
    'bad',
    'No trigger for this Artifact Registry webhook: no run was started',
  ],
  HARNESS_ARTIFACT_REGISTRY_WEBHOOK_NOT_EXECUTED: ['bad', 'The Artifact Registry webhook did not run anything'],
};

/** Every processing status with plain words (for the docs and the tests). */
export const PROCESSING_STATUSES: readonly string[] = Object.keys(PROCESSING);

export function executionWords(status: string): StatusWords {
  const known = EXECUTION[status];
  return known ? { status, tone: known[0], words: known[1] } : { status, tone: 'unknown', words: status };
}

export function processingWords(status: string): StatusWords {
  const known = PROCESSING[status];
  return known ? { status, tone: known[0], words: known[1] } : { status, tone: 'unknown', words: status };
}

export function isTerminal(executionStatus: string): boolean {
  return TERMINAL_STATUSES.has(executionStatus);
}

/** Processing is still going: the run may yet appear. Any other status ends the event without a run. */
export function processingPending(status: string): boolean {
  return status === 'QUEUED' || status === 'TARGET_EXECUTION_REQUESTED';
}
