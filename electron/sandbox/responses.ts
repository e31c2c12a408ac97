// Harness's response envelopes (docs/harness-protocol.md §2): ResponseDTO, ErrorDTO, FailureDTO and the
// access-denied error, plus the pages a gateway or a proxy answers with instead.
import { correlationId } from './ids';
import { BAD_KEY, RATE_LIMITED, WRONG_CONTENT_TYPE } from './uncertain';

export interface Answer {
  status: number;
  contentType: string;
  body: string;
  /** Extra response headers (e.g. Retry-After on a 429). */
  headers?: Record<string, string>;
}

export function json(status: number, value: unknown): Answer {
  return { status, contentType: 'application/json', body: JSON.stringify(value) };
}

/** `metaData` carries the sandbox's own notes (never Harness's fields); null like Harness otherwise. */
export function success(data: unknown, metaData: Record<string, unknown> | null = null): Answer {
  return json(200, { status: 'SUCCESS', data, metaData, correlationId: correlationId() });
}

/** Harness's ErrorDTO; it has no `metadata` field. */
function errorBody(code: string, message: string): Record<string, unknown> {
  return {
    status: 'ERROR',
    code,
    message,
    correlationId: correlationId(),
    detailedMessage: null,
    responseMessages: [{ code, level: 'ERROR', message, exception: null, failureTypes: [] }],
  };
}

export function error(status: number, code: string, message: string): Answer {
  return json(status, errorBody(code, message));
}

/** InvalidRequestException: Harness prefixes the text with "Invalid request: ". */
export function invalidRequest(message: string): Answer {
  return error(400, 'INVALID_REQUEST', `Invalid request: ${message}`);
}

/** A bad, unknown or foreign API key (medium confidence: see uncertain.ts). */
export function invalidToken(): Answer {
  return error(BAD_KEY.status, BAD_KEY.code, BAD_KEY.message);
}

/** Harness's rate limit, with Retry-After (medium confidence: see uncertain.ts). */
export function rateLimited(): Answer {
  return {
    ...error(RATE_LIMITED.status, RATE_LIMITED.code, RATE_LIMITED.message),
    headers: { 'retry-after': String(RATE_LIMITED.retryAfterSeconds) },
  };
}

/** A Content-Type the webhook does not consume (medium confidence: see uncertain.ts). */
export function wrongContentType(): Answer {
  return error(WRONG_CONTENT_TYPE.status, WRONG_CONTENT_TYPE.code, WRONG_CONTENT_TYPE.message);
}

/** A path the API does not have: Jersey's 404, which Harness's mapper answers with HTTP 400. */
export function unknownPath(): Answer {
  return error(400, 'RESOURCE_NOT_FOUND_EXCEPTION', 'HTTP 404 Not Found');
}

/** A known path with another method: 405, with the same code. */
export function wrongMethod(): Answer {
  return error(405, 'RESOURCE_NOT_FOUND_EXCEPTION', 'HTTP 405 Method Not Allowed');
}

export function accessDenied(
  scope: { account: string; org: string; project: string },
  permission: string,
  pipeline: string | null,
): Answer {
  const what = pipeline
    ? `Missing permission ${permission} on pipeline with identifier ${pipeline}`
    : `Missing permission ${permission} on pipeline`;
  return json(403, {
    ...errorBody('NG_ACCESS_DENIED', what),
    failedPermissionChecks: [
      {
        resourceScope: { accountIdentifier: scope.account, orgIdentifier: scope.org, projectIdentifier: scope.project },
        resourceType: 'PIPELINE',
        resourceIdentifier: pipeline,
        permission,
      },
    ],
  });
}

/** Bean validation of query parameters (a missing required one): status FAILURE with errors[]. */
export function missingParams(fields: string[]): Answer {
  const errors = fields.map((fieldId) => ({ fieldId, error: 'must not be null' }));
  return json(400, {
    status: 'FAILURE',
    code: 'INVALID_REQUEST',
    message: errors.map((e) => `${e.fieldId}: ${e.error}`).join(', '),
    correlationId: correlationId(),
    errors,
  });
}

export function notFound(message: string): Answer {
  return error(404, 'RESOURCE_NOT_FOUND_EXCEPTION', message);
}

const GATEWAY_TITLES: Record<number, string> = {
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
};

/** What answers when Harness itself does not: a load balancer's page, or a JSON 500. */
export function serverError(status: number): Answer {
  const title = GATEWAY_TITLES[status];
  if (title !== undefined || status < 500 || status > 599) {
    const text = title ?? `${status} Error`;
    return {
      status,
      contentType: 'text/html',
      body: `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    };
  }
  return error(status, 'UNEXPECTED', 'An error has occurred. Please contact the Harness support team.');
}

/** A TLS-inspecting proxy or captive portal answering in Harness's place. */
export function proxyPage(): Answer {
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html>\n<html><head><title>Access policy</title></head><body><h1>Web access is restricted</h1><p>Your request was intercepted by the corporate web gateway. Sign in to continue.</p></body></html>\n',
  };
}

/** The UI links (uiUrl, uiSetupUrl) land here: the sandbox has no Harness UI. */
export function uiPage(): Answer {
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: "<!DOCTYPE html>\n<html><head><title>Harness sandbox</title></head><body><h1>Harness sandbox</h1><p>This is Trigger Desk's local Harness sandbox. It answers the custom webhook and REST APIs; the Harness web UI is not simulated.</p></body></html>\n",
  };
}

/** Harness's paged answer (PageResponse: the ng API's, the pipeline and trigger lists'): `asked` items a page, at most `max`. */
export function pageOf<T>(
  all: T[],
  page: number,
  asked: number,
  max: number,
): Record<string, unknown> & { content: T[] } {
  const size = Math.max(1, Math.min(asked, max));
  const content = all.slice(page * size, page * size + size);
  return {
    totalPages: Math.ceil(all.length / size),
    totalItems: all.length,
    pageItemCount: content.length,
    pageSize: size,
    content,
    pageIndex: page,
    empty: content.length === 0,
  };
}
