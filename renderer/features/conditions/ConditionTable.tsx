// Payload and header conditions, one row each: key, what it resolved to, operator, expected
// value, pass or fail and why; the classic-mistake warnings under the row they belong to.
import { Fragment, type ReactNode } from 'react';
import type { ConditionRow } from '../../../shared/harness/conditions';
import { CodeText } from '../../ui/CodeText';
import { stateText } from './words';

/** Warnings for the mistakes people often make start so; the lab shows the words as a flag. */
const MISTAKE = 'Classic mistake: ';

export function ConditionTable({ rows }: { rows: ConditionRow[] }): ReactNode {
  if (rows.length === 0) return <p className="muted">No payload or header conditions.</p>;
  return (
    <table className="cond-table" aria-label="Payload and header conditions">
      <thead>
        <tr>
          <th scope="col">Condition</th>
          <th scope="col">Key</th>
          <th scope="col">Resolved</th>
          <th scope="col">Op</th>
          <th scope="col">Expected</th>
          <th scope="col">Result</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Fragment key={`${r.kind}-${r.index}`}>
            <tr data-state={r.state} className={`cond-row state-${r.state}`}>
              <th scope="row">
                {r.kind} {r.index + 1}
                {r.where && <span className="muted small-text"> · line {r.where.line}</span>}
              </th>
              <td className="mono key">{r.key ? <CodeText text={r.key} /> : <span className="muted">(empty)</span>}</td>
              <td className="mono">
                {(r.state === 'not-reached' || r.state === 'dropped') && r.resolved === ''
                  ? ''
                  : JSON.stringify(r.resolved)}
              </td>
              <td className="mono nowrap">{r.operator || <span className="muted">(none)</span>}</td>
              <td className="mono">{JSON.stringify(r.expected)}</td>
              <td className="result">
                <span className={`state state-${r.state}`}>{stateText(r.state, r.wouldBe)}</span>
              </td>
              <td className="why">{r.why}</td>
            </tr>
            {r.warnings.length > 0 && (
              <tr className="cond-warn-row">
                <td colSpan={7}>
                  <ul className="cond-warnings" aria-label={`Warnings for ${r.kind} condition ${r.index + 1}`}>
                    {r.warnings.map((w) => (
                      <li key={w}>
                        {w.startsWith(MISTAKE) ? (
                          <>
                            <span className="classic-mistake">Classic mistake:</span> {w.slice(MISTAKE.length)}
                          </>
                        ) : (
                          w
                        )}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
