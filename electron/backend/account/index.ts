// A workspace's Harness account (docs/harness-protocol.md, "REST: the account"): the connection
// and its key, browsing, importing custom triggers, a pipeline's runs and its approvals.
// The only entry from outside this folder (a lint rule holds it).
import type { Handlers } from '../../../shared/api';
import { DeskError } from '../../../shared/errors';

type AccountName = Extract<keyof Handlers, `account:${string}`>;

const notBuilt = (name: string) => (): Promise<never> =>
  Promise.reject(new DeskError('internal', `${name} is not built yet.`));

export function accountHandlers(): Pick<Handlers, AccountName> {
  return {
    'account:get': notBuilt('account:get'),
    'account:connect': notBuilt('account:connect'),
    'account:disconnect': notBuilt('account:disconnect'),
    'account:test': notBuilt('account:test'),
    'account:orgs': notBuilt('account:orgs'),
    'account:projects': notBuilt('account:projects'),
    'account:pipelines': notBuilt('account:pipelines'),
    'account:triggers': notBuilt('account:triggers'),
    'account:import': notBuilt('account:import'),
    'account:check': notBuilt('account:check'),
    'account:refresh': notBuilt('account:refresh'),
    'account:runs': notBuilt('account:runs'),
    'account:watchRun': notBuilt('account:watchRun'),
    'account:approvals': notBuilt('account:approvals'),
    'account:approve': notBuilt('account:approve'),
  };
}
