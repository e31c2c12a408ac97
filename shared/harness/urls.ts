// Reads a Harness custom webhook URL (docs/harness-protocol.md §1) without ever rebuilding it: the URL the user
// pasted is the URL that gets fired, so vanity hosts and self-managed path prefixes survive as given.
import { DeskError } from '../errors';
import type { TriggerUrl } from '../model';
import { excerpt, redactUrl } from './redact';

/**
 * The WHATWG URL global exists in Node, Electron and browsers, but `lib: ES2023` without DOM does
 * not type it. A local view of the few members used here, rather than a global declaration that
 * would clash with lib.dom / @types/node in the configs that also compile shared/.
 */
interface WhatwgUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly origin: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly searchParams: { get(name: string): string | null; keys(): Iterable<string> };
}
const UrlCtor = (globalThis as unknown as { URL: new (input: string) => WhatwgUrl }).URL;

export const WEBHOOK_PATH = '/pipeline/api/webhook/custom';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22}$/;
const REQUIRED = ['accountIdentifier', 'orgIdentifier', 'projectIdentifier'] as const;
const EXPECTED_HINT =
  'A custom webhook URL looks like https://app.harness.io/gateway/pipeline/api/webhook/custom/{token}/v3?accountIdentifier=…&orgIdentifier=…&projectIdentifier=… ' +
  '(or …/custom/v2?… for older triggers). Copy it in Harness from the trigger: ⋮ → Copy as cURL, or the Webhook URL.';

/** True for hosts that are this computer: 127.0.0.0/8, localhost, ::1 (with or without brackets or a port). */
export function isLoopbackHost(host: string): boolean {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    h = end > 0 ? h.slice(1, end) : h;
  } else if (h.split(':').length === 2) {
    h = h.slice(0, h.indexOf(':')); // host:port
  }
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(1).every((n) => Number(n) <= 255);
}

function parseError(message: string, hint: string = EXPECTED_HINT, token?: string): DeskError {
  return new DeskError('parse', message, token === undefined ? { hint } : { hint, where: { token } });
}

/** Quotes a piece of the URL in a message: masked first (key shapes, `secrets`, a password), then cut. */
type Show = (text: string) => string;
function shower(secrets: readonly string[]): Show {
  return (text) => excerpt(redactUrl(text), 80, secrets);
}

/** A URL of another Harness page pasted by mistake: say what it is instead of "not a webhook URL". */
function otherHarnessUrl(u: WhatwgUrl, raw: string): string | null {
  if (u.pathname.includes('/webhook/triggerExecutionDetails/'))
    return "this is the URL that follows a fired event (apiUrl), not the trigger's URL";
  if (/\/ng\/?$/.test(u.pathname) || raw.includes('/ng/#/') || u.pathname.includes('/ng/account/'))
    return "this is the address of a Harness page in the browser, not the trigger's webhook URL";
  if (u.pathname.includes('/webhook/custom'))
    return 'it has /webhook/custom but not the /pipeline/api/webhook/custom/…/v3 (or /v2) path of a custom trigger';
  return null;
}

function readPath(
  u: WhatwgUrl,
  raw: string,
  shorten: Show,
): { prefix: string; form: 'v2' | 'v3'; token: string | null } {
  const p = u.pathname;
  const at = p.lastIndexOf(`${WEBHOOK_PATH}/`);
  if (at < 0) {
    const other = otherHarnessUrl(u, raw);
    throw parseError(
      `"${shorten(raw)}" is not a Harness custom webhook URL${other ? `: ${other}` : ': its path has no /pipeline/api/webhook/custom/'}`,
    );
  }
  const rest = p.slice(at + WEBHOOK_PATH.length + 1).replace(/\/$/, '');
  const prefix = p.slice(0, at).replace(/\/gateway$/, '');
  if (rest === 'v2') return { prefix, form: 'v2', token: null };
  const parts = rest.split('/');
  if (parts.length === 2 && parts[1] === 'v3') {
    const token = parts[0] ?? '';
    if (!TOKEN_SHAPE.test(token)) {
      const bad = /[^A-Za-z0-9_-]/.exec(token);
      const why = bad ? `it has "${bad[0]}" at character ${bad.index + 1}` : `it is ${token.length} characters long`;
      throw parseError(
        `The webhook token in the URL (between /custom/ and /v3) must be 22 characters of letters, digits, - and _; ${why}`,
        'The token is part of the URL Harness gives for the trigger; copy the whole URL again.',
        'customWebhookToken',
      );
    }
    return { prefix, form: 'v3', token };
  }
  if (rest === 'v3') {
    throw parseError(
      "This v3 URL has no webhook token: it must be /custom/{token}/v3, with the trigger's 22-character token",
      EXPECTED_HINT,
      'customWebhookToken',
    );
  }
  throw parseError(`The path after ${WEBHOOK_PATH}/ must be "v2" or "{token}/v3"; it is "${shorten(rest)}"`);
}

