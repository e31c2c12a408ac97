// The HTTP client under the fire path, against small real servers on 127.0.0.1 that misbehave on purpose.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../electron/backend/net/index';
import { DeskError } from '../../shared/errors';
import type { Settings } from '../../shared/model';
import { closedPort, listenLocal, type Listening } from '../fixtures/servers';

const base: Settings = {
  connectTimeoutMs: 5000,
  totalTimeoutMs: 10_000,
  proxyMode: 'none',
  proxyUrl: '',
  extraCaPem: '',
  theme: 'system',
};
const clients: HttpClient[] = [];
const servers: Listening[] = [];

function client(settings: Partial<Settings> = {}): HttpClient {
  const s = { ...base, ...settings };
  const c = createHttpClient(() => s, { env: {} });
  clients.push(c);
  return c;
}

async function listen(server: Server): Promise<Listening> {
  const listening = await listenLocal(server);
  servers.push(listening);
  return listening;
}

/** A server counting requests; `handle` answers the n-th one (1-based). */
async function counting(
  handle: (n: number, req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; count: () => number }> {
  let n = 0;
  const { port } = await listen(createServer((req, res) => handle(++n, req, res)));
  return { url: `http://127.0.0.1:${port}/x`, count: () => n };
}

async function failure(p: Promise<unknown>): Promise<DeskError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeskError);
  return err as DeskError;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => undefined);

describe('addresses', () => {
  it('http:// only to this computer', async () => {
    const err = await failure(client().request({ method: 'POST', url: 'http://app.harness.io/gateway', headers: {} }));
    expect(err.code).toBe('insecure-url');
    expect(err.message).toBe(
      'http:// is only allowed to this computer (127.0.0.1, localhost); app.harness.io must be reached with https://',
    );
    expect((await failure(client().request({ method: 'GET', url: 'ftp://x.example/', headers: {} }))).code).toBe(
      'insecure-url',
    );
    expect((await failure(client().request({ method: 'GET', url: 'not a url', headers: {} }))).code).toBe('parse');
  });
});

describe('answers', () => {
  it('gives status, flat headers, content type and text; decodes a declared charset', async () => {
    const s = await counting((_n, _req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res
        .writeHead(201, { 'content-type': 'text/plain; charset=iso-8859-1' })
        .end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    });
    const res = await client().request({ method: 'GET', url: s.url, headers: {} });
    expect(res).toMatchObject({ status: 201, contentType: 'text/plain; charset=iso-8859-1', body: 'café' });
    expect(res.headers['set-cookie']).toBe('a=1, b=2');
    expect(res.durationMs).toBeGreaterThan(0);
  });

  it('refuses an answer over 20 MB, saying the request did arrive', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 97);
    const s = await counting((_n, _req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 21; i++) res.write(chunk);
      res.end();
    });
    const err = await failure(client().request({ method: 'GET', url: s.url, headers: {} }));
    expect(err.code).toBe('network');
    expect(err.message).toContain('answered with more than 20 MB');
  });
});

describe('failures in plain words', () => {
  it('nothing listening', async () => {
    const port = await closedPort();
    const err = await failure(
      client().request({ method: 'POST', url: `http://127.0.0.1:${port}/`, headers: {}, body: '{}' }),
    );
    expect(err.code).toBe('network');
    expect(err.message).toBe(`Nothing is listening at 127.0.0.1:${port}.`);
  });

  it('connect timeout names the setting (a TLS handshake that never completes)', async () => {
    const { port } = await listen(createNetServer(() => undefined));
    const started = performance.now();
    const err = await failure(
      client({ connectTimeoutMs: 500 }).request({
        method: 'POST',
        url: `https://127.0.0.1:${port}/`,
        headers: {},
        body: '{}',
      }),
    );
    expect(performance.now() - started).toBeLessThan(3000);
    expect(err.code).toBe('timeout');
    expect(err.message).toBe(`Could not connect to 127.0.0.1:${port} within the connect timeout (0.5 s).`);
    expect(err.hint).toContain('"Connect timeout" in Settings → Network');
  });

  it('total timeout names the setting, also while the body is still coming', async () => {
    const slowHead = await counting((_n, _req, res) => setTimeout(() => res.end('late'), 3000));
    const slowBody = await counting((_n, _req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":');
    });
    for (const url of [slowHead.url, slowBody.url]) {
      const started = performance.now();
      const err = await failure(
        client({ totalTimeoutMs: 1000 }).request({ method: 'POST', url, headers: {}, body: '{}' }),
      );
      expect(performance.now() - started).toBeLessThan(2500);
      expect(err.code).toBe('timeout');
      expect(err.message).toContain(
        'did not answer within the total timeout (1 s): the request may or may not have reached Harness',
      );
      expect(err.hint).toContain('"Total timeout" in Settings → Network');
    }
  });

  it('a reset connection: explained, and the POST is not sent again', async () => {
    const s = await counting((_n, req) => req.socket.resetAndDestroy());
    const err = await failure(
      client().request({ method: 'POST', url: s.url, headers: {}, body: '{}', retry: 'idempotent' }),
    );
    expect(err.code).toBe('network');
    expect(err.message).toBe(
      `The connection to 127.0.0.1:${new URL(s.url).port} was closed before Harness answered: the request may or may not have reached Harness — check the pipeline's executions before firing again.`,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(s.count()).toBe(1);
  });

  it('https to a plain http port is explained', async () => {
    const s = await counting((_n, _req, res) => res.end('x'));
    const err = await failure(client().request({ method: 'GET', url: s.url.replace('http:', 'https:'), headers: {} }));
    expect(err.code).toBe('tls');
    expect(err.message).toContain('The secure connection to 127.0.0.1:');
  });
});

describe('retries', () => {
  it('never by default, not even a GET on 503', async () => {
    const s = await counting((_n, _req, res) => res.writeHead(503).end());
    expect((await client().request({ method: 'GET', url: s.url, headers: {} })).status).toBe(503);
    expect(s.count()).toBe(1);
  });

  it("'idempotent' retries a GET on 5xx and on a dropped connection, at most twice", async () => {
    const flaky = await counting((n, req, res) =>
      n === 1 ? req.socket.destroy() : n === 2 ? res.writeHead(502).end() : res.end('ok'),
    );
    const res = await client().request({ method: 'GET', url: flaky.url, headers: {}, retry: 'idempotent' });
    expect(res.body).toBe('ok');
    expect(flaky.count()).toBe(3);
    const down = await counting((_n, _req, res) => res.writeHead(503).end());
    expect((await client().request({ method: 'GET', url: down.url, headers: {}, retry: 'idempotent' })).status).toBe(
      503,
    );
    expect(down.count()).toBe(3);
  });

  it("'idempotent' never applies to a POST", async () => {
    const s = await counting((_n, _req, res) => res.writeHead(503).end());
    expect(
      (await client().request({ method: 'POST', url: s.url, headers: {}, body: '{}', retry: 'idempotent' })).status,
    ).toBe(503);
    expect(s.count()).toBe(1);
  });
});
