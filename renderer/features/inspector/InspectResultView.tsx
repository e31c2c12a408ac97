// An event read in plain words: where it stands, the processing details field by field, the run
// and its stages, the input and payload Harness used, every status explained, the raw answer.
import type { ReactNode } from 'react';
import type { InspectResult } from '../../../shared/watch-model';
import { openHarnessPage } from '../../stores/trigger-extras';
import { formatDateTime, formatDuration } from '../watch/format';
import { StageTimeline } from '../watch/StageTimeline';
import { StatusBadge } from '../watch/StatusBadge';
import { RawJson } from './RawJson';
import { SupportReport } from './SupportReport';

function Block({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <section className="inspect-block" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Execution({ result }: { result: InspectResult }): ReactNode {
  const e = result.execution;
  if (!e) return <p className="muted">No pipeline run (yet) for this event.</p>;
  return (
    <dl className="facts">
      <dt>Pipeline</dt>
      <dd>
        {e.name} <span className="muted">({e.pipelineIdentifier})</span>
        {e.runSequence !== null && <> #{e.runSequence}</>}
      </dd>
      <dt>Status</dt>
      <dd>
        <StatusBadge status={e.status} />
      </dd>
      <dt>Execution id</dt>
      <dd>
        <code>{e.planExecutionId}</code>
      </dd>
      <dt>Started</dt>
      <dd>{formatDateTime(e.startTs)}</dd>
      <dt>Ended</dt>
      <dd>{formatDateTime(e.endTs)}</dd>
      <dt>{e.endTs === null ? 'Running for' : 'Took'}</dt>
      <dd>{formatDuration(e.durationMs)}</dd>
      <dt>Stages</dt>
      <dd>
        {e.stageCounts.successful} succeeded, {e.stageCounts.failed} failed, {e.stageCounts.running} running, of{' '}
        {e.stageCounts.total}
      </dd>
      {e.failureMessage && (
        <>
          <dt>Failure</dt>
          <dd className="mono">{e.failureMessage}</dd>
        </>
      )}
    </dl>
  );
}

/** Open in Harness: the backend opens only the stored trigger's own host; without one, the link to copy. */
function HarnessLink({ result }: { result: InspectResult }): ReactNode {
  const link = result.harnessLink;
  if (!link) return null;
  if (link.triggerId !== null) {
    const triggerId = link.triggerId;
    return (
      <button type="button" className="open-in-harness" onClick={() => void openHarnessPage(link.url, triggerId)}>
        Open in Harness
      </button>
    );
  }
  return (
    <span className="small-text">
      Open in Harness: <code className="mono">{link.url}</code>
    </span>
  );
}

export function InspectResultView({ result }: { result: InspectResult }): ReactNode {
  return (
    <div className="inspect-result" data-phase={result.phase}>
      <div className="inspect-headline">
        <strong role="status" data-testid="inspect-headline">
          {result.headline}
        </strong>
        <span className="muted small-text">
          HTTP {result.httpStatus} · read {formatDateTime(result.fetchedAt)} ·{' '}
          {result.keySent
            ? `API key of “${result.keyTriggerName ?? 'a saved trigger'}” sent (same origin)`
            : 'no API key sent'}
        </span>
        <HarnessLink result={result} />
      </div>
      {result.explanation && (
        <div className="explanation" data-testid="explanation">
          <strong>{result.explanation.title}</strong>
          <p>{result.explanation.detail}</p>
          {result.explanation.action && (
            <p className="action">
              <span className="label">What to do: </span>
              {result.explanation.action}
            </p>
          )}
        </div>
      )}
      {result.needsPerson && (
        <div className="watch-note note-person" role="note">
          <strong>Needs a person.</strong> {result.needsPerson}
        </div>
      )}
      <SupportReport />
      {result.processing && (
        <Block title="Processing">
          <p>
            <StatusBadge status={result.processing.status} />{' '}
            {result.processing.message && result.processing.message !== result.processing.status.words && (
              <span className="mono">Harness said: {result.processing.message}</span>
            )}
          </p>
          {result.processing.warning && <p className="watch-note note-trouble">{result.processing.warning}</p>}
          {result.processing.sandboxNote && (
            <p className="watch-note" role="note" aria-label="Sandbox note">
              <strong>Sandbox note</strong> (the embedded sandbox’s explanation, not Harness’s words):{' '}
              {result.processing.sandboxNote}
            </p>
          )}
        </Block>
      )}
      {result.fields.length > 0 && (
        <Block title="Processing details">
          <table className="fields-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
                <th scope="col">What it means</th>
              </tr>
            </thead>
            <tbody>
              {result.fields.map((f) => (
                <tr key={f.name}>
                  <th scope="row">
                    <code>{f.name}</code>
                  </th>
                  <td className="mono">{f.value}</td>
                  <td>{f.meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Block>
      )}
      <Block title="Pipeline run">
        <Execution result={result} />
      </Block>
      {result.steps.length > 0 && (
        <Block title="Stages">
          <StageTimeline steps={result.steps} measuredAt={result.fetchedAt} live={false} />
        </Block>
      )}
      {result.failureMessages.length > 0 && (
        <div className="failures" role="group" aria-label="Failure messages">
          <ul>
            {result.failureMessages.map((m, i) => (
              <li key={i} className="mono">
                {m}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.runtimeInput !== null && (
        <Block title="runtimeInput (the input YAML the run used)">
          <pre className="code-block">{result.runtimeInput || '(empty)'}</pre>
        </Block>
      )}
      {result.payload !== null && (
        <Block title="Payload Harness received">
          <pre className="code-block" data-testid="inspect-payload">
            {result.payload || '(empty)'}
          </pre>
        </Block>
      )}
      {result.statuses.length > 0 && (
        <Block title="Every status, explained">
          <dl className="facts statuses">
            {result.statuses.map((s) => (
              <div key={s.status} className="status-row">
                <dt>
                  <code>{s.status}</code>
                </dt>
                <dd>
                  <StatusBadge status={s} verbatim={false} />
                </dd>
              </div>
            ))}
          </dl>
        </Block>
      )}
      <RawJson raw={result.raw} />
    </div>
  );
}
