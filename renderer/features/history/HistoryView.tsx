// The History view: every fire, newest first, searchable; the picked one in full beside the list.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ensureRows, followHistory, openEntry, rowAt, setActiveIndex, useHistory } from '../../stores/history';
import { HistoryDetails } from './HistoryDetails';
import { HistoryList } from './HistoryList';
import { HistoryToolbar } from './HistoryToolbar';
import { RetentionDialog } from './RetentionDialog';
import '../watch/watch.css';
import './history.css';

export default function HistoryView(): ReactNode {
  useEffect(followHistory, []);
  const state = useHistory();
  const [retention, setRetention] = useState(false);
  const open = useCallback((index: number) => {
    const row = rowAt(useHistory.getState(), index);
    if (row) void openEntry(row.id);
  }, []);
  const getRow = useCallback((index: number) => rowAt(state, index), [state]);
  return (
    <div className="history-view">
      <HistoryToolbar
        onRetention={() => {
          setRetention(true);
        }}
      />
      {state.error && (
        <p className="field-error" role="alert">
          Could not read the history: {state.error}
        </p>
      )}
      <div className="history-body">
        <div className="history-list-wrap">
          {state.loaded && state.total === 0 ? (
            <p className="muted history-empty">
              {state.query.text || state.query.group || state.query.fromDate || state.query.toDate
                ? 'No fire matches this search.'
                : 'No fires yet. Every fire is recorded here, with its final status.'}
            </p>
          ) : (
            // A new search starts at the top of its results (keyed: the list remounts, scrolled to 0).
            <HistoryList
              key={JSON.stringify(state.query)}
              count={state.total}
              rowAt={getRow}
              activeIndex={state.activeIndex}
              onActiveChange={setActiveIndex}
              onOpen={open}
              onRangeChange={ensureRows}
            />
          )}
        </div>
        <HistoryDetails />
      </div>
      {retention && (
        <RetentionDialog
          onClose={() => {
            setRetention(false);
          }}
        />
      )}
    </div>
  );
}
