// Plain words for every status Harness reports on an event (HARNESS.md §2): the processing
// statuses a custom trigger can reach and every execution status. Unknown ones are shown verbatim.
import type { StatusWords } from '../watch-model';

/** Exactly HARNESS.md §2: a run in one of these will not change any more. */
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

/** Processing statuses; `true` marks the one that starts a run (the rest end without one). */
const PROCESSING: Readonly<Record<string, [Tone, string]>> = {
  QUEUED: ['wait', 'Queued: Harness received the event and has not processed it yet'],
  TARGET_EXECUTION_REQUESTED: ['good', 'Pipeline execution was requested successfully'],
  NO_ENABLED_CUSTOM_TRIGGER_FOUND: ['bad', 'No enabled custom trigger was found for this event: nothing started'],
  NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS: [
    'bad',
    'The payload did not meet the trigger’s payload conditions: nothing started',
  ],
  NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS: [
    'bad',
    'The request headers did not meet the trigger’s header conditions: nothing started',
  ],
  NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS: [
    'bad',
    'The trigger’s JEXL condition was false for this payload: nothing started',
  ],
  INVALID_RUNTIME_INPUT_YAML: [
    'bad',
    'The pipeline could not be started (the message says why, often the input set or runtime inputs)',
  ],
  EXCEPTION_WHILE_PROCESSING: ['bad', 'Harness hit an error while processing the event: nothing started'],
  TRIGGER_CONFIRMATION_SUCCESSFUL: ['good', 'Trigger confirmed'],
  TARGET_DID_NOT_EXECUTE: ['bad', 'The target pipeline did not run'],
  NO_MATCHING_TRIGGER_FOR_EVENT_ACTION: ['bad', 'No trigger listens for this event action: nothing started'],
  NO_MATCHING_TRIGGER_FOR_REPO: ['bad', 'No trigger matches this repository: nothing started'],
  INVALID_PAYLOAD: ['bad', 'Harness could not read the payload: nothing started'],
  TRIGGER_DID_NOT_MATCH_ARTIFACT_JEXL_CONDITION: ['bad', 'The artifact JEXL condition was false: nothing started'],
  TRIGGER_AUTHENTICATION_FAILED: ['bad', 'The trigger’s authentication failed: nothing started'],
  FAILED_TO_FETCH_PR_DETAILS: ['bad', 'Harness could not read the pull request details: nothing started'],
  SCM_SERVICE_CONNECTION_FAILED: ['bad', 'Harness could not reach the source-code service: nothing started'],
};

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
