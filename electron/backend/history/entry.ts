// One history entry: made from a fire (payload and answer redacted against the vault), then
// updated from its watch's states; the group the history filter uses.
import { redact } from '../../../shared/harness/redact';
import type { FireResult } from '../../../shared/model';
import type {
  HistoryEntry,
  HistoryStatusGroup,
  HistorySummary,
  StatusWords,
  WatchState,
} from '../../../shared/watch-model';

const PREVIEW = 160;

export interface RecordInput {
  fire: FireResult;
  triggerName: string;
  payload: string;
  watchId: string | null;
}

export function groupOf(
  e: Pick<HistoryEntry, 'outcome' | 'live' | 'status' | 'processingStatus' | 'endedAt'>,
): HistoryStatusGroup {
  if (e.outcome === 'network-error') return 'network-error';
  if (e.outcome === 'rejected') return 'rejected';
  if (e.live) return 'live';
  const s = e.status;
  if (s && e.endedAt !== null) {
    if (s.tone === 'good') return 'success';
    if (s.tone === 'bad') return e.processingStatus?.status === s.status ? 'not-started' : 'failed';
  }
  return 'stopped';
}

export function newEntry({ fire, triggerName, payload, watchId }: RecordInput, secrets: string[]): HistoryEntry {
  const clean = redact(payload, secrets);
  const status: StatusWords | null = fire.response
    ? {
        status: `HTTP ${String(fire.response.status)}`,
        words: fire.harness?.message ?? fire.explanation?.title ?? '',
        tone: fire.outcome === 'accepted' ? 'wait' : 'bad',
      }
    : null;
  const entry: HistoryEntry = {
    id: fire.id,
    triggerId: fire.triggerId,
    triggerName,
    at: fire.at,
    outcome: fire.outcome,
    group: 'stopped',
    status,
    eventCorrelationId: fire.event?.eventCorrelationId ?? null,
    correlationId: fire.harness?.correlationId ?? null,
    planExecutionId: null,
    fireMs: Math.round(fire.durationMs * 10) / 10,
    runMs: null,
    endedAt: fire.outcome === 'accepted' ? null : fire.at,
    live: watchId !== null,
    watchId,
    payloadPreview: clean.slice(0, PREVIEW),
    payload: clean,
    payloadRedacted: clean !== payload,
    request: fire.request,
    response: fire.response && { ...fire.response, body: redact(fire.response.body, secrets) },
    harness: fire.harness,
    explanation: fire.explanation,
    apiUrl: fire.event?.apiUrl ?? null,
    uiUrl: fire.event?.uiUrl ?? null,
    notes: fire.notes,
    failureMessages: [],
    processingStatus: null,
  };
  entry.group = groupOf(entry);
  return entry;
}

/** The entry with the watch's news folded in, and which fields changed (none: nothing to write). */
export function mergeWatch(
  e: HistoryEntry,
  w: WatchState,
  now: number,
): { merged: HistoryEntry; changedKeys: (keyof HistoryEntry)[] } {
  const ended = w.ended !== null;
  const endedAt = w.ended?.at ?? now;
  const stopped: StatusWords = { status: 'Stopped', words: w.ended?.reason ?? 'Stopped', tone: 'unknown' };
  const next: Partial<HistoryEntry> = {
    status: w.execution?.status ?? w.processing?.status ?? (ended ? stopped : e.status),
    processingStatus: w.processing?.status ?? null,
    planExecutionId: w.execution?.planExecutionId ?? null,
    failureMessages: w.failureMessages,
    live: !ended,
    endedAt: ended ? endedAt : null,
    runMs: ended ? endedAt - e.at : null,
  };
  const merged: HistoryEntry = { ...e, ...next };
  merged.group = w.phase === 'not-started' ? 'not-started' : groupOf(merged);
  // Stopped by the user or a refusal while it ran: the run's last status is not its end.
  if (merged.group === 'stopped' && w.phase === 'stopped') merged.status = stopped;
  const changedKeys = (Object.keys(next) as (keyof HistoryEntry)[])
    .concat('group')
    .filter((k) => JSON.stringify(e[k]) !== JSON.stringify(merged[k]));
  return { merged, changedKeys };
}

/** The list shape: everything but the payload and the full answer. */
export function toSummary(e: HistoryEntry): HistorySummary {
  return {
    id: e.id,
    triggerId: e.triggerId,
    triggerName: e.triggerName,
    at: e.at,
    outcome: e.outcome,
    group: e.group,
    status: e.status,
    eventCorrelationId: e.eventCorrelationId,
    correlationId: e.correlationId,
    planExecutionId: e.planExecutionId,
    fireMs: e.fireMs,
    runMs: e.runMs,
    endedAt: e.endedAt,
    live: e.live,
    watchId: e.watchId,
    payloadPreview: e.payloadPreview,
  };
}
