// Values for the payload's {{variables}}, asked for before a fire and remembered per trigger. A
// variable marked "Secret" keeps its value in the keychain: the page shows its last four only, and
// the backend puts the value in when the trigger fires (the payload keeps the {{name}}).
import { useEffect, useState, type ReactNode } from 'react';
import { holdsSecret } from '../../../shared/harness/redact';
import type { Trigger } from '../../../shared/model';
import { setVariable, useComposer } from '../../stores/composer';
import { setVariableSecret } from '../../stores/trigger-extras';
import { showError, showToast } from '../../stores/toasts';
import { variableInputId } from './variable-ids';

function SecretValue({ trigger, name, id }: { trigger: Trigger; name: string; id: string }): ReactNode {
  const [replacement, setReplacement] = useState('');
  const info = trigger.secretVariables?.[name];
  const replace = async (): Promise<void> => {
    if (replacement === '') return;
    const reply = await setVariableSecret({ id: trigger.id, name, secret: true, value: replacement });
    if (!reply.ok) {
      showError(reply.error, `Could not keep {{${name}}} in the keychain`);
      return;
    }
    setReplacement('');
    showToast(`{{${name}}} replaced in the keychain.`);
  };
  return (
    <input
      id={id}
      className="mono"
      type="password"
      value={replacement}
      autoComplete="off"
      spellCheck={false}
      placeholder={`in the keychain: …${info?.last4 ?? ''}`}
      title="Kept in the keychain; type a new value to replace it"
      onChange={(e) => {
        setReplacement(e.target.value);
      }}
      onBlur={() => void replace()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void replace();
      }}
    />
  );
}

export function VariablesPanel({ trigger, names }: { trigger: Trigger; names: string[] }): ReactNode {
  const typed = useComposer((s) => s.values[trigger.id]);
  // The switch moves at once; the trigger (reloaded after the change) then says the same.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  useEffect(() => {
    setPending({});
  }, [trigger.secretVariables]);
  if (names.length === 0) return null;

  const mark = async (name: string, secret: boolean, value: string): Promise<void> => {
    setPending((p) => ({ ...p, [name]: secret }));
    const reply = await setVariableSecret({
      id: trigger.id,
      name,
      secret,
      ...(secret && value !== '' ? { value } : {}),
    });
    if (!reply.ok) {
      setPending((p) => Object.fromEntries(Object.entries(p).filter(([n]) => n !== name)));
      showError(reply.error, `Could not change {{${name}}}`);
      return;
    }
    // The plain copy typed here goes too: a secret value is never sent back as a plain one.
    setVariable(trigger, name, '');
    showToast(
      secret
        ? `{{${name}}} is kept in the keychain; it is put in only when the trigger fires.`
        : `{{${name}}} is a plain variable again: type its value.`,
    );
  };

  return (
    <section className="panel variables-panel" aria-labelledby={`vars-${trigger.id}`}>
      <div className="panel-head">
        <h3 id={`vars-${trigger.id}`}>Variables</h3>
        <span className="muted small-text">
          Inside quotes a value is escaped as text; standing alone, numbers, true/false/null and JSON go in as they are.
          A secret one stays in the keychain.
        </span>
      </div>
      <div className="field-grid">
        {names.map((name) => {
          const id = variableInputId(trigger.id, name);
          const secret = trigger.secretVariables?.[name] !== undefined;
          const value = typed?.[name] ?? trigger.variables?.[name] ?? '';
          const keyShaped = !secret && holdsSecret(value);
          return (
            <div className="field" key={name}>
              <label htmlFor={id}>Value for {`{{${name}}}`}</label>
              {secret ? (
                <SecretValue trigger={trigger} name={name} id={id} />
              ) : (
                <input
                  id={id}
                  className="mono"
                  value={value}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={value === '' || keyShaped ? true : undefined}
                  onChange={(e) => {
                    setVariable(trigger, name, e.target.value);
                  }}
                />
              )}
              <label className="switch small-text">
                <input
                  type="checkbox"
                  checked={pending[name] ?? secret}
                  aria-label={`Keep {{${name}}} secret in the keychain`}
                  onChange={(e) => void mark(name, e.target.checked, value)}
                />
                Secret
              </label>
              {keyShaped && (
                <p role="alert" className="field-error small-text">
                  This looks like an API key or token, so it is not saved as plain text: mark it secret to keep it in
                  the keychain.
                </p>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
