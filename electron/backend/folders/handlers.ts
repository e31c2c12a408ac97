// The folders:* requests of shared/api.ts (folder workspaces, docs/workspace-folders.md).
import type { Handlers } from '../../../shared/api';
import { DeskError } from '../../../shared/errors';

type FolderRequest = Extract<keyof Handlers, `folders:${string}`>;

function notYet(): Promise<never> {
  return Promise.reject(new DeskError('internal', 'Folder workspaces are not built yet.'));
}

export function folderHandlers(): Pick<Handlers, FolderRequest> {
  return {
    'folders:open': () => notYet(),
    'folders:link': () => notYet(),
    'folders:unlink': () => notYet(),
    'folders:export': () => notYet(),
    'folders:import': () => notYet(),
    'folders:status': () => notYet(),
    'folders:rescan': () => notYet(),
    'folders:setShareTokens': () => notYet(),
    'folders:setSecret': () => notYet(),
    'folders:supplyToken': () => notYet(),
  };
}
