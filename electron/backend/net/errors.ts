// undici / Node network errors → DeskError in plain words: which host, which proxy (credentials
// masked) and where it came from, which certificate, and which setting to change.
import { DeskError, type ErrorCode } from '../../../shared/errors';
import { redact } from '../../../shared/harness/redact';
import type { Settings } from '../../../shared/model';
import type { Route } from './proxy';
import { summarize, type CertSummary } from './tls';
import type { DetailedPeerCertificate } from 'node:tls';

/** A DeskError with a short title, for FireResult.explanation. */
export class NetError extends DeskError {
  readonly title: string;
  /** The connection failed or dropped: safe to try again for a GET, never for the trigger POST. */
  readonly retryable: boolean;
  constructor(code: ErrorCode, title: string, message: string, hint: string, retryable = false) {
    super(code, redact(message), { hint: redact(hint) });
    this.title = title;
    this.retryable = retryable;
  }
}

export interface NetContext {
  url: URL;
  route: Route;
  settings: Pick<Settings, 'connectTimeoutMs' | 'totalTimeoutMs'>;
  /** The client's own total timer fired. */
  totalTimedOut: boolean;
  /** The certificate the server presented, when a TLS check failed and it could be read. */
  cert: CertSummary | null;
  maxResponseBytes: number;
  /** POST: the answer never came, so whether Harness acted is unknown, and the words say so. */
  method: string;
}

interface Raw {
  code: string;
  message: string;
  cert: CertSummary | null;
}

const TLS_VERIFY = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);
const CLOSED = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const SETTINGS = 'Settings → Network';
const ADD_CA = `Add your company's CA certificate in ${SETTINGS} (Extra CA certificates).`;
const MAYBE_SENT =
  "the request may or may not have reached Harness — check the pipeline's executions before firing again";

/** Walks `cause` chains and AggregateErrors (Node's happy-eyeballs) down to the error with a code. */
function unwrap(err: unknown): Raw {
  let e: unknown = err;
  for (let i = 0; i < 5; i++) {
    if (e instanceof AggregateError && e.errors.length > 0) e = e.errors[0];
    else if (e instanceof Error && e.cause !== undefined && (e as { code?: unknown }).code === 'UND_ERR_PRX_TLS')
      e = e.cause;
    else break;
  }
  const obj = (e ?? {}) as { code?: unknown; message?: unknown; cert?: unknown };
  // Node puts the peer certificate on a host-name mismatch error.
  const cert =
    obj.cert && typeof obj.cert === 'object' && 'subject' in obj.cert
      ? summarize(obj.cert as DetailedPeerCertificate)
      : null;
  return {
    code: typeof obj.code === 'string' ? obj.code : '',
    message: typeof obj.message === 'string' ? obj.message : String(e),
    cert,
  };
}

/** True when the error is a failed certificate check: worth a look at the certificate. */
export function isCertificateError(err: unknown): boolean {
  return TLS_VERIFY.has(unwrap(err).code);
}

