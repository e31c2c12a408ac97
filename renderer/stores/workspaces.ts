// Workspaces and their triggers, the selection, and every action that changes them. Deletes are
// soft on the backend, so each one offers an Undo that calls the matching restore. An action the
// page shows the failure of beside a field answers the Reply; the others say it in a notice.
import { create } from 'zustand';
import type { Reply } from '../../shared/errors';
import type { Payload, Trigger, Workspace } from '../../shared/model';
import { request } from '../bridge';
import { showError, showToast } from './toasts';

interface DeskState {
  workspaces: Workspace[];
  triggers: Trigger[];
  selectedId: string | null;
  loaded: boolean;
}

// The open trigger survives a reload (an id, nothing secret).
const SELECTED_KEY = 'trigger-desk:selected';

function rememberedSelection(): string | null {
  try {
    return localStorage.getItem(SELECTED_KEY);
  } catch {
    return null;
  }
}

export const useDesk = create<DeskState>(() => ({
  workspaces: [],
  triggers: [],
  selectedId: rememberedSelection(),
  loaded: false,
}));

useDesk.subscribe((state, previous) => {
  if (state.selectedId === previous.selectedId) return;
  try {
    if (state.selectedId) localStorage.setItem(SELECTED_KEY, state.selectedId);
    else localStorage.removeItem(SELECTED_KEY);
  } catch {
    // storage may be unavailable (private mode); the selection is then just not remembered
  }
});

export function selectedTrigger(state: DeskState): Trigger | null {
  return state.triggers.find((t) => t.id === state.selectedId) ?? null;
}

export async function reloadWorkspaces(): Promise<Reply<Workspace[]>> {
  const reply = await request('workspaces:list', {});
  if (reply.ok) useDesk.setState({ workspaces: reply.value });
  return reply;
}

/** Counts list requests: an answer overtaken by a newer request's is dropped (it is older). */
let listGeneration = 0;

export async function reloadTriggers(): Promise<Reply<Trigger[]>> {
  const mine = ++listGeneration;
  const reply = await request('triggers:list', {});
  if (reply.ok && mine === listGeneration) {
    const triggers = reply.value;
    useDesk.setState((s) => ({
      triggers,
      selectedId: triggers.some((t) => t.id === s.selectedId) ? s.selectedId : null,
    }));
  }
  return reply;
}

export async function loadDesk(): Promise<Reply<null>> {
  const replies = await Promise.all([reloadWorkspaces(), reloadTriggers()]);
  for (const reply of replies) if (!reply.ok) return reply;
  useDesk.setState({ loaded: true });
  return { ok: true, value: null };
}

export function selectTrigger(id: string | null): void {
  useDesk.setState({ selectedId: id });
}

export function replaceTrigger(trigger: Trigger): void {
  useDesk.setState((s) => ({
    triggers: s.triggers.some((t) => t.id === trigger.id)
      ? s.triggers.map((t) => (t.id === trigger.id ? trigger : t))
      : [...s.triggers, trigger],
  }));
}

function patchTrigger(id: string, change: (t: Trigger) => Trigger): void {
  useDesk.setState((s) => ({ triggers: s.triggers.map((t) => (t.id === id ? change(t) : t)) }));
}

/** A payload the backend just confirmed, on its trigger at once (the reload that follows brings the same). */
export function keepPayload(triggerId: string, payload: Payload): void {
  patchTrigger(triggerId, (t) => ({
    ...t,
    updatedAt: Math.max(t.updatedAt, payload.updatedAt),
    payloads: t.payloads.some((p) => p.id === payload.id)
      ? t.payloads.map((p) => (p.id === payload.id ? payload : p))
      : [...t.payloads, payload],
  }));
}

export function forgetPayload(triggerId: string, payloadId: string): void {
  patchTrigger(triggerId, (t) => ({ ...t, payloads: t.payloads.filter((p) => p.id !== payloadId) }));
}

// --- workspaces -------------------------------------------------------------------------------

export async function createWorkspace(name: string): Promise<Reply<Workspace>> {
  const reply = await request('workspaces:create', { name });
  if (reply.ok) {
    const workspace = reply.value;
    useDesk.setState((s) => ({ workspaces: [...s.workspaces.filter((w) => w.id !== workspace.id), workspace] }));
  }
  return reply;
}

