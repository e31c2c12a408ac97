// POST /gateway/pipeline/api/webhook/custom/v2 and /custom/{token}/v3, checked in Harness's own
// order (pipeline-service NGTriggerWebhookConfigResourceImpl): query validation, the sent key,
// scope identifiers, mandatory authorization and execute permission, then the trigger lookup.
import { authenticate, isAnswer, PIPELINE_EXECUTE } from './auth';
import { apiUrl, uiSetupUrl, uiUrl } from './links';
import { accessDenied, invalidRequest, missingParams, success, wrongContentType, type Answer } from './responses';
import type { Ctx, Req } from './context';
import type { SandboxTrigger } from './types';

const CONSUMES = new Set(['application/json', 'application/yaml', 'text/plain']);

const NO_LONGER_SUPPORTED =
  'This webhook url is no longer supported for newly created custom webhook triggers. We are migrating to new webhook urls using custom webhook tokens in the url.';

/** Names the missing @NotNull query parameters, in Harness's order. */
export function missing(query: URLSearchParams, names: string[]): Answer | null {
  const absent = names.filter((n) => query.get(n) === null);
  return absent.length ? missingParams(absent) : null;
}

function noEnabledTrigger(a: string, o: string, p: string, pipeline: string | null, trigger: string | null): string {
  let text = `No enabled custom trigger found for Account:${a}, Org: ${o}, Project: ${p}`;
  if (pipeline) text += `, Pipeline: ${pipeline}`;
  if (trigger) text += `, Trigger: ${trigger}`;
  return text;
}

export function fire(ctx: Ctx, req: Req, token: string | null): Answer {
  // @Consumes: JSON, YAML and plain text only (curl's default form type is refused); see uncertain.ts.
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== '' && !CONSUMES.has(type)) return wrongContentType();
  const bad = missing(req.query, ['accountIdentifier', 'orgIdentifier', 'projectIdentifier']);
  if (bad) return bad;
  const account = req.query.get('accountIdentifier') ?? '';
  const org = req.query.get('orgIdentifier') ?? '';
  const project = req.query.get('projectIdentifier') ?? '';
  const pipeline = req.query.get('pipelineIdentifier') || null;
  const triggerId = req.query.get('triggerIdentifier') || null;

  const auth = authenticate(ctx.world, req.headers, account);
  if (isAnswer(auth)) return auth;
  if (org === '' || project === '') {
    return invalidRequest(
      'orgIdentifier and projectIdentifier are required query parameters for custom webhook triggers. Please provide valid orgIdentifier and projectIdentifier in the webhook URL.',
    );
  }
  const scope = { account, org, project };
  if (auth.key === null && ctx.world.mandatesAuthorization(scope)) {
    return invalidRequest(
      `Authorization is mandatory for custom triggers in ${account}:${org}:${project}. Please add X-Api-Key header in the request`,
    );
  }
  if (auth.key !== null && !auth.key.canExecute) return accessDenied(scope, PIPELINE_EXECUTE, pipeline);

  let candidates: SandboxTrigger[];
  if (token !== null) {
    const t = ctx.world.byToken(token);
    if (!t) return invalidRequest(`No custom trigger found for the used custom webhook token: ${token}`);
    if (!t.enabled)
      return invalidRequest(`No enabled custom trigger found for the used custom webhook token: ${token}`);
    candidates = [t];
  } else {
    candidates = ctx.world.enabledIn(scope, pipeline, triggerId);
    const first = candidates[0];
    if (!first) return invalidRequest(noEnabledTrigger(account, org, project, pipeline, triggerId));
    if (first.token !== null) return invalidRequest(NO_LONGER_SUPPORTED);
  }

  const ev = ctx.events.create(scope, candidates, req.body.toString('utf8'), req.headers);
  const base = ctx.baseUrl();
  return success({
    eventCorrelationId: ev.id,
    apiUrl: apiUrl(ctx.apiUrlBase(), ev.id, account),
    uiUrl: uiUrl(base, account, org, project, pipeline),
    uiSetupUrl: uiSetupUrl(base, account, org, project, pipeline),
  });
}

/** GET .../webhook/triggerExecutionDetails/{eventId}: 400 while queued, then the details. */
export function executionDetails(ctx: Ctx, req: Req, eventId: string): Answer {
  const bad = missing(req.query, ['accountIdentifier']);
  if (bad) return bad;
  const account = req.query.get('accountIdentifier') ?? '';
  // Newer Harness checks a key when one is sent; none is needed (older behaviour, docs/harness-protocol.md §3).
  const auth = authenticate(ctx.world, req.headers, account);
  if (isAnswer(auth)) return auth;
  const found = ctx.events.details(eventId, account);
  if (found === null) return invalidRequest(`Trigger event history doesn't exist for event with eventId ${eventId}`);
  return success(found.data, noteOf(found.note));
}

/** The sandbox's own explanation of an event, apart from Harness's fields. */
const noteOf = (note: string | null): Record<string, unknown> | null => (note === null ? null : { sandboxNote: note });

/** GET .../webhook/triggerProcessingDetails?accountIdentifier&eventId: the processing part only. */
export function processingDetails(ctx: Ctx, req: Req): Answer {
  const bad = missing(req.query, ['accountIdentifier', 'eventId']);
  if (bad) return bad;
  const account = req.query.get('accountIdentifier') ?? '';
  const eventId = req.query.get('eventId') ?? '';
  const auth = authenticate(ctx.world, req.headers, account);
  if (isAnswer(auth)) return auth;
  const queued = ctx.events.queued(eventId, account);
  if (queued) return success(queued);
  const found = ctx.events.details(eventId, account);
  if (found === null) return invalidRequest(`Trigger event history doesn't exist for event with eventId ${eventId}`);
  return success(found.data.webhookProcessingDetails, noteOf(found.note));
}
