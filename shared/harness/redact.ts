// THE redaction function: every log line, history entry, export and error text passes through it.
// A mask keeps only the last 4 characters of a long secret, `pat.…(redacted)…abcd`, and is never
// masked again, so redacting twice gives the same text as redacting once. Linear regexes only:
// it runs over whole response bodies.

export const MASK = '…(redacted)…';
/** Shorter secrets show nothing at all: 4 characters of an 8-character secret is half of it. */
const MIN_FOR_LAST4 = 12;

/** The last 4 characters of a secret long enough to spare them (12+), else ''. */
export function last4(secret: string): string {
  return secret.length >= MIN_FOR_LAST4 ? secret.slice(-4) : '';
}

const KEY_SHAPE = /^(?:pat|sat)\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?$/;

/** The mask for one secret value: Harness keys keep their `pat.` / `sat.` prefix. */
export function maskSecret(secret: string): string {
  const prefix = KEY_SHAPE.test(secret) ? secret.slice(0, 4) : '';
  const tail = last4(secret);
  // A tail with quotes or blanks could break the JSON or URL the mask lands in: show none then.
  return prefix + MASK + (/^[A-Za-z0-9._~+/=-]*$/.test(tail) ? tail : '');
}

// An existing mask is matched first and kept as is, so nothing inside it is masked again.
const EXISTING = String.raw`(?:[ps]at\.)?…\(redacted\)…`;
// Separate passes, each starting on a literal, are several times faster than one big alternation;
// none of them can match inside a mask (its `…(` breaks every class), so the order does not matter.
const KEYS = /[ps]at\.(?<![A-Za-z0-9_.-][ps]at\.)(?:[A-Za-z0-9_-]{4,}\.){1,2}[A-Za-z0-9_-]{8,}/g;
// /custom/{token}/v3, plain, URL-encoded (%2F) or JSON-escaped (\/), and the token Harness echoes in errors.
const TOKEN_IN_PATH = /((?:\/|%2[Ff]|\\\/)custom(?:\/|%2[Ff]|\\\/))([A-Za-z0-9_-]{22})(?=(?:\/|%2[Ff]|\\\/)v3)/g;
const TOKEN_IN_TEXT = /(custom webhook token: )([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/g;
// `X-Api-Key: v`, `"x-api-key":"v"`, `apiKey=v`, `customWebhookToken: v`, `Authorization: Bearer v`.
const NAMED =
  /(?<![A-Za-z0-9_-])((?:x-api-key|api[_-]?key|customWebhookToken|(?:proxy-)?authorization)["']?\s{0,4}[:=]\s{0,4}["']?(?:(?:Bearer|Basic|Token|Digest)\s+)?)([^\s"'&,;<>{}()[\]]+)/gi;
/** Values that merely point at a secret (variables, placeholders) or are not one. */
const NOT_A_SECRET = /^(?:\$|%|<|\(|\{|\[|null$|true$|false$|undefined$)/i;

function maskNamed(all: string, name: string, value: string): string {
  // '…' only ever comes from a mask here (the value stops at its '('): keep masks as they are.
  if (value.includes('…') || value.length <= 3 || NOT_A_SECRET.test(value)) return all;
  return name + maskSecret(value);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms a secret may take in text: as is, URL-encoded, and JSON-escaped. */
function forms(secret: string): string[] {
  const out = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...out];
}

interface SecretsMatcher {
  re: RegExp;
  mask: Map<string, string>;
}

// The same few secrets are redacted again and again (a trigger's key and token on every fire):
// their pattern and masks are built once.
const SECRETS_CACHE = new Map<string, SecretsMatcher>();

function secretsMatcher(given: string[]): SecretsMatcher {
  const key = given.join('\0');
  let matcher = SECRETS_CACHE.get(key);
  if (!matcher) {
    const mask = new Map(given.map((s) => [s, maskSecret(s)]));
    for (const s of given) for (const f of forms(s)) if (f !== s) mask.set(f, maskSecret(s));
    // A last-4 that is itself one of the secrets would be masked again next time: drop it.
    for (const [f, m] of mask) if (given.some((s) => m.endsWith(s))) mask.set(f, m.slice(0, m.length - 4));
    const alts = given
      .flatMap(forms)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    matcher = { re: new RegExp(`(${EXISTING})|(${alts.join('|')})`, 'g'), mask };
    if (SECRETS_CACHE.size > 32) SECRETS_CACHE.clear();
    SECRETS_CACHE.set(key, matcher);
  }
  matcher.re.lastIndex = 0;
  return matcher;
}

/** Every pattern below needs one of these words in the text: without them, only given secrets can match. */
const MARKERS = /[ps]at\.|custom|key|authoriz|token/i;

/** A redaction bound to one list of secrets, for redacting many texts (every string of an answer) in a row. */
export function redactor(secrets?: Iterable<string>): (text: string) => string {
  const given = secrets ? [...new Set(secrets)].filter((s) => s.length > 3) : [];
  const matcher = given.length > 0 ? secretsMatcher(given) : null;
  return (text) => {
    let out = text;
    if (matcher)
      out = out.replace(matcher.re, (all, existing: string | undefined) =>
        existing ? all : (matcher.mask.get(all) ?? MASK),
      );
    if (!MARKERS.test(out)) return out;
    out = out.replace(KEYS, (key) => maskSecret(key));
    if (out.includes('custom')) {
      out = out.replace(TOKEN_IN_PATH, (_all, head: string, token: string) => head + maskSecret(token));
      out = out.replace(TOKEN_IN_TEXT, (_all, head: string, token: string) => head + maskSecret(token));
    }
    return out.replace(NAMED, maskNamed);
  };
}

/**
 * Masks, anywhere in `text`: the given secret values (longer than 3 characters), Harness API keys
 * (pat./sat., 4-part and legacy 3-part), the 22-character webhook token of a v3 URL, and the values
 * of X-Api-Key / api_key / Authorization fields and headers. Idempotent.
 */
export function redact(text: string, secrets?: Iterable<string>): string {
  return redactor(secrets)(text);
}

/** True when `text` holds something redact would mask: a key-shaped value, a token, or one of `secrets`. */
export function holdsSecret(text: string, secrets?: Iterable<string>): boolean {
  return redact(text, secrets) !== text;
}

/** Property names whose string value is a credential (as NAMED masks `apiKey=v` in text). */
const CREDENTIAL_FIELD = /^(?:x-api-key|api[_-]?key|customWebhookToken|(?:proxy-)?authorization)$/i;

/**
 * A parsed JSON value (an answer from outside) with every string, and every property name, redacted:
 * done on the parsed value rather than on the text, so a secret can never break the JSON around it.
 * The value of a credential-named field (apiKey, X-Api-Key, Authorization...) is masked whatever it is.
 */
export function redactJson<T>(value: T, secrets?: Iterable<string>): T {
  const clean = redactor(secrets);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return clean(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const credential =
        typeof x === 'string' && CREDENTIAL_FIELD.test(k) && x.length > 3 && !x.includes('…') && !NOT_A_SECRET.test(x);
      out[clean(k)] = credential ? maskSecret(x) : walk(x);
    }
    return out;
  };
  return walk(value) as T;
}

/**
 * `parsed`, the value of the JSON `text` (an answer from outside), redacted with redactJson; returned
 * as it is when the text holds nothing to mask (one cheap pass over the text: most answers don't).
 * A text with a \u or \/ escape is always walked, since an escaped secret does not show in the text.
 */
export function redactParsed<T>(text: string, parsed: T, secrets?: Iterable<string>): T {
  const given = secrets ? [...secrets] : [];
  if (!text.includes('\\u') && !text.includes('\\/') && !holdsSecret(text, given)) return parsed;
  return redactJson(parsed, given);
}

/** Runs of `min`+ characters that are a piece of one of `secrets` (never whole in the text, e.g. cut by a parser) masked. */
function maskFragments(text: string, secrets: readonly string[], min: number): string {
  if (secrets.length === 0) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    let longest = 0;
    for (const s of secrets) {
      let n = longest;
      while (i + n < text.length && s.includes(text.slice(i, i + n + 1))) n++;
      if (n > longest) longest = n;
    }
    if (longest >= min) {
      out += MASK;
      i += longest;
    } else {
      out += text.charAt(i);
      i++;
    }
  }
  return out;
}

/**
 * A piece of user text for a message: masked first, then cut to `max` characters, so a cut can
 * never leave a key or secret unrecognisable and half shown. Then any run of 5+ characters of one
 * of `secrets` left (a parser may have split one) is masked too. Blanks collapse to one space.
 */
export function excerpt(text: string, max: number, secrets: Iterable<string> = []): string {
  const given = [...secrets].filter((s) => s.length > 3);
  const one = redact(text, given).replace(/\s+/g, ' ');
  const cut = one.length > max ? `${one.slice(0, max - 1)}…` : one;
  return maskFragments(cut, given, 5);
}

/** A URL for display or logs: token, keys and a password before the host masked. */
export function redactUrl(url: string): string {
  const withoutPassword = url.replace(
    /^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)([^/?#@]+)@/i,
    (all, head: string, pass: string) => (pass.includes(MASK) ? all : `${head}${MASK}@`),
  );
  return redact(withoutPassword);
}

const SECRET_HEADERS = ['x-api-key', 'authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

/** Header names whose values are credentials (kept in the vault, masked in any text). */
export function isSecretHeaderName(name: string): boolean {
  return /authorization|auth|token|secret|key|password|passwd|cookie|credential|signature/i.test(name);
}

// `Name: value` with a credential-like name, and the options that carry a password or a token.
const HEADER_VALUE =
  /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]+)[ \t]*:[ \t]*(?:(?:Bearer|Basic|Token|Digest)[ \t]+)?([^\s'"]+)/g;
const OPTION_VALUE = /(?:^|\s)(?:-u|-U|--user|--proxy-user|--oauth2-bearer)(?:[ \t]+|=)['"]?([^\s'"]+)/g;
// A key shape even where it is glued to other text (`--pat.…`, `@xpat.…`): in a pasted command, that is a key.
const KEY_ANYWHERE = /[ps]at\.(?:[A-Za-z0-9_-]{4,}\.){1,2}[A-Za-z0-9_-]{8,}/g;

/**
 * The secrets a pasted command names (credential header values, -u passwords, bearer tokens),
 * read from the raw text before anything else, so that every message about the text can mask
 * them, wherever else they turn up and whatever breaks first.
 */
export function namedSecrets(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(HEADER_VALUE)) if (m[1] && m[2] && isSecretHeaderName(m[1])) out.add(m[2]);
  for (const m of text.matchAll(OPTION_VALUE)) if (m[1]) out.add(m[1]);
  for (const m of text.matchAll(KEY_ANYWHERE)) out.add(m[0]);
  return [...out].filter((s) => s.length > 3 && !/^[$%<]/.test(s));
}

/** Headers for display or logs: credential headers (and `secretNames`) masked, the rest redacted as text. */
export function redactHeaders(h: Record<string, string>, secretNames: string[] = []): Record<string, string> {
  const secret = new Set([...SECRET_HEADERS, ...secretNames.map((n) => n.toLowerCase())]);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(h)) {
    if (!secret.has(name.toLowerCase()) || value.includes(MASK) || value === '') {
      out[name] = redact(value);
      continue;
    }
    const scheme = /^(Bearer|Basic|Token|Digest)\s+/i.exec(value);
    out[name] = scheme ? scheme[0] + maskSecret(value.slice(scheme[0].length)) : maskSecret(value);
  }
  return out;
}
