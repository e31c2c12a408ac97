// Which certificate authorities the HTTP client trusts, and a look at a server's certificate when
// a TLS check failed (so the error can name the certificate instead of quoting OpenSSL).
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import { DeskError } from '../../../shared/errors';
import type { Route } from './proxy';
import { loadUndici } from './undici';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const WHERE = 'the extra CA certificates in Settings → Network';

export interface Trust {
  /** Built once per settings change: a SecureContext per connection would cost milliseconds. */
  secureContext: tls.SecureContext | undefined;
  /** Number of extra certificates from the settings. */
  extraCount: number;
  /** Whether the operating system's store is included (Node 23.8+ / recent Electron). */
  system: boolean;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Reads PEM text holding one or more CA certificates. Text around the blocks (comments, names) is
 * ignored; a block that is not a certificate, or does not parse, is an error naming its line.
 */
export function parseCaPem(pem: string): X509Certificate[] {
  const certs: X509Certificate[] = [];
  for (const m of pem.matchAll(PEM_BLOCK)) {
    const line = lineOf(pem, m.index);
    const kind = m[1] ?? '';
    if (kind !== 'CERTIFICATE') {
      const what = kind.includes('KEY')
        ? 'a private key, not a certificate: never paste keys here'
        : kind === 'TRUSTED CERTIFICATE'
          ? "OpenSSL's TRUSTED CERTIFICATE form: convert it with `openssl x509 -in ca.crt -out ca.pem`"
          : `a "${kind}" block, not a certificate`;
      throw new DeskError('tls', `Line ${line} of ${WHERE} holds ${what}`, {
        where: { line },
        hint: 'Paste only -----BEGIN CERTIFICATE----- blocks.',
      });
    }
    try {
      certs.push(new X509Certificate(m[0]));
    } catch {
      throw new DeskError(
        'tls',
        `Certificate ${certs.length + 1} (line ${line}) of ${WHERE} is damaged and cannot be read`,
        {
          where: { line },
          hint: 'Copy the certificate again in one piece, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
        },
      );
    }
  }
  if (certs.length === 0 && pem.trim() !== '') {
    const hint = pem.includes('-----BEGIN')
      ? 'A block has no matching -----END ...----- line.'
      : 'Paste the PEM text (-----BEGIN CERTIFICATE----- ...), not a file name or DER bytes.';
    throw new DeskError('tls', `No certificate could be read from ${WHERE}`, { hint });
  }
  return certs;
}

type CaGetter = (type: 'default' | 'system' | 'bundled' | 'extra') => string[];

/** Node 23.8+ and recent Electron expose the OS store; Node 20 only has Mozilla's bundle. */
function systemCaGetter(): CaGetter | null {
  const fn = (tls as unknown as { getCACertificates?: unknown }).getCACertificates;
  return typeof fn === 'function' ? (fn as CaGetter) : null;
}

/** NODE_EXTRA_CA_CERTS is part of Node's defaults but not of `tls.rootCertificates` (Node 20). */
function nodeExtraCerts(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return parseCaPem(readFileSync(file, 'utf8')).map((c) => c.toString());
  } catch {
    return []; // Node itself only warns about an unreadable file.
  }
}

export function buildTrust(extraCaPem: string): Trust {
  const extra = parseCaPem(extraCaPem).map((c) => c.toString());
  const getCa = systemCaGetter();
  if (!getCa && extra.length === 0) return { secureContext: undefined, extraCount: 0, system: false };
  // `ca` replaces Node's defaults, so the defaults are listed again alongside the additions.
  let base: string[] = [...tls.rootCertificates, ...nodeExtraCerts()];
  let system = false;
  if (getCa) {
    try {
      base = [...getCa('default'), ...getCa('system')];
      system = true;
    } catch {
      // A runtime that lists the function but cannot read the store keeps the bundled list.
    }
  }
  return { secureContext: tls.createSecureContext({ ca: [...base, ...extra] }), extraCount: extra.length, system };
}

export interface CertSummary {
  subject: string;
  issuer: string;
  /** Top of the chain the server sent: usually the CA to add. */
  root: string;
  validFrom: string;
  validTo: string;
  altNames: string;
  selfSigned: boolean;
}

function nameOf(n: tls.Certificate | undefined): string {
  if (!n) return '';
  const cn = (n as Partial<tls.Certificate>).CN;
  const o = (n as Partial<tls.Certificate>).O;
  const pick = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));
  return pick(cn) || pick(o);
}

export function summarize(peer: tls.DetailedPeerCertificate): CertSummary {
  let top = peer;
  for (let i = 0; i < 10; i++) {
    // The chain ends where a certificate is its own issuer, or where the server stopped sending.
    const next = top.issuerCertificate as tls.DetailedPeerCertificate | undefined;
    if (!next || next === top || next.fingerprint256 === top.fingerprint256) break;
    top = next;
  }
  const subject = nameOf(peer.subject);
  const issuer = nameOf(peer.issuer);
  return {
    subject,
    issuer,
    root: nameOf(top.issuer),
    validFrom: peer.valid_from,
    validTo: peer.valid_to,
    altNames: (peer.subjectaltname ?? '').replace(/DNS:|IP Address:/g, ''),
    selfSigned: subject === issuer && peer.fingerprint256 === top.fingerprint256,
  };
}

/**
 * Completes a TLS handshake WITHOUT checking the certificate, reads it, and hangs up at once. Used
 * only after a failed check, to explain it; nothing is ever sent over this connection.
 */
export function peekCertificate(o: {
  host: string;
  port: number;
  socket?: Duplex;
  timeoutMs: number;
}): Promise<CertSummary | null> {
  return new Promise((resolve) => {
    const servername = isIP(o.host) ? undefined : o.host;
    const socket = tls.connect({ host: o.host, port: o.port, socket: o.socket, servername, rejectUnauthorized: false });
    const done = (v: CertSummary | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(null), o.timeoutMs);
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate(true);
      done(Object.keys(peer).length > 0 ? summarize(peer) : null);
    });
    socket.once('error', () => done(null));
  });
}

/**
 * A raw tunnel through the proxy to host:port (HTTP CONNECT), for looking at the certificate a
 * server (or a TLS-inspecting proxy) presents. Nothing is sent through it but a TLS handshake.
 */
export async function openTunnel(
  route: Extract<Route, { kind: 'proxy' }>,
  hostPort: string,
  o: { timeoutMs: number; secureContext: tls.SecureContext | undefined },
): Promise<Duplex> {
  const proxy = new URL(route.url);
  const headers: Record<string, string> = { host: hostPort };
  if (proxy.username) {
    const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['proxy-authorization'] = `Basic ${Buffer.from(user).toString('base64')}`;
  }
  const { Client } = await loadUndici();
  const client = new Client(proxy.origin, { connect: { timeout: o.timeoutMs, secureContext: o.secureContext } });
  try {
    const { socket, statusCode } = await client.connect({
      path: hostPort,
      headers,
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    if (statusCode !== 200) {
      socket.destroy();
      throw new Error(`proxy answered ${statusCode}`);
    }
    return socket;
  } finally {
    void client.close().catch(() => undefined);
  }
}
