// The folder-workspace part of the contract (shared/api.ts): a workspace as plain files shared
// through git. Types: shared/folder-model.ts; the layout: docs/workspace-folders.md.
import { z } from 'zod';
import type { Trigger, Workspace } from './model';
import type { FolderStatus, FolderWrite } from './folder-model';
import { id, MAX_BODY_BYTES, name } from './api-fields';

/** An absolute folder path (the backend checks it exists or can be made). */
const folderDir = z.string().trim().min(1, 'must not be empty').max(4096);
/** A keychain reference name as written in a folder: `apiKey: { keychain: "prod-harness" }`. */
const keychainRef = z.string().trim().min(1, 'must not be empty').max(80);

export const folderRequests = {
  /** Opens a folder holding a workspace.yaml as a folder workspace, kept in step both ways; the same folder twice answers the same workspace. */
  'folders:open': z.strictObject({ dir: folderDir, name: name.optional() }),
  /** Writes an app workspace into a folder (absent, empty, or already this workspace's) and keeps them in step from now on. */
  'folders:link': z.strictObject({ workspaceId: id, dir: folderDir, shareTokens: z.boolean().optional() }),
  /** Stops keeping the workspace in step with its folder; both stay as they are. */
  'folders:unlink': z.strictObject({ workspaceId: id }),
  /** A one-off copy of a workspace as a folder (not kept in step); refused when the folder holds anything else. */
  'folders:export': z.strictObject({ workspaceId: id, dir: folderDir, shareTokens: z.boolean().optional() }),
  /** A personal copy of a folder as a new app workspace (not kept in step). */
  'folders:import': z.strictObject({ dir: folderDir, name: name.optional() }),
  'folders:status': z.strictObject({ workspaceId: id }),
  /** Reads the folder again now (the watcher does this by itself after a change on disk). */
  'folders:rescan': z.strictObject({ workspaceId: id }),
  /** Turns writing v3 webhook tokens into the folder on or off; the trigger files are rewritten. */
  'folders:setShareTokens': z.strictObject({ workspaceId: id, shareTokens: z.boolean() }),
  /** Puts the value of a keychain reference (a key, a secret header or variable named in the folder) in this person's keychain. */
  'folders:setSecret': z.strictObject({ workspaceId: id, ref: keychainRef, value: z.string().min(1).max(8192) }),
  /** Supplies a trigger's v3 webhook token by pasting its URL or Harness's cURL: it must name the same account, org, project, pipeline and trigger. */
  'folders:supplyToken': z.strictObject({
    triggerId: id,
    text: z
      .string()
      .min(1)
      .max(MAX_BODY_BYTES + 65536),
  }),
} as const;

export interface FolderResults {
  'folders:open': { workspace: Workspace; status: FolderStatus };
  'folders:link': { workspace: Workspace; status: FolderStatus };
  'folders:unlink': Workspace;
  /** The files written, relative to `dir`. */
  'folders:export': FolderWrite;
  /** `notes`: plain words, e.g. ids given anew because this data folder already held them. */
  'folders:import': { workspace: Workspace; notes: string[] };
  'folders:status': FolderStatus;
  'folders:rescan': FolderStatus;
  'folders:setShareTokens': FolderStatus;
  'folders:setSecret': FolderStatus;
  'folders:supplyToken': Trigger;
}
