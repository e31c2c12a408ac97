// The runs of an imported trigger's pipeline and their Harness approvals. The panels keep what they
// show; these calls answer the Reply so each failure is said where the user acted.
import { create } from 'zustand';
import type { ApprovalResult, ApprovalView, RunSummary, RunsPage } from '../../shared/account-model';
import type { Reply } from '../../shared/errors';
import type { WatchState } from '../../shared/watch-model';
import { errorText, request } from '../bridge';
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

/** The run opened from a trigger's runs list, shown in the Result column with its live watch. */
export interface OpenRun {
  triggerId: string;
  scope: RunScope;
  run: RunSummary;
  watchId: string | null;
  error: string | null;
}

interface OpenRunState {
  open: OpenRun | null;
  /** Bumped when a decision changed a run: the runs list reads again. */
  changed: number;
}

export const useOpenRun = create<OpenRunState>(() => ({ open: null, changed: 0 }));

/** Opens a run (or closes it when it is the open one) and follows it in a watch. */
export async function openRun(triggerId: string, scope: RunScope, run: RunSummary): Promise<void> {
  const now = useOpenRun.getState().open;
  if (now?.triggerId === triggerId && now.run.planExecutionId === run.planExecutionId) {
    closeRun();
    return;
  }
  useOpenRun.setState({ open: { triggerId, scope, run, watchId: null, error: null } });
  const reply = await watchRun(scope, run.planExecutionId);
  const still = useOpenRun.getState().open;
  if (still?.run.planExecutionId !== run.planExecutionId) return;
  useOpenRun.setState({
    open: reply.ok ? { ...still, watchId: reply.value.id } : { ...still, error: errorText(reply.error) },
  });
}

export function closeRun(): void {
  useOpenRun.setState({ open: null });
}

/** A fresher summary of the open run, from a reloaded list. */
export function updateOpenRun(runs: RunSummary[]): void {
  const open = useOpenRun.getState().open;
  const fresh = open && runs.find((r) => r.planExecutionId === open.run.planExecutionId);
  if (open && fresh) useOpenRun.setState({ open: { ...open, run: fresh } });
}

export function runChanged(): void {
  useOpenRun.setState((s) => ({ changed: s.changed + 1 }));
}
