// What curl's options mean to an importer: which carry the request, which take a value that is
// skipped, which are switches, and what to tell the user about the ones that matter.

export type OptionKind =
  | 'method'
  | 'header'
  | 'data'
  | 'data-raw'
  | 'data-urlencode'
  | 'json'
  | 'url'
  | 'get'
  | 'head'
  | 'form'
  | 'upload'
  | 'config'
  | 'skip'
  | 'flag';

export interface OptionInfo {
  kind: OptionKind;
  /** Said once when the option is met, because it changes what Trigger Desk does or what the user expects. */
  note?: string;
}

const TIMEOUT_NOTE =
  "Timeouts come from Settings in Trigger Desk (30 s in total by default); the command's timeout was not imported.";
const TLS_NOTE = 'TLS checks stay on in Trigger Desk; add the CA certificate in Settings instead.';
const PROXY_NOTE = "The proxy comes from Settings (system proxy by default); the command's proxy was not imported.";
const RETRY_NOTE =
  'Trigger Desk never retries a trigger POST on its own: a second POST could start a second deployment.';
const AUTH_NOTE =
  "Harness custom triggers authorize with an X-Api-Key header; the command's user name and password were not imported.";
const CERT_NOTE = "Client certificates are not supported; the command's certificate was not imported.";
const REDIRECT_NOTE = 'Redirects are not followed when firing: Harness answers a trigger URL directly.';

/** Long names, without the leading `--`. */
export const LONG: Record<string, OptionInfo> = {
  'request': { kind: 'method' },
  'header': { kind: 'header' },
  'data': { kind: 'data' },
  'data-ascii': { kind: 'data' },
  'data-binary': { kind: 'data' },
  'data-raw': { kind: 'data-raw' },
  'data-urlencode': { kind: 'data-urlencode' },
  'json': { kind: 'json' },
  'url': { kind: 'url' },
  'get': { kind: 'get' },
  'head': { kind: 'head' },
  'form': { kind: 'form' },
  'form-string': { kind: 'form' },
  'upload-file': { kind: 'upload' },
  'config': { kind: 'config' },
  'user-agent': { kind: 'header' },
  'referer': { kind: 'header' },
  'oauth2-bearer': { kind: 'skip', note: AUTH_NOTE },
  'user': { kind: 'skip', note: AUTH_NOTE },
  'max-time': { kind: 'skip', note: TIMEOUT_NOTE },
  'connect-timeout': { kind: 'skip', note: TIMEOUT_NOTE },
  'expect100-timeout': { kind: 'skip' },
  'retry': { kind: 'skip', note: RETRY_NOTE },
  'retry-delay': { kind: 'skip', note: RETRY_NOTE },
  'retry-max-time': { kind: 'skip', note: RETRY_NOTE },
  'proxy': { kind: 'skip', note: PROXY_NOTE },
  'proxy-user': { kind: 'skip', note: PROXY_NOTE },
  'proxy-header': { kind: 'skip', note: PROXY_NOTE },
  'noproxy': { kind: 'skip', note: PROXY_NOTE },
  'preproxy': { kind: 'skip', note: PROXY_NOTE },
  'socks5': { kind: 'skip', note: PROXY_NOTE },
  'socks5-hostname': { kind: 'skip', note: PROXY_NOTE },
  'cacert': { kind: 'skip', note: "Add the CA certificate in Settings: the command's --cacert file was not imported." },
  'capath': { kind: 'skip', note: "Add the CA certificate in Settings: the command's --capath was not imported." },
  'cert': { kind: 'skip', note: CERT_NOTE },
  'key': { kind: 'skip', note: CERT_NOTE },
  'cert-type': { kind: 'skip' },
  'key-type': { kind: 'skip' },
  'pass': { kind: 'skip' },
  'ciphers': { kind: 'skip' },
  'tls-max': { kind: 'skip' },
  'pinnedpubkey': { kind: 'skip' },
  'resolve': { kind: 'skip' },
  'connect-to': { kind: 'skip' },
  'interface': { kind: 'skip' },
  'local-port': { kind: 'skip' },
  'dns-servers': { kind: 'skip' },
  'doh-url': { kind: 'skip' },
  'unix-socket': { kind: 'skip' },
  'abstract-unix-socket': { kind: 'skip' },
  'output': { kind: 'skip' },
  'output-dir': { kind: 'skip' },
  'write-out': { kind: 'skip' },
  'dump-header': { kind: 'skip' },
  'stderr': { kind: 'skip' },
  'trace': { kind: 'skip' },
  'trace-ascii': { kind: 'skip' },
  'trace-config': { kind: 'skip' },
  'limit-rate': { kind: 'skip' },
  'speed-limit': { kind: 'skip' },
  'speed-time': { kind: 'skip' },
  'max-redirs': { kind: 'skip' },
  'max-filesize': { kind: 'skip' },
  'range': { kind: 'skip' },
  'time-cond': { kind: 'skip' },
  'continue-at': { kind: 'skip' },
  'cookie': { kind: 'skip', note: "Cookies are not sent by Trigger Desk; the command's cookie was not imported." },
  'cookie-jar': { kind: 'skip' },
  'netrc-file': { kind: 'skip' },
  'proto': { kind: 'skip' },
  'proto-default': { kind: 'skip' },
  'proto-redir': { kind: 'skip' },
  'happy-eyeballs-timeout-ms': { kind: 'skip' },
  'keepalive-time': { kind: 'skip' },
  'aws-sigv4': { kind: 'skip', note: AUTH_NOTE },
  'libcurl': { kind: 'skip' },
  'parallel-max': { kind: 'skip' },
  'variable': { kind: 'skip' },
  'ftp-port': { kind: 'skip' },
  'quote': { kind: 'skip' },
  'telnet-option': { kind: 'skip' },
  'insecure': { kind: 'flag', note: TLS_NOTE },
  'location': { kind: 'flag', note: REDIRECT_NOTE },
  'location-trusted': { kind: 'flag', note: REDIRECT_NOTE },
};

