// Live watches, history and the inspector: The data these cross the boundary with.
// Nothing here holds an API key: payloads and headers are stored and shown redacted.
import type { Explanation, FireResult } from './model';

/**
 * Where an event stands (docs/harness-protocol.md §3):
 * pending: apiUrl answers 400 "Trigger event history doesn't exist" (queued, keep polling);
 * processing: Harness has the event, no run yet; not-started: processing ended without a run
 * (condition miss, INVALID_RUNTIME_INPUT_YAML, ...: terminal); running: the run is going;
 * ended: the run reached a terminal status; stopped: the watch stopped (401/403, stopped by the user, gave up).
 */
export type WatchPhase = 'pending' | 'processing' | 'not-started' | 'running' | 'ended' | 'stopped';

/** A status with its plain words; `status` is Harness's own value, verbatim. */
export interface StatusWords {
  status: string;
  words: string;
  /** good: success; bad: failed/aborted/...; wait: still going; person: needs a person; unknown: not in our table. */
  /** `neutral`: nothing happened and nothing will (a stage a finished run never reached). */
  tone: 'good' | 'bad' | 'wait' | 'person' | 'neutral' | 'unknown';
}

export interface StageView {
  /** nodeUuid */
  id: string;
  identifier: string;
  name: string;
  /** nodeType (CI, Deployment, Approval, Custom, ...). */
  type: string;
  status: StatusWords;
  startTs: number | null;
  endTs: number | null;
  /** endTs - startTs, or the time so far (at `fetchedAt`) while it runs; null before it starts. */
  durationMs: number | null;
  failureMessage: string | null;
}

/** One column of the timeline: one stage, or parallel stages side by side. */
export interface StageStep {
  parallel: boolean;
  stages: StageView[];
}

export interface ProcessingView {
  status: StatusWords;
  /** Harness's message, verbatim (redacted). */
  message: string;
  warning: string | null;
  exceptionOccured: boolean;
  triggerIdentifier: string | null;
  pipelineIdentifier: string | null;
  pipelineExecutionId: string | null;
  eventCreatedAt: number | null;
  /** The embedded sandbox's own explanation (its answer's metaData.sandboxNote), never Harness's words. */
  sandboxNote: string | null;
}

export interface ExecutionView {
  planExecutionId: string;
  name: string;
  pipelineIdentifier: string;
  runSequence: number | null;
  status: StatusWords;
  startTs: number | null;
  endTs: number | null;
  /** endTs - startTs, or running time so far. */
  durationMs: number | null;
  failureMessage: string | null;
  stageCounts: { successful: number; running: number; failed: number; total: number };
  /** Query values an abort needs (docs/harness-protocol.md §8). */
  orgIdentifier: string | null;
  projectIdentifier: string | null;
}

/** What one answer of apiUrl says, in plain words (shared/harness/execution-status.ts builds it). */
export interface EventView {
  phase: WatchPhase;
  processing: ProcessingView | null;
  execution: ExecutionView | null;
  /** Graph order from startingNodeId along nextIds. */
  steps: StageStep[];
  /** Every failure message (run, then stages), verbatim, redacted. */
  failureMessages: string[];
  /** Plain words when a person must act (approval, intervention, input), else null. */
  needsPerson: string | null;
  /** True when nothing will change any more (terminal run, or processing ended without a run). */
  terminal: boolean;
  /** One line for lists and the window title, e.g. "Running: stage 2 of 4 (QA)". */
  headline: string;
}

export interface WatchState extends EventView {
  id: string;
  /** The history entry of the fire this watch follows (null for a watch on a bare apiUrl). */
  historyId: string | null;
  triggerId: string | null;
  triggerName: string;
  apiUrl: string;
  eventCorrelationId: string;
  startedAt: number;
  updatedAt: number;
  /** Plain words while polls fail (network, 5xx): the run is not failing, we cannot see it. */
  connectionTrouble: string | null;
  /** Set once the watch is over: phase is ended, not-started or stopped. */
  ended: { at: number; reason: string } | null;
  polls: number;
  nextPollAt: number | null;
  /** A running execution the trigger's key may abort (the page confirms first). */
  canAbort: boolean;
}

/** Groups for the history filter; `status` on an entry is the exact Harness value. */
export type HistoryStatusGroup =
  'success' | 'failed' | 'live' | 'not-started' | 'rejected' | 'network-error' | 'stopped';

export interface HistorySummary {
  id: string;
  triggerId: string;
  triggerName: string;
  at: number;
  outcome: FireResult['outcome'];
  group: HistoryStatusGroup;
  /** The last known status: execution status, else processing status, else the HTTP answer. */
  status: StatusWords | null;
  eventCorrelationId: string | null;
  /** Harness's correlationId of the fire answer. */
  correlationId: string | null;
  planExecutionId: string | null;
  fireMs: number;
  /** Fire to terminal status. */
  runMs: number | null;
  endedAt: number | null;
  live: boolean;
  watchId: string | null;
  /** First 160 characters of the payload, for the list. */
  payloadPreview: string;
}

export interface HistoryEntry extends HistorySummary {
  /** The payload sent, redacted against the vault; `payloadRedacted` says something was masked. */
  payload: string;
  payloadRedacted: boolean;
  request: FireResult['request'];
  response: FireResult['response'];
  harness: FireResult['harness'];
  explanation: Explanation | null;
  apiUrl: string | null;
  uiUrl: string | null;
  notes: string[];
  failureMessages: string[];
  processingStatus: StatusWords | null;
}

export interface HistoryPage {
  total: number;
  offset: number;
  entries: HistorySummary[];
}

export interface HistoryRetention {
  /** Keep at most this many entries (null: no limit). */
  maxEntries: number | null;
  /** Drop entries older than this many days (null: no limit). */
  maxAgeDays: number | null;
  /** Problems found when the history file was opened (torn last line, damaged lines skipped), in plain words; the page shows them with every other notice (notices:list). */
  notices: string[];
}

/** A field of the processing details with what it means. */
export interface ExplainedField {
  name: string;
  value: string;
  meaning: string;
}

export interface InspectResult extends EventView {
  apiUrl: string;
  /** Whether X-Api-Key was sent (only to a stored trigger's own origin). */
  keySent: boolean;
  keyTriggerName: string | null;
  httpStatus: number;
  fetchedAt: number;
  /** The payload Harness received, verbatim (redacted). */
  payload: string | null;
  runtimeInput: string | null;
  /** Every field of webhookProcessingDetails with its meaning. */
  fields: ExplainedField[];
  /** Every status that appears (processing, run, stages) with its plain words. */
  statuses: StatusWords[];
  /** The answer as received, pretty-printed, redacted. */
  raw: string;
  /** Plain words when apiUrl answered something other than details (pending, 401, 404, ...). */
  explanation: Explanation | null;
  /**
   * "Open in Harness": the execution's page, built from the uiUrl form and planExecutionId; with the
   * stored trigger of that Harness (the backend opens only its own host's links), when one is known.
   */
  harnessLink: { url: string; triggerId: string | null } | null;
}
