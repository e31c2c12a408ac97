// Maps every request of the contract to its service call. Arguments are checked here too (the
// hosts check them first). A DeskError leaves with its words redacted against the vault's secrets
// and any secret in the request itself; anything else is left as it is for electron/dispatch.ts,
// the one place that logs an unexpected error and answers it with a reference id.
import { parseArgs, requestSecrets, type Args, type Handlers, type RequestName, type Result } from '../../shared/api';
import { DeskError } from '../../shared/errors';
import { redact } from '../../shared/harness/redact';
import type { AppInfo } from '../../shared/model';
import type { Ctx } from './context';
import type { Notices } from './notices';
import { openExternal } from './triggers/index';
import { deletePayload, savePayload } from './triggers/index';
import type { SettingsService } from './settings/index';
import { watchHandlers, type WatchDesk } from './fire/index';
import { chainHandlers } from './chains/index';
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

/** A DeskError with its words redacted; `secrets`: the vault's and the request's own. */
export function cleanDeskError(err: DeskError, secrets: string[]): DeskError {
  const clean = (text: string): string => redact(text, secrets);
  const extra: { where?: DeskError['where']; hint?: string } = {};
  if (err.where)
    extra.where = err.where.token === undefined ? err.where : { ...err.where, token: clean(err.where.token) };
  if (err.hint) extra.hint = clean(err.hint);
  return new DeskError(err.code, clean(err.message), extra);
}

export function createHandlers(
  ctx: Ctx,
  settings: SettingsService,
  appInfo: () => AppInfo,
  desk: WatchDesk,
  chains: ChainRunner,
  notices: Notices,
): Handlers {
  const wrap =
    <K extends RequestName>(name: K, run: (args: Args<K>) => Result<K> | Promise<Result<K>>) =>
    async (raw: Args<K>): Promise<Result<K>> => {
      try {
        return await run(parseArgs(name, raw));
      } catch (err) {
        if (err instanceof DeskError) throw cleanDeskError(err, [...ctx.vault.knownSecrets(), ...requestSecrets(raw)]);
        throw err;
      }
    };

  return {
    'app:info': wrap('app:info', () => appInfo()),

    'workspaces:list': wrap('workspaces:list', () => listWorkspaces(ctx)),
    'workspaces:create': wrap('workspaces:create', (a) => createWorkspace(ctx, a.name)),
    'workspaces:rename': wrap('workspaces:rename', (a) => renameWorkspace(ctx, a.id, a.name)),
    'workspaces:delete': wrap('workspaces:delete', (a) => {
      deleteWorkspace(ctx, a.id);
      return null;
    }),
    'workspaces:restore': wrap('workspaces:restore', (a) => restoreWorkspace(ctx, a.id)),

    'triggers:list': wrap('triggers:list', (a) => listTriggers(ctx, a.workspaceId)),
    'triggers:importCurl': wrap('triggers:importCurl', (a) => importCurlTrigger(ctx, a)),
    'triggers:create': wrap('triggers:create', (a) => createTrigger(ctx, a)),
    'triggers:update': wrap('triggers:update', (a) => updateTrigger(ctx, a)),
    'triggers:setKey': wrap('triggers:setKey', (a) => setTriggerKey(ctx, a)),
    'triggers:duplicate': wrap('triggers:duplicate', (a) => duplicateTrigger(ctx, a.id)),
    'triggers:delete': wrap('triggers:delete', (a) => {
      deleteTrigger(ctx, a.id);
      return null;
    }),
    'triggers:restore': wrap('triggers:restore', (a) => restoreTrigger(ctx, a.id)),
    // Issue 5: every fire is recorded in the history and followed by a watch (fire/desk.ts).
    'triggers:fire': wrap('triggers:fire', (a) => desk.fire(a)),
    'triggers:exportCurl': wrap('triggers:exportCurl', (a) => exportCurlCommand(ctx, a)),

    'payloads:save': wrap('payloads:save', (a) => savePayload(ctx, a)),
    'payloads:delete': wrap('payloads:delete', (a) => {
      deletePayload(ctx, a);
      return null;
    }),

    'settings:get': wrap('settings:get', () => settings.get()),
    'settings:update': wrap('settings:update', (a) => settings.update(a)),

    'shell:openExternal': wrap('shell:openExternal', (a) => openExternal(ctx, a)),

    // Issue 5: watches, history, inspector, abort
    ...watchHandlers(ctx, desk, appInfo().version, wrap),
    // Issue 6: pipeline chains (chains/handlers.ts)
    ...chainHandlers(ctx, chains, wrap),

    // Issue 3: payload composer
    'triggers:setYaml': wrap('triggers:setYaml', (a) => setTriggerYaml(ctx, a)),
    'triggers:fetchYaml': wrap('triggers:fetchYaml', (a) => fetchTriggerYaml(ctx, a)),
    'triggers:setHeaders': wrap('triggers:setHeaders', (a) => setHeaders(ctx, a)),
    'triggers:setVariables': wrap('triggers:setVariables', (a) => setTriggerVariables(ctx, a)),
    'triggers:setVariableSecret': wrap('triggers:setVariableSecret', (a) => setVariableSecret(ctx, a)),

    // Issue 4: sample library
    'samples:list': wrap('samples:list', (a) => listSamples(ctx, a)),
    'samples:save': wrap('samples:save', (a) => saveSample(ctx, a)),
    'samples:delete': wrap('samples:delete', (a) => {
      deleteSample(ctx, a);
      return null;
    }),

    // Damaged files kept aside, history lines skipped, sandbox and keychain notes (notices.ts)
    'notices:list': wrap('notices:list', () => notices.list()),
    'notices:dismiss': wrap('notices:dismiss', (a) => {
      notices.dismiss(a.id);
      return null;
    }),
  };
}
