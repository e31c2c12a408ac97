// Runs one contract request the same way for every host (Electron IPC, web host): check the
// arguments against the request's schema, call the handler, and answer a Reply. Nothing is thrown
// across a boundary: a DeskError travels as its shape; anything else becomes a generic 'internal'
// error whose details go, redacted, to the log only (a stack trace may hold a URL token or a key).
import { isRequestName, parseArgs, type Handlers } from '../shared/api';
import { DeskError, type ErrorShape, type Reply } from '../shared/errors';
import { redact } from '../shared/harness/redact';

export type Log = (line: string) => void;

export const INTERNAL_MESSAGE = 'Something went wrong inside Trigger Desk. The details were written to its log.';

export function logToStderr(line: string): void {
  process.stderr.write(`trigger-desk: ${line}\n`);
}

/** The Reply for a failure: DeskError → its shape (redacted once more); anything else → 'internal'. */
export function errorReply(err: unknown, context: string, log: Log): Reply<never> {
  if (err instanceof DeskError) {
    const shape: ErrorShape = err.toShape();
    shape.message = redact(shape.message);
    if (shape.hint !== undefined) shape.hint = redact(shape.hint);
    return { ok: false, error: shape };
  }
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  log(redact(`${context} failed: ${detail}`));
  return { ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } };
}

/** parseArgs → handler → Reply. `name` is checked too: a transport may hand over any string. */
export async function dispatch(handlers: Handlers, name: string, raw: unknown, log: Log = logToStderr): Promise<Reply<unknown>> {
  if (!isRequestName(name)) {
    return { ok: false, error: { code: 'unknown-request', message: `There is no request called "${name.slice(0, 80)}".` } };
  }
  try {
    const args = parseArgs(name, raw);
    // The cast is the one place the per-name handler table is called generically; parseArgs has
    // just produced exactly the arguments this name's handler takes.
    const handler = handlers[name] as (a: unknown) => Promise<unknown>;
    const value = await handler(args);
    return { ok: true, value };
  } catch (err) {
    return errorReply(err, name, log);
  }
}