function secs(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function hostPort(u: URL): string {
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
}

function proxyName(route: Extract<Route, { kind: 'proxy' }>): string {
  return `${route.shown} (from ${route.source})`;
}

function proxyHint(route: Extract<Route, { kind: 'proxy' }>): string {
  if (route.source.includes('manual')) return `Check the proxy address in ${SETTINGS}, or choose "No proxy".`;
  if (route.source.includes('environment')) return `Check ${route.source}, or set the proxy in ${SETTINGS}.`;
  return `Check your system's proxy settings (or PAC file), or set the proxy by hand in ${SETTINGS}.`;
}

function certWords(c: CertSummary | null): string {
  if (!c) return '';
  const parts = [`subject "${c.subject}"`, `issued by "${c.issuer}"`];
  if (c.root && c.root !== c.issuer) parts.push(`chain ending at "${c.root}"`);
  return ` (certificate ${parts.join(', ')})`;
}

function tlsError(raw: Raw, ctx: NetContext): NetError {
  const host = ctx.url.hostname;
  const cert = ctx.cert ?? raw.cert;
  const via =
    ctx.route.kind === 'proxy'
      ? ` A proxy that inspects TLS (${proxyName(ctx.route)}) may be presenting its own certificate.`
      : '';
  switch (raw.code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return new NetError(
        'tls',
        'Self-signed certificate',
        `${host} presented a self-signed certificate${certWords(cert)} that Trigger Desk does not trust.${via}`,
        `If this server is yours, add its certificate in ${SETTINGS} (Extra CA certificates).`,
      );
    case 'CERT_HAS_EXPIRED':
      return new NetError(
        'tls',
        'Certificate expired',
        `The certificate of ${host}${certWords(cert)} has expired${cert ? ` (valid until ${cert.validTo})` : ''}.${via}`,
        "Whoever runs the server must renew it; also check that this computer's date and time are right.",
      );
    case 'CERT_NOT_YET_VALID':
      return new NetError(
        'tls',
        'Certificate not yet valid',
        `The certificate of ${host}${certWords(cert)} is not valid yet${cert ? ` (valid from ${cert.validFrom})` : ''}.`,
        "Check that this computer's date and time are right.",
      );
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH': {
      const names = cert?.altNames ? `: it names ${cert.altNames}` : '';
      return new NetError(
        'tls',
        'Certificate is for another host',
        `The certificate presented by ${host}${certWords(cert)} is not valid for ${host}${names}.${via}`,
        'Use the host name the certificate was issued for (as Harness shows it in the trigger URL), or ask whoever runs the server.',
      );
    }
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_UNTRUSTED':
      return new NetError(
        'tls',
        'Certificate not trusted',
        `The certificate of ${host}${certWords(cert)} is not signed by a certificate authority Trigger Desk trusts.${via}`,
        ADD_CA,
      );
    default:
      return new NetError(
        'tls',
        'Certificate rejected',
        `The certificate of ${host}${certWords(cert)} was rejected (${raw.code}: ${raw.message}).${via}`,
        ADD_CA,
      );
  }
}

function proxyStatus(message: string): number | null {
  const m = /Proxy response \((\d{3})\)|Proxy Authentication Required \((\d{3})\)/.exec(message);
  const s = m?.[1] ?? m?.[2];
  return s ? Number(s) : null;
}

