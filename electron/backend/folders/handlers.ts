// The folders:* requests of shared/api.ts (folder workspaces, docs/workspace-folders.md).
import type { Handlers } from '../../../shared/api';
import type { Ctx } from '../context';
import {
  exportFolder,
  importFolder,
  linkFolder,
  linkOf,
  openFolder,
  setSecret,
  setShareTokens,
  supplyToken,
  unlinkFolder,
} from './actions';
import type { FolderSync } from './sync';

type FolderRequest = Extract<keyof Handlers, `folders:${string}`>;

export function folderHandlers(ctx: Ctx, sync: FolderSync): Pick<Handlers, FolderRequest> {
  return {
    'folders:open': (a) => openFolder(ctx, sync, a),
    'folders:link': (a) => linkFolder(ctx, sync, a),
    'folders:unlink': (a) => Promise.resolve().then(() => unlinkFolder(ctx, a)),
    'folders:export': (a) => exportFolder(ctx, a),
    'folders:import': (a) => Promise.resolve().then(() => importFolder(ctx, a)),
    'folders:status': (a) => sync.status(linkOf(ctx, sync, a.workspaceId)),
    'folders:rescan': (a) => {
      const link = linkOf(ctx, sync, a.workspaceId);
      sync.rescan(link);
      return sync.status(link);
    },
    'folders:setShareTokens': (a) => setShareTokens(ctx, sync, a),
    'folders:setSecret': (a) => setSecret(ctx, sync, a),
    'folders:supplyToken': (a) => Promise.resolve().then(() => supplyToken(ctx, a)),
  };
}
