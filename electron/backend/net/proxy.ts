// Which way a request goes: direct, or through which proxy, and where that choice came from.
// manual setting > system (Electron's session.resolveProxy, PAC included) > HTTPS_PROXY/NO_PROXY.
import { BlockList, isIP } from 'node:net';
import type { SecureContext } from 'node:tls';
import type { Agent, Dispatcher, ProxyAgent } from 'undici';
import { DeskError } from '../../../shared/errors';
import type { Settings } from '../../../shared/model';
import type { UndiciModule } from './undici';

export type Route =
  | { kind: 'direct' }
  | {
      kind: 'proxy';
      /** With credentials: only ever handed to undici. */
      url: string;
      /** For messages: credentials masked. */
      shown: string;
      /** Where the proxy came from, in words: "the manual proxy setting", "the HTTPS_PROXY environment variable"... */
      source: string;
    };

export const DIRECT: Route = { kind: 'direct' };

const SETTINGS_HINT = 'Settings → Network';

/** Loopback never goes through a proxy: a proxy's own 127.0.0.1 is not ours (the sandbox lives here). */
export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return (
    h === 'localhost' || h.endsWith('.localhost') || h === '[::1]' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h)
  );
}

/** `http://user:secret@proxy:8080` → `http://***:***@proxy:8080`. Works on text that is not a URL too. */
export function redactProxyUrl(raw: string): string {
  return raw.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)?[^/@\s]*@/i,
    (_m, scheme: string | undefined) => `${scheme ?? ''}***:***@`,
  );
}

/** Checks a proxy address; a bare `host:port` means http. SOCKS is refused in plain words. */
export function proxyRoute(raw: string, source: string): Route {
  const text = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  const shown = redactProxyUrl(withScheme);
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new DeskError('proxy', `The proxy address "${redactProxyUrl(text)}" from ${source} is not a valid address`, {
      hint: `Write it as http://host:port (or http://user:password@host:port) in ${SETTINGS_HINT}.`,
    });
  }
  if (u.protocol.startsWith('socks')) {
    throw new DeskError(
      'proxy',
      `The proxy ${shown} from ${source} is a SOCKS proxy, which Trigger Desk does not support`,
      {
        hint: `Use an HTTP proxy instead (manual proxy in ${SETTINGS_HINT}), or choose "No proxy".`,
      },
    );
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new DeskError(
      'proxy',
      `The proxy ${shown} from ${source} uses ${u.protocol}, which Trigger Desk does not support`,
      {
        hint: 'Proxy addresses start with http:// or https://.',
      },
    );
  }
  if (!u.hostname)
    throw new DeskError('proxy', `The proxy address ${shown} from ${source} has no host`, {
      hint: `Write it as http://host:port in ${SETTINGS_HINT}.`,
    });
  return { kind: 'proxy', url: u.href, shown, source };
}

/**
 * Reads Chromium's answer to resolveProxy ("PROXY h:p; HTTPS h:p; SOCKS5 h:p; DIRECT") and takes
 * the first entry Trigger Desk can use.
 */
export function routeFromPac(answer: string, target: string): Route {
  const source = 'the system proxy settings';
  const socks: string[] = [];
  for (const entry of answer.split(';')) {
    const [kind = '', hostPort = ''] = entry.trim().split(/\s+/);
    const k = kind.toUpperCase();
    if (k === '') continue;
    if (k === 'DIRECT') return DIRECT;
    if ((k === 'PROXY' || k === 'HTTP') && hostPort) return proxyRoute(`http://${hostPort}`, source);
    if (k === 'HTTPS' && hostPort) return proxyRoute(`https://${hostPort}`, source);
    if (k.startsWith('SOCKS')) socks.push(entry.trim());
  }
  if (socks.length > 0) {
    throw new DeskError(
      'proxy',
      `The system proxy settings send ${target} through a SOCKS proxy (${socks.join('; ')}), which Trigger Desk does not support`,
      {
        hint: `Set an HTTP proxy as a manual proxy in ${SETTINGS_HINT}, or choose "No proxy".`,
      },
    );
  }
  return DIRECT;
}

/** curl-style NO_PROXY: `*`, names (a leading `.` or `*.` is ignored, subdomains match), `:port`, CIDR. */
export function matchesNoProxy(hostname: string, port: number, noProxy: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    if (entry.includes('/')) {
      const [net = '', bits = ''] = entry.split('/');
      const family = isIP(net);
      if (family !== 0 && isIP(host) === family) {
        const list = new BlockList();
        try {
          list.addSubnet(net, Number(bits), family === 6 ? 'ipv6' : 'ipv4');
          if (list.check(host, family === 6 ? 'ipv6' : 'ipv4')) return true;
        } catch {
          // A malformed CIDR entry matches nothing, as in curl.
        }
      }
      continue;
    }
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[(.*)\](:\d+)?$/, '$1$2'));
    const name = (m?.[1] ?? entry).replace(/^\*?\./, '');
    if (m?.[2] && Number(m[2]) !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

type Env = Record<string, string | undefined>;

function firstEnv(env: Env, names: string[]): { name: string; value: string } | null {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return { name, value };
  }
  return null;
}