function readQuery(u: WhatwgUrl): Record<(typeof REQUIRED)[number], string> {
  const out = { accountIdentifier: '', orgIdentifier: '', projectIdentifier: '' };
  const present = [...u.searchParams.keys()];
  for (const name of REQUIRED) {
    const value = u.searchParams.get(name);
    if (value === null) {
      const near = present.find((k) => k.toLowerCase() === name.toLowerCase());
      throw parseError(
        `The URL has no ${name}: Harness needs accountIdentifier, orgIdentifier and projectIdentifier in the query` +
          (near ? ` (it has "${near}", but the name is case-sensitive)` : ''),
        'Copy the URL from the trigger in Harness again; it carries all three.',
        name,
      );
    }
    if (value.trim() === '')
      throw parseError(`The URL's ${name} is empty`, 'Copy the URL from the trigger in Harness again.', name);
    out[name] = value;
  }
  return out;
}

function optional(u: WhatwgUrl, name: string): string | null {
  const v = u.searchParams.get(name);
  return v === null || v.trim() === '' ? null : v;
}

/**
 * Parses a custom webhook URL (v2 or v3). Throws DeskError('parse') naming what is wrong or missing,
 * or DeskError('insecure-url') for http:// to anything but this computer. Surrounding whitespace is
 * dropped; otherwise `url` is kept exactly as given. `secrets` (e.g. the key given with the URL)
 * are masked in any message that quotes the URL.
 */
export function parseTriggerUrl(url: string, secrets: readonly string[] = []): TriggerUrl {
  const shorten = shower(secrets);
  const raw = url.trim();
  if (raw === '') throw parseError('The URL is empty');
  let u: WhatwgUrl;
  try {
    u = new UrlCtor(raw);
  } catch {
    const hint = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw)
      ? EXPECTED_HINT
      : 'It must start with https:// (for example https://app.harness.io/gateway/…).';
    throw parseError(`"${shorten(raw)}" is not a URL`, hint);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw parseError(`"${shorten(raw)}" is a ${u.protocol.slice(0, -1)}: address; a trigger URL starts with https://`);
  }
  if (u.username !== '' || u.password !== '') {
    throw parseError(
      'The URL carries a user name or password before the host (user:password@): Harness custom triggers take an API key instead',
      'Remove the user:password@ part and add the key to the trigger (its API key panel, “Set key”).',
    );
  }
  const path = readPath(u, raw, shorten);
  const ids = readQuery(u);
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) {
    throw new DeskError(
      'insecure-url',
      `The URL uses http:// to ${u.hostname}: the API key and the payload would cross the network unencrypted. Only this computer (127.0.0.1, localhost, [::1]) may be reached over http://`,
      { hint: 'Use the https:// address of your Harness (Harness itself is served over https).' },
    );
  }
  // `base` is cut from the text as given, so a vanity host or a path prefix keeps its spelling.
  const marker = raw.indexOf(`${WEBHOOK_PATH}/`, raw.indexOf('//') + 2);
  let base = marker >= 0 ? raw.slice(0, marker).replace(/\/gateway$/, '') : u.origin + path.prefix;
  if (raw.lastIndexOf(`${WEBHOOK_PATH}/`) !== marker) base = u.origin + path.prefix;
  return {
    url: raw,
    origin: u.origin,
    base,
    form: path.form,
    token: path.token,
    ...ids,
    pipelineIdentifier: optional(u, 'pipelineIdentifier'),
    triggerIdentifier: optional(u, 'triggerIdentifier'),
  };
}
