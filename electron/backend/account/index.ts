// A workspace's Harness account (docs/harness-protocol.md, "REST: the account"): the connection
// and its key, browsing, importing custom triggers, a pipeline's runs and its approvals.
// The only entry from outside this folder (a lint rule holds it).
import type { Handlers } from '../../../shared/api';
import type { Ctx } from '../context';
import type { WatchDesk } from '../fire/index';
import { actOnApproval, listApprovals } from './approvals';
import { listOrgs, listPipelines, listProjects, remoteTriggers } from './browse';
import { checkImported, refreshImported } from './check';
import { clientFor, connect, disconnect, getConnection } from './connection';
import { importTriggers } from './import';
import { listRuns, watchRun } from './runs';
import { testConnection } from './test-key';

type AccountName = Extract<keyof Handlers, `account:${string}`>;

export function accountHandlers(ctx: Ctx, desk: WatchDesk): Pick<Handlers, AccountName> {
  return {
    'account:get': (a) => Promise.resolve(getConnection(ctx, a.workspaceId)),
    'account:connect': async (a) => connect(ctx, a),
    'account:disconnect': async (a) => {
      await disconnect(ctx, a.workspaceId);
      return null;
    },
    'account:test': async (a) => testConnection(ctx, a.workspaceId),
    'account:orgs': async (a) => listOrgs((await clientFor(ctx, a.workspaceId)).client),
    'account:projects': async (a) => listProjects((await clientFor(ctx, a.workspaceId)).client, a.orgIdentifier),
    'account:pipelines': async (a) =>
      listPipelines((await clientFor(ctx, a.workspaceId)).client, a.orgIdentifier, a.projectIdentifier),
    'account:triggers': async (a) => remoteTriggers(ctx, a),
    'account:import': async (a) => importTriggers(ctx, a),
    'account:check': async (a) => checkImported(ctx, a.workspaceId),
    'account:refresh': async (a) => refreshImported(ctx, a.triggerId),
    'account:runs': async (a) => listRuns(ctx, a),
    'account:watchRun': async (a) => watchRun(ctx, desk, a),
    'account:approvals': async (a) => listApprovals(ctx, a),
    'account:approve': async (a) => actOnApproval(ctx, a),
  };
}
