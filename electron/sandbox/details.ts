// webhookProcessingDetails as Harness serializes it (docs/harness-protocol.md §3), for a queued or processed event.
import type { RunRecord } from './runs';
import type { SandboxTrigger } from './types';
import type { Scope } from './world';

export interface Processing {
  trigger: SandboxTrigger;
  status: string;
  message: string;
  runs: RunRecord[];
  warningMsg: string | null;
  /** The sandbox's own explanation (not Harness's): shown apart, in metaData.sandboxNote. */
  note: string | null;
}

/**
 * Harness's messages for an event no trigger took. It prints the account id after "Project:" in
 * the JEXL one; payload and header misses share one text.
 */
export function missMessage(status: string, account: string): string | null {
  switch (status) {
    case 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS':
    case 'NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS':
      return `No Trigger matched conditions for payload event for Account: ${account}`;
    case 'NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS':
      return `No Trigger matched jexl conditions for payload event for Project: ${account}`;
    default:
      return null;
  }
}

export interface EventRecord {
  id: string;
  scope: Scope;
  payload: string;
  createdAt: number;
  /** Until then the event is queued; later still while evaluation has not answered. */
  processedAt: number;
  processing: Processing | null;
}

/**
 * With `p` null the event is still queued: status QUEUED, nothing known about triggers yet. An event
 * that started no run (a condition miss, INVALID_RUNTIME_INPUT_YAML...) is stored as Harness stores
 * it: exceptionOccured true and no org, project, trigger or pipeline (no trigger was chosen).
 */
export function processingDetails(ev: EventRecord, p: Processing | null): Record<string, unknown> {
  const run = p?.runs[0] ?? null;
  const chosen = p === null || p.status === 'TARGET_EXECUTION_REQUESTED';
  return {
    eventFound: true,
    eventId: ev.id,
    accountIdentifier: ev.scope.account,
    orgIdentifier: chosen ? ev.scope.org : null,
    projectIdentifier: chosen ? ev.scope.project : null,
    triggerIdentifier: chosen ? (p?.trigger.identifier ?? null) : null,
    pipelineIdentifier: chosen ? (p?.trigger.pipelineIdentifier ?? null) : null,
    pipelineExecutionId: run?.planExecutionId ?? null,
    exceptionOccured: !chosen,
    status: p?.status ?? 'QUEUED',
    message: p?.message ?? 'Trigger execution is queued.',
    warningMsg: p?.warningMsg ?? null,
    payload: ev.payload,
    eventCreatedAt: ev.createdAt,
    runtimeInput: run?.runtimeInput ?? null,
  };
}
