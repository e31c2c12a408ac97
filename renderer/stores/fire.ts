// Payload drafts per trigger and named payload (kept across switches and saved as the user types),
// which named payload each trigger shows, the fire in flight, and the last answer per trigger.
// A fire is sent once: nothing here ever retries it.
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
  /** Unsaved (or saving) bodies, by draftKey(trigger id, payload id). */
  drafts: Record<string, string>;
  /** The payload each trigger shows ('' = the trigger has none yet). */
  selected: Record<string, string>;
  running: Record<string, Running>;
  outcomes: Record<string, FireOutcome>;
}

export const useFire = create<FireState>(() => ({ drafts: {}, selected: {}, running: {}, outcomes: {} }));

export function draftKey(triggerId: string, payloadId: string): string {
  return `${triggerId}:${payloadId}`;
}

/** The payload the trigger shows: the chosen one if it still exists, else its first. */
export function selectedPayloadId(state: Pick<FireState, 'selected'>, trigger: Trigger): string {
  const chosen = state.selected[trigger.id];
  if (chosen !== undefined && (chosen === '' ? trigger.payloads.length === 0 : trigger.payloads.some((p) => p.id === chosen))) return chosen;
  return trigger.payloads[0]?.id ?? '';
}

/** What the editor shows: the unsaved draft, else the selected saved payload. */
export function payloadOf(state: FireState, trigger: Trigger): string {
  const pid = selectedPayloadId(state, trigger);
  return state.drafts[draftKey(trigger.id, pid)] ?? trigger.payloads.find((p) => p.id === pid)?.body ?? '';
}

export function selectPayload(triggerId: string, payloadId: string): void {
  useFire.setState((s) => ({ selected: { ...s.selected, [triggerId]: payloadId } }));
}

const SAVE_DELAY_MS = 600;
const saveTimers = new Map<string, { timer: ReturnType<typeof setTimeout>; run: () => void }>();

/** Per trigger without payloads: the first save's creation, so later saves update it, not add more. */
const creations = new Map<string, Promise<string | null>>();

async function saveDraft(triggerId: string, payloadId: string, body: string): Promise<void> {
  const trigger = useDesk.getState().triggers.find((t) => t.id === triggerId);
  if (!trigger) return; // deleted meanwhile
  const pending = payloadId === '' ? creations.get(triggerId) : undefined;
  const id = pending ? await pending : payloadId;
  if (id === null) return; // the creation failed and was reported
  const existing = trigger.payloads.find((p) => p.id === id) ?? (id === '' ? undefined : { id, name: 'Default' });
  try {
    if (existing) {
      await call('payloads:save', { triggerId, id: existing.id, name: existing.name, body });
      return;
    }
    const creation = call('payloads:save', { triggerId, name: 'Default', body }).then((p) => p.id);
    creations.set(triggerId, creation.catch(() => null));
    const made = await creation;
    // The draft moves under the new payload's id, and the trigger shows it.
    useFire.setState((s) => {
      const drafts = { ...s.drafts };
      const from = draftKey(triggerId, '');
      const text = drafts[from];
      Reflect.deleteProperty(drafts, from);
      if (text !== undefined) drafts[draftKey(triggerId, made)] = text;
      return { drafts, selected: { ...s.selected, [triggerId]: made } };
    });
  } catch (error) {
    showError(error, 'Could not save the payload (your text is still in the editor)');
  }
}

export function setDraft(trigger: Trigger, body: string, payloadId = selectedPayloadId(useFire.getState(), trigger)): void {
  const key = draftKey(trigger.id, payloadId);
  useFire.setState((s) => ({ drafts: { ...s.drafts, [key]: body } }));
  const pending = saveTimers.get(key);
  if (pending) clearTimeout(pending.timer);
  const run = (): void => {
    saveTimers.delete(key);
    void saveDraft(trigger.id, payloadId, body);
  };
  saveTimers.set(key, { timer: setTimeout(run, SAVE_DELAY_MS), run });
}

/** Saves every pending draft now (before a switch of payload, or when the window goes away). */
export function flushDrafts(): void {
  for (const { timer, run } of [...saveTimers.values()]) {
    clearTimeout(timer);
    run();
  }
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', flushDrafts);

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

/** Fires once with the body as given (variables already substituted). The draft is never touched. */
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
