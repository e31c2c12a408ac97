// The matrix: every trigger of the workspace that has its YAML × every sample of the library.
// Each cell says fires / does not fire, with the reason on hover (title) and for screen readers
// (its description); the whole grid exports as CSV.
import { useMemo, type ReactNode } from 'react';
import {
  buildMatrix,
  matrixCsv,
  OUTCOME_WORDS,
  type Matrix,
  type MatrixCell,
} from '../../../shared/harness/trigger-matrix';
import { chooseTrigger, openSample, setLabTab, useConditions } from '../../stores/conditions';
import { useDesk } from '../../stores/workspaces';
import { downloadText } from './download';
import { useRegexAnswers } from './regex-jobs';

const MARK: Record<MatrixCell['outcome'], string> = {
  'fires': '✓',
  'does-not-fire': '✗',
  'undetermined': '?',
  'error': '!',
};

/** The id of the ad-hoc row: the Lab's YAML, not kept on any trigger. */
const AD_HOC = 'lab-yaml';

function useMatrix(): { matrix: Matrix; ms: number; withoutYaml: number } {
  const workspaceId = useConditions((s) => s.workspaceId);
  const samples = useConditions((s) => s.samples);
  const labYaml = useConditions((s) => s.yaml);
  const labTriggerId = useConditions((s) => s.triggerId);
  const triggers = useDesk((s) => s.triggers);
  const regexAnswers = useRegexAnswers();
  return useMemo(() => {
    const mine = triggers.filter((t) => t.workspaceId === workspaceId);
    const withYaml = mine.flatMap((t) => (t.yaml ? [{ id: t.id, name: t.name, yaml: t.yaml }] : []));
    // YAML in the Lab that no trigger keeps (pasted, or edited and not kept) joins as an ad-hoc row.
    const labTrigger = mine.find((t) => t.id === labTriggerId);
    const adHoc =
      labYaml.trim() !== '' && labYaml !== (labTrigger?.yaml ?? '')
        ? [
            {
              id: AD_HOC,
              name: labTrigger ? `${labTrigger.name} (as in the Lab, not kept)` : 'YAML in the Lab (not kept)',
              yaml: labYaml,
            },
          ]
        : [];
    const t0 = performance.now();
    const matrix = buildMatrix(
      [...withYaml, ...adHoc],
      samples.map((s) => ({ id: s.id, name: s.name, payload: s.payload, headers: s.headers })),
    );
    return { matrix, ms: performance.now() - t0, withoutYaml: mine.length - withYaml.length };
  }, [triggers, samples, workspaceId, regexAnswers, labYaml, labTriggerId]);
}

function fileName(workspace: string): string {
  const day = new Date().toISOString().slice(0, 10);
  return `trigger-matrix-${workspace.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'workspace'}-${day}.csv`;
}

/** A cell opens its trigger and sample in the lab, row by row explained. */
function openInLab(triggerId: string, sampleId: string | undefined): void {
  // The ad-hoc row is the Lab's YAML already: only the sample changes.
  if (triggerId !== AD_HOC) chooseTrigger(useDesk.getState().triggers.find((t) => t.id === triggerId) ?? null);
  openSample(sampleId ?? null);
  setLabTab('lab');
}

export function MatrixView(): ReactNode {
  const { matrix, ms, withoutYaml } = useMatrix();
  const workspaceId = useConditions((s) => s.workspaceId);
  const workspace = useDesk((s) => s.workspaces.find((w) => w.id === workspaceId));
  const empty = matrix.rows.length === 0 || matrix.samples.length === 0;
  const fires = matrix.rows.reduce((n, r) => n + r.cells.filter((c) => c.outcome === 'fires').length, 0);
  return (
    <div className="matrix-view">
      <div className="matrix-head">
        <p className="muted small-text" role="status">
          {matrix.rows.length} trigger{matrix.rows.length === 1 ? '' : 's'} × {matrix.samples.length} sample
          {matrix.samples.length === 1 ? '' : 's'}
          {!empty &&
            `: ${fires} of ${matrix.rows.length * matrix.samples.length} would fire (evaluated in ${ms.toFixed(1)} ms)`}
          {withoutYaml > 0 &&
            `. ${withoutYaml} trigger${withoutYaml === 1 ? ' has' : 's have'} no YAML yet (fetch or paste it in the Lab, then “Keep on trigger”).`}
        </p>
        <button
          type="button"
          className="small"
          disabled={empty}
          onClick={() => {
            downloadText(fileName(workspace?.name ?? ''), matrixCsv(matrix), 'text/csv;charset=utf-8');
          }}
        >
          Export CSV
        </button>
      </div>
      {empty ? (
        <p className="matrix-empty">
          {matrix.samples.length === 0
            ? 'No samples in this workspace yet: save some in the '
            : 'No trigger of this workspace has its YAML yet: bring one in with the '}
          <button
            type="button"
            className="link"
            onClick={() => {
              setLabTab('lab');
            }}
          >
            Lab
          </button>
          .
        </p>
      ) : (
        <div className="matrix-scroll">
          <table className="matrix" aria-label="Triggers × samples">
            <thead>
              <tr>
                <th scope="col">Trigger \ sample</th>
                {matrix.samples.map((s) => (
                  <th key={s.id} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={row.trigger.id}>
                  <th scope="row" title={row.error ?? row.trigger.identifier ?? undefined}>
                    {row.trigger.name}
                  </th>
                  {row.cells.map((cell, i) => {
                    const descId = `mx-${row.trigger.id}-${matrix.samples[i]?.id ?? i}`;
                    return (
                      <td
                        key={descId}
                        className={`mx-cell mx-${cell.outcome}`}
                        title={cell.reason}
                        aria-describedby={descId}
                        data-outcome={cell.outcome}
                      >
                        <button
                          type="button"
                          className="mx-open"
                          onClick={() => {
                            openInLab(row.trigger.id, matrix.samples[i]?.id);
                          }}
                          aria-label={`${OUTCOME_WORDS[cell.outcome]}: open ${row.trigger.name} with ${matrix.samples[i]?.name ?? 'this sample'} in the lab`}
                        >
                          <span aria-hidden="true">{MARK[cell.outcome]} </span>
                          {OUTCOME_WORDS[cell.outcome]}
                          {cell.status && cell.outcome !== 'fires' && (
                            <span className="mx-status">
                              {cell.status
                                .replace('NO_MATCHING_TRIGGER_FOR_', '')
                                .replace('_CONDITIONS', '')
                                .toLowerCase()}
                            </span>
                          )}
                        </button>
                        <span id={descId} className="visually-hidden">
                          {cell.reason}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
