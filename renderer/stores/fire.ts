// Payload drafts per trigger (kept across trigger switches and saved as the user types), the fire
// in flight, and the last answer per trigger. A fire is sent once: nothing here ever retries it.
import { create } from 'zustand';
import type { FireResult, Trigger } from '../../shared/model';
import type { ErrorShape } from '../../shared/errors';
import { DeskError } from '../../shared/errors';
import { call } from '../bridge';
import { showError } from './toasts';
import { useDesk } from './workspaces';

export type FireOutcome =
  | { kind: 'result'; result: FireResult }
  | { kind: 'error'; error: ErrorShape; at: number; host: string };

export interface Running {
  startedAt: number;
  host: string;
}

interface FireState {
  drafts: Record<string, string>;
  running: Record<string, Running>;
  outcomes: Record<string, FireOutcome>;
}

export const useFire = create<FireState>(() => ({ drafts: {}, running: {}, outcomes: {} }));

/** What the editor shows: the unsaved draft, else the trigger's first saved payload. */
export function payloadOf(state: FireState, trigger: Trigger): string {
  return state.drafts[trigger.id] ?? trigger.payloads[0]?.body ?? '';
}

const SAVE_DELAY_MS = 600;
const saveTimers = new Map<string, ReturnType<typeof setTimeout>>();

/** Payload ids created by a save, so a second save before the trigger reloads updates, not adds. */
const createdPayloadIds = new Map<string, string>();

async function saveDraft(triggerId: string, body: string): Promise<void> {
  const trigger = useDesk.getState().triggers.find((t) => t.id === triggerId);
  if (!trigger) return; // deleted meanwhile
  const first = trigger.payloads[0];
  const id = first?.id ?? createdPayloadIds.get(triggerId);
  try {
    const saved = await call('payloads:save', id ? { triggerId, id, name: first?.name ?? 'Default', body } : { triggerId, name: 'Default', body });
    createdPayloadIds.set(triggerId, saved.id);
  } catch (error) {
    showError(error, 'Could not save the payload (your text is still in the editor)');
  }
}

export function setDraft(trigger: Trigger, body: string): void {
  useFire.setState((s) => ({ drafts: { ...s.drafts, [trigger.id]: body } }));
  const pending = saveTimers.get(trigger.id);
  if (pending) clearTimeout(pending);
  saveTimers.set(trigger.id, setTimeout(() => {
    saveTimers.delete(trigger.id);
    void saveDraft(trigger.id, body);
  }, SAVE_DELAY_MS));
}

function toShape(error: unknown): ErrorShape {
  if (error instanceof DeskError) return error.toShape();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

function hostOf(trigger: Trigger): string {
  try {
    return new URL(trigger.parsed.origin).host;
  } catch {
    return trigger.parsed.origin;
  }
}

/** Fires once with the body as it is now. The draft is never touched, whatever the answer. */
export async function fireTrigger(trigger: Trigger, body: string): Promise<void> {
  if (useFire.getState().running[trigger.id]) return; // one fire at a time per trigger: no accidental doubles
  const host = hostOf(trigger);
  useFire.setState((s) => ({ running: { ...s.running, [trigger.id]: { startedAt: Date.now(), host } } }));
  let outcome: FireOutcome;
  try {
    outcome = { kind: 'result', result: await call('triggers:fire', { id: trigger.id, body }) };
  } catch (error) {
    outcome = { kind: 'error', error: toShape(error), at: Date.now(), host };
  }
  useFire.setState((s) => ({
    running: Object.fromEntries(Object.entries(s.running).filter(([id]) => id !== trigger.id)),
    outcomes: { ...s.outcomes, [trigger.id]: outcome },
  }));
}
