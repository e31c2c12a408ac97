// Search (trigger, status, payload text, correlation id), status group and date filters.
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { HistoryStatusGroup } from '../../../shared/watch-model';
import { setQuery, useHistory } from '../../stores/history';

const GROUPS: { value: HistoryStatusGroup | ''; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: 'live', label: 'Still running' },
  { value: 'success', label: 'Succeeded' },
  { value: 'failed', label: 'Failed or aborted' },
  { value: 'not-started', label: 'No run started' },
  { value: 'rejected', label: 'Refused by Harness' },
  { value: 'network-error', label: 'No answer' },
  { value: 'stopped', label: 'Stopped following' },
];

export const HISTORY_SEARCH_ID = 'history-search';
const SEARCH_DELAY_MS = 150;

export function HistoryToolbar({ onRetention }: { onRetention: () => void }): ReactNode {
  const query = useHistory((s) => s.query);
  const total = useHistory((s) => s.total);
  const loaded = useHistory((s) => s.loaded);
  const [text, setText] = useState(query.text);
  const id = useId();
  useEffect(() => {
    if (text === useHistory.getState().query.text) return;
    const timer = setTimeout(() => {
      void setQuery({ text });
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [text]);
  return (
    <div className="history-toolbar" role="search" aria-label="Search the history">
      <input
        id={HISTORY_SEARCH_ID}
        type="search"
        className="history-search"
        aria-label="Search by trigger, status, payload text or correlation id"
        placeholder="Search trigger, status, payload, correlation id…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
      <select
        aria-label="Status"
        value={query.group}
        onChange={(e) => void setQuery({ group: e.target.value as HistoryStatusGroup | '' })}
      >
        {GROUPS.map((g) => (
          <option key={g.value} value={g.value}>
            {g.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-from`} className="muted">
        From
      </label>
      <input
        id={`${id}-from`}
        type="date"
        value={query.fromDate}
        onChange={(e) => void setQuery({ fromDate: e.target.value })}
      />
      <label htmlFor={`${id}-to`} className="muted">
        to
      </label>
      <input
        id={`${id}-to`}
        type="date"
        value={query.toDate}
        onChange={(e) => void setQuery({ toDate: e.target.value })}
      />
      <span className="spacer" />
      <span className="muted" role="status" aria-live="polite" data-testid="history-count">
        {loaded ? `${total.toLocaleString()} ${total === 1 ? 'fire' : 'fires'}` : ''}
      </span>
      <button type="button" onClick={onRetention}>
        Retention…
      </button>
    </div>
  );
}
