// The history rows, windowed. Pure (no store) so a page test and the render bench can give it
// 10,000 synthetic rows.
import type { ReactNode } from 'react';
import type { HistorySummary } from '../../../shared/watch-model';
import { formatDuration } from '../watch/format';
import { StatusBadge } from '../watch/StatusBadge';
import { VirtualList } from './VirtualList';

export const ROW_HEIGHT = 46;

const OUTCOME_WORDS: Record<HistorySummary['outcome'], string> = {
  'accepted': 'Accepted',
  'rejected': 'Refused',
  'network-error': 'No answer',
};

/** A fire Harness did not take: a short status for the row; Harness's own words go on the second line. */
export function refusedStatus(row: HistorySummary): string | null {
  if (row.outcome === 'accepted') return null;
  const http = row.status?.status.startsWith('HTTP ') ? ` · ${row.status.status}` : '';
  return OUTCOME_WORDS[row.outcome] + http;
}

function when(at: number): string {
  const d = new Date(at);
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  return sameDay ? d.toLocaleTimeString() : `${d.toLocaleDateString()} ${d.toLocaleTimeString()}`;
}

/** Short enough for a row: a refused fire's long message is shown elsewhere (second line, details). */
export function ShortStatus({ row, verbatim = false }: { row: HistorySummary; verbatim?: boolean }): ReactNode {
  const refused = refusedStatus(row);
  if (refused)
    return (
      <span className="status status-bad">
        <span className="status-dot" aria-hidden="true" />
        <span className="status-words">{refused}</span>
      </span>
    );
  if (row.status) return <StatusBadge status={row.status} verbatim={verbatim} />;
  return <span>{OUTCOME_WORDS[row.outcome]}</span>;
}

export function HistoryRow({ row }: { row: HistorySummary | undefined }): ReactNode {
  if (!row) return <div className="hrow hrow-loading muted">Loading…</div>;
  const refused = refusedStatus(row);
  const message = refused ? row.status?.words : undefined;
  return (
    <div className="hrow" data-history-id={row.id}>
      <div className="hrow-line">
        <span className="hrow-when mono">{when(row.at)}</span>
        <span className="hrow-trigger" title={row.triggerName}>
          {row.triggerName}
        </span>
        <span className="hrow-status">
          <ShortStatus row={row} />
          {row.live && <span className="badge">live</span>}
        </span>
        <span className="hrow-time mono muted">{row.runMs !== null ? formatDuration(row.runMs) : ''}</span>
      </div>
      <div className="hrow-line muted">
        <span className="hrow-id mono">{row.eventCorrelationId ?? row.correlationId ?? '—'}</span>
        {message ? (
          <span className="hrow-message" title={message}>
            {message}
          </span>
        ) : (
          <span className="hrow-payload mono">{row.payloadPreview}</span>
        )}
      </div>
    </div>
  );
}

export interface HistoryListProps {
  count: number;
  rowAt: (index: number) => HistorySummary | undefined;
  activeIndex: number | null;
  onActiveChange: (index: number) => void;
  onOpen: (index: number) => void;
  onRangeChange?: (start: number, end: number) => void;
  initialHeight?: number;
}

export function HistoryList(props: HistoryListProps): ReactNode {
  return (
    <VirtualList
      label="Fires, newest first"
      className="history-list"
      count={props.count}
      rowHeight={ROW_HEIGHT}
      activeIndex={props.activeIndex}
      onActiveChange={props.onActiveChange}
      onOpen={props.onOpen}
      onRangeChange={props.onRangeChange}
      initialHeight={props.initialHeight}
      rowKey={(index) => props.rowAt(index)?.id ?? `loading-${index}`}
      renderRow={(index) => <HistoryRow row={props.rowAt(index)} />}
    />
  );
}
