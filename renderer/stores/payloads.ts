// The one owner of payload text (docs/ARCHITECTURE.md, "Payload text"). Each payload opened in
// this window is a document: its text as the user sees it (handed over on every keystroke), a
// revision, what the backend last confirmed, and its save state. The editor is a view of this
// text; the fire path, the preview, cURL export and the payload tools read and change it here.
// A document keeps its key when its first save gives it a payload id, so nothing is swapped
// under the user's fingers; saves are queued one at a time per document (payload-saves.ts).
import type { EditorState } from '@codemirror/state';
import { create } from 'zustand';
import type { ErrorShape } from '../../shared/errors';
import type { Trigger } from '../../shared/model';
import { useDesk } from './workspaces';

/** What the store needs of an editor's text: CodeMirror's Text fits, so a keystroke hands it over without a copy. */
interface TextValue {
  readonly length: number;
  sliceString(from: number, to?: number): string;
  toString(): string;
}
export type PayloadText = string | TextValue;

export function fullText(text: PayloadText): string {
  return typeof text === 'string' ? text : text.toString();
}

export function headOf(text: PayloadText, length: number): string {
  return typeof text === 'string' ? text.slice(0, length) : text.sliceString(0, length);
}

export interface PayloadDoc {
  /** Stable for the document's life in this window, before and after the first save. */
  key: string;
  triggerId: string;
  /** The backend's payload id; null until the first save creates the payload. */
  payloadId: string | null;
  name: string;
  text: PayloadText;
  /** Bumped by every change to save (the text, or the name). */
  revision: number;
  /** The newest revision the backend confirmed. Equal to `revision`: nothing left to save. */
  savedRevision: number;
  /** What the backend holds as far as this window knows: tells an echo of a save from a change made elsewhere. */
  base: { body: string; updatedAt: number };
  /** Why the last save failed (the text stays; the next change or "Save again" tries again). */
  error: ErrorShape | null;
  /** The payload changed elsewhere (a file on disk, another window) while this text had unsaved
   * edits: what it holds there now. Saves wait until the user keeps theirs or takes this one. */
  conflict: { body: string; updatedAt: number } | null;
}

interface PayloadsState {
  docs: Record<string, PayloadDoc>;
  /** The document each trigger shows, by trigger id (absent: its first payload). */
  shown: Record<string, string>;
}

export const usePayloads = create<PayloadsState>(() => ({ docs: {}, shown: {} }));

function newDocKey(triggerId: string): string {
  return `${triggerId}:`;
}

function savedKey(triggerId: string, payloadId: string): string {
  return `${triggerId}:${payloadId}`;
}

/** The key of the document that holds a saved payload (the one created from the trigger's first draft keeps its first key). */
export function keyOf(state: PayloadsState, triggerId: string, payloadId: string): string {
  for (const doc of Object.values(state.docs))
    if (doc.triggerId === triggerId && doc.payloadId === payloadId) return doc.key;
  return savedKey(triggerId, payloadId);
}

/** A document stays shown while its payload exists, is not created yet, or the trigger snapshot is older than the document. */
function stillThere(state: PayloadsState, trigger: Trigger, key: string): boolean {
  const doc = state.docs[key];
  if (!doc)
    return key === newDocKey(trigger.id)
      ? trigger.payloads.length === 0
      : trigger.payloads.some((p) => savedKey(trigger.id, p.id) === key);
  return (
    doc.payloadId === null ||
    trigger.payloads.some((p) => p.id === doc.payloadId) ||
    trigger.updatedAt < doc.base.updatedAt
  );
}

/** The key of the document a trigger shows: the chosen one while it exists, else its first payload's, else a new one. */
export function shownKey(state: PayloadsState, trigger: Trigger): string {
  const chosen = state.shown[trigger.id];
  if (chosen !== undefined && stillThere(state, trigger, chosen)) return chosen;
  const first = trigger.payloads[0];
  return first ? keyOf(state, trigger.id, first.id) : newDocKey(trigger.id);
}

/** The text a trigger shows (its document's, or the saved body of a payload not opened yet). */
export function shownText(state: PayloadsState, trigger: Trigger): PayloadText {
  const key = shownKey(state, trigger);
  const doc = state.docs[key];
  if (doc) return doc.text;
  return trigger.payloads.find((p) => savedKey(trigger.id, p.id) === key)?.body ?? '';
}

/** The body a fire or an export sends: exactly what the editor shows now. */
export function payloadBody(trigger: Trigger): string {
  return fullText(shownText(usePayloads.getState(), trigger));
}

/** The saved payload a trigger shows; null while it is not created yet. */
export function shownPayloadId(state: PayloadsState, trigger: Trigger): string | null {
  const key = shownKey(state, trigger);
  const doc = state.docs[key];
  if (doc) return doc.payloadId;
  return trigger.payloads.find((p) => savedKey(trigger.id, p.id) === key)?.id ?? null;
}

