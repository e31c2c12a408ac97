// Proxy routing through a real local proxy. The https server is reached as `harness.test`, a name
// only the proxy can resolve: an answer from it proves the request went through the proxy.
import { createServer as createHttpServer } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../electron/backend/net/index';
import { matchesNoProxy, routeFromPac } from '../../electron/backend/net/index';
import { DeskError } from '../../shared/errors';
import type { Settings } from '../../shared/model';
import { makeTestCa, type TestCa } from '../fixtures/certs';
import { startTestProxy, type TestProxy } from '../fixtures/proxy-server';
import { closedPort as freshClosedPort, listenLocal, serveTls, type Listening } from '../fixtures/servers';

let ca: TestCa;
let tlsServer: Listening;
let plainServer: Listening;
let tlsPort: number;
let plainUrl: string;
let proxy: TestProxy;
let authProxy: TestProxy;
let closedPort: number;
const clients: HttpClient[] = [];
const hosts = { 'harness.test': '127.0.0.1' };
const target = () => `https://harness.test:${tlsPort}/gateway/ping`;

function client(settings: Partial<Settings>, o: HttpClientOptions = {}): HttpClient {
  const s: Settings = {
    connectTimeoutMs: 5000,
    totalTimeoutMs: 10_000,
    proxyMode: 'system',
    proxyUrl: '',
    extraCaPem: ca.caPem,
    theme: 'system',
    ...settings,
  };
  const c = createHttpClient(() => s, { env: {}, ...o });
  clients.push(c);
  return c;
}

async function failure(p: Promise<unknown>): Promise<DeskError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeskError);
  return err as DeskError;
}

beforeAll(async () => {
  ca = makeTestCa('Proxy Test CA');
  const pair = ca.issue({ names: ['harness.test', '127.0.0.1'] });
  tlsServer = await serveTls(pair, (req, res) =>
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`tls ${req.headers.host ?? ''}`),
  );
  plainServer = await listenLocal(createHttpServer((_req, res) => res.end('plain')));
  tlsPort = tlsServer.port;
  plainUrl = `http://127.0.0.1:${plainServer.port}/`;
  proxy = await startTestProxy({ hosts });
  authProxy = await startTestProxy({ hosts, auth: { user: 'alice', password: 's3cr3t-pw' } });
  closedPort = await freshClosedPort();
});

beforeEach(() => {
  proxy.carried.length = 0;
  authProxy.carried.length = 0;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all([proxy.close(), authProxy.close()]);
  await Promise.all([tlsServer.close(), plainServer.close()]);
  ca.cleanup();
});

describe('manual proxy setting', () => {
  it('carries https through the proxy with CONNECT', async () => {
    const res = await client({ proxyMode: 'manual', proxyUrl: proxy.url }).request({
      method: 'POST',
      url: target(),
      headers: {},
      body: '{}',
    });
    expect(res.body).toBe(`tls harness.test:${tlsPort}`);
    expect(proxy.carried).toEqual([`harness.test:${tlsPort}`]);
  });

  it('without the proxy the same host cannot be reached', async () => {
    const err = await failure(client({ proxyMode: 'none' }).request({ method: 'GET', url: target(), headers: {} }));
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/harness\.test/);
    expect(proxy.carried).toEqual([]);
  });

  it('never sends loopback (the sandbox) through the proxy', async () => {
    const res = await client({ proxyMode: 'manual', proxyUrl: proxy.url }).request({
      method: 'GET',
      url: plainUrl,
      headers: {},
    });
    expect(res.body).toBe('plain');
    expect(proxy.carried).toEqual([]);
  });

  it('an unreachable proxy is named, with its credentials masked and where it came from', async () => {
    const err = await failure(
      client({ proxyMode: 'manual', proxyUrl: `http://bob:hunter22@127.0.0.1:${closedPort}` }).request({
        method: 'GET',
        url: target(),
        headers: {},
      }),
    );
    expect(err.code).toBe('proxy');
    expect(err.message).toBe(
      `Could not reach the proxy http://***:***@127.0.0.1:${closedPort} (from the manual proxy setting) on the way to harness.test:${tlsPort}: nothing is listening at 127.0.0.1:${closedPort}.`,
    );
    expect(`${err.message} ${err.hint ?? ''}`).not.toContain('hunter22');
  });

  it('a proxy that cannot reach the host says so', async () => {
    const err = await failure(
      client({ proxyMode: 'manual', proxyUrl: proxy.url }).request({
        method: 'GET',
        url: `https://harness.test:${closedPort}/`,
        headers: {},
      }),
    );
    expect(err.code).toBe('proxy');
    expect(err.message).toContain(`would not connect to harness.test:${closedPort}: it answered 502`);
  });

  it('a SOCKS proxy is refused in plain words', async () => {
    const err = await failure(
      client({ proxyMode: 'manual', proxyUrl: 'socks5://127.0.0.1:1080' }).request({
        method: 'GET',
        url: target(),
        headers: {},
      }),
    );
    expect(err.code).toBe('proxy');
    expect(err.message).toContain('is a SOCKS proxy, which Trigger Desk does not support');
  });
});

