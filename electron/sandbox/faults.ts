// Faults the sandbox can be told to show: slowness, dropped connections, gateway errors, failing
// stages, a proxy page where JSON was expected, and a Harness that echoes the caller's secrets.
// Patches from HTTP are checked field by field.
import type { Answer } from './responses';
import type { Faults } from './types';

export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  delayMs: 0,
  resetConnections: false,
  status5xx: null,
  failStage: null,
  nonJson: false,
  echoSecrets: false,
  rateLimit: 0,
});

const MAX_DELAY_MS = 10 * 60 * 1000;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Applies a patch (from code or from POST /_sandbox/faults); throws an Error naming the bad field. */
export function patchFaults(current: Faults, patch: unknown): Faults {
  if (!isRecord(patch)) throw new Error('faults must be a JSON object such as {"delayMs": 2000}');
  const next: Faults = { ...current };
  for (const [name, v] of Object.entries(patch)) {
    switch (name) {
      case 'delayMs':
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_DELAY_MS)
          throw new Error(`delayMs must be a number of milliseconds from 0 to ${MAX_DELAY_MS}`);
        next.delayMs = v;
        break;
      case 'resetConnections':
      case 'nonJson':
      case 'echoSecrets':
        if (typeof v !== 'boolean') throw new Error(`${name} must be true or false`);
        next[name] = v;
        break;
      case 'status5xx':
        if (v !== null && (typeof v !== 'number' || !Number.isInteger(v) || v < 400 || v > 599))
          throw new Error('status5xx must be null or an HTTP status from 400 to 599, e.g. 503');
        next.status5xx = v;
        break;
      case 'rateLimit':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1000)
          throw new Error('rateLimit must be a count of answers from 0 to 1000');
        next.rateLimit = v;
        break;
      case 'failStage':
        if (v !== null && (typeof v !== 'string' || v.trim() === ''))
          throw new Error('failStage must be null or a stage identifier such as "deploy_prod"');
        next.failStage = v;
        break;
      default:
        throw new Error(`unknown fault "${name}"; known: ${Object.keys(NO_FAULTS).join(', ')}`);
    }
  }
  return next;
}

/** Headers every client sends: not secrets, never echoed. */
const PLAIN_HEADERS = new Set([
  'host',
  'content-type',
  'content-length',
  'accept',
  'accept-encoding',
  'accept-language',
  'connection',
  'keep-alive',
  'user-agent',
  'transfer-encoding',
  'expect',
  'te',
]);
/** The free-text fields Harness fills with its own words or the caller's data. */
const TEXT_FIELDS = new Set(['message', 'warningMsg', 'payload', 'runtimeInput', 'detailedMessage', 'name']);
const MAX_ECHOED = 64;

/** The caller's X-Api-Key and every other non-standard header value, remembered for echoes. */
export function rememberSecrets(echoed: Set<string>, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (PLAIN_HEADERS.has(name) || value.trim() === '') continue;
    echoed.add(value);
    if (echoed.size > MAX_ECHOED) echoed.delete(echoed.values().next().value ?? '');
  }
}

function echoed(value: unknown, words: string): unknown {
  if (Array.isArray(value)) return value.map((v) => echoed(v, words));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = TEXT_FIELDS.has(k) && typeof v === 'string' ? `${v} [echo: ${words}]` : echoed(v, words);
  return out;
}

/**
 * The `echoSecrets` fault: a careless Harness that repeats what it was sent. Every free-text field
 * of a JSON answer (processing message, payload, runtime input, failure messages, names) gets the
 * remembered secrets appended, as a test of the app's redaction where answers come in.
 */
export function echoSecretsInto(a: Answer, secrets: Set<string>): Answer {
  if (secrets.size === 0 || !a.contentType.includes('json')) return a;
  try {
    return { ...a, body: JSON.stringify(echoed(JSON.parse(a.body), [...secrets].join(' '))) };
  } catch {
    return a;
  }
}
