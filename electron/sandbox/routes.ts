// Which handler answers a path. Harness serves the pipeline API both under /gateway/pipeline/api
// (SaaS) and /pipeline/api; the sandbox answers both, for every route.
import { executionDetails, fire, processingDetails } from './fire';
import { error, uiPage, unknownPath, wrongMethod, type Answer } from './responses';
import { getExecution, getTrigger, interrupt, listTriggers } from './rest';
import {
  accessControlList,
  approvalActivity,
  approvalAuthorization,
  approvalsOfExecution,
  executionSummaries,
  organizations,
  pipelineList,
  projects,
} from './account';
import type { Ctx, Req } from './context';

type Handler = (ctx: Ctx, req: Req, params: string[]) => Answer;

const ROUTES: [string, RegExp, Handler][] = [
  ['POST', /^\/webhook\/custom\/v2$/, (c, r) => fire(c, r, null)],
  ['POST', /^\/webhook\/custom\/([^/]+)\/v3$/, (c, r, p) => fire(c, r, p[0] ?? '')],
  ['GET', /^\/webhook\/triggerExecutionDetails\/([^/]+)$/, (c, r, p) => executionDetails(c, r, p[0] ?? '')],
  ['GET', /^\/webhook\/triggerProcessingDetails$/, (c, r) => processingDetails(c, r)],
  ['GET', /^\/triggers$/, (c, r) => listTriggers(c, r)],
  ['GET', /^\/triggers\/([^/]+)$/, (c, r, p) => getTrigger(c, r, p[0] ?? '', false)],
  ['GET', /^\/triggers\/([^/]+)\/details$/, (c, r, p) => getTrigger(c, r, p[0] ?? '', true)],
  ['GET', /^\/pipelines\/execution\/v2\/([^/]+)$/, (c, r, p) => getExecution(c, r, p[0] ?? '')],
  ['PUT', /^\/pipeline\/execute\/interrupt\/([^/]+)$/, (c, r, p) => interrupt(c, r, p[0] ?? '')],
  // The account (account.ts)
  ['POST', /^\/pipelines\/list$/, (c, r) => pipelineList(c, r)],
  ['POST', /^\/pipelines\/execution\/summary$/, (c, r) => executionSummaries(c, r)],
  [
    'GET',
    /^\/v1\/orgs\/([^/]+)\/projects\/([^/]+)\/approvals\/execution\/([^/]+)$/,
    (c, r, p) => approvalsOfExecution(c, r, p[0] ?? '', p[1] ?? '', p[2] ?? ''),
  ],
  ['GET', /^\/approvals\/([^/]+)\/harness\/authorization$/, (c, r, p) => approvalAuthorization(c, r, p[0] ?? '')],
  ['POST', /^\/approvals\/([^/]+)\/harness\/activity$/, (c, r, p) => approvalActivity(c, r, p[0] ?? '')],
];

/** The platform (ng) and access-control APIs of the account, outside the pipeline service. */
const OTHER_ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^(?:\/gateway)?\/ng\/api\/organizations$/, (c, r) => organizations(c, r)],
  ['GET', /^(?:\/gateway)?\/ng\/api\/projects$/, (c, r) => projects(c, r)],
  ['POST', /^(?:\/gateway)?\/authz\/api\/acl$/, (c, r) => accessControlList(c, r)],
];

const PREFIX = /^(?:\/gateway)?\/pipeline\/api(\/.*)$/;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function route(ctx: Ctx, req: Req): Answer {
  for (const [method, pattern, handler] of OTHER_ROUTES) {
    if (!pattern.test(req.path)) continue;
    return method === req.method ? handler(ctx, req, []) : wrongMethod();
  }
  if (req.method === 'GET' && /^\/ng(\/.*)?$/.test(req.path)) return uiPage();
  const inner = PREFIX.exec(req.path)?.[1];
  if (inner !== undefined) {
    let pathMatched = false;
    for (const [method, pattern, handler] of ROUTES) {
      const m = pattern.exec(inner);
      if (!m) continue;
      pathMatched = true;
      if (method === req.method) return handler(ctx, req, m.slice(1).map(decode));
    }
    return pathMatched ? wrongMethod() : unknownPath();
  }
  // Outside the API (no Harness service there): a plain 404.
  return error(404, 'RESOURCE_NOT_FOUND_EXCEPTION', 'HTTP 404 Not Found');
}
