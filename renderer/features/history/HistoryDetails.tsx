// One history entry in full: what was sent (redacted), Harness's answer, the final status, and its
// watch (live if it still runs). Re-fire, Inspector and remove from here.
import type { ReactNode } from 'react';
import type { HistoryEntry } from '../../../shared/watch-model';
import { closeEntry, deleteEntry, useHistory } from '../../stores/history';
import { openInspector } from '../../stores/inspector';
import { followApiUrl, useWatches } from '../../stores/watch';
import { CopyButton } from '../../ui/CopyButton';
import { formatDateTime, formatDuration } from '../watch/format';
import { WatchPanel } from '../watch/WatchPanel';
import { ShortStatus } from './HistoryList';
import { RefireButton } from './RefireButton';

function Fact({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function EntryWatch({ entry }: { entry: HistoryEntry }): ReactNode {
  const watch = useWatches(
    (s) =>
      (entry.watchId ? s.watches[entry.watchId] : undefined) ??
      Object.values(s.watches).find((w) => w.historyId === entry.id),
  );
  if (watch) return <WatchPanel watch={watch} />;
  if (!entry.apiUrl) return null;
  return (
    <p>
      <button type="button" onClick={() => void followApiUrl(entry.apiUrl ?? '', entry.triggerId)}>
        Follow this event again
      </button>
    </p>
  );
}

function Body({ entry }: { entry: HistoryEntry }): ReactNode {
  return (
    <>
      <dl className="facts">
        <Fact label="Fired">{formatDateTime(entry.at)}</Fact>
        <Fact label="Status">
          <ShortStatus row={entry} verbatim />
        </Fact>
        {entry.processingStatus && <Fact label="Processing">{entry.processingStatus.words}</Fact>}
        <Fact label="eventCorrelationId">
          {entry.eventCorrelationId ? (
            <>
              <code data-testid="history-event-id">{entry.eventCorrelationId}</code>{' '}
              <CopyButton text={entry.eventCorrelationId} what="eventCorrelationId" />
            </>
          ) : (
            '—'
          )}
        </Fact>
        {entry.correlationId && (
          <Fact label="correlationId">
            <code>{entry.correlationId}</code>
          </Fact>
        )}
        {entry.planExecutionId && (
          <Fact label="Execution">
            <code>{entry.planExecutionId}</code>
          </Fact>
        )}
        <Fact label="Fire took">{formatDuration(entry.fireMs)}</Fact>
        <Fact label="Fire to end">{formatDuration(entry.runMs)}</Fact>
        {entry.response && <Fact label="Answer">HTTP {entry.response.status}</Fact>}
      </dl>
      {entry.harness?.message && entry.outcome !== 'accepted' && (
        <figure className="harness-said">
          <figcaption>Harness said ({entry.harness.code || entry.harness.status}):</figcaption>
          <blockquote>{entry.harness.message}</blockquote>
        </figure>
      )}
      {entry.explanation && (
        <div className="explanation">
          <strong>{entry.explanation.title}</strong>
          <p>{entry.explanation.detail}</p>
          {entry.explanation.action && (
            <p className="action">
              <span className="label">What to do: </span>
              {entry.explanation.action}
            </p>
          )}
        </div>
      )}
      {entry.failureMessages.length > 0 && (
        <div className="failures" role="group" aria-label="Failure messages">
          <ul>
            {entry.failureMessages.map((m, i) => (
              <li key={i} className="mono">
                {m}
              </li>
            ))}
          </ul>
        </div>
      )}
      <section aria-label="Payload sent" className="entry-block">
        <h3>Payload{entry.payloadRedacted ? ' (some values masked)' : ''}</h3>
        <pre className="code-block">{entry.payload || '(empty)'}</pre>
      </section>
      <details className="entry-block">
        <summary>Request headers (redacted)</summary>
        <p className="mono wrap">
          {entry.request.method} {entry.request.url}
        </p>
        <ul className="mono plain-list">
          {Object.entries(entry.request.headers).map(([k, v]) => (
            <li key={k}>
              {k}: {v}
            </li>
          ))}
        </ul>
      </details>
      <EntryWatch entry={entry} />
    </>
  );
}

export function HistoryDetails(): ReactNode {
  const openId = useHistory((s) => s.openId);
  const entry = useHistory((s) => s.entry);
  const error = useHistory((s) => s.entryError);
  if (!openId) return <p className="muted history-empty-details">Pick a fire on the left to see it in full.</p>;
  return (
    <section className="history-details" aria-label="Fire details">
      <header className="details-head">
        <h2>{entry?.triggerName ?? 'Loading…'}</h2>
        <span className="spacer" />
        {entry && <RefireButton entry={entry} />}
        {entry && (entry.apiUrl || entry.eventCorrelationId) && (
          <button
            type="button"
            onClick={() => {
              openInspector({ historyId: entry.id });
            }}
          >
            Inspect event
          </button>
        )}
        {entry && (
          <button type="button" className="danger-text" onClick={() => void deleteEntry(entry.id)}>
            Remove
          </button>
        )}
        <button type="button" className="icon-button" aria-label="Close details" onClick={closeEntry}>
          ×
        </button>
      </header>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {entry && <Body entry={entry} />}
    </section>
  );
}
