// The browser-mode host: the built renderer and the contract of shared/api.ts over HTTP on
// 127.0.0.1, for machines where the Electron binary cannot run.
//
// PROTOCOL (the page's side is renderer/web-bridge.ts; keep the two in step)
//   Address   http://127.0.0.1:PORT/#token=TOKEN. TOKEN is 32 random bytes, base64url, new on
//             every launch. The page reads it from location.hash, keeps it in sessionStorage and
//             removes it from the address bar.
//   Every request: Host must be 127.0.0.1:PORT or localhost:PORT; an Origin header, when sent,
//             must be http://127.0.0.1:PORT or http://localhost:PORT. Otherwise 403.
//             No CORS headers are ever sent; OPTIONS (a CORS preflight) answers 405.
//   POST /api/<requestName>
//             headers: x-desk-token: TOKEN (else 401), content-type: application/json
//             body: the request's arguments as JSON (empty body = {}), at most 11 MB (else 413)
//             answer: 200 application/json Reply<Result> = {"ok":true,"value":…} or
//                     {"ok":false,"error":{code,message,where?,hint?}} (errors of the request,
//                     including 'invalid-args' naming the field, are 200s: the call itself worked).
//             Failures of the call itself answer a JSON Reply too, with its status:
//                     400 malformed JSON ('invalid-args'), 401 no/wrong token ('forbidden'),
//                     403 Host/Origin ('forbidden'), 404 unknown request ('unknown-request'),
//                     405 method, 413 too large.
//   GET /api/events
//             headers: x-desk-token: TOKEN (EventSource cannot send headers: read it with fetch)
//             answer: 200 text/event-stream; each backend event as `event: <name>\ndata: <json>\n\n`
//                     (names: shared/api.ts `eventNames`); a `: heartbeat` comment every 15 s.
//             The stream ends when the host closes; the page reconnects and reloads what it shows.
//   GET anything else (no token needed): files of the built renderer with a strict CSP;
//             unknown extension-less paths get index.html; never a directory listing.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Notify } from '../../shared/api';
import type { ErrorCode, Reply } from '../../shared/errors';
import type { Backend } from '../backend/types';
import { errorReply, logToStderr, type Log } from '../dispatch';
import { answerApi, BodyTooLarge, readBody } from './api';
import { SECURITY_HEADERS } from './csp';
import { createEventHub } from './events';
import { checkHostAndOrigin, newToken, tokenMatches } from './guard';
import { staticFiles } from './static';

export interface WebHostOptions {
  /** A promise lets the host serve the page while the backend opens: requests wait for it. */
  backend: Backend | Promise<Backend>;
  rendererDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Default: the backend's log file (trigger-desk.log in the data folder). */
  log?: Log;
  /** Tests shorten the 15 s heartbeat. */
  heartbeatMs?: number;
}

export interface WebHost {
  /** http://127.0.0.1:PORT/#token=TOKEN */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
  broadcast: Notify;
}

const API_PREFIX = '/api/';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startWebHost(o: WebHostOptions): Promise<WebHost> {
  const ready = Promise.resolve(o.backend);
  const log: Log =
    o.log ??
    (o.backend instanceof Promise
      ? (line) =>
          void ready.then(
            (b) => b.log(line),
            () => logToStderr(line),
          )
      : o.backend.log);
  const token = newToken();
  const files = await staticFiles(o.rendererDir);
  const hub = createEventHub(o.heartbeatMs);
  const server = createServer();
  // Filled in once listening; every request arrives after that.
  let port = 0;

  const sendJson = (
    res: ServerResponse,
    status: number,
    reply: Reply<unknown>,
    extra: Record<string, string> = {},
  ): void => {
    const body = JSON.stringify(reply);
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      ...extra,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'no-store',
    });
    res.end(body);
  };
  const refuse = (
    res: ServerResponse,
    status: number,
    code: ErrorCode,
    message: string,
    extra?: Record<string, string>,
  ): void => {
    sendJson(res, status, { ok: false, error: { code, message } }, extra);
  };

  const api = async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    if (!tokenMatches(req, token)) {
      refuse(res, 401, 'forbidden', 'Missing or wrong access token: open the address that `npm run web` printed.');
      return;
    }
    const name = pathname.slice(API_PREFIX.length);
    if (name === 'events') {
      if (req.method === 'GET') hub.open(res, { ...SECURITY_HEADERS });
      else refuse(res, 405, 'invalid-args', 'Use GET for /api/events.', { allow: 'GET' });
      return;
    }
    if (req.method !== 'POST') {
      refuse(res, 405, 'invalid-args', 'Use POST for requests.', { allow: 'POST' });
      return;
    }
    let text: string;
    try {
      text = await readBody(req);
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err;
      refuse(res, 413, 'invalid-args', 'The request is larger than 11 MB.', { connection: 'close' });
      return;
    }
    const backend = await ready;
    const { status, reply } = await answerApi(backend.handlers, decodeName(name), text, log, backend.secrets);
    sendJson(res, status, reply);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refusal = checkHostAndOrigin(req, port);
    if (refusal !== null) {
      refuse(res, 403, 'forbidden', refusal);
      return;
    }
    if (req.method === 'OPTIONS') {
      refuse(res, 405, 'forbidden', 'Cross-origin requests are not accepted.', { allow: 'GET, HEAD, POST' });
      return;
    }
    const pathname = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    if (pathname === '/api' || pathname.startsWith(API_PREFIX)) {
      await api(req, res, pathname);
      return;
    }
    const send = (status: number, headers: Record<string, string>, body = ''): void => {
      res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    await files.serve(req, res, pathname, send, { ...SECURITY_HEADERS });
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      const reply = errorReply(err, `${req.method ?? '?'} ${(req.url ?? '').split('?')[0] ?? ''}`, log);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, reply);
    });
  });
  // A client that stops sending must not hold a socket forever.
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;

  port = await listen(server, o.port ?? 0);

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    broadcast: (event, payload) => hub.broadcast(event, payload),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        hub.closeAll();
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still running (a 30 s fire) would keep the port; the host is going away.
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      });
      return closing;
    },
  };
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