export function docText(key: string): string {
  const doc = getDoc(key);
  return doc ? fullText(doc.text) : '';
}

export function getDoc(key: string): PayloadDoc | undefined {
  return usePayloads.getState().docs[key];
}

export function patchDoc(key: string, patch: Partial<PayloadDoc>): void {
  usePayloads.setState((s) => {
    const doc = s.docs[key];
    return doc ? { docs: { ...s.docs, [key]: { ...doc, ...patch } } } : {};
  });
}

export function putDoc(doc: PayloadDoc): void {
  usePayloads.setState((s) => ({ docs: { ...s.docs, [doc.key]: doc } }));
}

export function dropDoc(key: string): void {
  editorStates.delete(key);
  usePayloads.setState((s) => {
    const docs = { ...s.docs };
    Reflect.deleteProperty(docs, key);
    return { docs };
  });
}

/** The document for a key, made from the trigger's saved payload (or empty, for a trigger without one) on first use. */
export function openDoc(trigger: Trigger, key: string): PayloadDoc {
  const existing = getDoc(key);
  if (existing) return existing;
  const payload = trigger.payloads.find((p) => savedKey(trigger.id, p.id) === key);
  const doc: PayloadDoc = {
    key,
    triggerId: trigger.id,
    payloadId: payload?.id ?? null,
    name: payload?.name ?? 'Default',
    text: payload?.body ?? '',
    revision: 0,
    savedRevision: 0,
    base: payload ? { body: payload.body, updatedAt: payload.updatedAt } : { body: '', updatedAt: 0 },
    error: null,
    conflict: null,
  };
  putDoc(doc);
  return doc;
}

export function showDoc(triggerId: string, key: string): void {
  usePayloads.setState((s) => ({ shown: { ...s.shown, [triggerId]: key } }));
}

// --- the editor's own state ---------------------------------------------------------------------

/**
 * Per document: the editor's undo history, selection and folds, kept across switches, with the
 * text the editor showed. When the document's text has changed since, the editor takes the
 * store's text (as one undoable change): the store never loses what the view showed.
 */
const editorStates = new Map<string, { state: EditorState; text: PayloadText }>();

export function keepEditorState(key: string, state: EditorState, text: PayloadText): void {
  if (getDoc(key)) editorStates.set(key, { state, text });
}

export function keptEditorState(key: string): { state: EditorState; text: PayloadText } | undefined {
  return editorStates.get(key);
}

// --- what the backend says ----------------------------------------------------------------------

/** The body of each document's save in flight: its echo may come before its answer, and is no conflict. */
export const sending = new Map<string, string>();

/**
 * A new trigger snapshot from the backend. An echo of this window's own save, or a snapshot older
 * than what a document knows, changes nothing; a change made elsewhere (another window, the CLI, a
 * file changed on disk) replaces the text only when nothing typed here is unsaved. Otherwise the
 * typed text stays and the document holds a conflict: the user keeps theirs or takes the other.
 */
function reconciled(doc: PayloadDoc, trigger: Trigger): PayloadDoc | null {
  if (doc.payloadId === null || trigger.updatedAt < doc.base.updatedAt) return doc;
  const clean = doc.revision === doc.savedRevision;
  const payload = trigger.payloads.find((p) => p.id === doc.payloadId);
  if (!payload) return clean ? null : { ...doc, payloadId: null }; // deleted elsewhere: unsaved text is saved anew
  if (payload.updatedAt <= doc.base.updatedAt || doc.conflict?.updatedAt === payload.updatedAt) return doc;
  if (sending.get(doc.key) === payload.body) return doc; // the echo of a save whose answer is on its way
  const base = { body: payload.body, updatedAt: payload.updatedAt };
  if (payload.body === doc.base.body) return { ...doc, name: payload.name, base };
  if (!clean) {
    const mine = fullText(doc.text);
    if (payload.body === mine) return { ...doc, name: payload.name, base, savedRevision: doc.revision, conflict: null };
    return { ...doc, name: payload.name, conflict: base };
  }
  const revision = doc.revision + 1;
  return { ...doc, name: payload.name, base, text: payload.body, revision, savedRevision: revision };
}

function reconcile(triggers: Trigger[]): void {
  const byId = new Map(triggers.map((t) => [t.id, t]));
  const { docs } = usePayloads.getState();
  const next: Record<string, PayloadDoc> = {};
  let changed = false;
  for (const doc of Object.values(docs)) {
    const trigger = byId.get(doc.triggerId);
    const after = trigger ? reconciled(doc, trigger) : doc;
    if (after !== doc) changed = true;
    if (after) next[doc.key] = after;
    else editorStates.delete(doc.key);
  }
  if (changed) usePayloads.setState({ docs: next });
}

useDesk.subscribe((state, previous) => {
  if (state.triggers !== previous.triggers) reconcile(state.triggers);
});
