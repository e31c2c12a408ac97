// The one HTTP client of the backend (undici): timeouts and proxy from the settings, https only
// (except loopback), capped answers read as text, errors in plain words. Never retries a POST.
import type { Dispatcher } from 'undici';
import { DeskError } from '../../../shared/errors';
import type { Settings } from '../../../shared/model';
import { explainNetError, isCertificateError, NetError } from './errors';
import { createRouter, DIRECT, Dispatchers, type Route, type Router } from './proxy';
import { buildTrust, openTunnel, peekCertificate, type CertSummary, type Trust } from './tls';
import { loadUndici, undiciLoaded, type UndiciModule } from './undici';

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;
export const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;
const RETRY_DELAYS_MS = [300, 1000];
const PEEK_TIMEOUT_MS = 3000;

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** `idempotent`: GET/HEAD only, up to two more tries on a connection failure or a 5xx. Never for a trigger POST. */
  retry?: false | 'idempotent';
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  contentType: string;
  body: string;
  durationMs: number;
}

export interface HttpClient {
  request(o: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

export interface HttpClientOptions {
  /** Electron: session.resolveProxy. Without it, 'system' mode reads HTTPS_PROXY/HTTP_PROXY/NO_PROXY. */
  resolveProxy?: (url: string) => Promise<string>;
  env?: Record<string, string | undefined>;
}

/** https everywhere; http only to this machine. Throws DeskError('insecure-url'). */
export function checkRequestUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DeskError('parse', 'The address is not a valid URL', {
      hint: 'It should look like https://app.harness.io/gateway/...',
    });
  }
  if (u.protocol === 'https:') return u;
  if (u.protocol === 'http:') {
    const h = u.hostname;
    if (h === '127.0.0.1' || h === 'localhost' || h === '[::1]') return u;
    throw new DeskError(
      'insecure-url',
      `http:// is only allowed to this computer (127.0.0.1, localhost); ${u.host} must be reached with https://`,
      {
        hint: 'Use the https:// URL that Harness shows for the trigger.',
      },
    );
  }
  throw new DeskError('insecure-url', `Only https:// addresses can be used (this one starts with ${u.protocol}//)`, {
    hint: 'Use the https:// URL that Harness shows for the trigger.',
  });
}

/** The settings that shape connections, copied: the caller may mutate its settings object in place. */
type NetworkSettings = Pick<Settings, 'connectTimeoutMs' | 'proxyMode' | 'proxyUrl' | 'extraCaPem'>;

interface State {
  network: NetworkSettings;
  router: Router;
  dispatchers: Dispatchers;
  trust: Trust;
  /** A bad extra-CA text stops https requests only: the sandbox on http://127.0.0.1 keeps working. */
  trustError: DeskError | null;
}

function timeoutsOf(s: Settings): { connectTimeoutMs: number; totalTimeoutMs: number } {
  return {
    connectTimeoutMs: s.connectTimeoutMs > 0 ? s.connectTimeoutMs : DEFAULT_CONNECT_TIMEOUT_MS,
    totalTimeoutMs: s.totalTimeoutMs > 0 ? s.totalTimeoutMs : DEFAULT_TOTAL_TIMEOUT_MS,
  };
}

