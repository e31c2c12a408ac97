// Folder workspaces (a workspace kept as plain files shared through git): the state of each one
// (its folder, files that do not parse, what this person still has to supply) from folders:status
// and the pushed `folder:status` events, and the actions that open, save, set up and supply them.
// Saving writes the folder through the ordinary requests; the backend keeps it in step.
import { create } from 'zustand';
import type { Reply } from '../../shared/errors';
import type { FolderNeed, FolderStatus, FolderWrite } from '../../shared/folder-model';
import type { Trigger, Workspace } from '../../shared/model';
import { desk, request } from '../bridge';
import { loadDesk, replaceTrigger, useDesk } from './workspaces';

interface FoldersState {
  /** By workspace id; only folder workspaces have one. */
  statuses: Record<string, FolderStatus>;
}

export const useFolders = create<FoldersState>(() => ({ statuses: {} }));

function keep(status: FolderStatus): void {
  useFolders.setState((s) => ({ statuses: { ...s.statuses, [status.workspaceId]: status } }));
}

async function loadStatus(workspaceId: string): Promise<void> {
  const reply = await request('folders:status', { workspaceId });
  if (reply.ok) keep(reply.value);
}

/** Follows the folder workspaces the list holds: a status for each new one, none for one gone. */
function follow(workspaces: Workspace[]): void {
  const folders = new Set(workspaces.filter((w) => w.folder !== undefined).map((w) => w.id));
  const { statuses } = useFolders.getState();
  for (const id of folders) if (!statuses[id]) void loadStatus(id);
  if (Object.keys(statuses).some((id) => !folders.has(id)))
    useFolders.setState({ statuses: Object.fromEntries(Object.entries(statuses).filter(([id]) => folders.has(id))) });
}

let started = false;

export function startFolders(): void {
  if (started) return;
  started = true;
  desk.on('folder:status', keep);
  follow(useDesk.getState().workspaces);
  useDesk.subscribe((state, previous) => {
    if (state.workspaces !== previous.workspaces) follow(state.workspaces);
  });
}

/** What the trigger still needs here before it can fire (empty for a trigger outside a folder). */
export function needsOf(state: FoldersState, trigger: Trigger): FolderNeed[] {
  return state.statuses[trigger.workspaceId]?.needs.filter((n) => n.triggerId === trigger.id) ?? [];
}

/** Why Fire is off for a trigger of a folder workspace, in plain words; null when nothing is missing. */
export function needReason(state: FoldersState, trigger: Trigger): string | null {
  const needs = needsOf(state, trigger);
  if (needs.length === 0) return null;
  return `Fire is off: ${needs.map(needLabel).join('; ')}.`;
}

function needLabel(need: FolderNeed): string {
  switch (need.kind) {
    case 'token':
      return 'needs the webhook token (paste the trigger’s URL or cURL)';
    case 'key':
      return `needs key “${need.ref ?? ''}”`;
    case 'header':
      return `needs the secret header value “${need.ref ?? ''}”`;
    case 'variable':
      return `needs the secret variable value “${need.ref ?? ''}”`;
  }
}

async function afterWorkspace(reply: Reply<{ workspace: Workspace; status?: FolderStatus }>): Promise<void> {
  if (!reply.ok) return;
  if (reply.value.status) keep(reply.value.status);
  await loadDesk();
}

/** Opens a folder as a workspace kept in step with it both ways. */
export async function openFolder(dir: string): Promise<Reply<{ workspace: Workspace; status: FolderStatus }>> {
  const reply = await request('folders:open', { dir });
  await afterWorkspace(reply);
  return reply;
}

/** A personal copy of the folder as a new workspace (not kept in step). */
export async function importFolder(dir: string): Promise<Reply<{ workspace: Workspace; notes: string[] }>> {
  const reply = await request('folders:import', { dir });
  await afterWorkspace(reply);
  return reply;
}

/** Writes the workspace into the folder and keeps them in step from now on. */
export async function linkFolder(
  workspaceId: string,
  dir: string,
  shareTokens: boolean,
): Promise<Reply<{ workspace: Workspace; status: FolderStatus }>> {
  const reply = await request('folders:link', { workspaceId, dir, shareTokens });
  await afterWorkspace(reply);
  return reply;
}

/** A one-off copy of the workspace as a folder. */
export function exportFolder(workspaceId: string, dir: string, shareTokens: boolean): Promise<Reply<FolderWrite>> {
  return request('folders:export', { workspaceId, dir, shareTokens });
}

export async function unlinkFolder(workspaceId: string): Promise<Reply<Workspace>> {
  const reply = await request('folders:unlink', { workspaceId });
  if (reply.ok) await loadDesk();
  return reply;
}

export async function setShareTokens(workspaceId: string, shareTokens: boolean): Promise<Reply<FolderStatus>> {
  const reply = await request('folders:setShareTokens', { workspaceId, shareTokens });
  if (reply.ok) {
    keep(reply.value);
    await loadDesk();
  }
  return reply;
}

export async function rescanFolder(workspaceId: string): Promise<Reply<FolderStatus>> {
  const reply = await request('folders:rescan', { workspaceId });
  if (reply.ok) keep(reply.value);
  return reply;
}

/** The value of a keychain reference goes straight to the backend (the keychain); nothing here keeps it. */
export async function setFolderSecret(workspaceId: string, ref: string, value: string): Promise<Reply<FolderStatus>> {
  const reply = await request('folders:setSecret', { workspaceId, ref, value });
  if (reply.ok) keep(reply.value);
  return reply;
}

export async function supplyToken(triggerId: string, text: string): Promise<Reply<Trigger>> {
  const reply = await request('folders:supplyToken', { triggerId, text });
  if (reply.ok) {
    replaceTrigger(reply.value);
    await loadStatus(reply.value.workspaceId);
  }
  return reply;
}
