// Values for the payload's {{variables}}, asked for before a fire and remembered per trigger.
import type { ReactNode } from 'react';
import type { Trigger } from '../../../shared/model';
import { setVariable, useComposer } from '../../stores/composer';
import { variableInputId } from './variable-ids';

export function VariablesPanel({ trigger, names }: { trigger: Trigger; names: string[] }): ReactNode {
  const typed = useComposer((s) => s.values[trigger.id]);
  if (names.length === 0) return null;
  return (
    <section className="panel variables-panel" aria-labelledby={`vars-${trigger.id}`}>
      <div className="panel-head">
        <h3 id={`vars-${trigger.id}`}>Variables</h3>
        <span className="muted small-text">Inside quotes a value is escaped as text; standing alone, numbers, true/false/null and JSON go in as they are.</span>
      </div>
      <div className="field-grid">
        {names.map((name) => {
          const id = variableInputId(trigger.id, name);
          const value = typed?.[name] ?? trigger.variables?.[name] ?? '';
          return (
            <div className="field" key={name}>
              <label htmlFor={id}>Value for {`{{${name}}}`}</label>
              <input id={id} className="mono" value={value} autoComplete="off" spellCheck={false}
                aria-invalid={value === '' ? true : undefined}
                onChange={(e) => { setVariable(trigger, name, e.target.value); }} />
            </div>
          );
        })}
      </div>
    </section>
  );
}
