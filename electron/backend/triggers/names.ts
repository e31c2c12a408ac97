// One name per trigger in a workspace (docs/ARCHITECTURE.md, "Everyday friction"): checked where a
// name is given (create, import, rename, move) and made free where the desk picks it (a default
// import name, a restore).
import { DeskError } from '../../../shared/errors';
import { freeName, nameKey } from '../../../shared/harness/trigger-name';
import { findWorkspace } from '../context';
import type { DataDoc } from '../store/index';

/** Names of the live triggers of a workspace, `exceptId` aside (the trigger being renamed). */
export function takenNames(doc: DataDoc, workspaceId: string, exceptId?: string): string[] {
  return doc.triggers
    .filter((t) => t.workspaceId === workspaceId && t.deletedAt === null && t.id !== exceptId)
    .map((t) => t.name);
}

/** Refuses a name another live trigger of the workspace already has, saying which and where. */
export function checkFreeName(doc: DataDoc, workspaceId: string, name: string, exceptId?: string): void {
  if (name.trim() === '') throw new DeskError('invalid-args', 'A trigger needs a name.');
  const clash = takenNames(doc, workspaceId, exceptId).find((n) => nameKey(n) === nameKey(name));
  if (clash === undefined) return;
  const workspace = findWorkspace(doc, workspaceId).name;
  throw new DeskError('invalid-args', `A trigger named “${clash}” already exists in the workspace “${workspace}”.`, {
    hint: `Choose another name, e.g. “${freeName(name, takenNames(doc, workspaceId, exceptId))}”.`,
  });
}

/** The name itself when free in the workspace, else "name (2)"… */
export function freeNameIn(doc: DataDoc, workspaceId: string, name: string, exceptId?: string): string {
  return freeName(name, takenNames(doc, workspaceId, exceptId));
}
