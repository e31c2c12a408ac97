// Runs one contract request the same way for every host (Electron IPC, web host): check the
// arguments against the request's schema (the only place they are parsed: handlers take them as
// checked), call the handler, and answer a Reply. Nothing is thrown across a boundary: a DeskError
// travels as its shape, its words redacted against the vault's secrets and the request's own. This
// is the one place that turns anything else (a bug, a library's error) into a reply: its details
// go, redacted, to the log with a short reference id, and the page (or the CLI,
// electron/cli/failure.ts) gets plain words and that id.
import { randomBytes } from 'node:crypto';
import { isRequestName, parseArgs, requestSecrets, type Handlers } from '../shared/api';
import { DeskError, type ErrorShape, type Reply } from '../shared/errors';
import { redact } from '../shared/harness/redact';

export type Log = (line: string) => void;
/** The secrets no reply may carry: the vault's (Backend.secrets). */
export type Secrets = () => readonly string[];
const NO_SECRETS: Secrets = () => [];

export function logToStderr(line: string): void {
  process.stderr.write(`trigger-desk: ${line}\n`);
}

/** Crockford's base32 without I, L, O, U: easy to read out and to type into a search. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short id for one logged error, e.g. "7KQ2-9XMD". */
export function referenceId(): string {
  const bytes = randomBytes(8);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % 32] ?? '0';
  return `${id.slice(0, 4)}-${id.slice(4)}`;
}

export function internalMessage(ref: string): string {
  return `Something went wrong inside Trigger Desk (reference ${ref}). The details were written to its log, trigger-desk.log in the data folder.`;
}

/**
 * The Reply for a failure: DeskError → its shape (redacted once more); anything else → 'internal'
 * with a reference id, the details logged. `secrets`: the vault's and what the request itself carried.
 */
export function errorReply(err: unknown, context: string, log: Log, secrets: string[] = []): Reply<never> {
  if (err instanceof DeskError) {
    const shape: ErrorShape = err.toShape();
    shape.message = redact(shape.message, secrets);
    if (shape.hint !== undefined) shape.hint = redact(shape.hint, secrets);
    if (shape.where?.token !== undefined) shape.where = { ...shape.where, token: redact(shape.where.token, secrets) };
    return { ok: false, error: shape };
  }
  const ref = referenceId();
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  log(redact(`error ${ref}: ${context} failed: ${detail}`, secrets));
  return { ok: false, error: { code: 'internal', message: internalMessage(ref) } };
}

/** parseArgs → handler → Reply. `name` is checked too: a transport may hand over any string. */
export async function dispatch(
  handlers: Handlers,
  name: string,
  raw: unknown,
  log: Log = logToStderr,
  secrets: Secrets = NO_SECRETS,
): Promise<Reply<unknown>> {
  if (!isRequestName(name)) {
    return {
      ok: false,
      error: { code: 'unknown-request', message: `There is no request called "${name.slice(0, 80)}".` },
    };
  }
  try {
    const args = parseArgs(name, raw);
    // The cast is the one place the per-name handler table is called generically; parseArgs has
    // just produced exactly the arguments this name's handler takes.
    const handler = handlers[name] as (a: unknown) => Promise<unknown>;
    const value = await handler(args);
    return { ok: true, value };
  } catch (err) {
    return errorReply(err, name, log, [...secrets(), ...requestSecrets(raw)]);
  }
}
