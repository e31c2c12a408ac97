// How `fire`, `chain`, `status` and `match` report a failure: bad input in one line of plain words
// (or JSON), the usage when an argument is missing, exit code 2. Anything else is a bug: it is
// logged with a reference id in the data folder's log by the same code as the app's
// (electron/dispatch.ts; the backend's replies arrive already logged, desk.ts), and one plain line
// names the id (exit code 1; `match` says 2, "cannot tell", never "no match").
// The log and dispatch are loaded only for a bug, so a command's start does not pay for them.
import { join } from 'node:path';
import { DeskError, type ErrorShape } from '../../shared/errors';
import { redact } from '../../shared/harness/redact';
import type { CliIo } from './status';

/** A reply of the backend that was not ok (desk.ts): already logged by dispatch when internal. */
export class Replied extends Error {
  constructor(readonly shape: ErrorShape) {
    super(shape.message);
  }
}

/** Input the user can fix: a name that matches nothing, a missing argument, a payload file. */
export class BadInput extends Error {
  constructor(
    message: string,
    readonly where?: DeskError['where'],
  ) {
    super(message);
  }
}

function isInputError(e: unknown): e is Error {
  return (
    e instanceof BadInput ||
    e instanceof DeskError ||
    (e instanceof Replied && e.shape.code !== 'internal') ||
    (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
  );
}

interface ReportOptions {
  command: string;
  json: boolean;
  io: CliIo | Pick<CliIo, 'out' | 'err'>;
  dataDir: string;
  secrets?: string[];
  /** The exit code for a bug (default 1). */
  unexpectedExit?: number;
}

function printInternal(error: ErrorShape, logPath: string, o: ReportOptions): number {
  if (o.json) o.io.out(`${JSON.stringify({ error: { ...error, log: logPath } }, null, 2)}\n`);
  else o.io.err(`trigger-desk ${o.command}: ${error.message}\n  log: ${logPath}\n`);
  return o.unexpectedExit ?? 1;
}

/** An unexpected error: logged (redacted, with an id) in `dataDir`'s trigger-desk.log; exit code 1. */
export async function reportUnexpected(e: unknown, o: ReportOptions): Promise<number> {
  const [{ LOG_FILE, openLog }, { errorReply }] = await Promise.all([
    import('../backend/error-log'),
    import('../dispatch'),
  ]);
  // Already logged by dispatch, its reference in the message.
  if (e instanceof Replied) return printInternal(e.shape, join(o.dataDir, LOG_FILE), o);
  const log = openLog(o.dataDir);
  const reply = errorReply(e, `trigger-desk ${o.command}`, log, o.secrets ?? []);
  const error: ErrorShape = reply.ok
    ? { code: 'internal', message: 'Something went wrong inside Trigger Desk.' }
    : reply.error;
  return printInternal(error, log.path, o);
}

function placeOf(e: Error): { where?: DeskError['where']; hint?: string } {
  if (e instanceof Replied) return e.shape;
  if (e instanceof DeskError || e instanceof BadInput) return e;
  return {};
}

export async function reportFailure(e: unknown, o: ReportOptions & { usage: string }): Promise<number> {
  if (!isInputError(e)) return reportUnexpected(e, o);
  const secrets = o.secrets ?? [];
  const message = redact(e.message, secrets);
  const { where, hint } = placeOf(e);
  if (o.json) o.io.out(`${JSON.stringify({ error: { message, ...(where ? { where } : {}) } }, null, 2)}\n`);
  else {
    const usage = e instanceof BadInput && e.message.startsWith('give') ? `\n${o.usage}` : '';
    const parseArgs = e instanceof TypeError ? `\n${o.usage}` : '';
    o.io.err(
      `trigger-desk ${o.command}: ${message}\n${hint ? `  ${redact(hint, secrets)}\n` : ''}${usage}${parseArgs}`,
    );
  }
  return 2;
}
