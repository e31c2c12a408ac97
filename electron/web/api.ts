// POST /api/<name>: read the JSON body (at most 11 MB: a 10 MB payload plus its JSON escaping),
// then the shared dispatch (schema check → handler → Reply).
import type { IncomingMessage } from 'node:http';
import type { Handlers } from '../../shared/api';
import { DeskError, type Reply } from '../../shared/errors';
import { dispatch, errorReply, type Log, type Secrets } from '../dispatch';

export const MAX_REQUEST_BYTES = 11 * 1024 * 1024;

export class BodyTooLarge extends Error {}

/** The request body as text; rejects with BodyTooLarge as soon as it passes `limit`. */
export function readBody(req: IncomingMessage, limit: number = MAX_REQUEST_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON text → arguments; an empty body means "no arguments". */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // Node's message quotes the body, which may hold a key: keep only the position.
    const at = err instanceof Error ? /position (\d+)/.exec(err.message)?.[1] : undefined;
    const where = at === undefined ? {} : { where: { offset: Number(at) } };
    throw new DeskError(
      'invalid-args',
      `The request body is not valid JSON${at === undefined ? '' : ` (at character ${at})`}.`,
      where,
    );
  }
}

/** The Reply and its HTTP status: 400 for a body that is not JSON, 404 for an unknown name, else 200. */
export async function answerApi(
  handlers: Handlers,
  name: string,
  bodyText: string,
  log: Log,
  secrets?: Secrets,
): Promise<{ status: number; reply: Reply<unknown> }> {
  let raw: unknown;
  try {
    raw = parseJsonBody(bodyText);
  } catch (err) {
    return { status: 400, reply: errorReply(err, name, log) };
  }
  const reply = await dispatch(handlers, name, raw, log, secrets);
  return { status: !reply.ok && reply.error.code === 'unknown-request' ? 404 : 200, reply };
}
