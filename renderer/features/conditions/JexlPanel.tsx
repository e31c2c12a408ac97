// The JEXL condition: each <+…> with the typed value it was bound to, the result and its type,
// constructs the preview cannot evaluate named, a syntax error with its place.
import { useId, type ReactNode } from 'react';
import type { JexlRow } from '../../../shared/harness/conditions';
import { CodeText } from '../../ui/CodeText';
import { stateText } from './words';

/** JSON for a value; JSON.stringify gives undefined for undefined and functions. */
function showValue(v: unknown): string {
  return v === undefined ? 'undefined' : typeof v === 'function' ? 'a function' : JSON.stringify(v);
}

export function JexlPanel({ row }: { row: JexlRow }): ReactNode {
  const id = useId();
  if (row.state === 'blank' && row.expression.trim() === '') {
    return (
      <section className="cond-jexl" aria-labelledby={id}>
        <h4 id={id}>JEXL condition</h4>
        <p className="muted">{row.why}.</p>
      </section>
    );
  }
  return (
    <section className="cond-jexl" aria-labelledby={id} data-state={row.state}>
      <h4 id={id}>
        JEXL condition <span className={`state state-${row.state}`}>{stateText(row.state, row.wouldBe)}</span>
      </h4>
      <pre className="mono code-block">{row.expression}</pre>
      {row.bindings.length > 0 && (
        <table className="cond-table cond-values" aria-label="JEXL expressions and their values">
          <thead>
            <tr>
              <th scope="col">Expression</th>
              <th scope="col">Type</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {row.bindings.map((b, i) => (
              <tr key={`${b.text}-${i}`}>
                <td className="mono">
                  <CodeText text={b.text} />
                </td>
                <td>{b.type}</td>
                <td className="mono">
                  <CodeText text={b.preview} />
                  {b.note && <span className="muted"> ({b.note})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <strong>Result:</strong>{' '}
        {row.state === 'not-reached' || row.state === 'blank' ? (
          ''
        ) : (
          <code>{`${showValue(row.result)} (${row.resultType})`}</code>
        )}{' '}
        {row.why}
      </p>
      {row.error && (
        <p className="field-error" role="note">
          Syntax error at line {(row.error.yaml ?? row.error.where).line}, column{' '}
          {(row.error.yaml ?? row.error.where).column}
          {row.error.yaml ? ' of the YAML' : ''}: {row.error.message}
        </p>
      )}
      {row.unsupported.length > 0 && (
        <p className="cond-unsupported">
          <strong>The preview cannot evaluate:</strong> {row.unsupported.join('; ')}
        </p>
      )}
      {row.warnings.length > 0 && (
        <ul className="cond-warnings" aria-label="Warnings for the JEXL condition">
          {row.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
