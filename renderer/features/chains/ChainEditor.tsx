// Builds a chain: its name, then steps (trigger, payload with {{prev.*}} values, the status the
// previous run must reach). Problems are found as you type by the backend's own check and shown on
// the step they belong to; a chain with a problem is not run.
import type { ReactNode } from 'react';
import { PREV_FIELDS, type ChainAfter } from '../../../shared/chain-model';
import type { Trigger } from '../../../shared/model';
import { addStep, draftProblems, removeStep, setDraftName, updateStep, useChains } from '../../stores/chains';

const AFTER: { value: ChainAfter; label: string }[] = [
  { value: 'success', label: 'the previous run succeeded' },
  { value: 'terminal', label: 'the previous run ended (any status)' },
];

export function ChainEditor({ triggers }: { triggers: Trigger[] }): ReactNode {
  const draft = useChains((s) => s.draft);
  const problems = draftProblems(draft, triggers);
  const first = triggers[0];
  return (
    <section className="chain-editor" aria-label="Chain editor">
      <label className="field">
        <span className="label">Chain name</span>
        <input
          value={draft.name}
          onChange={(e) => {
            setDraftName(e.target.value);
          }}
          placeholder="e.g. build then deploy"
        />
      </label>
      <ol className="chain-steps">
        {draft.steps.map((step, i) => {
          const mine = problems.filter((p) => p.step === i);
          return (
            <li key={i} className="chain-step" aria-label={`Step ${i + 1}`} data-invalid={mine.length > 0 || undefined}>
              <div className="chain-step-head">
                <strong>Step {i + 1}</strong>
                <label className="field-inline">
                  <span className="label">Trigger</span>
                  <select
                    value={step.triggerId}
                    onChange={(e) => {
                      updateStep(i, { triggerId: e.target.value });
                    }}
                  >
                    {!triggers.some((t) => t.id === step.triggerId) && (
                      <option value={step.triggerId}>(deleted trigger)</option>
                    )}
                    {triggers.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                </label>
                {i > 0 && (
                  <label className="field-inline">
                    <span className="label">Start when</span>
                    <select
                      value={step.after}
                      onChange={(e) => {
                        updateStep(i, { after: e.target.value as ChainAfter });
                      }}
                    >
                      {AFTER.map((a) => (
                        <option key={a.value} value={a.value}>
                          {a.label}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                <button
                  type="button"
                  className="small"
                  aria-label={`Remove step ${i + 1}`}
                  onClick={() => {
                    removeStep(i);
                  }}
                >
                  Remove
                </button>
              </div>
              <label className="field">
                <span className="label">Payload</span>
                <textarea
                  className="mono"
                  rows={3}
                  spellCheck={false}
                  value={step.body}
                  onChange={(e) => {
                    updateStep(i, { body: e.target.value });
                  }}
                />
              </label>
              {mine.map((p, k) => (
                <p key={k} className="chain-problem" role="alert">
                  {p.message}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
      {/* A fresh, empty chain is not an error: it says what to do, in a neutral tone. */}
      {draft.steps.length === 0 ? (
        <p className="muted" data-testid="chain-empty">
          Add a step to start: each step fires one trigger, the next waits for the previous run.
        </p>
      ) : (
        problems
          .filter((p) => p.step >= draft.steps.length)
          .map((p, k) => (
            <p key={k} className="chain-problem" role="alert">
              {p.message}
            </p>
          ))
      )}
      <div className="chain-add">
        <button
          type="button"
          disabled={!first}
          onClick={() => {
            if (first) addStep(first.id);
          }}
        >
          Add step
        </button>
        <span className="muted small-text">
          A step&apos;s payload may use the previous run:{' '}
          {PREV_FIELDS.slice(0, 3)
            .map((f) => `{{prev.${f}}}`)
            .join(', ')}
          , {'{{prev.payload.<field>}}'}…
        </span>
      </div>
    </section>
  );
}
