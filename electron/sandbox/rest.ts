// The REST endpoints of docs/harness-protocol.md §8 (under /pipeline/api and /gateway/pipeline/api): triggers,
// execution summary and the AbortAll interrupt. Keys are checked "as for the project".
import { authorizeRest } from './auth';
import { missing } from './fire';
import { harnessUuid } from './ids';
import { curlCommand, triggerYaml, webhookUrl } from './links';
import { invalidRequest, notFound, pageOf, success, type Answer } from './responses';
import type { Ctx, Req } from './context';
import type { SandboxTrigger } from './types';
import type { Scope } from './world';

const SCOPE = ['accountIdentifier', 'orgIdentifier', 'projectIdentifier'];

function scopeOf(req: Req): Scope {
  return {
    account: req.query.get('accountIdentifier') ?? '',
    org: req.query.get('orgIdentifier') ?? '',
    project: req.query.get('projectIdentifier') ?? '',
  };
}

function triggerResponse(t: SandboxTrigger): Record<string, unknown> {
  return {
    name: t.name,
    identifier: t.identifier,
    description: t.description,
    type: 'Webhook',
    accountIdentifier: t.accountIdentifier,
    orgIdentifier: t.orgIdentifier,
    projectIdentifier: t.projectIdentifier,
    targetIdentifier: t.pipelineIdentifier,
    yaml: triggerYaml(t),
    version: 0,
    enabled: t.enabled,
    errorResponse: false,
  };
}

/** NGTriggerDetailsResponseDTO. The cURL carries Harness's placeholder key, never a real one. */
function triggerDetails(ctx: Ctx, t: SandboxTrigger): Record<string, unknown> {
  const url = webhookUrl(ctx.baseUrl(), t);
  const mandated = ctx.world.mandatesAuthorization({
    account: t.accountIdentifier,
    org: t.orgIdentifier,
    project: t.projectIdentifier,
  });
  return {
    name: t.name,
    identifier: t.identifier,
    description: t.description,
    type: 'Webhook',
    triggerStatus: {
      pollingSubscriptionStatus: null,
      validationStatus: { statusResult: 'SUCCESS', detailedMessage: null },
      webhookAutoRegistrationStatus: null,
      webhookInfo: null,
      status: 'SUCCESS',
      detailMessages: [],
    },
    lastTriggerExecutionDetails: null,
    webhookUrl: url,
    webhookCurlCommand: curlCommand(url, mandated ? 'sample_api_key' : null),
    tags: {},
    executions: [0, 0, 0, 0, 0, 0, 0],
    yamlVersion: '0',
    enabled: t.enabled,
    webhookDetails: { webhookSecret: null, webhookSourceRepo: 'CUSTOM' },
    isPipelineInputOutdated: false,
  };
}

function find(ctx: Ctx, s: Scope, pipeline: string, id: string): SandboxTrigger | undefined {
  return ctx.world.inScope(s).find((t) => t.pipelineIdentifier === pipeline && t.identifier === id);
}

/** GET /triggers/{id} and /triggers/{id}/details. */
export function getTrigger(ctx: Ctx, req: Req, id: string, details: boolean): Answer {
  const bad = missing(req.query, [...SCOPE, 'targetIdentifier']);
  if (bad) return bad;
  const s = scopeOf(req);
  const pipeline = req.query.get('targetIdentifier') ?? '';
  const denied = authorizeRest(ctx.world, req.headers, s, pipeline, false);
  if (denied) return denied;
  const t = find(ctx, s, pipeline, id);
  if (!t) return notFound(`Trigger ${id} does not exist`);
  return success(details ? triggerDetails(ctx, t) : triggerResponse(t));
}

function int(v: string | null, fallback: number, max: number): number {
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
}

/** GET /triggers?…&targetIdentifier&page&size&searchTerm: a page of trigger details. */
export function listTriggers(ctx: Ctx, req: Req): Answer {
  const bad = missing(req.query, SCOPE);
  if (bad) return bad;
  const s = scopeOf(req);
  const pipeline = req.query.get('targetIdentifier') || null;
  const denied = authorizeRest(ctx.world, req.headers, s, pipeline, false);
  if (denied) return denied;
  const term = (req.query.get('searchTerm') ?? '').toLowerCase();
  const all = ctx.world
    .inScope(s)
    .filter(
      (t) =>
        (pipeline === null || t.pipelineIdentifier === pipeline) &&
        (term === '' || t.name.toLowerCase().includes(term) || t.identifier.toLowerCase().includes(term)),
    );
  const listed = pageOf(all, int(req.query.get('page'), 0, 1_000_000), int(req.query.get('size'), 25, 1000), 1000);
  return success({ ...listed, content: listed.content.map((t) => triggerDetails(ctx, t)), pageToken: null });
}

function noSummary(id: string): Answer {
  return notFound(`Plan Execution Summary does not exist or has been deleted for planExecutionId: ${id}`);
}

function runIn(ctx: Ctx, s: Scope, id: string) {
  const run = ctx.events.run(id);
  const t = run?.trigger;
  return run && t && t.accountIdentifier === s.account && t.orgIdentifier === s.org && t.projectIdentifier === s.project
    ? run
    : undefined;
}

/** GET /pipelines/execution/v2/{planExecutionId} → {pipelineExecutionSummary, executionGraph}. */
export function getExecution(ctx: Ctx, req: Req, id: string): Answer {
  const bad = missing(req.query, SCOPE);
  if (bad) return bad;
  const s = scopeOf(req);
  const run = runIn(ctx, s, id);
  const denied = authorizeRest(ctx.world, req.headers, s, run?.trigger.pipelineIdentifier ?? null, false);
  if (denied) return denied;
  const data = ctx.events.execution(run);
  return data ? success(data) : noSummary(id);
}

/** PUT /pipeline/execute/interrupt/{planExecutionId}?…&interruptType=AbortAll. */
export function interrupt(ctx: Ctx, req: Req, id: string): Answer {
  const bad = missing(req.query, [...SCOPE, 'interruptType']);
  if (bad) return bad;
  const s = scopeOf(req);
  const run = runIn(ctx, s, id);
  const denied = authorizeRest(ctx.world, req.headers, s, run?.trigger.pipelineIdentifier ?? null, true);
  if (denied) return denied;
  const type = req.query.get('interruptType') ?? '';
  if (type !== 'AbortAll') return invalidRequest(`The sandbox simulates the AbortAll interrupt only, not ${type}`);
  if (!run || ctx.events.execution(run) === null) return noSummary(id);
  if (!ctx.events.abort(run))
    return invalidRequest(`Execution ${id} has already finished with status ${ctx.events.status(run)}`);
  return success({ id: harnessUuid(), type, planExecutionId: id });
}
