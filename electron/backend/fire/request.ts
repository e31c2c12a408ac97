// The request of a fire: resolved once (the trigger read from the store, its secrets from the vault,
// the body chosen), then sent exactly once (never retried: a duplicate fire is a duplicate
// deployment) and Harness's answer read, with what was sent recorded redacted. A network failure is
// a result, not a throw, so the page keeps the user's payload. Exporting a fire as cURL: triggers/curl.ts.
import { randomUUID } from 'node:crypto';
import { MAX_BODY_BYTES } from '../../../shared/api-fields';
import { DeskError } from '../../../shared/errors';
import { interpretFireResponse } from '../../../shared/harness/fire-response';
import { redact, redactHeaders, redactUrl } from '../../../shared/harness/redact';
import type { Explanation, FireResult, Trigger } from '../../../shared/model';
import { liveTrigger, type Ctx } from '../context';
import { checkRequestUrl, type HttpClient } from '../net/index';
import type { StoredTrigger } from '../store/index';
import { fillSecretVariables, pickBody } from '../triggers/index';
import { keyShapedValue, loadSecrets, type TriggerSecrets } from '../vault/index';
import { NetError } from '../net/index';

export interface FireInput {
  trigger: Trigger;
  /** From the vault; sent as X-Api-Key, and only to the trigger's own origin. */
  apiKey: string | null;
  /** Header entries marked secret, with their values from the vault. */
  secretHeaders: { name: string; value: string }[];
  body: string;
  http: HttpClient;
}

