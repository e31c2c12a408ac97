// How `fire` and `chain` report a failure: bad input in one line of plain words (or JSON), the
// usage when an argument is missing, exit code 2. Anything else is a bug: it is logged with a
// reference id in the data folder's log by the same code as the app's (electron/dispatch.ts), and
// one plain line names the id (exit code 1).
import { DeskError } from '../../shared/errors';
import { redact } from '../../shared/harness/redact';
import { openLog } from '../backend/error-log';
import { errorReply } from '../dispatch';
import type { CliIo } from './status';

/** Input the user can fix: a name that matches nothing, a missing argument, a payload file. */
export class BadInput extends Error {}

function isInputError(e: unknown): e is Error {
  return (
    e instanceof BadInput ||
    e instanceof DeskError ||
    (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
  );
}

/** An unexpected error: logged (redacted, with an id) in `dataDir`'s trigger-desk.log; exit code 1. */
export function reportUnexpected(
  e: unknown,
  o: { command: string; json: boolean; io: CliIo; dataDir: string; secrets?: string[] },
): number {
  const log = openLog(o.dataDir);
  const reply = errorReply(e, `trigger-desk ${o.command}`, log, o.secrets ?? []);
  const error = reply.ok ? { code: 'internal', message: 'Something went wrong inside Trigger Desk.' } : reply.error;
  if (o.json) o.io.out(`${JSON.stringify({ error: { ...error, log: log.path } }, null, 2)}\n`);
  else o.io.err(`trigger-desk ${o.command}: ${error.message}\n  log: ${log.path}\n`);
  return 1;
}

export function reportFailure(
  e: unknown,
  o: { command: string; json: boolean; io: CliIo; usage: string; dataDir: string; secrets?: string[] },
): number {
  if (!isInputError(e)) return reportUnexpected(e, o);
  const message = redact(e.message, o.secrets ?? []);
  if (o.json) o.io.out(`${JSON.stringify({ error: { message } }, null, 2)}\n`);
  else
    o.io.err(
      `trigger-desk ${o.command}: ${message}\n${e instanceof BadInput && e.message.startsWith('give') ? `\n${o.usage}` : ''}`,
    );
  return 2;
}
