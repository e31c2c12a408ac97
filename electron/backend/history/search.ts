// History search over the in-memory index: each entry keeps one lower-cased text (trigger name,
// payload, event / correlation / execution ids, status), so a query is one scan of plain strings.
import type { HistoryEntry, HistoryStatusGroup } from '../../../shared/watch-model';

export interface HistoryQuery {
  text?: string | undefined;
  triggerId?: string | undefined;
  group?: HistoryStatusGroup | undefined;
  from?: number | undefined;
  to?: number | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

export function searchText(e: HistoryEntry): string {
  return [
    e.triggerName,
    e.eventCorrelationId ?? '',
    e.correlationId ?? '',
    e.planExecutionId ?? '',
    e.status?.status ?? '',
    e.payload,
  ]
    .join('\n')
    .toLowerCase();
}

/** `needle` is the query text, trimmed and lower-cased once per search. */
export function matches(ix: { entry: HistoryEntry; text: string }, q: HistoryQuery, needle: string): boolean {
  const e = ix.entry;
  if (q.triggerId !== undefined && e.triggerId !== q.triggerId) return false;
  if (q.group !== undefined && e.group !== q.group) return false;
  if (q.from !== undefined && e.at < q.from) return false;
  if (q.to !== undefined && e.at > q.to) return false;
  return needle === '' || ix.text.includes(needle);
}
