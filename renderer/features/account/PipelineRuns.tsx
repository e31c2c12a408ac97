// "Runs of this pipeline" on a trigger imported from a Harness account: the pipeline's recent
// executions (any trigger, any user) with status words, who or what started them and when. Opening
// one shows it in the Result column (RunDetail): its live watch, and its approval when it waits.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RunSummary, RunsPage } from '../../../shared/account-model';
import type { Trigger } from '../../../shared/model';
import { errorText } from '../../bridge';
import { loadRuns, openRun, updateOpenRun, useOpenRun } from '../../stores/account-runs';
import { useWatches } from '../../stores/watch';
import { formatDateTime } from '../watch/format';
import { StatusBadge } from '../watch/StatusBadge';
import '../watch/watch.css';
import './runs.css';

const PAGE_SIZE = 10;

type Origin = NonNullable<Trigger['harness']>;

function RunRow({ run, open, onOpen }: { run: RunSummary; open: boolean; onOpen: () => void }): ReactNode {
  return (
    <li className="run-row" data-status={run.status.status}>
      <button
        type="button"
        className="run-open"
        aria-expanded={open}
        aria-label={`Run ${run.runSequence !== null ? `#${run.runSequence} ` : ''}${run.status.words}, ${run.startedBy.words}, ${formatDateTime(run.startTs)}`}
        onClick={onOpen}
      >
        <StatusBadge status={run.status} verbatim={false} />
        <span className="run-seq mono">{run.runSequence !== null ? `#${run.runSequence}` : ''}</span>
        <span className="run-starter" title={run.startedBy.email ?? run.startedBy.type}>
          {run.startedBy.words}
        </span>
        <span className="run-when muted">{formatDateTime(run.startTs)}</span>
      </button>
    </li>
  );
}

export function PipelineRuns({ trigger, harness }: { trigger: Trigger; harness: Origin }): ReactNode {
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [page, setPage] = useState<RunsPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = useOpenRun((s) => (s.open?.triggerId === trigger.id ? s.open : null));
  const changed = useOpenRun((s) => s.changed);
  const watch = useWatches((s) => (open?.watchId ? s.watches[open.watchId] : undefined));
  // Strings, not the trigger: a reload of the triggers must not reload the runs.
  const { id: triggerId, workspaceId } = trigger;
  const { orgIdentifier, projectIdentifier, pipelineIdentifier } = harness;
  const scope = useMemo(
    () => ({ workspaceId, orgIdentifier, projectIdentifier }),
    [workspaceId, orgIdentifier, projectIdentifier],
  );

  const load = useCallback(
    async (pageNumber: number): Promise<void> => {
      setLoading(true);
      const reply = await loadRuns(scope, pipelineIdentifier, pageNumber, PAGE_SIZE);
      setLoading(false);
      if (!reply.ok) {
        setError(errorText(reply.error));
        return;
      }
      setError(null);
      setPage(reply.value);
      setRuns((before) => (pageNumber === 0 ? reply.value.runs : [...before, ...reply.value.runs]));
      updateOpenRun(reply.value.runs);
    },
    [scope, pipelineIdentifier],
  );

  // Again after an approval or rejection, and once the open run's watch sees it end.
  const ended = watch?.terminal ?? false;
  useEffect(() => {
    void load(0);
  }, [load, changed, ended]);

  const openId = open?.run.planExecutionId ?? null;
  const more = page !== null && page.page + 1 < page.totalPages;
  return (
    <section className="panel runs-panel" aria-labelledby="runs-heading">
      <div className="panel-head">
        <h3 id="runs-heading">Runs of this pipeline</h3>
        <span className="muted small-text">
          {pipelineIdentifier} · any trigger, any user{page ? ` · ${page.totalItems} in all` : ''}
        </span>
        <span className="panel-tools">
          <button type="button" className="small" disabled={loading} onClick={() => void load(0)}>
            {loading ? 'Loading…' : 'Refresh runs'}
          </button>
        </span>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {page && runs.length === 0 && <p className="muted">No runs of this pipeline in Harness yet.</p>}
      {runs.length > 0 && (
        <ul className="runs" aria-label={`Runs of ${pipelineIdentifier}, newest first`}>
          {runs.map((run) => (
            <RunRow
              key={run.planExecutionId}
              run={
                run.planExecutionId === openId && watch?.execution ? { ...run, status: watch.execution.status } : run
              }
              open={run.planExecutionId === openId}
              onOpen={() => void openRun(triggerId, scope, run)}
            />
          ))}
        </ul>
      )}
      {more && (
        <button type="button" className="small" disabled={loading} onClick={() => void load(page.page + 1)}>
          Load more runs
        </button>
      )}
      {runs.length > 0 && (
        <p className="muted small-text">A run opens in the Result column, with its stage timeline live.</p>
      )}
    </section>
  );
}
