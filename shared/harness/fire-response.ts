// Reads Harness's answer to a trigger POST (docs/harness-protocol.md §2): the event on success, and for each known
// error Harness's own words verbatim plus what they mean and what to do. Anything unknown is shown
// as it came. Redacting is the caller's job; nothing here repeats a key (it never sees one).
import type { Explanation, FireResult, TriggerUrl } from '../model';

export interface FireContext {
  /** An X-Api-Key header was sent. */
  hadKey: boolean;
  url: TriggerUrl;
}

export interface FireAnswer {
  outcome: 'accepted' | 'rejected';
  event: FireResult['event'];
  harness: FireResult['harness'];
  explanation: Explanation | null;
  notes: string[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

function parseJson(body: string): unknown {
  const t = body.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

function explain(title: string, detail: string, action: string | null): Explanation {
  return { title, detail, action };
}

const KEY_ACTION =
  'Set an API key on the trigger (its API key panel, “Set key”): a Harness API key or service-account token allowed to execute the pipeline.';
const RECOPY =
  "Copy the trigger's URL again in Harness (Triggers → ⋮ → Copy as cURL, or the Webhook URL) and import it.";

function scope(u: TriggerUrl): string {
  return `account ${u.accountIdentifier}, org ${u.orgIdentifier}, project ${u.projectIdentifier}`;
}

function isSaas(u: TriggerUrl): boolean {
  return /^https:\/\/([a-z0-9-]+\.)*harness\.io$/i.test(u.origin);
}

/** "core_pipeline_execute on PIPELINE deploy (project P)" for each failed check. */
function permissionChecks(j: Json): string[] {
  const lists = [
    j.failedPermissionChecks,
    isObject(j.metadata) ? j.metadata.failedPermissionChecks : undefined,
    isObject(j.data) ? j.data.failedPermissionChecks : undefined,
  ];
  const list = lists.find(Array.isArray) as unknown[] | undefined;
  if (!list) return [];
  return list.filter(isObject).map((c) => {
    const where = isObject(c.resourceScope) ? c.resourceScope : {};
    const place = str(where.projectIdentifier)
      ? `project ${str(where.projectIdentifier)}`
      : str(where.orgIdentifier)
        ? `org ${str(where.orgIdentifier)}`
        : 'account';
    const resource = [str(c.resourceType), str(c.resourceIdentifier)].filter(Boolean).join(' ');
    return `${str(c.permission) || 'a permission'}${resource ? ` on ${resource}` : ''} (${place})`;
  });
}

/** Field names from a validation failure: `errors: [{fieldId, error}]`, else "field: violation" in the message. */
function missingFields(j: Json, message: string): string[] {
  const errors = Array.isArray(j.errors) ? j.errors.filter(isObject) : [];
  const fields = errors.map((e) => str(e.fieldId) || str(e.field)).filter(Boolean);
  if (fields.length > 0) return [...new Set(fields)];
  return [...message.matchAll(/([A-Za-z]+Identifier)\s*:/g)].map((m) => m[1] ?? '').filter(Boolean);
}

// Messages are matched, never copied into the explanation: Harness's words are shown verbatim on their own.
function explainError(status: number, j: Json, message: string, ctx: FireContext): Explanation {
  const code = str(j.code);
  const u = ctx.url;
  if (/Authorization is mandatory for custom triggers/i.test(message)) {
    return ctx.hadKey
      ? explain(
          'Harness did not receive the API key',
          `The project requires an API key for custom triggers (${scope(u)}), and the request did carry an X-Api-Key header, yet Harness saw none: something between here and Harness (a proxy or gateway) may strip it.`,
          'Check the proxy settings (Settings → Network), or fire from a network that reaches Harness directly.',
        )
      : explain(
          'This project requires an API key',
          `Authorization is mandatory for custom triggers in this project (${scope(u)}), and the request carried no X-Api-Key header.`,
          KEY_ACTION,
        );
  }
  if (/no longer supported for newly created custom webhook triggers/i.test(message)) {
    return explain(
      'This trigger needs its v3 URL',
      'Custom triggers created recently have a secret token and only answer on their /custom/{token}/v3 URL; this request used the older /custom/v2 form.',
      RECOPY,
    );
  }
  if (/No custom trigger found for the used custom webhook token/i.test(message)) {
    return explain(
      'Unknown webhook token',
      'No trigger has the token in this URL: it may be mistyped, or the trigger was deleted and created again (a new trigger gets a new token).',
      RECOPY,
    );
  }
  if (/No enabled custom trigger found for the used custom webhook token/i.test(message)) {
    return explain(
      'The trigger is disabled or deleted',
      'A trigger with this token exists but is not enabled (or was deleted), so Harness will not start anything for it.',
      'Enable the trigger in Harness (Pipeline → Triggers → its switch), or copy the URL of the trigger that replaced it.',
    );
  }
  if (/No enabled custom trigger found for Account/i.test(message)) {
    const names = [
      u.pipelineIdentifier && `pipeline ${u.pipelineIdentifier}`,
      u.triggerIdentifier && `trigger ${u.triggerIdentifier}`,
    ]
      .filter(Boolean)
      .join(', ');
    return explain(
      'No enabled trigger matches this URL',
      `Harness found no enabled custom trigger for ${scope(u)}${names ? `, ${names}` : ''}. The trigger may be disabled or deleted, or an identifier in the URL is wrong (identifiers, not names, and case-sensitive).`,
      `Check in Harness that the trigger is enabled, then ${RECOPY.charAt(0).toLowerCase()}${RECOPY.slice(1)}`,
    );
  }
  if (status === 401 || code === 'INVALID_TOKEN' || code === 'INVALID_CREDENTIAL' || code === 'EXPIRED_TOKEN') {
    return ctx.hadKey
      ? explain(
          'The API key was refused',
          'Harness says the API key is invalid or expired (it may have been deleted, rotated, or belong to another account).',
          "Create a new key in Harness (Profile → My API Keys, or a service account's tokens) and put it on the trigger (its API key panel, “Replace key”).",
        )
      : explain(
          'Harness asks for an API key',
          'The request carried no X-Api-Key header and Harness refused it as unauthenticated.',
          KEY_ACTION,
        );
  }
  if (status === 403 || code === 'NG_ACCESS_DENIED' || code === 'ACCESS_DENIED') {
    const checks = permissionChecks(j);
    const missing = checks.length > 0 ? ` Missing: ${checks.join('; ')}.` : '';
    return explain(
      'The API key may not run this pipeline',
      `Harness knows the key, but its user or service account lacks a permission.${missing}`,
      "Give the key's user or service account a role with Pipeline Execute on this pipeline (Access Control → Role Bindings), or use a key that has one.",
    );
  }
  if (str(j.status) === 'FAILURE' && code === 'INVALID_REQUEST') {
    const fields = missingFields(j, message);
    const what = fields.length > 0 ? fields.join(', ') : 'a required query parameter';
    return explain(
      'A required part of the URL is missing',
      `Harness rejected the URL's query (${what}). Every trigger URL needs accountIdentifier, orgIdentifier and projectIdentifier.`,
      RECOPY,
    );
  }
  // Harness's generic 500 is also its answer to a content type the webhook does not consume.
  if (status === 500 && code === 'UNKNOWN_ERROR') {
    const e = serverError(status, u, 'Harness answered with its generic error.');
    return explain(
      e.title,
      `${e.detail} Harness answers so too when the request's content type is not JSON, YAML or plain text.`,
      `If the trigger sets a content-type header, make it application/json. ${e.action ?? ''}`.trim(),
    );
  }
  if (status >= 500)
    return serverError(status, u, 'Harness answered with an error of its own, not about this trigger.');
  // A path the API does not have: Harness answers 400 RESOURCE_NOT_FOUND_EXCEPTION "HTTP 404 Not Found".
  if (status === 404 || code === 'RESOURCE_NOT_FOUND_EXCEPTION')
    return explain(
      'Harness does not know this address',
      'The server has nothing at this path: the URL may be cut short, or a self-managed Harness may serve it under another path prefix.',
      RECOPY,
    );
  if (status === 415 || code === 'UNSUPPORTED_MEDIA_TYPE') {
    return explain(
      'Harness does not read this content type',
      "Custom triggers read JSON, YAML or plain text; the request's content-type was something else (curl sends application/x-www-form-urlencoded when none is set).",
      "Set the trigger's content type to application/json.",
    );
  }
  if (status === 405) return explain('Harness refused the method', 'A custom trigger URL only answers POST.', RECOPY);
  if (status === 429)
    return explain(
      'Too many requests',
      'Harness is limiting how often requests may be sent.',
      'Wait a minute, then fire again by hand.',
    );
  return explain(
    `Harness refused the request (HTTP ${status})`,
    "Harness's own words are shown above; Trigger Desk does not know this answer more precisely.",
    null,
  );
}

function serverError(status: number, u: TriggerUrl, what: string): Explanation {
  return explain(
    `Server error (HTTP ${status})`,
    `${what} Trigger Desk did not retry: a second POST could start the pipeline twice, and Harness may have started it already.`,
    isSaas(u)
      ? "Check status.harness.io, and the pipeline's executions in Harness before firing again by hand."
      : "Ask your Harness administrator, and check the pipeline's executions before firing again by hand.",
  );
}

function htmlTitle(body: string): string | null {
  const m = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(body);
  return m?.[1] ? m[1].replace(/\s+/g, ' ').trim() : null;
}

/** Not Harness's JSON at all: a proxy's page, a sign-in page, an empty answer. Shown raw by the caller. */
function notHarness(status: number, contentType: string, body: string, u: TriggerUrl): FireAnswer {
  const title = htmlTitle(body);
  const kind =
    body.trim() === ''
      ? 'an empty answer'
      : `${contentType.split(';')[0]?.trim() || 'text without a content type'}${title ? ` (a page titled "${title}")` : ''}`;
  const detail = `The server sent ${kind} instead of Harness's JSON, so the request may not have reached Harness: a proxy, a sign-in page or a wrong address may have answered. The raw answer is shown as it came.`;
  const explanation =
    status >= 500
      ? serverError(status, u, `The server sent ${kind} instead of Harness's JSON.`)
      : explain(
          `Unexpected answer (HTTP ${status})`,
          status >= 200 && status < 300 ? `${detail} Trigger Desk cannot tell whether a pipeline started.` : detail,
          'Check the trigger URL and the proxy settings (Settings → Network).',
        );
  return { outcome: 'rejected', event: null, harness: null, explanation, notes: [] };
}

function eventOf(data: unknown): FireResult['event'] {
  if (typeof data === 'string' && /^[a-f0-9]{24}$/i.test(data))
    return { eventCorrelationId: data, apiUrl: '', uiUrl: '', uiSetupUrl: '' };
  if (!isObject(data) || str(data.eventCorrelationId) === '') return null;
  return {
    eventCorrelationId: str(data.eventCorrelationId),
    apiUrl: str(data.apiUrl),
    uiUrl: str(data.uiUrl),
    uiSetupUrl: str(data.uiSetupUrl),
  };
}

function successNotes(event: FireResult['event'], u: TriggerUrl): string[] {
  const notes: string[] = [];
  if (!event)
    notes.push('Harness accepted the request but sent no event id, so what happens next cannot be followed from here.');
  else if (event.apiUrl !== '' && !event.apiUrl.startsWith(`${u.origin}/`)) {
    notes.push(
      "The event's apiUrl is on another host than the trigger, so the API key is not sent there when following the event.",
    );
  }
  if (u.pipelineIdentifier === null || u.triggerIdentifier === null) {
    notes.push(
      'The URL names no pipeline or no trigger, so every enabled custom trigger in the project was a candidate: one call may start several pipelines.',
    );
  }
  return notes;
}

/** What Harness's answer to a trigger POST means. Never throws. */
export function interpretFireResponse(status: number, contentType: string, body: string, ctx: FireContext): FireAnswer {
  const j = parseJson(body);
  if (!isObject(j)) return notHarness(status, contentType, body, ctx.url);
  const harness = {
    status: str(j.status),
    code: str(j.code),
    message: str(j.message),
    correlationId: str(j.correlationId),
  };
  if (status >= 200 && status < 300 && harness.status === 'SUCCESS') {
    const event = eventOf(j.data);
    return { outcome: 'accepted', event, harness, explanation: null, notes: successNotes(event, ctx.url) };
  }
  const known = harness.status !== '' || harness.code !== '' || harness.message !== '';
  if (!known) {
    const explanation =
      status >= 500
        ? serverError(status, ctx.url, "The server answered with JSON that is not Harness's.")
        : explain(
            `Unexpected answer (HTTP ${status})`,
            "The server answered with JSON Trigger Desk does not recognise as Harness's; it is shown as it came.",
            status >= 200 && status < 300 ? 'Check in Harness whether the pipeline started before firing again.' : null,
          );
    return { outcome: 'rejected', event: null, harness: null, explanation, notes: [] };
  }
  const notes =
    /json/i.test(contentType) || contentType === '' ? [] : [`Harness answered in JSON but labelled it ${contentType}.`];
  return {
    outcome: 'rejected',
    event: null,
    harness,
    explanation: explainError(status, j, harness.message, ctx),
    notes,
  };
}
