// The sandbox account as the account pages browse it (docs/harness-protocol.md, "REST: the account"):
// three organizations (one without projects), three projects and, besides the examples, a project
// of its own whose custom triggers are not seeded into the app. Lists answer at most
// ACCOUNT_PAGE_MAX items per page, so a client must follow the pages.
import { ACCOUNT, ORG, OPEN_PROJECT, SECURED_PROJECT } from './examples';
import type { TriggerSpec } from './types';
import type { World } from './world';

export const ACCOUNT_PAGE_MAX = 2;

export const ORGS = [
  { identifier: ORG, name: 'Default' },
  { identifier: 'platform', name: 'Platform' },
  { identifier: 'data_team', name: 'Data team' },
];

export const PROJECTS = [
  { orgIdentifier: ORG, identifier: OPEN_PROJECT, name: 'Sandbox' },
  { orgIdentifier: ORG, identifier: SECURED_PROJECT, name: 'Secured' },
  { orgIdentifier: 'platform', identifier: 'payments', name: 'Payments' },
];

const DEPLOY = [
  { identifier: 'build', name: 'Build', type: 'CI' as const },
  { identifier: 'deploy', name: 'Deploy', type: 'Deployment' as const },
];

/** The Payments project: two pipelines, three custom triggers (not among the examples). */
const PAYMENTS: TriggerSpec[] = [
  {
    name: 'Deploy payments API',
    identifier: 'deploy_payments_api',
    description: 'Deploys the payments API on a custom webhook.',
    orgIdentifier: 'platform',
    projectIdentifier: 'payments',
    pipelineIdentifier: 'payments_api',
    pipelineName: 'Payments API',
    token: 'PaymEntsAp1DepL0yXq7Zw',
    steps: DEPLOY,
  },
  {
    name: 'Hotfix payments API',
    identifier: 'hotfix_payments_api',
    description: 'Ships a hotfix when the tag starts with "hotfix-".',
    orgIdentifier: 'platform',
    projectIdentifier: 'payments',
    pipelineIdentifier: 'payments_api',
    pipelineName: 'Payments API',
    token: 'H0tf1xPaymentsApiZ3kQw',
    steps: DEPLOY,
    jexlCondition: '<+trigger.payload.tag>.startsWith("hotfix-")',
  },
  {
    name: 'Deploy worker',
    identifier: 'deploy_worker',
    description: 'Deploys the payments worker.',
    orgIdentifier: 'platform',
    projectIdentifier: 'payments',
    pipelineIdentifier: 'payments_worker',
    pipelineName: 'Payments worker',
    token: 'W0rkerDepL0yPaymEntsR9',
    steps: DEPLOY,
  },
];

export function seedAccountWorld(world: World): void {
  for (const spec of PAYMENTS) world.add(spec);
}

export function inAccount(account: string): boolean {
  return account === ACCOUNT;
}
