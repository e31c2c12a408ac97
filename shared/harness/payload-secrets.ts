// Where a payload holds a key: the JSON path of the first field whose value (or name) is shaped like
// an API key or token, or is a secret the app knows, with its line and column. Stores of plain text
// refuse such a payload, naming the field and the way out: a secret variable kept in the keychain.
import { DeskError } from '../errors';
import { formatPath } from './payload-paths';
import { locatePath } from './payload-paths-locate';
import { holdsSecret, redact } from './redact';
import { lineColumn } from './shell-words';
import { maskVariablesForJson } from './variables';

export interface SecretSpot {
  /** `$.deploy.token`, `$.items[1].k`; null when the payload is not JSON. */
  path: string | null;
  /** The name offered for a secret variable at that place, e.g. deploy_token. */
  variable: string;
  line: number;
  column: number;
  offset: number;
}

type Segment = string | number;

function firstSecretPath(value: unknown, secrets: readonly string[], at: Segment[]): Segment[] | null {
  if (typeof value === 'string') return holdsSecret(value, secrets) ? at : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = firstSecretPath(v, secrets, [...at, i]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [k, v] of Object.entries(value)) {
    if (holdsSecret(k, secrets)) return [...at, k];
    const found = firstSecretPath(v, secrets, [...at, k]);
    if (found) return found;
  }
  return null;
}

function variableName(segments: Segment[], secrets: readonly string[]): string {
  const words = segments
    .filter((s): s is string => typeof s === 'string' && !holdsSecret(s, secrets))
    .slice(-2)
    .map((s) => s.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, ''));
  const name = words.filter(Boolean).join('_') || 'secret';
  return /^[A-Za-z_]/.test(name) ? name : `v_${name}`;
}

/** The first key-shaped value (or known secret) in `body`, or null. Linear; quick when there is none. */
export function findSecretInPayload(body: string, secrets: readonly string[] = []): SecretSpot | null {
  if (!holdsSecret(body, secrets)) return null;
  let doc: unknown;
  let json = true;
  try {
    doc = JSON.parse(maskVariablesForJson(body));
  } catch {
    json = false;
  }
  const segments = json ? firstSecretPath(doc, secrets, []) : null;
  const span = segments ? locatePath(body, segments) : null;
  let offset = span?.start ?? 0;
  // An object member's span is its name: the value starts after the colon (unless the name is the secret).
  if (
    span &&
    segments &&
    typeof segments[segments.length - 1] === 'string' &&
    !holdsSecret(String(segments[segments.length - 1]), secrets)
  ) {
    const value = /^\s*:\s*/.exec(body.slice(span.end, span.end + 4096));
    if (value) offset = span.end + value[0].length;
  }
  // Not JSON (or the secret spans more than one value): where the masked text first differs.
  if (!span) {
    const masked = redact(body, secrets);
    while (offset < body.length && body[offset] === masked[offset]) offset++;
    if (/^[ps]at\.$/.test(body.slice(offset - 4, offset))) offset -= 4; // a key's mask keeps its prefix
  }
  const { line, column } = lineColumn(body, offset);
  // A field name may be the secret itself: the path is masked like any text.
  const shown = segments?.map((x) => (typeof x === 'string' ? redact(x, secrets) : x));
  return {
    path: shown ? `$${formatPath(shown).replace(/^(?=[A-Za-z_$])/, '.')}` : null,
    variable: variableName(segments ?? [], secrets),
    line,
    column,
    offset,
  };
}

/** The refusal for a plain-text store (`what`: "The payload "Deploy"", "Step 2's payload"...). */
export function secretInPayloadError(what: string, spot: SecretSpot, store: string): DeskError {
  const where =
    spot.path === null
      ? `at line ${spot.line}, column ${spot.column}`
      : `at ${spot.path} (line ${spot.line}, column ${spot.column})`;
  return new DeskError(
    'invalid-args',
    `${what} holds something shaped like an API key or token ${where}: ${store} stored as plain text, so it was not saved.`,
    {
      where: {
        line: spot.line,
        column: spot.column,
        offset: spot.offset,
        ...(spot.path === null ? {} : { token: spot.path }),
      },
      hint: `Replace the value with {{${spot.variable}}} and mark that variable secret in the Variables panel: its value then stays in the keychain and is put in only when the trigger fires.`,
    },
  );
}
