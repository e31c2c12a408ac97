// The account's REST endpoints (docs/harness-protocol.md, "REST: the account") with Harness's key
// rules: every call needs a key of the account (401 otherwise); the read-only key (keys.viewOnly)
// may browse but not approve (403, core_pipeline_execute). Lists answer ACCOUNT_PAGE_MAX per page.
import { ACCOUNT_PAGE_MAX, ORGS, PROJECTS, inAccount } from './account-world';
import { authenticate, isAnswer, PIPELINE_EXECUTE } from './auth';
import type { Ctx, Req } from './context';
import { PIPELINES } from './examples';
import { missing } from './fire';
import { accessDenied, error, invalidRequest, json, notFound, pageOf, success, type Answer } from './responses';
import { pipelineExecutionSummary } from './summary';
import { NO_KEY } from './uncertain';
import type { ApiKey, Scope } from './world';

const VIEW = 'core_pipeline_view';

function int(v: string | null, fallback: number): number {
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** A key of the account, or the refusal. */
function keyFor(ctx: Ctx, req: Req, account: string): ApiKey | Answer {
  const auth = authenticate(ctx.world, req.headers, account);
  if (isAnswer(auth)) return auth;
  return auth.key ?? error(NO_KEY.status, NO_KEY.code, NO_KEY.message);
}

function scopeOf(req: Req): Scope {
  return {
    account: req.query.get('accountIdentifier') ?? '',
    org: req.query.get('orgIdentifier') ?? '',
    project: req.query.get('projectIdentifier') ?? '',
  };
}

function body(req: Req): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(req.body.toString('utf8') || 'null');
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** GET /ng/api/organizations?accountIdentifier&pageIndex&pageSize */
export function organizations(ctx: Ctx, req: Req): Answer {
  const bad = missing(req.query, ['accountIdentifier']);
  if (bad) return bad;
  const key = keyFor(ctx, req, req.query.get('accountIdentifier') ?? '');
  if ('status' in key) return key;
  const list = ORGS.map((o) => ({ organization: { ...o, description: '', tags: {} }, harnessManaged: false }));
  return success(
    pageOf(list, int(req.query.get('pageIndex'), 0), int(req.query.get('pageSize'), 50), ACCOUNT_PAGE_MAX),
  );
}

/** GET /ng/api/projects?accountIdentifier&orgIdentifier&pageIndex&pageSize */
export function projects(ctx: Ctx, req: Req): Answer {
  const bad = missing(req.query, ['accountIdentifier']);
  if (bad) return bad;
  const key = keyFor(ctx, req, req.query.get('accountIdentifier') ?? '');
  if ('status' in key) return key;
  const org = req.query.get('orgIdentifier');
  const list = PROJECTS.filter((p) => org === null || p.orgIdentifier === org).map((p) => ({
    project: { ...p, description: '', modules: ['CD', 'CI'], tags: {} },
  }));
  return success(
    pageOf(list, int(req.query.get('pageIndex'), 0), int(req.query.get('pageSize'), 50), ACCOUNT_PAGE_MAX),
  );
}

/** The pipelines of a project: those its triggers start, in a stable order. */
function pipelinesIn(ctx: Ctx, s: Scope): { identifier: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const t of ctx.world.inScope(s))
    if (!seen.has(t.pipelineIdentifier)) seen.set(t.pipelineIdentifier, t.pipelineName);
  return [...seen.entries()]
    .map(([identifier, name]) => ({ identifier, name: PIPELINES[identifier]?.name ?? name }))
    .sort((a, b) => a.identifier.localeCompare(b.identifier));
}

/** POST /pipeline/api/pipelines/list?accountIdentifier&orgIdentifier&projectIdentifier&page&size */
export function pipelineList(ctx: Ctx, req: Req): Answer {
  const bad = missing(req.query, ['accountIdentifier', 'orgIdentifier', 'projectIdentifier']);
  if (bad) return bad;
  const s = scopeOf(req);
  const key = keyFor(ctx, req, s.account);
  if ('status' in key) return key;
  const list = pipelinesIn(ctx, s).map((p) => ({ ...p, orgIdentifier: s.org, projectIdentifier: s.project, tags: {} }));
  return success(pageOf(list, int(req.query.get('page'), 0), int(req.query.get('size'), 25), ACCOUNT_PAGE_MAX));
}

/** POST /pipeline/api/pipelines/execution/summary?…&pipelineIdentifier&page&size: a Spring page. */
export function executionSummaries(ctx: Ctx, req: Req): Answer {
  const bad = missing(req.query, ['accountIdentifier', 'orgIdentifier', 'projectIdentifier']);
  if (bad) return bad;
  const s = scopeOf(req);
  const key = keyFor(ctx, req, s.account);
  if ('status' in key) return key;
  const pipeline = req.query.get('pipelineIdentifier') ?? '';
  const runs = ctx.events.runsOf(s, pipeline);
  const page = int(req.query.get('page'), 0);
  const size = Math.max(1, Math.min(int(req.query.get('size'), 20), 100));
  const now = ctx.now();
  const content = runs.slice(page * size, page * size + size).map((r) => pipelineExecutionSummary(r, now));
  return success({
    content,
    totalElements: runs.length,
    totalPages: Math.ceil(runs.length / size),
    number: page,
    size,
    numberOfElements: content.length,
    empty: content.length === 0,
  });
}

