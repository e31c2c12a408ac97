// Maps every request of the contract to its service call. A handler takes the arguments
// electron/dispatch.ts has already checked against the contract's schema, and throws DeskErrors:
// dispatch is the one place that parses arguments and turns any error into a Reply (redacted with
// the vault's secrets; an unexpected error logged with a reference id).
import type { Handlers } from '../../shared/api';
import type { AppInfo } from '../../shared/model';
import type { Ctx } from './context';
import type { Notices } from './notices';
import { openExternal } from './triggers/index';
import { deletePayload, savePayload } from './triggers/index';
import type { SettingsService } from './settings/index';
import { watchHandlers, type WatchDesk } from './fire/index';
import { chainHandlers } from './chains/index';
import { accountHandlers } from './account/index';
import type { ChainRunner } from './chains/index';
import { setHeaders } from './triggers/index';
import { exportCurlCommand } from './triggers/index';
import { setTriggerVariables, setTriggerYaml } from './triggers/index';
import { setVariableSecret } from './triggers/index';
import { fetchTriggerYaml } from './triggers/index';
import { importCurlTrigger } from './triggers/index';
import { deleteSample, listSamples, saveSample } from './samples/index';
import {
  createTrigger,
  deleteTrigger,
  duplicateTrigger,
  listTriggers,
  restoreTrigger,
  setTriggerKey,
  updateTrigger,
} from './triggers/index';
import {
  createWorkspace,
  deleteWorkspace,
  listWorkspaces,
  renameWorkspace,
  restoreWorkspace,
} from './workspaces/index';

export function createHandlers(
  ctx: Ctx,
  settings: SettingsService,
  appInfo: () => AppInfo,
  desk: WatchDesk,
  chains: ChainRunner,
  notices: Notices,
): Handlers {
  return {
    'app:info': async () => appInfo(),

    'workspaces:list': async () => listWorkspaces(ctx),
    'workspaces:create': async (a) => createWorkspace(ctx, a.name),
    'workspaces:rename': async (a) => renameWorkspace(ctx, a.id, a.name),
    'workspaces:delete': async (a) => {
      deleteWorkspace(ctx, a.id);
      return null;
    },
    'workspaces:restore': async (a) => restoreWorkspace(ctx, a.id),

    'triggers:list': async (a) => listTriggers(ctx, a.workspaceId),
    'triggers:importCurl': async (a) => importCurlTrigger(ctx, a),
    'triggers:create': async (a) => createTrigger(ctx, a),
    'triggers:update': async (a) => updateTrigger(ctx, a),
    'triggers:setKey': async (a) => setTriggerKey(ctx, a),
    'triggers:duplicate': async (a) => duplicateTrigger(ctx, a.id),
    'triggers:delete': async (a) => {
      deleteTrigger(ctx, a.id);
      return null;
    },
    'triggers:restore': async (a) => restoreTrigger(ctx, a.id),
    // Every fire is recorded in the history and followed by a watch (fire/watch.ts).
    'triggers:fire': async (a) => desk.fire(a),
    'triggers:exportCurl': async (a) => exportCurlCommand(ctx, a),

    'payloads:save': async (a) => savePayload(ctx, a),
    'payloads:delete': async (a) => {
      deletePayload(ctx, a);
      return null;
    },

    'settings:get': async () => settings.get(),
    'settings:update': async (a) => settings.update(a),

    'shell:openExternal': async (a) => openExternal(ctx, a),

    // Watches, history, inspector, abort
    ...watchHandlers(ctx, desk, appInfo().version),
    // Pipeline chains (chains/handlers.ts)
    ...chainHandlers(ctx, chains),

    // Payload composer
    'triggers:setYaml': async (a) => setTriggerYaml(ctx, a),
    'triggers:fetchYaml': async (a) => fetchTriggerYaml(ctx, a),
    'triggers:setHeaders': async (a) => setHeaders(ctx, a),
    'triggers:setVariables': async (a) => setTriggerVariables(ctx, a),
    'triggers:setVariableSecret': async (a) => setVariableSecret(ctx, a),

    // Sample library
    'samples:list': async (a) => listSamples(ctx, a),
    'samples:save': async (a) => saveSample(ctx, a),
    'samples:delete': async (a) => {
      deleteSample(ctx, a);
      return null;
    },

    // Harness account connection (account/)
    ...accountHandlers(ctx, desk),

    // Damaged files kept aside, history lines skipped, sandbox and keychain notes (notices.ts)
    'notices:list': async () => notices.list(),
    'notices:dismiss': async (a) => {
      notices.dismiss(a.id);
      return null;
    },
  };
}