export function explainNetError(err: unknown, ctx: NetContext): DeskError {
  if (err instanceof DeskError) return err;
  const raw = unwrap(err);
  const { url, route } = ctx;
  const target = hostPort(url);
  const code = raw.code;

  if (ctx.totalTimedOut) {
    const maybe = ctx.method === 'POST' ? `: ${MAYBE_SENT}` : '';
    return new NetError(
      'timeout',
      'No answer in time',
      `${url.host} did not answer within the total timeout (${secs(ctx.settings.totalTimeoutMs)})${maybe}.`,
      `If Harness is just slow, raise "Total timeout" in ${SETTINGS}.`,
    );
  }
  if (TLS_VERIFY.has(code)) return tlsError(raw, ctx);

  const status = route.kind === 'proxy' ? proxyStatus(raw.message) : null;
  if (route.kind === 'proxy' && status !== null) {
    if (status === 407) {
      const had = new URL(route.url).username !== '';
      return new NetError(
        'proxy',
        'Proxy needs a password',
        `The proxy ${proxyName(route)} asks for a user name and password (407 Proxy Authentication Required)${had ? ' and refused the ones in the proxy address' : ''}.`,
        `Put them in the proxy address, e.g. http://user:password@proxy:8080. ${proxyHint(route)}`,
      );
    }
    return new NetError(
      'proxy',
      'Proxy refused',
      `The proxy ${proxyName(route)} would not connect to ${target}: it answered ${status}.`,
      `The proxy may block this host or be unable to reach it; ask your network team, or add the host to NO_PROXY. ${proxyHint(route)}`,
    );
  }

  // Through a proxy every TCP connection goes to the proxy, so these name the proxy.
  const connectFailure = [
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
    'ETIMEDOUT',
  ].includes(code);
  if (route.kind === 'proxy' && connectFailure) {
    const p = new URL(route.url);
    let what = `${code}: ${raw.message}`;
    if (code === 'ECONNREFUSED') what = `nothing is listening at ${hostPort(p)}`;
    else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') what = `the name ${p.hostname} could not be found (DNS)`;
    else if (code.includes('TIMEOUT') || code === 'ETIMEDOUT')
      what = `no connection within the connect timeout (${secs(ctx.settings.connectTimeoutMs)})`;
    return new NetError(
      'proxy',
      'Proxy unreachable',
      `Could not reach the proxy ${proxyName(route)} on the way to ${url.host}: ${what}.`,
      proxyHint(route),
    );
  }

  switch (code) {
    case 'ECONNREFUSED':
      return new NetError(
        'network',
        'Nothing is listening',
        `Nothing is listening at ${target}.`,
        'Check the host and port in the trigger URL; a firewall may also refuse the connection.',
        true,
      );
    case 'ENOTFOUND':
      return new NetError(
        'network',
        'Host not found',
        `The name ${url.hostname} could not be found (DNS).`,
        `Check the host in the trigger URL. On a company network you may need the VPN, or a proxy (${SETTINGS}).`,
      );
    case 'EAI_AGAIN':
      return new NetError(
        'network',
        'Name lookup failed',
        `Looking up ${url.hostname} failed for now (DNS did not answer).`,
        'Check your network connection and try again.',
        true,
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new NetError(
        'network',
        'Network unreachable',
        `The network cannot reach ${target}.`,
        `Check your connection or VPN; on a company network you may need a proxy (${SETTINGS}).`,
        true,
      );
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new NetError(
        'timeout',
        'Could not connect in time',
        `Could not connect to ${target} within the connect timeout (${secs(ctx.settings.connectTimeoutMs)}).`,
        `Check the host and your network (VPN, proxy), or raise "Connect timeout" in ${SETTINGS}.`,
        true,
      );
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return new NetError(
        'network',
        'Answer too large',
        `${url.host} answered with more than ${Math.round(ctx.maxResponseBytes / 1048576)} MB; the answer was not read. The request did reach the server.`,
        'This is not how Harness answers a trigger: check that the URL points at Harness.',
      );
    default:
      break;
  }
  if (CLOSED.has(code)) {
    const via = route.kind === 'proxy' ? ` (through the proxy ${proxyName(route)})` : '';
    if (ctx.method !== 'POST')
      return new NetError(
        'network',
        'Connection closed',
        `The connection to ${url.host}${via} was closed before it answered.`,
        'Try again in a moment.',
        true,
      );
    return new NetError(
      'network',
      'Connection closed',
      `The connection to ${url.host}${via} was closed before Harness answered: ${MAYBE_SENT}.`,
      "Check the pipeline's executions in Harness before firing again.",
      true,
    );
  }
  if (code.startsWith('HPE_')) {
    return new NetError(
      'network',
      'Not an HTTP answer',
      `${target} answered with something that is not HTTP (${code}).`,
      'Check the scheme and port in the trigger URL: is that port http or https?',
    );
  }
  if (code.startsWith('ERR_SSL_') || code === 'EPROTO' || code.startsWith('ERR_TLS_')) {
    return new NetError(
      'tls',
      'Secure connection failed',
      `The secure connection to ${target} failed: ${raw.message}.`,
      "Check that the URL's port speaks https; a proxy or firewall may be interfering.",
    );
  }
  return new NetError(
    'network',
    'Request failed',
    `The request to ${url.host} failed: ${code ? `${code}: ` : ''}${raw.message}.`,
    'Check your network connection and the trigger URL.',
  );
}