function instanceBody(ctx: Ctx, id: string): Record<string, unknown> | null {
  const inst = ctx.approvals.get(id);
  if (!inst) return null;
  const t = inst.run.trigger;
  const a = inst.activity;
  return {
    id: inst.id,
    type: 'HarnessApproval',
    status: ctx.approvals.status(inst, ctx.now()),
    deadline: inst.run.startTs + 24 * 60 * 60 * 1000,
    created: inst.run.startTs,
    updated: a?.at ?? inst.run.startTs,
    error_message: null,
    stage_name: ctx.approvals.stageName(inst),
    details: {
      approvalMessage: `Approve the release of ${t.pipelineName}?`,
      includePipelineExecutionHistory: true,
      approvers: { userGroups: ['account._account_all_users'], minimumCount: 1, disallowPipelineExecutor: false },
      approvalActivities: a
        ? [{ user: { name: a.user, email: a.user }, action: a.action, comments: a.comments, approvedAt: a.at }]
        : [],
      approverInputs: [],
    },
  };
}

/** GET /pipeline/api/v1/orgs/{org}/projects/{project}/approvals/execution/{id} (Harness-Account header): a bare list. */
export function approvalsOfExecution(ctx: Ctx, req: Req, org: string, project: string, id: string): Answer {
  const account = req.headers['harness-account'] ?? '';
  if (!inAccount(account)) return invalidRequest('harnessAccount param value is required');
  const key = keyFor(ctx, req, account);
  if ('status' in key) return key;
  const run = ctx.events.run(id);
  const t = run?.trigger;
  if (!run || !t || t.orgIdentifier !== org || t.projectIdentifier !== project)
    return notFound(`Plan Execution Summary does not exist or has been deleted for planExecutionId: ${id}`);
  const type = req.query.get('approval_type');
  const inst = type !== null && type !== 'HarnessApproval' ? null : ctx.approvals.of(run, ctx.now());
  const list = inst ? [instanceBody(ctx, inst.id)] : [];
  return json(200, list);
}

/** GET /pipeline/api/approvals/{id}/harness/authorization: may the key's principal act on it? */
export function approvalAuthorization(ctx: Ctx, req: Req, id: string): Answer {
  const inst = ctx.approvals.get(id);
  const key = keyFor(ctx, req, req.query.get('accountIdentifier') ?? inst?.run.trigger.accountIdentifier ?? '');
  if ('status' in key) return key;
  if (!inst) return notFound(`Approval instance with id ${id} does not exist`);
  return success({ authorized: key.canExecute && ctx.approvals.status(inst, ctx.now()) === 'WAITING' });
}

/** POST /pipeline/api/approvals/{id}/harness/activity?accountIdentifier {action, comments, approverInputs}. */
export function approvalActivity(ctx: Ctx, req: Req, id: string): Answer {
  const bad = missing(req.query, ['accountIdentifier']);
  if (bad) return bad;
  const key = keyFor(ctx, req, req.query.get('accountIdentifier') ?? '');
  if ('status' in key) return key;
  const inst = ctx.approvals.get(id);
  if (!inst) return notFound(`Approval instance with id ${id} does not exist`);
  const t = inst.run.trigger;
  const scope = { account: t.accountIdentifier, org: t.orgIdentifier, project: t.projectIdentifier };
  if (!key.canExecute) return accessDenied(scope, PIPELINE_EXECUTE, t.pipelineIdentifier);
  const b = body(req);
  const action = b?.action;
  if (action !== 'APPROVE' && action !== 'REJECT') return invalidRequest('action must be APPROVE or REJECT');
  const status = ctx.approvals.status(inst, ctx.now());
  if (status !== 'WAITING')
    return invalidRequest(`Approval instance is not in WAITING state, current status: ${status}`);
  ctx.events.decide(inst.run, action === 'APPROVE');
  inst.activity = {
    user: 'sandbox-user@example.com',
    action,
    comments: typeof b?.comments === 'string' ? b.comments : '',
    at: ctx.now(),
  };
  return success(instanceBody(ctx, id));
}

/** POST /authz/api/acl {permissions:[{resourceScope, resourceType, resourceIdentifier?, permission}]}. */
export function accessControlList(ctx: Ctx, req: Req): Answer {
  const b = body(req);
  const asked = Array.isArray(b?.permissions) ? (b.permissions as unknown[]) : [];
  const first = asked[0] as { resourceScope?: { accountIdentifier?: unknown } } | undefined;
  const scoped = first?.resourceScope?.accountIdentifier;
  const account = req.query.get('accountIdentifier') ?? (typeof scoped === 'string' ? scoped : '');
  const key = keyFor(ctx, req, account);
  if ('status' in key) return key;
  const list = asked.map((p) => {
    const o = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
    const permission = typeof o.permission === 'string' ? o.permission : '';
    const permitted = permission === VIEW || (permission === PIPELINE_EXECUTE && key.canExecute);
    return { ...o, permitted };
  });
  return success({
    principal: { principalIdentifier: 'sandbox', principalType: 'SERVICE_ACCOUNT' },
    accessControlList: list,
  });
}