const KEY_HEADER = 'X-Api-Key';
/** Set by fireTrigger itself: a same-named extra header is left out rather than sent twice. */
const OWN_HEADERS = new Set(['content-type', 'x-api-key', 'content-length', 'host']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const NETWORK_CODES = new Set(['network', 'timeout', 'tls', 'proxy']);
const TITLES: Record<string, string> = {
  network: 'Request failed',
  timeout: 'No answer in time',
  tls: 'Secure connection failed',
  proxy: 'Proxy problem',
};

function checkHeader(name: string, value: string): void {
  if (!TOKEN.test(name))
    throw new DeskError('parse', `The header name "${name}" has characters a header name cannot have`, {
      hint: 'Header names are letters, digits and - (e.g. X-Source).',
    });
  const bad = /[\r\n\0]/.exec(value);
  if (bad)
    throw new DeskError('parse', `The value of header ${name} contains a line break at character ${bad.index + 1}`, {
      where: { offset: bad.index },
      hint: 'A header value is one line.',
    });
}

/** Extra headers, last one wins per name (any case); content-type and X-Api-Key are set apart. */
function putHeader(headers: Record<string, string>, seen: Map<string, string>, name: string, value: string): void {
  const lower = name.toLowerCase();
  if (OWN_HEADERS.has(lower)) return;
  checkHeader(name, value);
  const prior = seen.get(lower);
  if (prior !== undefined) Reflect.deleteProperty(headers, prior);
  seen.set(lower, name);
  headers[name] = value;
}

/** The redacted form of a trigger URL, which is the same on every fire of that trigger. */
const redactedUrls = new Map<string, string>();
function redactedUrl(url: string): string {
  let r = redactedUrls.get(url);
  if (r === undefined) {
    if (redactedUrls.size >= 64) redactedUrls.clear();
    r = redactUrl(url);
    redactedUrls.set(url, r);
  }
  return r;
}

function sameOrigin(url: URL, origin: string): boolean {
  try {
    return new URL(origin).origin === url.origin;
  } catch {
    return false;
  }
}

function isJson(body: string): boolean {
  if (body.trim() === '') return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** Throws DeskError for input that must not be sent (nothing goes out); everything else is a FireResult. */
export async function fireTrigger(o: FireInput): Promise<FireResult> {
  const { trigger } = o;
  const parsed = trigger.parsed;
  const bodyBytes = Buffer.byteLength(o.body);
  if (bodyBytes > MAX_BODY_BYTES)
    throw new DeskError('invalid-args', `The payload is ${(bodyBytes / 1048576).toFixed(1)} MB; the limit is 10 MB`, {
      hint: 'A trigger payload is a few fields, not a file.',
    });

  const headers: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const h of trigger.headers) if (!h.secret) putHeader(headers, seen, h.name, h.value);
  for (const h of o.secretHeaders) putHeader(headers, seen, h.name, h.value);
  checkHeader('content-type', trigger.contentType);
  headers['content-type'] = trigger.contentType.trim() || 'application/json';
  if (o.apiKey !== null) {
    // The URL is the trigger's own by construction; asserted because a key sent elsewhere is a leak.
    const target = checkRequestUrl(parsed.url);
    if (!sameOrigin(target, parsed.origin))
      throw new DeskError(
        'forbidden',
        `The API key is only sent to ${parsed.origin}, and this request would go to ${target.origin}`,
        { hint: 'Save the trigger again from its URL.' },
      );
    if (!/^[\x21-\x7e]+$/.test(o.apiKey))
      throw new DeskError(
        'invalid-key',
        'The stored API key is empty or has characters a key never has (spaces, line breaks)',
        { hint: 'Set the key again on the trigger.' },
      );
    headers[KEY_HEADER] = o.apiKey;
  }

  // Sent first; the record of what was sent is written while the answer travels back.
  const at = Date.now();
  const started = performance.now();
  // Exactly once: a second POST would be a second deployment.
  const pending = o.http.request({ method: 'POST', url: parsed.url, headers, body: o.body, retry: false }).then(
    (res) => ({ res, err: null }),
    (err: unknown) => ({ res: null, err }),
  );

  const secrets = [o.apiKey, parsed.token, ...o.secretHeaders.map((h) => h.value)].filter(
    (s): s is string => !!s && s.length >= 4,
  );
  const bodyIsJson = isJson(o.body);
  const notes: string[] = [];
  if (!bodyIsJson && /json/i.test(headers['content-type'] ?? '')) {
    notes.push(
      o.body.trim() === ''
        ? 'The payload is empty.'
        : 'The payload is not valid JSON: Harness accepts it, but <+trigger.payload.x> expressions will resolve to nothing.',
    );
  }
  const id = randomUUID(); // not ids.ts: randomUUID draws from a cached pool, several µs less per fire
  const request: FireResult['request'] = {
    method: 'POST',
    url: redactedUrl(parsed.url),
    headers: redactHeaders(headers, [KEY_HEADER, ...o.secretHeaders.map((h) => h.name)]),
    bodyBytes,
    bodyIsJson,
  };

  const { res, err } = await pending;
  if (!res) {
    if (!(err instanceof DeskError) || !NETWORK_CODES.has(err.code)) throw err;
    const explanation: Explanation = {
      title: err instanceof NetError ? err.title : (TITLES[err.code] ?? 'Request failed'),
      detail: redact(err.message, secrets),
      action: err.hint ? redact(err.hint, secrets) : null,
    };
    return {
      id,
      triggerId: trigger.id,
      at,
      request,
      durationMs: performance.now() - started,
      outcome: 'network-error',
      response: null,
      event: null,
      harness: null,
      explanation,
      notes,
    };
  }

  const answer = interpretFireResponse(res.status, res.contentType, res.body, {
    hadKey: o.apiKey !== null,
    url: parsed,
  });
  const harness = answer.harness && { ...answer.harness, message: redact(answer.harness.message, secrets) };
  const explanation = answer.explanation && {
    title: answer.explanation.title,
    detail: redact(answer.explanation.detail, secrets),
    action: answer.explanation.action === null ? null : redact(answer.explanation.action, secrets),
  };
  // Field by field, not with spreads: object spread costs microseconds per fire on Node 20.
  for (const note of answer.notes) notes.push(note);
  return {
    id,
    triggerId: trigger.id,
    at,
    request,
    durationMs: res.durationMs,
    outcome: answer.outcome,
    response: { status: res.status, contentType: res.contentType, body: redact(res.body, secrets) },
    event: answer.event,
    harness,
    explanation,
    notes,
  };
}

/** What a fire is asked with (the contract's triggers:fire). */
export interface FireArgs {
  id: string;
  body?: string | undefined;
  payloadId?: string | undefined;
  headers?: { name: string; value: string; secret: boolean }[] | undefined;
}

/** A fire resolved once, then passed down: nothing on the way reads the store or the vault again. */
export interface ResolvedFire {
  trigger: StoredTrigger;
  /** The body as saved, {{secret}} variables left in: what the history keeps. */
  template: string;
  /** What is sent: the template with the secret variables filled in, at the last moment. */
  body: string;
  /** Said beside the answer when no payload was given and `{}` was sent. */
  note: string | null;
  secrets: TriggerSecrets;
}

/** One read of the store, one choice of the body, one read of the vault. */
export async function resolveFire(ctx: Ctx, a: FireArgs): Promise<ResolvedFire> {
  const saved = liveTrigger(ctx.data.read(), a.id);
  // A trigger of a folder workspace whose folder does not share webhook tokens (folders/content.ts).
  if (saved.parsed.form === 'v3' && saved.parsed.token === null)
    throw new DeskError(
      'invalid-key',
      `"${saved.name}" needs its webhook token, which its workspace folder does not share.`,
      {
        hint: "Paste the trigger's URL or cURL from Harness once (the app asks for it; the CLI: trigger-desk workspace token).",
      },
    );
  const { body: template, note } = pickBody(saved, a);
  const secrets = await loadSecrets(ctx, saved);
  const body = fillSecretVariables(ctx, saved, template, secrets.variables);
  const extra = a.headers ?? [];
  if (extra.length === 0) return { trigger: saved, template, body, note, secrets };
  // Headers for this fire only (sent after the saved ones, so they win per name). A value marked
  // secret, or shaped like a key, is sent as a secret header: masked in the record like a saved one.
  const secret = extra.filter((h) => h.secret || keyShapedValue(ctx, h.value));
  const plain = extra.filter((h) => !secret.includes(h));
  return {
    trigger: {
      ...saved,
      headers: [...saved.headers, ...plain.map((h) => ({ name: h.name, value: h.value, secret: null }))],
    },
    template,
    body,
    note,
    secrets: {
      ...secrets,
      secretHeaders: [...secrets.secretHeaders, ...secret.map((h) => ({ name: h.name, value: h.value }))],
      values: [...secrets.values, ...secret.map((h) => h.value).filter((v) => v.length >= 4)],
    },
  };
}

/** Masks secrets in every string of a value; used only when a secret turned up where it must not. */
function scrub<T>(value: T, secrets: string[]): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => scrub(v, secrets)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets)])) as T;
  }
  return value;
}

/** Sends a resolved fire once. */
export async function sendFire(ctx: Ctx, r: ResolvedFire): Promise<FireResult> {
  const result = await fireTrigger({
    trigger: r.trigger,
    apiKey: r.secrets.apiKey,
    secretHeaders: r.secrets.secretHeaders,
    body: r.body,
    http: ctx.http,
  });
  if (r.note !== null) result.notes = [...result.notes, r.note];
  // Belt and braces: the fire path redacts what it reports against this trigger's secrets and the
  // key shapes; an echoing server could still hand back another secret the app knows.
  const known = [...r.secrets.values, ...ctx.vault.knownSecrets()].filter((s) => s.length >= 4);
  if (known.length > 0) {
    const text = JSON.stringify(result);
    if (known.some((s) => text.includes(s))) return scrub(result, known);
  }
  return result;
}