describe('proxy authentication (407)', () => {
  it('no credentials: explained, naming the setting', async () => {
    const err = await failure(
      client({ proxyMode: 'manual', proxyUrl: authProxy.url }).request({ method: 'GET', url: target(), headers: {} }),
    );
    expect(err.code).toBe('proxy');
    expect(err.message).toBe(
      `The proxy ${authProxy.url} (from the manual proxy setting) asks for a user name and password (407 Proxy Authentication Required).`,
    );
    expect(err.hint).toContain('http://user:password@proxy:8080');
  });

  it('wrong credentials: refused, and the password never appears', async () => {
    const url = authProxy.url.replace('//', '//alice:wrong-pw@');
    const err = await failure(
      client({ proxyMode: 'manual', proxyUrl: url }).request({ method: 'GET', url: target(), headers: {} }),
    );
    expect(err.message).toContain('refused the ones in the proxy address');
    expect(err.message).toContain('http://***:***@127.0.0.1');
    expect(JSON.stringify(err.toShape())).not.toContain('wrong-pw');
  });

  it('right credentials: through', async () => {
    const url = authProxy.url.replace('//', '//alice:s3cr3t-pw@');
    const res = await client({ proxyMode: 'manual', proxyUrl: url }).request({
      method: 'GET',
      url: target(),
      headers: {},
    });
    expect(res.status).toBe(200);
    expect(authProxy.carried).toEqual([`harness.test:${tlsPort}`]);
  });
});

describe("'system' mode without Electron: HTTPS_PROXY / NO_PROXY", () => {
  it('honours HTTPS_PROXY', async () => {
    const res = await client({}, { env: { HTTPS_PROXY: proxy.url } }).request({
      method: 'GET',
      url: target(),
      headers: {},
    });
    expect(res.status).toBe(200);
    expect(proxy.carried).toEqual([`harness.test:${tlsPort}`]);
  });

  it('honours lower-case https_proxy before HTTPS_PROXY, and names it in errors', async () => {
    const err = await failure(
      client({}, { env: { https_proxy: `127.0.0.1:${closedPort}`, HTTPS_PROXY: proxy.url } }).request({
        method: 'GET',
        url: target(),
        headers: {},
      }),
    );
    expect(err.message).toContain(
      `(from the https_proxy environment variable) on the way to harness.test:${tlsPort}: nothing is listening at 127.0.0.1:${closedPort}`,
    );
    expect(err.hint).toContain('Check the https_proxy environment variable');
  });

  it('honours NO_PROXY (the host is then reached directly, which fails here)', async () => {
    for (const noProxy of ['harness.test', '.test', `harness.test:${tlsPort}`, 'localhost,*']) {
      const err = await failure(
        client({}, { env: { HTTPS_PROXY: proxy.url, NO_PROXY: noProxy } }).request({
          method: 'GET',
          url: target(),
          headers: {},
        }),
      );
      expect(err.code).toBe('network');
    }
    expect(proxy.carried).toEqual([]);
    const res = await client({}, { env: { HTTPS_PROXY: proxy.url, no_proxy: 'harness.test:1' } }).request({
      method: 'GET',
      url: target(),
      headers: {},
    });
    expect(res.status).toBe(200);
    expect(proxy.carried).toHaveLength(1);
  });

  it("'none' ignores HTTPS_PROXY", async () => {
    await failure(
      client({ proxyMode: 'none' }, { env: { HTTPS_PROXY: proxy.url } }).request({
        method: 'GET',
        url: target(),
        headers: {},
      }),
    );
    expect(proxy.carried).toEqual([]);
  });

  it('NO_PROXY matching follows curl', () => {
    expect(matchesNoProxy('api.harness.test', 443, 'harness.test')).toBe(true);
    expect(matchesNoProxy('notharness.test', 443, 'harness.test')).toBe(false);
    expect(matchesNoProxy('a.b.example', 443, '*.b.example')).toBe(true);
    expect(matchesNoProxy('10.2.3.4', 443, '192.168.0.0/16, 10.0.0.0/8')).toBe(true);
    expect(matchesNoProxy('11.2.3.4', 443, '10.0.0.0/8')).toBe(false);
    expect(matchesNoProxy('host.example', 8443, 'host.example:443')).toBe(false);
  });
});

