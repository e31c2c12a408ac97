// Everything that changes payload text or sends it to the backend: an edit (from the editor or a
// tool), the autosave, named payloads (new, rename, delete) and switching between them.
// Saves run one at a time per document, each with the document's newest text, so an older save
// can never land after a newer one; the first creates the payload and those queued behind it
// update it. A failed save keeps the text and says why; it is never retried on its own.
import type { Reply } from '../../shared/errors';
import type { Payload, Trigger } from '../../shared/model';
import { request } from '../bridge';
import {
  dropDoc,
  fullText,
  getDoc,
  keyOf,
  patchDoc,
  payloadBody,
  putDoc,
  sending,
  showDoc,
  usePayloads,
  type PayloadText,
} from './payloads';
import { forgetPayload, keepPayload } from './workspaces';

const SAVE_DELAY_MS = 600;
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const queues = new Map<string, Promise<Reply<Payload> | null>>();

/** The one way text changes: the editor hands over each keystroke's text, a tool a whole new text. */
export function setText(key: string, text: PayloadText): void {
  const doc = getDoc(key);
  if (!doc || doc.text === text) return;
  patchDoc(key, { text, revision: doc.revision + 1 });
  clearTimeout(timers.get(key));
  timers.set(
    key,
    setTimeout(() => {
      void saveNow(key);
    }, SAVE_DELAY_MS),
  );
}

/** Saves the document's newest text behind any save in flight. Null: there was nothing to save. */
export function saveNow(key: string): Promise<Reply<Payload> | null> {
  clearTimeout(timers.get(key));
  timers.delete(key);
  const run = (queues.get(key) ?? Promise.resolve(null)).then(() => saveOnce(key));
  queues.set(key, run);
  void run.then(() => {
    if (queues.get(key) === run) queues.delete(key);
  });
  return run;
}

async function saveOnce(key: string): Promise<Reply<Payload> | null> {
  const doc = getDoc(key);
  if (!doc || doc.revision === doc.savedRevision || doc.conflict) return null; // a conflict waits for the user's choice
  const { triggerId, payloadId, name, revision } = doc;
  const body = fullText(doc.text);
  sending.set(key, body);
  const reply = await request('payloads:save', {
    triggerId,
    ...(payloadId === null ? {} : { id: payloadId }),
    name,
    body,
  });
  sending.delete(key);
  if (!getDoc(key)) return reply; // deleted meanwhile
  if (!reply.ok) {
    patchDoc(key, { error: reply.error });
    return reply;
  }
  const saved = reply.value;
  patchDoc(key, {
    error: null,
    payloadId: saved.id,
    savedRevision: revision,
    base: { body, updatedAt: saved.updatedAt },
  });
  // Another document opened on this payload while it was being created (its echo came first) gives way.
  for (const other of Object.values(usePayloads.getState().docs)) {
    if (other.key !== key && other.payloadId === saved.id && other.revision === other.savedRevision) dropDoc(other.key);
  }
  keepPayload(triggerId, saved);
  return reply;
}

/** Keeps the text typed here over the one changed elsewhere: it is saved at once. */
export function keepMine(key: string): Promise<Reply<Payload> | null> {
  const doc = getDoc(key);
  if (doc?.conflict) patchDoc(key, { base: doc.conflict, conflict: null });
  return saveNow(key);
}

/**
 * Takes the text changed elsewhere; the editor shows it as one change (Undo brings the typed text
 * back). It is saved too: a save of the typed text already in flight must not land over it.
 */
export function takeTheirs(key: string): Promise<Reply<Payload> | null> {
  const doc = getDoc(key);
  if (!doc?.conflict) return Promise.resolve(null);
  patchDoc(key, { text: doc.conflict.body, base: doc.conflict, conflict: null, revision: doc.revision + 1 });
  return saveNow(key);
}

/** Saves every pending change now (before a switch, or when the window goes away). */
function flushSaves(): void {
  for (const key of [...timers.keys()]) void saveNow(key);
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', flushSaves);

/** Shows another of the trigger's payloads (by payload id); what was typed is saved first. */
export function showPayload(trigger: Trigger, payloadId: string): void {
  flushSaves();
  showDoc(trigger.id, keyOf(usePayloads.getState(), trigger.id, payloadId));
}

/** A new named payload holding a copy of the text shown now; it is shown next. */
export async function createPayload(trigger: Trigger, name: string): Promise<Reply<Payload>> {
  flushSaves();
  const body = payloadBody(trigger);
  const reply = await request('payloads:save', { triggerId: trigger.id, name, body });
  if (!reply.ok) return reply;
  const saved = reply.value;
  const key = keyOf(usePayloads.getState(), trigger.id, saved.id);
  putDoc({
    key,
    triggerId: trigger.id,
    payloadId: saved.id,
    name: saved.name,
    text: body,
    revision: 0,
    savedRevision: 0,
    base: { body, updatedAt: saved.updatedAt },
    error: null,
    conflict: null,
  });
  keepPayload(trigger.id, saved);
  showDoc(trigger.id, key);
  return reply;
}

/** Renames the shown payload, saving its newest text with the new name. */
export async function renamePayload(key: string, name: string): Promise<Reply<Payload | null>> {
  const doc = getDoc(key);
  if (!doc) return { ok: true, value: null };
  patchDoc(key, { name, revision: doc.revision + 1 });
  const reply = await saveNow(key);
  if (reply && !reply.ok) patchDoc(key, { name: doc.name });
  return reply ?? { ok: true, value: null };
}

export async function deletePayload(trigger: Trigger, payloadId: string): Promise<Reply<null>> {
  const reply = await request('payloads:delete', { triggerId: trigger.id, id: payloadId });
  if (!reply.ok) return reply;
  const key = keyOf(usePayloads.getState(), trigger.id, payloadId);
  clearTimeout(timers.get(key));
  timers.delete(key);
  dropDoc(key);
  forgetPayload(trigger.id, payloadId);
  return reply;
}
