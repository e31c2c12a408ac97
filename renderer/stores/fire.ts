// The fire in flight per trigger and the last answer per trigger. A fire is sent once: nothing
// here ever retries it. (The payload text it sends is owned by stores/payloads.ts.)
import { create } from 'zustand';
import type { FireResult, Trigger } from '../../shared/model';
import type { ErrorShape } from '../../shared/errors';
import { request } from '../bridge';

export type FireOutcome =
  { kind: 'result'; result: FireResult } | { kind: 'error'; error: ErrorShape; at: number; host: string };

export interface Running {
  startedAt: number;
  host: string;
}

interface FireState {
  running: Record<string, Running>;
  outcomes: Record<string, FireOutcome>;
}

export const useFire = create<FireState>(() => ({ running: {}, outcomes: {} }));

function hostOf(trigger: Trigger): string {
  try {
    return new URL(trigger.parsed.origin).host;
  } catch {
    return trigger.parsed.origin;
  }
}

/** Fires once with the body as given (variables already substituted). The payload text is never touched. */
export async function fireTrigger(trigger: Trigger, body: string): Promise<void> {
  if (useFire.getState().running[trigger.id]) return; // one fire at a time per trigger: no accidental doubles
  const host = hostOf(trigger);
  useFire.setState((s) => ({ running: { ...s.running, [trigger.id]: { startedAt: Date.now(), host } } }));
  const reply = await request('triggers:fire', { id: trigger.id, body });
  const outcome: FireOutcome = reply.ok
    ? { kind: 'result', result: reply.value }
    : { kind: 'error', error: reply.error, at: Date.now(), host };
  useFire.setState((s) => ({
    running: Object.fromEntries(Object.entries(s.running).filter(([id]) => id !== trigger.id)),
    outcomes: { ...s.outcomes, [trigger.id]: outcome },
  }));
}
