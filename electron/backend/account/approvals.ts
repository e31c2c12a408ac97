// Harness approvals of a run: listed (GET /pipeline/api/v1/orgs/{org}/projects/{project}/approvals/
// execution/{id}), each with whether this key may act (GET /approvals/{id}/harness/authorization), and
// approved or rejected with a comment (POST /approvals/{id}/harness/activity, core_pipeline_execute).
// The page confirms first, naming the pipeline and stage; the activity is never sent twice.
import type { ApprovalResult, ApprovalView } from '../../../shared/account-model';
import { DeskError } from '../../../shared/errors';
import type { Ctx } from '../context';
import type { Client } from './client';
import { clientFor } from './connection';
import { readExecution } from './runs';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The stage that waits (or waited) for an approval, by the run's layout. */
function approvalStage(summary: Json): string {
  const nodes = Object.values(obj(summary.layoutNodeMap) ?? {}).map(obj);
  const waiting = nodes.find((n) => str(n?.status) === 'ApprovalWaiting');
  const approval = nodes.find((n) => str(n?.nodeType) === 'Approval');
  return str((waiting ?? approval)?.name);
}

async function authorization(client: Client, id: string): Promise<{ allowed: boolean; words: string }> {
  try {
    const data = obj(
      await client.call({
        method: 'GET',
        path: `/pipeline/api/approvals/${encodeURIComponent(id)}/harness/authorization`,
        query: { accountIdentifier: client.target.accountIdentifier },
        what: 'see whether it may act on this approval',
      }),
    );
    return data?.authorized === true
      ? { allowed: true, words: 'This key may approve or reject it.' }
      : {
          allowed: false,
          words: `This key may not act on it${str(data?.reason) ? `: ${str(data?.reason)}` : ': its user is not among the approvers, has already acted, or lacks the execute permission (core_pipeline_execute)'}.`,
        };
  } catch (err) {
    return { allowed: false, words: err instanceof Error ? err.message : String(err) };
  }
}

export async function listApprovals(
  ctx: Ctx,
  a: { workspaceId: string; orgIdentifier: string; projectIdentifier: string; planExecutionId: string },
): Promise<ApprovalView[]> {
  const { client } = await clientFor(ctx, a.workspaceId);
  const summary = await readExecution(client, a.orgIdentifier, a.projectIdentifier, a.planExecutionId);
  const raw = await client.call({
    method: 'GET',
    path: `/pipeline/api/v1/orgs/${encodeURIComponent(a.orgIdentifier)}/projects/${encodeURIComponent(a.projectIdentifier)}/approvals/execution/${encodeURIComponent(a.planExecutionId)}`,
    query: { approval_type: 'HarnessApproval' },
    headers: { 'Harness-Account': client.target.accountIdentifier },
    what: `list the approvals of run ${a.planExecutionId}`,
    permission: 'core_pipeline_view',
  });
  const list = Array.isArray(raw) ? raw : [];
  const out: ApprovalView[] = [];
  for (const item of list) {
    const inst = obj(item);
    const id = str(inst?.id);
    if (!inst || !id) continue;
    const details = obj(inst.details);
    const status = str(inst.status);
    const activities = (Array.isArray(details?.approvalActivities) ? details.approvalActivities : []).map((x) => {
      const act = obj(x);
      const user = obj(act?.user);
      return {
        user: str(user?.email) || str(user?.name),
        action: str(act?.action),
        comments: str(act?.comments),
        at: num(act?.approvedAt),
      };
    });
    out.push({
      approvalInstanceId: id,
      planExecutionId: a.planExecutionId,
      pipelineIdentifier: str(summary.pipelineIdentifier),
      pipelineName: str(summary.name) || str(summary.pipelineIdentifier),
      stageName: str(inst.stage_name) || approvalStage(summary),
      stepName: str(inst.step_name),
      status,
      message: str(details?.approvalMessage),
      activities,
      canAct:
        status === 'WAITING'
          ? await authorization(client, id)
          : { allowed: false, words: `It is no longer waiting (${status}).` },
    });
  }
  return out;
}

export async function actOnApproval(
  ctx: Ctx,
  a: { workspaceId: string; approvalInstanceId: string; action: 'APPROVE' | 'REJECT'; comments: string },
): Promise<ApprovalResult> {
  const { client } = await clientFor(ctx, a.workspaceId);
  const verb = a.action === 'APPROVE' ? 'approve' : 'reject';
  const data = obj(
    await client.call({
      method: 'POST',
      path: `/pipeline/api/approvals/${encodeURIComponent(a.approvalInstanceId)}/harness/activity`,
      query: { accountIdentifier: client.target.accountIdentifier },
      body: { action: a.action, comments: a.comments, approverInputs: [] },
      what: `${verb} this run`,
      permission: 'core_pipeline_execute',
      mutates: true,
    }),
  );
  if (!data) throw new DeskError('parse', `Harness answered without the approval after the ${verb}.`);
  const status = str(data.status) || 'UNKNOWN';
  const message =
    status === 'WAITING'
      ? `Recorded: more approvers are needed before the run moves on.`
      : status === 'APPROVED'
        ? 'Approved: the run moves on.'
        : status === 'REJECTED'
          ? 'Rejected: the run stops at this stage.'
          : `Harness says the approval is now ${status}.`;
  return { accepted: true, status, message };
}
