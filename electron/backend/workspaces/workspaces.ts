// Workspaces: the sandbox one plus the user's own ("Prod account"). Delete is soft (undo with
// restore); items deleted more than a day ago are purged at startup, with their vault entries.
import { DeskError } from '../../../shared/errors';
import type { Workspace } from '../../../shared/model';
import { changed, findWorkspace, liveWorkspace, toWorkspace, type Ctx } from '../context';
import { newId } from '../store/index';
import type { DataDoc, StoredTrigger } from '../store/index';
import { secretIds } from '../vault/index';

function checkNameFree(doc: DataDoc, name: string, exceptId: string | null): void {
  const clash = doc.workspaces.find(
    (w) => w.deletedAt === null && w.id !== exceptId && w.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash)
    throw new DeskError('invalid-args', `A workspace named "${clash.name}" already exists. Choose another name.`);
}

export function listWorkspaces(ctx: Ctx): Workspace[] {
  return ctx.data
    .read()
    .workspaces.filter((w) => w.deletedAt === null)
    .map(toWorkspace);
}

export function createWorkspace(ctx: Ctx, name: string, kind: Workspace['kind'] = 'user'): Workspace {
  const clean = name.trim();
  const created = ctx.data.update((doc) => {
    checkNameFree(doc, clean, null);
    const w = { id: newId(), name: clean, kind, createdAt: ctx.now(), deletedAt: null };
    doc.workspaces.push(w);
    return w;
  });
  changed(ctx, 'workspaces');
  return toWorkspace(created);
}

export function renameWorkspace(ctx: Ctx, id: string, name: string): Workspace {
  const clean = name.trim();
  const renamed = ctx.data.update((doc) => {
    const w = liveWorkspace(doc, id);
    checkNameFree(doc, clean, id);
    w.name = clean;
    return w;
  });
  changed(ctx, 'workspaces');
  return toWorkspace(renamed);
}

/** Soft delete: the workspace and its triggers disappear from lists until restored. */
export function deleteWorkspace(ctx: Ctx, id: string): void {
  ctx.data.update((doc) => {
    const w = liveWorkspace(doc, id);
    w.deletedAt = ctx.now();
  });
  changed(ctx, 'workspaces', 'triggers');
}

export function restoreWorkspace(ctx: Ctx, id: string): Workspace {
  const restored = ctx.data.update((doc) => {
    const w = findWorkspace(doc, id);
    if (w.deletedAt !== null) {
      // A live workspace may have taken the name meanwhile: keep both, tell them apart.
      const taken = doc.workspaces.some((x) => x.deletedAt === null && x.name.toLowerCase() === w.name.toLowerCase());
      if (taken) w.name = `${w.name} (restored)`.slice(0, 120);
      w.deletedAt = null;
    }
    return w;
  });
  changed(ctx, 'workspaces', 'triggers');
  return toWorkspace(restored);
}

/**
 * Removes for good what was deleted before `cutoff` (workspaces with all their triggers, and
 * single triggers), then deletes their keys from the vault. Returns how many triggers went.
 */
export async function purgeDeleted(ctx: Ctx, cutoff: number): Promise<number> {
  const gone: StoredTrigger[] = [];
  const before = ctx.data.read();
  const due = (at: number | null): boolean => at !== null && at < cutoff;
  if (!before.workspaces.some((w) => due(w.deletedAt)) && !before.triggers.some((t) => due(t.deletedAt))) return 0;
  ctx.data.update((doc) => {
    const dead = new Set(doc.workspaces.filter((w) => due(w.deletedAt)).map((w) => w.id));
    const keep: StoredTrigger[] = [];
    for (const t of doc.triggers) {
      if (dead.has(t.workspaceId) || due(t.deletedAt)) gone.push(t);
      else keep.push(t);
    }
    doc.triggers = keep;
    doc.workspaces = doc.workspaces.filter((w) => !dead.has(w.id));
    if (doc.meta.sandboxWorkspaceId !== null && dead.has(doc.meta.sandboxWorkspaceId))
      doc.meta.sandboxWorkspaceId = null;
  });
  // A key shared with a trigger that stays (a folder workspace's reference) stays too.
  const inUse = new Set(ctx.data.read().triggers.flatMap(secretIds));
  for (const id of gone.flatMap(secretIds).filter((x) => !inUse.has(x))) {
    try {
      await ctx.vault.remove(id);
    } catch {
      // A key the keychain will not delete now is harmless: nothing refers to it any more.
    }
  }
  return gone.length;
}
