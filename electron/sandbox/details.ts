// webhookProcessingDetails as Harness serializes it (HARNESS.md §2), for a queued or processed event.
import type { RunRecord } from './runs';
import type { SandboxTrigger } from './types';
import type { Scope } from './world';

export interface Processing {
  trigger: SandboxTrigger;
  status: string;
  message: string;
  runs: RunRecord[];
  warningMsg: string | null;
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

/** With `p` null the event is still queued: status QUEUED, nothing known about triggers yet. */
export function processingDetails(ev: EventRecord, p: Processing | null): Record<string, unknown> {
  const run = p?.runs[0] ?? null;
  return {
    eventFound: true,
    eventId: ev.id,
    accountIdentifier: ev.scope.account,
    orgIdentifier: ev.scope.org,
    projectIdentifier: ev.scope.project,
    triggerIdentifier: p?.trigger.identifier ?? null,
    pipelineIdentifier: p?.trigger.pipelineIdentifier ?? null,
    pipelineExecutionId: run?.planExecutionId ?? null,
    exceptionOccured: p?.status === 'EXCEPTION_WHILE_PROCESSING',
    status: p?.status ?? 'QUEUED',
    message: p?.message ?? 'Trigger execution is queued.',
    warningMsg: p?.warningMsg ?? null,
    payload: ev.payload,
    eventCreatedAt: ev.createdAt,
    runtimeInput: run?.runtimeInput ?? null,
  };
}