export async function renameWorkspace(id: string, name: string): Promise<Reply<Workspace>> {
  const reply = await request('workspaces:rename', { id, name });
  if (reply.ok) useDesk.setState((s) => ({ workspaces: s.workspaces.map((w) => (w.id === id ? reply.value : w)) }));
  return reply;
}

export async function deleteWorkspace(workspace: Workspace): Promise<void> {
  const reply = await request('workspaces:delete', { id: workspace.id });
  if (!reply.ok) {
    showError(reply.error, `Could not delete “${workspace.name}”`);
    return;
  }
  useDesk.setState((s) => ({
    workspaces: s.workspaces.filter((w) => w.id !== workspace.id),
    triggers: s.triggers.filter((t) => t.workspaceId !== workspace.id),
    selectedId: s.triggers.some((t) => t.id === s.selectedId && t.workspaceId === workspace.id) ? null : s.selectedId,
  }));
  showToast(`Deleted workspace “${workspace.name}” and its triggers.`, {
    undo: async () => {
      const restored = await request('workspaces:restore', { id: workspace.id });
      if (!restored.ok) return restored;
      const reloaded = await loadDesk();
      if (reloaded.ok) showToast(`Restored workspace “${workspace.name}”.`);
      return reloaded;
    },
  });
}

// --- triggers ---------------------------------------------------------------------------------

export async function renameTrigger(id: string, name: string): Promise<Reply<Trigger>> {
  const reply = await request('triggers:update', { id, name });
  if (reply.ok) replaceTrigger(reply.value);
  return reply;
}

/** Optimistic: the switch moves at once and moves back (saying why) if the backend refuses. */
export async function setProduction(id: string, production: boolean): Promise<void> {
  const before = useDesk.getState().triggers.find((t) => t.id === id);
  if (before) replaceTrigger({ ...before, production });
  const reply = await request('triggers:update', { id, production });
  if (reply.ok) {
    replaceTrigger(reply.value);
    return;
  }
  if (before) replaceTrigger(before);
  showError(reply.error, 'Could not change the production mark');
}

export async function duplicateTrigger(trigger: Trigger): Promise<void> {
  const reply = await request('triggers:duplicate', { id: trigger.id });
  if (!reply.ok) {
    showError(reply.error, `Could not duplicate “${trigger.name}”`);
    return;
  }
  const copy = reply.value;
  replaceTrigger(copy);
  selectTrigger(copy.id);
  showToast(`Duplicated “${trigger.name}” as “${copy.name}”.`);
}

export async function deleteTrigger(trigger: Trigger): Promise<void> {
  const reply = await request('triggers:delete', { id: trigger.id });
  if (!reply.ok) {
    showError(reply.error, `Could not delete “${trigger.name}”`);
    return;
  }
  useDesk.setState((s) => ({
    triggers: s.triggers.filter((t) => t.id !== trigger.id),
    selectedId: s.selectedId === trigger.id ? null : s.selectedId,
  }));
  showToast(`Deleted trigger “${trigger.name}”.`, {
    undo: async () => {
      const restored = await request('triggers:restore', { id: trigger.id });
      if (!restored.ok) return restored;
      replaceTrigger(restored.value);
      selectTrigger(restored.value.id);
      showToast(`Restored trigger “${restored.value.name}”.`);
      return restored;
    },
  });
}

/** `apiKey: null` removes the key. The key goes straight to the backend; nothing here keeps it. */
export async function setTriggerKey(id: string, apiKey: string | null): Promise<Reply<Trigger>> {
  const reply = await request('triggers:setKey', { id, apiKey });
  if (reply.ok) replaceTrigger(reply.value);
  return reply;
}

export async function importCurlText(
  workspaceId: string,
  text: string,
  name?: string,
): Promise<Reply<{ trigger: Trigger; notes: string[] }>> {
  const reply = await request('triggers:importCurl', name ? { workspaceId, text, name } : { workspaceId, text });
  if (reply.ok) {
    replaceTrigger(reply.value.trigger);
    selectTrigger(reply.value.trigger.id);
  }
  return reply;
}

export async function createTriggerFromUrl(
  workspaceId: string,
  name: string,
  url: string,
  apiKey: string | null,
): Promise<Reply<Trigger>> {
  const reply = await request(
    'triggers:create',
    apiKey ? { workspaceId, name, url, apiKey } : { workspaceId, name, url },
  );
  if (reply.ok) {
    replaceTrigger(reply.value);
    selectTrigger(reply.value.id);
  }
  return reply;
}