/** HTTPS_PROXY (https) or HTTP_PROXY (http, and https when HTTPS_PROXY is unset), unless NO_PROXY says otherwise. */
export function routeFromEnv(u: URL, env: Env): Route {
  const noProxy = firstEnv(env, ['no_proxy', 'NO_PROXY']);
  const port = Number(u.port) || (u.protocol === 'https:' ? 443 : 80);
  if (noProxy && matchesNoProxy(u.hostname, port, noProxy.value)) return DIRECT;
  const names =
    u.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const found = firstEnv(env, names);
  return found ? proxyRoute(found.value, `the ${found.name} environment variable`) : DIRECT;
}

const PAC_TTL_MS = 60_000;

export interface Router {
  route(u: URL): Route | Promise<Route>;
}

/** One router per settings snapshot: routes are cached per origin (PAC answers for a minute). */
export function createRouter(
  settings: Pick<Settings, 'proxyMode' | 'proxyUrl'>,
  o: { resolveProxy?: ((url: string) => Promise<string>) | undefined; env: Env },
): Router {
  if (settings.proxyMode === 'none') return { route: () => DIRECT };
  if (settings.proxyMode === 'manual') {
    // A bad address fails only the requests that would use it: the sandbox on 127.0.0.1 keeps working.
    let manual: Route | DeskError;
    try {
      manual =
        settings.proxyUrl.trim() === ''
          ? new DeskError('proxy', 'Proxy is set to "manual" but no proxy address is given', {
              hint: `Enter the proxy address in ${SETTINGS_HINT}, or choose "System" or "No proxy".`,
            })
          : proxyRoute(settings.proxyUrl, 'the manual proxy setting');
    } catch (e) {
      if (!(e instanceof DeskError)) throw e;
      manual = e;
    }
    const chosen = manual;
    return {
      route(u) {
        if (isLoopback(u.hostname)) return DIRECT;
        if (chosen instanceof DeskError) throw chosen;
        return chosen;
      },
    };
  }
  const resolveProxy = o.resolveProxy;
  if (!resolveProxy) {
    const cache = new Map<string, Route>();
    return {
      route(u) {
        if (isLoopback(u.hostname)) return DIRECT;
        let r = cache.get(u.origin);
        if (!r) {
          r = routeFromEnv(u, o.env); // throws for a SOCKS or malformed variable: not cached, said every time
          cache.set(u.origin, r);
        }
        return r;
      },
    };
  }
  const pac = new Map<string, { at: number; route: Promise<Route> }>();
  return {
    route(u) {
      if (isLoopback(u.hostname)) return DIRECT;
      const hit = pac.get(u.origin);
      if (hit && Date.now() - hit.at < PAC_TTL_MS) return hit.route;
      // Only the origin is asked about: the path of a v3 URL holds the trigger's token.
      const route = resolveProxy(`${u.origin}/`).then(
        (answer) => routeFromPac(answer, u.host),
        (e: unknown) => {
          pac.delete(u.origin);
          throw new DeskError(
            'proxy',
            `Could not ask the system which proxy serves ${u.host}: ${e instanceof Error ? e.message : String(e)}`,
            {
              hint: `Set the proxy by hand in ${SETTINGS_HINT} (manual), or choose "No proxy".`,
            },
          );
        },
      );
      pac.set(u.origin, { at: Date.now(), route });
      return route;
    },
  };
}

export interface DispatcherOptions {
  connectTimeoutMs: number;
  secureContext: SecureContext | undefined;
  maxResponseSize: number;
}

/**
 * One keep-alive Agent for direct requests and one ProxyAgent per proxy URL, for one settings
 * snapshot. Header and body timeouts are off: the client's own total timeout governs.
 */
export class Dispatchers {
  readonly #o: DispatcherOptions;
  readonly #undici: UndiciModule;
  readonly #direct: Agent;
  readonly #proxies = new Map<string, ProxyAgent>();

  constructor(o: DispatcherOptions, undici: UndiciModule) {
    this.#o = o;
    this.#undici = undici;
    const connect = { timeout: o.connectTimeoutMs, secureContext: o.secureContext };
    this.#direct = new undici.Agent({ connect, maxResponseSize: o.maxResponseSize, headersTimeout: 0, bodyTimeout: 0 });
  }

  get(route: Route): Dispatcher {
    if (route.kind === 'direct') return this.#direct;
    let agent = this.#proxies.get(route.url);
    if (!agent) {
      const tlsOptions = { timeout: this.#o.connectTimeoutMs, secureContext: this.#o.secureContext };
      agent = new this.#undici.ProxyAgent({
        uri: route.url,
        proxyTls: tlsOptions,
        requestTls: tlsOptions,
        maxResponseSize: this.#o.maxResponseSize,
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      this.#proxies.set(route.url, agent);
    }
    return agent;
  }

  /** Lets requests in flight finish, then closes every connection. */
  async close(): Promise<void> {
    await Promise.allSettled([this.#direct.close(), ...[...this.#proxies.values()].map((a) => a.close())]);
  }
}
