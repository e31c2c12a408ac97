// How `fire` and `chain` report bad input: one line in plain words (or JSON), the usage when an
// argument is missing, exit code 2. Anything else is a bug and is thrown on.
import { DeskError } from '../../shared/errors';
import { redact } from '../../shared/harness/redact';
import type { CliIo } from './status';

/** Input the user can fix: a name that matches nothing, a missing argument, a payload file. */
export class BadInput extends Error {}

function isInputError(e: unknown): e is Error {
  return e instanceof BadInput || e instanceof DeskError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'));
}

export function reportFailure(e: unknown, o: { command: string; json: boolean; io: CliIo; usage: string; secrets?: string[] }): number {
  if (!isInputError(e)) throw e;
  const message = redact(e.message, o.secrets ?? []);
  if (o.json) o.io.out(`${JSON.stringify({ error: { message } }, null, 2)}\n`);
  else o.io.err(`trigger-desk ${o.command}: ${message}\n${e instanceof BadInput && e.message.startsWith('give') ? `\n${o.usage}` : ''}`);
  return 2;
}
