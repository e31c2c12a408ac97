// The account's REST client (docs/harness-protocol.md, "REST: the account"): every call goes through
// the backend's one HTTP client (net/), with the key only to the connection's own origin. Answers are
// redacted as they are read. 429: wait Retry-After (capped), say so, try again (reads only); 401/403:
// plain words naming the permission; everything else: Harness's own words with the HTTP status.
import { DeskError } from '../../../shared/errors';
import { redact, redactParsed } from '../../../shared/harness/redact';
import type { Ctx } from '../context';

/** Harness's own page-size limit is 100 on most lists; 50 keeps answers small. */
export const PAGE_SIZE = 50;
/** A list longer than this many pages is cut off (and said). */
const MAX_PAGES = 100;
/** Waits for a 429: Retry-After is obeyed up to this, and at most this many times per call. */
const MAX_WAIT_S = 30;
const MAX_429 = 3;

export interface Target {
  workspaceId: string;
  /** Without a trailing slash. */
  baseUrl: string;
  origin: string;
  accountIdentifier: string;
}

export interface CallOptions {
  method: 'GET' | 'POST';
  /** Under the base, e.g. /ng/api/organizations. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** What it is for, in words: "list the organizations", "approve". */
  what: string;
  /** The permission Harness checks for it (named when it refuses). */
  permission?: string;
  /** Extra headers (e.g. Harness-Account for the v1 API). */
  headers?: Record<string, string>;
  /** A POST that changes something: never sent twice. */
  mutates?: boolean;
  /** Read the answer as is: the trigger details carry the webhook URL with its token, which redaction would mask.
   * The caller keeps only that URL (as a pasted cURL's) and redacts anything it shows. */
  unredacted?: boolean;
}

type Json = Record<string, unknown>;

export interface Client {
  target: Target;
  /** The `data` of Harness's {status, data} envelope (or the whole body when there is no envelope). */
  call(o: CallOptions): Promise<unknown>;
  /** Every page of a paged list (`content`), following totalPages. */
  all(o: CallOptions, paging: 'ng' | 'pipeline'): Promise<unknown[]>;
  /** Things worth saying that are not errors (a 429 waited out, a list cut off). */
  notes: string[];
}

const obj = (v: unknown): Json | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function parse(body: string, secrets: string[], unredacted = false): unknown {
  try {
    const doc = JSON.parse(body) as unknown;
    return unredacted ? doc : redactParsed(body, doc, secrets);
  } catch {
    return null;
  }
}

/** "Missing permission core_pipeline_execute on pipeline …" → core_pipeline_execute. */
export function missingPermission(doc: Json | null): string | null {
  const checks = doc?.failedPermissionChecks;
  if (Array.isArray(checks)) {
    const p = str(obj(checks[0])?.permission);
    if (p !== '') return p;
  }
  return /missing permission (\w+)/i.exec(str(doc?.message))?.[1] ?? null;
}

function refusal(status: number, doc: Json | null, o: CallOptions, t: Target, secrets: string[]): DeskError {
  const said = redact(str(doc?.message), secrets);
  const code = str(doc?.code);
  const harness = said ? ` (HTTP ${status}${code ? ` ${code}` : ''}: “${said}”)` : ` (HTTP ${status})`;
  if (status === 401)
    return new DeskError('invalid-key', `Harness refused the key for account ${t.accountIdentifier}${harness}.`, {
      hint: 'The key may be wrong, expired, revoked or of another account: paste a current key in the connection.',
    });
  if (status === 403) {
    const permission = missingPermission(doc) ?? o.permission ?? null;
    return new DeskError(
      'forbidden',
      `The key may not ${o.what}${permission ? `: it lacks the permission ${permission}` : ''}${harness}.`,
      {
        hint: permission
          ? `In Harness, give the key's user or service account a role with ${permission} in this scope.`
          : "In Harness, check the roles of the key's user or service account in this scope.",
      },
    );
  }
  if (status === 429)
    return new DeskError('network', `Harness kept asking to slow down (HTTP 429) and would not ${o.what}.`, {
      hint: 'Wait a minute and try again.',
    });
  if (status === 404 || (status === 400 && /not.*(exist|found)/i.test(said)))
    return new DeskError('not-found', `Harness could not ${o.what}: it does not know it${harness}.`);
  return new DeskError('network', `Harness could not ${o.what}${harness}.`);
}

