// The verdict: would it fire, the Harness status it would produce and why; then the condition rows,
// the JEXL condition, the runtime inputs and the notes. Stays on screen (marked) while the YAML
// being typed cannot be read.
import type { ReactNode } from 'react';
import { formatVerdict } from '../../../shared/harness/conditions-format';
import { CopyButton } from '../../ui/CopyButton';
import { ConditionTable } from './ConditionTable';
import { JexlPanel } from './JexlPanel';
import { RuntimeInputsPanel } from './RuntimeInputsPanel';
import type { LabResult } from './useLab';

const HEAD = { 'fires': 'Would fire', 'does-not-fire': 'Would not fire', 'undetermined': 'Cannot tell' } as const;

export function VerdictPanel({ lab }: { lab: LabResult }): ReactNode {
  const { verdict, trigger } = lab;
  if (!verdict || !trigger) {
    return (
      <section className="panel cond-verdict" aria-label="Verdict">
        <p className="muted">
          {lab.yamlError
            ? 'Fix the YAML to see the verdict.'
            : 'Pick a saved trigger, paste its YAML or open a file: the verdict appears here as you type.'}
        </p>
      </section>
    );
  }
  const notes = [...trigger.notes, ...verdict.warnings];
  const text = formatVerdict(verdict, {
    trigger: { name: trigger.name, identifier: trigger.identifier },
    inputs: lab.inputs,
  });
  return (
    <section className={`panel cond-verdict${lab.stale ? ' stale' : ''}`} aria-label="Verdict">
      <div
        className={`verdict-banner verdict-${verdict.outcome}`}
        role="status"
        aria-live="polite"
        data-testid="verdict"
      >
        <div className="verdict-line">
          <strong>{HEAD[verdict.outcome]}</strong>
          {verdict.status && <code className="verdict-status">{verdict.status}</code>}
          <span className="spacer" />
          <CopyButton text={text} what="the explanation" />
        </div>
        <p>{verdict.summary}</p>
        {lab.stale && (
          <p className="small-text">
            <strong>Showing the last YAML that could be read</strong>: the YAML being edited has an error.
          </p>
        )}
      </div>
      <p className="muted small-text">
        {trigger.name ?? '(no name)'}
        {trigger.identifier ? ` (${trigger.identifier})` : ''}
        {trigger.pipeline ? ` → pipeline ${trigger.pipeline}` : ''}
      </p>
      <ConditionTable rows={verdict.rows} />
      <JexlPanel row={verdict.jexl} />
      <RuntimeInputsPanel inputs={lab.inputs} />
      {notes.length > 0 && (
        <section className="cond-notes" aria-label="Notes">
          <h4>Notes</h4>
          <ul className="cond-warnings">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