describe("'system' mode in Electron: session.resolveProxy", () => {
  it('follows a PAC answer, asking only about the origin', async () => {
    const asked: string[] = [];
    const resolveProxy = (url: string) => {
      asked.push(url);
      return Promise.resolve(`PROXY 127.0.0.1:${proxy.port}; DIRECT`);
    };
    const c = client({}, { resolveProxy, env: { HTTPS_PROXY: `127.0.0.1:${closedPort}` } });
    await c.request({ method: 'GET', url: `${target()}?token=x`, headers: {} });
    await c.request({ method: 'GET', url: target(), headers: {} });
    expect(proxy.carried).toEqual([`harness.test:${tlsPort}`, `harness.test:${tlsPort}`]);
    expect(asked).toEqual([`https://harness.test:${tlsPort}/`]);
  });

  it('DIRECT goes direct', async () => {
    await failure(
      client({}, { resolveProxy: () => Promise.resolve('DIRECT') }).request({
        method: 'GET',
        url: target(),
        headers: {},
      }),
    );
    expect(proxy.carried).toEqual([]);
  });

  it('a SOCKS-only answer is refused in plain words', async () => {
    const err = await failure(
      client({}, { resolveProxy: () => Promise.resolve('SOCKS5 10.0.0.1:1080') }).request({
        method: 'GET',
        url: target(),
        headers: {},
      }),
    );
    expect(err.code).toBe('proxy');
    expect(err.message).toBe(
      `The system proxy settings send harness.test:${tlsPort} through a SOCKS proxy (SOCKS5 10.0.0.1:1080), which Trigger Desk does not support`,
    );
  });

  it('reads every PAC entry kind', () => {
    expect(routeFromPac('HTTPS proxy.corp:443', 'h')).toMatchObject({
      kind: 'proxy',
      url: 'https://proxy.corp/',
      source: 'the system proxy settings',
    });
    expect(routeFromPac('SOCKS5 s:1; PROXY p.corp:3128', 'h')).toMatchObject({ url: 'http://p.corp:3128/' });
    expect(routeFromPac('', 'h')).toEqual({ kind: 'direct' });
  });

  it('the certificate a TLS-inspecting proxy would show is read through the tunnel', async () => {
    const err = await failure(
      client({ proxyMode: 'manual', proxyUrl: proxy.url, extraCaPem: '' }).request({
        method: 'GET',
        url: target(),
        headers: {},
      }),
    );
    expect(err.code).toBe('tls');
    expect(err.message).toContain('issued by "Proxy Test CA"');
    expect(err.message).toContain(`A proxy that inspects TLS (${proxy.url} (from the manual proxy setting))`);
  });
});