/** Seconds to wait for a 429: Retry-After (seconds or a date), else 2, capped. */
export function retryAfterSeconds(header: string | undefined, now: number): number {
  const raw = (header ?? '').trim();
  let s = Number(raw);
  if (raw === '' || !Number.isFinite(s)) {
    const at = Date.parse(raw);
    s = Number.isFinite(at) ? Math.ceil((at - now) / 1000) : 2;
  }
  return Math.min(MAX_WAIT_S, Math.max(1, Math.ceil(s)));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createClient(ctx: Ctx, target: Target, key: string | null): Client {
  const notes: string[] = [];
  const secrets = (): string[] => [...ctx.vault.knownSecrets(), ...(key === null ? [] : [key])];

  const progress = (message: string): void => {
    try {
      ctx.notify('account:progress', { workspaceId: target.workspaceId, message, at: ctx.now() });
    } catch {
      // Best effort: nobody may be listening.
    }
  };

  async function call(o: CallOptions): Promise<unknown> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) query.set(k, String(v));
    const qs = query.toString();
    const url = `${target.baseUrl}${o.path}${qs ? `?${qs}` : ''}`;
    // The key goes to the connection's origin only: a path can never carry it elsewhere.
    if (new URL(url).origin !== target.origin)
      throw new DeskError('forbidden', `Refused to send the account key outside ${target.origin}.`);
    const headers: Record<string, string> = { accept: 'application/json', ...(o.headers ?? {}) };
    if (key !== null) headers['x-api-key'] = key;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    for (let tries = 1; ; tries++) {
      const res = await ctx.http.request({
        method: o.method,
        url,
        headers,
        ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
        retry: o.method === 'GET' ? 'idempotent' : false,
      });
      const doc = parse(res.body, secrets(), o.unredacted === true && res.status === 200);
      if (res.status === 429 && !o.mutates && tries <= MAX_429) {
        const s = retryAfterSeconds(res.headers['retry-after'], ctx.now());
        const said = `Harness asked to slow down (HTTP 429) while trying to ${o.what}: waited ${s} s and tried again.`;
        progress(`Harness asked to slow down (HTTP 429): waiting ${s} s before trying to ${o.what} again.`);
        if (!notes.includes(said)) notes.push(said);
        await sleep(s * 1000);
        continue;
      }
      if (res.status >= 200 && res.status < 300) {
        if (doc === null)
          throw new DeskError('parse', `Harness answered, but not with JSON, when asked to ${o.what}.`, {
            hint: 'A proxy or a sign-in page may stand in the way; check the base URL.',
          });
        const envelope = obj(doc);
        return envelope && 'data' in envelope && 'status' in envelope ? envelope.data : doc;
      }
      throw refusal(res.status, obj(doc), o, target, secrets());
    }
  }

  async function all(o: CallOptions, paging: 'ng' | 'pipeline'): Promise<unknown[]> {
    const out: unknown[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const q = paging === 'ng' ? { pageIndex: page, pageSize: PAGE_SIZE } : { page, size: PAGE_SIZE };
      const data = obj(await call({ ...o, query: { ...o.query, ...q } }));
      const content: unknown[] = Array.isArray(data?.content) ? (data.content as unknown[]) : [];
      out.push(...content);
      const total = typeof data?.totalPages === 'number' ? data.totalPages : 1;
      if (page + 1 >= total || content.length === 0) return out;
      if (page > 0 && (page + 1) % 5 === 0) progress(`Reading page ${page + 2} of ${total} to ${o.what}…`);
    }
    notes.push(`Only the first ${MAX_PAGES} pages were read to ${o.what}.`);
    return out;
  }

  return { target, call, all, notes };
}
