// The Harness account part of the contract (shared/api.ts): browse a connected account, import its
// custom triggers, its runs and approvals. Types: shared/account-model.ts; the REST behind it:
// docs/harness-protocol.md "REST: the account".
import { z } from 'zod';
import type { Trigger } from './model';
import type { WatchState } from './watch-model';
import type {
  AccountConnection,
  AccountOrg,
  AccountPipeline,
  AccountProject,
  AccountTest,
  ApprovalResult,
  ApprovalView,
  CheckReport,
  ImportReport,
  RemoteTriggerList,
  RunsPage,
} from './account-model';
import { apiKey, id } from './api-fields';

/** A Harness identifier (org, project, pipeline, trigger, account, execution, approval instance). */
const harnessId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_$-]+$/, 'must be a Harness identifier');

export const accountRequests = {
  /** The workspace's connection, or null. */
  'account:get': z.strictObject({ workspaceId: id }),
  /** Creates or changes the workspace's connection. `apiKey`: a new key goes to the vault; absent keeps the stored one. */
  'account:connect': z.strictObject({
    workspaceId: id,
    baseUrl: z.string().trim().min(1).max(2048).optional(),
    accountIdentifier: harnessId,
    apiKey: apiKey.optional(),
  }),
  /** Forgets the connection and its key; imported triggers stay (with their own keys). */
  'account:disconnect': z.strictObject({ workspaceId: id }),
  /** Checks the key against Harness and says in plain words what it may do (view, execute, approve). */
  'account:test': z.strictObject({ workspaceId: id }),
  /** Every page, in Harness's order. */
  'account:orgs': z.strictObject({ workspaceId: id }),
  'account:projects': z.strictObject({ workspaceId: id, orgIdentifier: harnessId }),
  'account:pipelines': z.strictObject({ workspaceId: id, orgIdentifier: harnessId, projectIdentifier: harnessId }),
  /** The custom webhook triggers of a project (or of one pipeline), each with what the workspace has of it. */
  'account:triggers': z.strictObject({
    workspaceId: id,
    orgIdentifier: harnessId,
    projectIdentifier: harnessId,
    pipelineIdentifier: harnessId.optional(),
  }),
  /** Imports one trigger (with `triggerIdentifier`, needs `pipelineIdentifier`), a pipeline's, or all of a project's
   * custom triggers in one step, each with its YAML; again = update in place. Reports each; pushes data:changed once. */
  'account:import': z
    .strictObject({
      workspaceId: id,
      orgIdentifier: harnessId,
      projectIdentifier: harnessId,
      pipelineIdentifier: harnessId.optional(),
      triggerIdentifier: harnessId.optional(),
    })
    .refine((a) => a.triggerIdentifier === undefined || a.pipelineIdentifier !== undefined, {
      message: 'a trigger identifier needs its pipeline identifier',
      path: ['pipelineIdentifier'],
    }),
  /** Compares the workspace's imported triggers with Harness: marks each current, changed in Harness, or deleted in Harness. */
  'account:check': z.strictObject({ workspaceId: id }),
  /** Takes an imported trigger's YAML (and URL, name) from Harness again; clears its "changed" mark. */
  'account:refresh': z.strictObject({ triggerId: id }),
  /** Recent executions of a pipeline (any trigger, any user), newest first. `page` is 0-based. */
  'account:runs': z.strictObject({
    workspaceId: id,
    orgIdentifier: harnessId,
    projectIdentifier: harnessId,
    pipelineIdentifier: harnessId,
    page: z.number().int().min(0).max(10_000).optional(),
    size: z.number().int().min(1).max(100).optional(),
  }),
  /** Follows one run in a watch (its stage timeline, as for a fire's watch); answers the watch. */
  'account:watchRun': z.strictObject({
    workspaceId: id,
    orgIdentifier: harnessId,
    projectIdentifier: harnessId,
    planExecutionId: harnessId,
  }),
  /** The Harness approvals of a run, each with whether this key may act on it. */
  'account:approvals': z.strictObject({
    workspaceId: id,
    orgIdentifier: harnessId,
    projectIdentifier: harnessId,
    planExecutionId: harnessId,
  }),
  /** Approves or rejects; the page confirms first (naming pipeline and stage), so `confirm: true` is required. */
  'account:approve': z.strictObject({
    workspaceId: id,
    approvalInstanceId: harnessId,
    action: z.enum(['APPROVE', 'REJECT']),
    comments: z.string().max(4096),
    confirm: z.literal(true),
  }),
} as const;

export interface AccountResults {
  'account:get': AccountConnection | null;
  'account:connect': AccountConnection;
  'account:disconnect': null;
  'account:test': AccountTest;
  'account:orgs': AccountOrg[];
  'account:projects': AccountProject[];
  'account:pipelines': AccountPipeline[];
  'account:triggers': RemoteTriggerList;
  'account:import': ImportReport;
  'account:check': CheckReport;
  'account:refresh': Trigger;
  'account:runs': RunsPage;
  'account:watchRun': WatchState;
  'account:approvals': ApprovalView[];
  'account:approve': ApprovalResult;
}
