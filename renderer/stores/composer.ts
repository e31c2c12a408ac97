// The composer's per-trigger state that is not a draft: the newest analysis of each payload
// (validity, variables, paths), and the variable values the user gives (remembered per trigger
// on the backend, so they are offered again next time).
import { create } from 'zustand';
import { holdsSecret } from '../../shared/harness/redact';
import type { Trigger } from '../../shared/model';
import type { Analysis } from '../features/composer/analysis';
import { request } from '../bridge';
import { showError } from './toasts';

interface ComposerState {
  /** By draft key (trigger id : payload id). */
  analyses: Record<string, Analysis>;
  /** Values typed in this session, by trigger id; merged over the trigger's saved ones. */
  values: Record<string, Record<string, string>>;
}

export const useComposer = create<ComposerState>(() => ({ analyses: {}, values: {} }));

export function setAnalysis(a: Analysis): void {
  useComposer.setState((s) => ({ analyses: { ...s.analyses, [a.key]: a } }));
}

/** The values for a trigger: typed ones over saved ones; an empty value counts as missing. */
export function variableValues(state: ComposerState, trigger: Trigger): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...trigger.variables, ...state.values[trigger.id] };
  for (const [k, v] of Object.entries(merged)) if (v === '') merged[k] = undefined;
  return merged;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();

export function setVariable(trigger: Trigger, name: string, value: string): void {
  useComposer.setState((s) => ({ values: { ...s.values, [trigger.id]: { ...s.values[trigger.id], [name]: value } } }));
  clearTimeout(timers.get(trigger.id));
  timers.set(
    trigger.id,
    setTimeout(() => {
      timers.delete(trigger.id);
      // A key-shaped value is not remembered in plain text (the Variables panel says to mark it secret).
      const values = Object.fromEntries(
        Object.entries({ ...trigger.variables, ...useComposer.getState().values[trigger.id] }).filter(
          ([, v]) => !holdsSecret(v),
        ),
      );
      void request('triggers:setVariables', { id: trigger.id, values }).then((reply) => {
        if (!reply.ok) showError(reply.error, 'Could not remember the variable values');
      });
    }, 500),
  );
}