function sameNetwork(a: NetworkSettings, b: Settings): boolean {
  return (
    a.connectTimeoutMs === b.connectTimeoutMs &&
    a.proxyMode === b.proxyMode &&
    a.proxyUrl === b.proxyUrl &&
    a.extraCaPem === b.extraCaPem
  );
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

async function readText(body: Dispatcher.ResponseData['body'], contentType: string): Promise<string> {
  const charset = /;\s*charset="?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (!charset || charset === 'utf-8' || charset === 'utf8') return body.text();
  const bytes = await body.arrayBuffer();
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function untilAborted<T>(value: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    value.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function createHttpClient(getSettings: () => Settings, o: HttpClientOptions = {}): HttpClient {
  const env = o.env ?? process.env;
  let state: State | null = null;
  let closed = false;

  function current(settings: Settings, undici: UndiciModule): State {
    if (state && sameNetwork(state.network, settings)) return state;
    // Settings changed (or first use): new routes and connections; old ones finish what they carry.
    const old = state;
    state = null;
    if (old) void old.dispatchers.close();
    let trust: Trust = { secureContext: undefined, extraCount: 0, system: false };
    let trustError: DeskError | null = null;
    try {
      trust = buildTrust(settings.extraCaPem);
    } catch (e) {
      if (!(e instanceof DeskError)) throw e;
      trustError = e;
    }
    const router = createRouter(settings, { resolveProxy: o.resolveProxy, env });
    const { connectTimeoutMs } = timeoutsOf(settings);
    const dispatchers = new Dispatchers(
      {
        connectTimeoutMs,
        secureContext: trust.secureContext,
        maxResponseSize: MAX_RESPONSE_BYTES,
      },
      undici,
    );
    const network = {
      connectTimeoutMs: settings.connectTimeoutMs,
      proxyMode: settings.proxyMode,
      proxyUrl: settings.proxyUrl,
      extraCaPem: settings.extraCaPem,
    };
    state = { network, router, dispatchers, trust, trustError };
    return state;
  }

  async function certFor(u: URL, route: Route, s: State): Promise<CertSummary | null> {
    const port = Number(u.port) || 443;
    try {
      const socket =
        route.kind === 'proxy'
          ? await openTunnel(route, `${u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname}:${port}`, {
              timeoutMs: PEEK_TIMEOUT_MS,
              secureContext: s.trust.secureContext,
            })
          : undefined;
      return await peekCertificate({
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port,
        socket,
        timeoutMs: PEEK_TIMEOUT_MS,
      });
    } catch {
      return null;
    }
  }

  async function once(u: URL, req: HttpRequest, method: Dispatcher.HttpMethod, started: number): Promise<HttpResponse> {
    const undici = undiciLoaded() ?? (await loadUndici());
    const settings = getSettings();
    const s = current(settings, undici);
    const timeouts = timeoutsOf(settings);
    if (s.trustError && u.protocol === 'https:') throw s.trustError;
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), timeouts.totalTimeoutMs);
    let route: Route = DIRECT;
    try {
      // The total timeout also covers asking the system for a proxy (a PAC script may hang). A route
      // known at once is used without an await, so the request leaves before the caller's next line.
      const chosen = s.router.route(u);
      route = chosen instanceof Promise ? await untilAborted(chosen, ac.signal) : chosen;
      const res = await s.dispatchers.get(route).request({
        origin: u.origin,
        path: `${u.pathname}${u.search}`,
        method,
        headers: req.headers,
        body: req.body ?? null,
        signal: ac.signal,
      });
      const headers = flatHeaders(res.headers);
      const contentType = headers['content-type'] ?? '';
      const body = await readText(res.body, contentType);
      return { status: res.statusCode, headers, contentType, body, durationMs: performance.now() - started };
    } catch (err) {
      const totalTimedOut = ac.signal.aborted;
      const cert =
        !totalTimedOut && u.protocol === 'https:' && isCertificateError(err) ? await certFor(u, route, s) : null;
      throw explainNetError(err, {
        url: u,
        route,
        settings: timeouts,
        totalTimedOut,
        cert,
        maxResponseBytes: MAX_RESPONSE_BYTES,
        method,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async request(req) {
      if (closed) throw new DeskError('internal', 'The HTTP client is closed');
      const started = performance.now();
      const u = checkRequestUrl(req.url);
      const method: Dispatcher.HttpMethod = req.method.toUpperCase();
      const mayRetry = req.retry === 'idempotent' && (method === 'GET' || method === 'HEAD');
      for (let attempt = 0; ; attempt++) {
        const delay = mayRetry ? RETRY_DELAYS_MS[attempt] : undefined;
        try {
          const res = await once(u, req, method, started);
          if (delay === undefined || res.status < 500) return res;
        } catch (err) {
          // Connection-level failures only: a GET may be repeated, a total timeout is not worth waiting for twice.
          if (delay === undefined || !(err instanceof NetError) || !err.retryable) throw err;
        }
        await sleep(delay);
      }
    },
    async close() {
      closed = true;
      const s = state;
      state = null;
      if (s) await s.dispatchers.close();
    },
  };
}
