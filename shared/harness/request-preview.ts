// The exact request a fire would send, for the page to show before it goes out: method, URL with
// the webhook token masked, headers with the key and secret values masked (in the order and with
// the precedence the backend's fire uses), and the body with its variables substituted (a secret
// variable stays {{name}}: only the backend knows its value, and fills it in when firing).
import type { HeaderEntry, KeyInfo, TriggerUrl } from '../model';
import { MASK, redactUrl } from './redact';
import { substituteVariables } from './variables';

export interface PreviewHeader {
  name: string;
  /** Shown value: secret ones are masked. */
  value: string;
  secret: boolean;
}

export interface RequestPreview {
  method: 'POST';
  url: string;
  headers: PreviewHeader[];
  /** The body that will be sent (variables substituted), or null when a variable is missing. */
  body: string | null;
  bodyBytes: number;
  bodyIsJson: boolean;
  /** Variables without a value: the fire is blocked until they have one. */
  missing: string[];
  /** Reasons the fire cannot go out at all (missing variables, size). */
  blockers: string[];
}

export interface PreviewInput {
  parsed: Pick<TriggerUrl, 'url'>;
  key: KeyInfo | null;
  headers: readonly HeaderEntry[];
  contentType: string;
  body: string;
  values: Readonly<Record<string, string | undefined>>;
  /** Secret variables: left as {{name}} here, filled in by the backend when firing. */
  secretVariables?: Readonly<Record<string, KeyInfo>> | undefined;
}

/** The contract's MAX_BODY_BYTES (api.ts), repeated so the page does not load zod for one number. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

const OWN = new Set(['content-type', 'x-api-key', 'content-length', 'host']);

export function isJsonContentType(contentType: string): boolean {
  return /json/i.test(contentType);
}

export function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

function masked(info: KeyInfo | null): string {
  return info ? `${MASK}${info.last4}` : MASK;
}

export function previewHeaders(i: Pick<PreviewInput, 'key' | 'headers' | 'contentType'>): PreviewHeader[] {
  const out = new Map<string, PreviewHeader>();
  const put = (h: PreviewHeader): void => {
    const lower = h.name.toLowerCase();
    if (OWN.has(lower)) return;
    out.delete(lower); // last one wins, in its own position (as the fire does)
    out.set(lower, h);
  };
  for (const h of i.headers) if (!h.secret) put({ name: h.name, value: h.value, secret: false });
  for (const h of i.headers) if (h.secret) put({ name: h.name, value: masked(h.secret), secret: true });
  const list = [
    ...out.values(),
    { name: 'content-type', value: i.contentType.trim() || 'application/json', secret: false },
  ];
  if (i.key) list.push({ name: 'X-Api-Key', value: masked(i.key), secret: true });
  return list;
}

export function buildRequestPreview(i: PreviewInput): RequestPreview {
  const json = isJsonContentType(i.contentType);
  const sub = substituteVariables(i.body, i.values, json, new Set(Object.keys(i.secretVariables ?? {})));
  const body = sub.ok ? sub.body : null;
  const blockers: string[] = [];
  const missing = sub.ok ? [] : sub.missing;
  if (missing.length > 0)
    blockers.push(
      `${missing.length === 1 ? 'Variable' : 'Variables'} ${missing.map((m) => `{{${m}}}`).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no value.`,
    );
  const bodyBytes = byteLength(body ?? i.body);
  if (bodyBytes > MAX_PAYLOAD_BYTES) blockers.push(`The payload is ${formatBytes(bodyBytes)}; the limit is 10 MB.`);
  let bodyIsJson = false;
  if (body !== null && body.trim() !== '') {
    try {
      JSON.parse(body);
      bodyIsJson = true;
    } catch {
      bodyIsJson = false;
    }
  }
  return {
    method: 'POST',
    url: redactUrl(i.parsed.url),
    headers: previewHeaders(i),
    body,
    bodyBytes,
    bodyIsJson,
    missing,
    blockers,
  };
}
