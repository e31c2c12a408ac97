// The runtime inputs the run would get: the trigger's inputYaml with every trigger expression
// resolved against the sample; the ones that did not resolve flagged with their place.
import { useId, type ReactNode } from 'react';
import type { RuntimeInputs } from '../../../shared/harness/runtime-inputs';

export function RuntimeInputsPanel({ inputs }: { inputs: RuntimeInputs | null }): ReactNode {
  const id = useId();
  if (!inputs || inputs.yaml.trim() === '') {
    return (
      <section className="cond-inputs" aria-labelledby={id}>
        <h4 id={id}>Runtime inputs</h4>
        <p className="muted">The trigger has no inputYaml.</p>
      </section>
    );
  }
  const resolved = inputs.refs.filter((r) => r.state === 'resolved').length;
  return (
    <section className="cond-inputs" aria-labelledby={id}>
      <h4 id={id}>
        Runtime inputs{' '}
        <span className="muted small-text">
          {resolved} resolved, {inputs.unresolved.length} unresolved
        </span>
      </h4>
      <pre className="mono code-block" aria-label="inputYaml with the trigger expressions resolved">
        {inputs.yaml}
      </pre>
      {inputs.unresolved.length > 0 && (
        <ul className="cond-warnings" aria-label="Unresolved runtime inputs">
          {inputs.unresolved.map((u) => (
            <li key={`${u.line}:${u.column}`}>
              <code>{u.expression}</code> (inputYaml line {u.line}, column {u.column}
              {u.documentLine !== null ? `; trigger YAML line ${u.documentLine}` : ''}): {u.why ?? u.state}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