/** Switches that take no value: nothing to import, nothing worth saying. */
for (const name of [
  'silent',
  'show-error',
  'verbose',
  'include',
  'compressed',
  'fail',
  'fail-with-body',
  'fail-early',
  'progress-bar',
  'no-progress-meter',
  'no-buffer',
  'buffer',
  'http1.0',
  'http1.1',
  'http2',
  'http2-prior-knowledge',
  'http3',
  'http3-only',
  'ipv4',
  'ipv6',
  'tlsv1',
  'tlsv1.0',
  'tlsv1.1',
  'tlsv1.2',
  'tlsv1.3',
  'sslv2',
  'sslv3',
  'ssl',
  'ssl-reqd',
  'ssl-no-revoke',
  'ssl-revoke-best-effort',
  'ssl-allow-beast',
  'no-keepalive',
  'keepalive',
  'tcp-nodelay',
  'tcp-fastopen',
  'globoff',
  'path-as-is',
  'disable',
  'raw',
  'tr-encoding',
  'junk-session-cookies',
  'netrc',
  'netrc-optional',
  'anyauth',
  'basic',
  'digest',
  'ntlm',
  'negotiate',
  'post301',
  'post302',
  'post303',
  'styled-output',
  'parallel',
  'parallel-immediate',
  'create-dirs',
  'remote-name',
  'remote-name-all',
  'remote-header-name',
  'remote-time',
  'proxytunnel',
  'proxy-insecure',
  'false-start',
  'no-alpn',
  'no-npn',
  'no-sessionid',
  'no-clobber',
  'remove-on-error',
  'skip-existing',
  'manual',
  'version',
  'help',
  'next',
  'retry-all-errors',
  'retry-connrefused',
  'suppress-connect-headers',
  'append',
  'use-ascii',
  'list-only',
  'ca-native',
  'proxy-ca-native',
  'alt-svc',
  'xattr',
  'head-only',
  'show-headers',
])
  LONG[name] ??= { kind: 'flag' };

/** Single letters, without the `-`. */
export const SHORT: Record<string, string> = {
  'X': 'request',
  'H': 'header',
  'd': 'data',
  'F': 'form',
  'T': 'upload-file',
  'G': 'get',
  'I': 'head',
  'K': 'config',
  'A': 'user-agent',
  'e': 'referer',
  'u': 'user',
  'm': 'max-time',
  'x': 'proxy',
  'U': 'proxy-user',
  'E': 'cert',
  'o': 'output',
  'w': 'write-out',
  'D': 'dump-header',
  'r': 'range',
  'z': 'time-cond',
  'C': 'continue-at',
  'b': 'cookie',
  'c': 'cookie-jar',
  'Y': 'speed-limit',
  'y': 'speed-time',
  'k': 'insecure',
  'L': 'location',
  's': 'silent',
  'S': 'show-error',
  'v': 'verbose',
  'i': 'include',
  'f': 'fail',
  '#': 'progress-bar',
  'N': 'no-buffer',
  '0': 'http1.0',
  '4': 'ipv4',
  '6': 'ipv6',
  '1': 'tlsv1',
  'g': 'globoff',
  'q': 'disable',
  'j': 'junk-session-cookies',
  'n': 'netrc',
  'O': 'remote-name',
  'J': 'remote-header-name',
  'R': 'remote-time',
  'p': 'proxytunnel',
  'Z': 'parallel',
  'M': 'manual',
  'V': 'version',
  'h': 'help',
  ':': 'next',
  '2': 'sslv2',
  '3': 'sslv3',
  'a': 'append',
  'B': 'use-ascii',
  'l': 'list-only',
  'P': 'ftp-port',
  'Q': 'quote',
  't': 'telnet-option',
};

/** Header names for the options that are headers in disguise. */
export const HEADER_OF: Record<string, string> = { 'user-agent': 'User-Agent', 'referer': 'Referer' };

/** The option by long name; `--no-x` switches off a switch and is as harmless as `--x`. */
export function lookupLong(name: string): OptionInfo | null {
  const direct = LONG[name];
  if (direct) return direct;
  if (name.startsWith('no-') && LONG[name.slice(3)]?.kind === 'flag') return { kind: 'flag' };
  return null;
}

export function takesValue(info: OptionInfo): boolean {
  return info.kind !== 'flag' && info.kind !== 'get' && info.kind !== 'head';
}

/** A known long name within two edits of `name`, for "did you mean". */
export function closestLong(name: string): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const candidate of Object.keys(LONG)) {
    const d = distance(name, candidate, bestD);
    if (d < bestD) {
      best = candidate;
      bestD = d;
    }
  }
  return best;
}

function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) >= max) return max;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? max) + 1,
        (cur[j - 1] ?? max) + 1,
        (prev[j - 1] ?? max) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] ?? max;
}
