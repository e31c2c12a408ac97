// The live watch of one fire: phases, connection trouble (never shown as failure), "needs a person",
// the run with its stage timeline and failure messages, then the end. Abort asks first.
import { useState, type ReactNode } from 'react';
import type { WatchState } from '../../../shared/watch-model';
import { openInspector } from '../../stores/inspector';
import { abortWatch, dismissWatch, isLive, stopWatch, useWatches } from '../../stores/watch';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDuration, formatTime } from './format';
import { NotifyOffer } from './NotifyOffer';
import { StageTimeline } from './StageTimeline';
import { StatusBadge } from './StatusBadge';
import { liveDuration, useNow } from './useNow';
import { WatchPhases } from './WatchPhases';
import './watch.css';

function RunSummary({ watch }: { watch: WatchState }): ReactNode {
  const execution = watch.execution;
  const running = !watch.terminal && isLive(watch);
  const now = useNow(running);
  const measuredAt = useWatches((s) => s.measuredAt[watch.id] ?? watch.updatedAt);
  if (!execution) return null;
  const time = liveDuration(execution.durationMs, running && execution.endTs === null, measuredAt, now);
  const counts = execution.stageCounts;
  return (
    <div className="run-summary">
      <div className="run-head">
        <StatusBadge status={execution.status} />
        <span className="run-name">
          {execution.name}
          {execution.runSequence !== null && <span className="muted"> #{execution.runSequence}</span>}
        </span>
      </div>
      <dl className="run-facts">
        <dt>{running ? 'Running for' : 'Took'}</dt>
        <dd className="mono" data-testid="run-time">
          {formatDuration(time)}
        </dd>
        <dt>Started</dt>
        <dd>{formatTime(execution.startTs)}</dd>
        <dt>Stages</dt>
        <dd>
          {counts.successful} of {counts.total} done{counts.running > 0 ? `, ${counts.running} running` : ''}
          {counts.failed > 0 ? `, ${counts.failed} failed` : ''}
        </dd>
      </dl>
    </div>
  );
}

function Failures({ messages }: { messages: string[] }): ReactNode {
  if (messages.length === 0) return null;
  return (
    <div className="failures" role="group" aria-label="Failure messages">
      <strong>What Harness said went wrong</strong>
      <ul>
        {messages.map((m, i) => (
          <li key={i} className="mono">
            {m}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Actions({ watch }: { watch: WatchState }): ReactNode {
  const [confirming, setConfirming] = useState(false);
  const live = isLive(watch);
  return (
    <div className="watch-actions">
      {live && watch.canAbort && (
        <button
          type="button"
          className="danger-text"
          onClick={() => {
            setConfirming(true);
          }}
        >
          Abort run…
        </button>
      )}
      {live && (
        <button type="button" onClick={() => void stopWatch(watch)}>
          Stop following
        </button>
      )}
      <button
        type="button"
        onClick={() => {
          openInspector({ apiUrl: watch.apiUrl });
        }}
      >
        Open in Inspector
      </button>
      {!live && (
        <button type="button" onClick={() => void dismissWatch(watch)} aria-label="Dismiss this watch">
          Dismiss
        </button>
      )}
      {confirming && (
        <ConfirmDialog
          title="Abort this run?"
          confirmLabel="Abort run"
          cancelLabel="Keep it running"
          danger
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            setConfirming(false);
            void abortWatch(watch);
          }}
        >
          <p>
            “{watch.execution?.name ?? watch.triggerName}”
            {watch.execution?.runSequence != null ? ` #${watch.execution.runSequence}` : ''} stops in Harness, with
            every running stage. It cannot be resumed.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** `phases`: the fire's path (sent, picked up, processed); off for a run opened from a pipeline's runs. */
export function WatchPanel({ watch, phases = true }: { watch: WatchState; phases?: boolean }): ReactNode {
  const live = isLive(watch);
  const measuredAt = useWatches((s) => s.measuredAt[watch.id] ?? watch.updatedAt);
  return (
    <section
      className={`watch ${live ? 'watch-live' : 'watch-ended'}`}
      aria-label="Live watch"
      data-phase={watch.phase}
    >
      <div className="watch-headline" role="status" aria-live="polite" data-testid="watch-headline">
        {watch.headline}
      </div>
      {watch.connectionTrouble && (
        <div className="watch-note note-trouble" role="note" aria-label="Connection trouble">
          {watch.connectionTrouble}
        </div>
      )}
      {watch.needsPerson && (
        <div className="watch-note note-person" role="note" aria-label="Needs a person">
          <strong>Needs a person.</strong> {watch.needsPerson}
        </div>
      )}
      {phases && <WatchPhases watch={watch} />}
      <RunSummary watch={watch} />
      {watch.steps.length > 0 && (
        <StageTimeline steps={watch.steps} measuredAt={measuredAt} live={live && !watch.terminal} />
      )}
      <Failures messages={watch.failureMessages} />
      {watch.processing?.sandboxNote && (
        <div className="watch-note" role="note" aria-label="Sandbox note">
          <strong>Sandbox note</strong> (not Harness’s words): {watch.processing.sandboxNote}
        </div>
      )}
      {watch.ended && (
        <p className="watch-ended-line" data-testid="watch-ended">
          Finished following at {formatTime(watch.ended.at)}: {watch.ended.reason}
        </p>
      )}
      <Actions watch={watch} />
      {live && <NotifyOffer />}
    </section>
  );
}
