// Harness's answer to a fire: the event id and links when accepted; Harness's own message verbatim
// plus a plain explanation and what to do when refused; the raw body when the answer is unknown.
import type { ReactNode } from 'react';
import type { FireResult } from '../../../shared/model';
import { CopyButton } from '../../ui/CopyButton';
import { openHarnessPage } from '../../stores/trigger-extras';

function Explained({ result }: { result: FireResult }): ReactNode {
  const e = result.explanation;
  if (!e) return null;
  return (
    <div className="explanation" data-testid="explanation">
      <strong>{e.title}</strong>
      <p>{e.detail}</p>
      {e.action && (
        <p className="action">
          <span className="label">What to do: </span>
          {e.action}
        </p>
      )}
    </div>
  );
}

function Accepted({ result }: { result: FireResult }): ReactNode {
  const ev = result.event;
  if (!ev) return null;
  return (
    <>
      <div className="result-field">
        <span className="label" id="event-id-label">
          eventCorrelationId
        </span>
        <code className="event-id" aria-labelledby="event-id-label" data-testid="event-id">
          {ev.eventCorrelationId}
        </code>
        <CopyButton text={ev.eventCorrelationId} what="eventCorrelationId" />
      </div>
      <div className="result-links">
        <button type="button" onClick={() => void openHarnessPage(ev.uiUrl, result.triggerId)}>
          Open executions in Harness
        </button>
        <button type="button" onClick={() => void openHarnessPage(ev.uiSetupUrl, result.triggerId)}>
          Open pipeline studio
        </button>
      </div>
      <div className="result-field stacked">
        <span className="label" id="api-url-label">
          apiUrl (follow the event)
        </span>
        <code className="wrap" aria-labelledby="api-url-label">
          {ev.apiUrl}
        </code>
        <CopyButton text={ev.apiUrl} what="apiUrl" />
      </div>
    </>
  );
}

function Refused({ result }: { result: FireResult }): ReactNode {
  const h = result.harness;
  return (
    <>
      {h && (
        <figure className="harness-said">
          <figcaption>Harness said ({h.code || h.status}):</figcaption>
          <blockquote data-testid="harness-message">{h.message}</blockquote>
          {h.correlationId && <span className="muted small-text">correlationId {h.correlationId}</span>}
        </figure>
      )}
      <Explained result={result} />
      {!h && result.response && (
        <figure className="raw-answer">
          <figcaption>Answer ({result.response.contentType || 'no content type'}), shown as received:</figcaption>
          <pre className="mono">{result.response.body || '(empty body)'}</pre>
        </figure>
      )}
    </>
  );
}

const HEADLINE: Record<FireResult['outcome'], string> = {
  'accepted': 'Accepted',
  'rejected': 'Refused',
  'network-error': 'No answer',
};

export function FireAnswer({ result }: { result: FireResult }): ReactNode {
  return (
    <div className={`fire-answer outcome-${result.outcome}`}>
      <div className="answer-head">
        <strong className="outcome">{HEADLINE[result.outcome]}</strong>
        {result.response && (
          <span className="http-status" data-testid="http-status">
            HTTP {result.response.status}
          </span>
        )}
        <span className="muted">
          {Math.round(result.durationMs)} ms · {new Date(result.at).toLocaleTimeString()}
        </span>
      </div>
      {result.outcome === 'accepted' ? <Accepted result={result} /> : <Refused result={result} />}
      {result.outcome === 'accepted' && <Explained result={result} />}
      {result.notes.length > 0 && (
        <ul className="notes" aria-label="Notes">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {result.outcome !== 'accepted' && (
        <p className="muted small-text">Your payload is unchanged; nothing was retried.</p>
      )}
      <details className="sent">
        <summary>What was sent</summary>
        <p className="mono wrap">
          {result.request.method} {result.request.url}
        </p>
        <ul className="mono">
          {Object.entries(result.request.headers).map(([name, value]) => (
            <li key={name}>
              {name}: {value}
            </li>
          ))}
        </ul>
        <p>
          {result.request.bodyBytes} bytes, {result.request.bodyIsJson ? 'JSON' : 'not JSON'}
        </p>
      </details>
    </div>
  );
}
