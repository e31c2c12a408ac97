// One error type crosses every boundary (IPC, web host, CLI) as plain data.

export type ErrorCode =
  | 'invalid-args' // a request's arguments failed its schema
  | 'unknown-request'
  | 'not-found'
  | 'parse' // cURL, URL, JSON, YAML or JEXL that cannot be read
  | 'insecure-url' // http:// to a host other than 127.0.0.1/localhost
  | 'invalid-key'
  | 'network'
  | 'timeout'
  | 'tls'
  | 'proxy'
  | 'vault'
  | 'store'
  | 'forbidden' // e.g. openExternal on a URL that is not the trigger's own https host
  | 'internal';

export interface ErrorShape {
  code: ErrorCode;
  /** Plain words, already redacted. */
  message: string;
  /** Where in the input, when there is a place: 1-based line and column, or a token index. */
  where?: { line?: number; column?: number; token?: string; offset?: number };
  /** What the user can do about it. */
  hint?: string;
}

export class DeskError extends Error implements ErrorShape {
  readonly code: ErrorCode;
  readonly where?: ErrorShape['where'];
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, extra: { where?: ErrorShape['where']; hint?: string } = {}) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    if (extra.where) this.where = extra.where;
    if (extra.hint) this.hint = extra.hint;
  }

  toShape(): ErrorShape {
    const shape: ErrorShape = { code: this.code, message: this.message };
    if (this.where) shape.where = this.where;
    if (this.hint) shape.hint = this.hint;
    return shape;
  }
}

/** What a request answers over any transport: never a thrown error, so messages survive IPC intact. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorShape };

/** Whether an answer that crossed a boundary (IPC, HTTP) is a well-formed Reply: every bridge checks with this. */
export function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return true; // a void answer may lose its `value: undefined` in JSON
  return value.ok === false && 'error' in value && isErrorShape(value.error);
}

export function isErrorShape(value: unknown): value is ErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'string' &&
    'message' in value &&
    typeof value.message === 'string'
  );
}
