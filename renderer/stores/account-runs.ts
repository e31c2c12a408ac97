// The runs of an imported trigger's pipeline and their Harness approvals. The panels keep what they
// show; these calls answer the Reply so each failure is said where the user acted.
import type { ApprovalResult, ApprovalView, RunsPage } from '../../shared/account-model';
import type { Reply } from '../../shared/errors';
import type { WatchState } from '../../shared/watch-model';
import { request } from '../bridge';
import { keepWatch } from './watch';

export interface RunScope {
  workspaceId: string;
  orgIdentifier: string;
  projectIdentifier: string;
}

export function loadRuns(
  scope: RunScope,
  pipelineIdentifier: string,
  page: number,
  size: number,
): Promise<Reply<RunsPage>> {
  return request('account:runs', { ...scope, pipelineIdentifier, page, size });
}

/** Follows a run in a watch (the same timeline and live updates as a fire's watch). */
export async function watchRun(scope: RunScope, planExecutionId: string): Promise<Reply<WatchState>> {
  const reply = await request('account:watchRun', { ...scope, planExecutionId });
  if (reply.ok) keepWatch(reply.value);
  return reply;
}

export function loadApprovals(scope: RunScope, planExecutionId: string): Promise<Reply<ApprovalView[]>> {
  return request('account:approvals', { ...scope, planExecutionId });
}

/** Sent only after the page's confirmation, which names the pipeline and the stage. */
export function decide(
  workspaceId: string,
  approvalInstanceId: string,
  action: 'APPROVE' | 'REJECT',
  comments: string,
): Promise<Reply<ApprovalResult>> {
  return request('account:approve', { workspaceId, approvalInstanceId, action, comments, confirm: true });
}
