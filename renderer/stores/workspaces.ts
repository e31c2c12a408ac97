// Workspaces and their triggers, the selection, and every action that changes them. Deletes are
// soft on the backend, so each one offers an Undo that calls the matching restore.
import { create } from 'zustand';
import type { Trigger, Workspace } from '../../shared/model';
import { call } from '../bridge';
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

export const useDesk = create<DeskState>(() => ({ workspaces: [], triggers: [], selectedId: rememberedSelection(), loaded: false }));

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

export async function reloadWorkspaces(): Promise<void> {
  const workspaces = await call('workspaces:list', {});
  useDesk.setState({ workspaces });
}

export async function reloadTriggers(): Promise<void> {
  const triggers = await call('triggers:list', {});
  useDesk.setState((s) => ({
    triggers,
    selectedId: triggers.some((t) => t.id === s.selectedId) ? s.selectedId : null,
  }));
}

export async function loadDesk(): Promise<void> {
  await Promise.all([reloadWorkspaces(), reloadTriggers()]);
  useDesk.setState({ loaded: true });
}

export function selectTrigger(id: string | null): void {
  useDesk.setState({ selectedId: id });
}

function replaceTrigger(trigger: Trigger): void {
  useDesk.setState((s) => ({
    triggers: s.triggers.some((t) => t.id === trigger.id) ? s.triggers.map((t) => (t.id === trigger.id ? trigger : t)) : [...s.triggers, trigger],
  }));
}

// --- workspaces -------------------------------------------------------------------------------

export async function createWorkspace(name: string): Promise<Workspace> {
  const workspace = await call('workspaces:create', { name });
  useDesk.setState((s) => ({ workspaces: [...s.workspaces.filter((w) => w.id !== workspace.id), workspace] }));
  return workspace;
}

export async function renameWorkspace(id: string, name: string): Promise<void> {
  const workspace = await call('workspaces:rename', { id, name });
  useDesk.setState((s) => ({ workspaces: s.workspaces.map((w) => (w.id === id ? workspace : w)) }));
}

export async function deleteWorkspace(workspace: Workspace): Promise<void> {
  await call('workspaces:delete', { id: workspace.id });
  useDesk.setState((s) => ({
    workspaces: s.workspaces.filter((w) => w.id !== workspace.id),
    triggers: s.triggers.filter((t) => t.workspaceId !== workspace.id),
    selectedId: s.triggers.some((t) => t.id === s.selectedId && t.workspaceId === workspace.id) ? null : s.selectedId,
  }));
  showToast(`Deleted workspace “${workspace.name}” and its triggers.`, {
    undo: async () => {
      await call('workspaces:restore', { id: workspace.id });
      await Promise.all([reloadWorkspaces(), reloadTriggers()]);
      showToast(`Restored workspace “${workspace.name}”.`);
    },
  });
}

// --- triggers ---------------------------------------------------------------------------------

export async function renameTrigger(id: string, name: string): Promise<void> {
  replaceTrigger(await call('triggers:update', { id, name }));
}

/** Optimistic: the switch moves at once and moves back if the backend refuses. */
export async function setProduction(id: string, production: boolean): Promise<void> {
  const before = useDesk.getState().triggers.find((t) => t.id === id);
  if (before) replaceTrigger({ ...before, production });
  try {
    replaceTrigger(await call('triggers:update', { id, production }));
  } catch (error) {
    if (before) replaceTrigger(before);
    throw error;
  }
}

export async function duplicateTrigger(trigger: Trigger): Promise<void> {
  try {
    const copy = await call('triggers:duplicate', { id: trigger.id });
    replaceTrigger(copy);
    selectTrigger(copy.id);
    showToast(`Duplicated “${trigger.name}” as “${copy.name}”.`);
  } catch (error) {
    showError(error, `Could not duplicate “${trigger.name}”`);
  }
}

export async function deleteTrigger(trigger: Trigger): Promise<void> {
  try {
    await call('triggers:delete', { id: trigger.id });
  } catch (error) {
    showError(error, `Could not delete “${trigger.name}”`);
    return;
  }
  useDesk.setState((s) => ({
    triggers: s.triggers.filter((t) => t.id !== trigger.id),
    selectedId: s.selectedId === trigger.id ? null : s.selectedId,
  }));
  showToast(`Deleted trigger “${trigger.name}”.`, {
    undo: async () => {
      const restored = await call('triggers:restore', { id: trigger.id });
      replaceTrigger(restored);
      selectTrigger(restored.id);
      showToast(`Restored trigger “${restored.name}”.`);
    },
  });
}

/** `apiKey: null` removes the key. The key goes straight to the backend; nothing here keeps it. */
export async function setTriggerKey(id: string, apiKey: string | null): Promise<Trigger> {
  const trigger = await call('triggers:setKey', { id, apiKey });
  replaceTrigger(trigger);
  return trigger;
}

export async function importCurlText(workspaceId: string, text: string, name?: string): Promise<{ trigger: Trigger; notes: string[] }> {
  const result = await call('triggers:importCurl', name ? { workspaceId, text, name } : { workspaceId, text });
  replaceTrigger(result.trigger);
  selectTrigger(result.trigger.id);
  return result;
}

export async function createTriggerFromUrl(workspaceId: string, name: string, url: string, apiKey: string | null): Promise<Trigger> {
  const trigger = await call('triggers:create', apiKey ? { workspaceId, name, url, apiKey } : { workspaceId, name, url });
  replaceTrigger(trigger);
  selectTrigger(trigger.id);
  return trigger;
}
