// The sandbox's answers where Harness's behaviour is known only with medium confidence (read from
// its source, not seen on the wire): kept here, in one place, so that a confirmed answer is a
// one-line change. See docs/harness-protocol.md §2 and §10.

/** A POST whose Content-Type the webhook does not consume (not JSON, YAML or plain text). */
export const WRONG_CONTENT_TYPE = {
  status: 500,
  code: 'UNKNOWN_ERROR',
  message: 'Oops, something went wrong on our end. Please contact Harness Support.',
} as const;

/** An X-Api-Key that is sent but unknown, revoked, expired or of another account. */
export const BAD_KEY = { status: 401, code: 'INVALID_TOKEN', message: 'Token is not valid.' } as const;

/** A REST call of the account (organizations, pipelines, ...) without any key: Harness needs one there. */
export const NO_KEY = { status: 401, code: 'INVALID_TOKEN', message: 'Token is not valid.' } as const;

/** Harness's rate limit (HTTP 429): the status and Retry-After are standard; code and words are not confirmed. */
export const RATE_LIMITED = {
  status: 429,
  code: 'TOO_MANY_REQUESTS',
  message: 'Too many requests. Please retry after some time.',
  retryAfterSeconds: 1,
} as const;
