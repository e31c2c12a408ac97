// A small real HTTP proxy on 127.0.0.1: CONNECT tunnels and plain forwarding, optional Basic auth
// (407 without it), and a record of which host:port it carried. `hosts` lets it resolve names the
// test machine cannot (harness.test → 127.0.0.1), so a request that arrives proved it came through here.
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface TestProxy {
  /** Without credentials, even when the proxy wants some. */
  url: string;
  port: number;
  /** host:port of every request carried, in order (CONNECT or forwarded). */
  carried: string[];
  /** Requests refused with 407. */
  refused: number;
  close(): Promise<void>;
}

export interface TestProxyOptions {
  auth?: { user: string; password: string };
  hosts?: Record<string, string>;
}

function authorized(req: IncomingMessage, auth: TestProxyOptions['auth']): boolean {
  if (!auth) return true;
  const expected = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  return req.headers['proxy-authorization'] === expected;
}

function splitHostPort(hostPort: string, fallbackPort: number): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(hostPort);
  return { host: m?.[1] ?? hostPort, port: m?.[2] ? Number(m[2]) : fallbackPort };
}

export async function startTestProxy(o: TestProxyOptions = {}): Promise<TestProxy> {
  const carried: string[] = [];
  const sockets = new Set<Socket>();
  let refused = 0;
  const resolve = (host: string) => o.hosts?.[host] ?? host;

  const server = createServer((req, res) => {
    // Plain forwarding: the request line holds an absolute URL.
    if (!authorized(req, o.auth)) {
      refused++;
      res
        .writeHead(407, { 'proxy-authenticate': 'Basic realm="test"', 'content-type': 'text/plain' })
        .end('proxy auth required');
      return;
    }
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URL expected');
      return;
    }
    carried.push(target.host);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest(
      {
        host: resolve(target.hostname),
        port: Number(target.port) || 80,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end('bad gateway'));
    req.pipe(upstream);
  });

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (!authorized(req, o.auth)) {
      refused++;
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const hostPort = req.url ?? '';
    carried.push(hostPort);
    const { host, port } = splitHostPort(hostPort, 443);
    const upstream = connect(port, resolve(host));
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      else client.destroy();
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    carried,
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
