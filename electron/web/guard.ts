// Who may talk to the web host. It listens on 127.0.0.1 only, but any web page the user visits can
// still make the browser send requests there, so three checks stand between a request and the API:
// - Host must name this server (127.0.0.1:PORT or localhost:PORT): a DNS-rebinding page sends its
//   own host name, so it is refused even though its requests arrive here.
// - Origin, when the browser sends one, must be this server's own origin.
// - x-desk-token must carry the per-launch token (API only; the static page needs none: it learns
//   the token from the address the user opened).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/** Refusal reason for a request from somewhere other than this server's own page, or null. */
export function checkHostAndOrigin(req: IncomingMessage, port: number): string | null {
  const host = req.headers.host?.toLowerCase();
  if (host === undefined || !allowedHosts(port).has(host)) {
    return `The Host header "${(host ?? '').slice(0, 100)}" is not this server (127.0.0.1:${port}).`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return `Requests from the page at "${origin.slice(0, 100)}" are not accepted.`;
  }
  return null;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time comparison; both sides are hashed first so their lengths always agree. */
export function tokenMatches(req: IncomingMessage, token: string): boolean {
  const sent = req.headers['x-desk-token'];
  if (typeof sent !== 'string' || sent.length === 0) return false;
  return timingSafeEqual(digest(sent), digest(token));
}
