// The HTTP client against real https servers whose certificates come from a private CA made here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../electron/backend/net/index';
import { parseCaPem } from '../../electron/backend/net/index';
import { DeskError } from '../../shared/errors';
import type { Settings } from '../../shared/model';
import { makeTestCa, type KeyPair, type TestCa } from '../fixtures/certs';
import { serveTls, type Listening } from '../fixtures/servers';

const base: Settings = {
  connectTimeoutMs: 5000,
  totalTimeoutMs: 10_000,
  proxyMode: 'none',
  proxyUrl: '',
  extraCaPem: '',
  theme: 'system',
};

async function serve(pair: KeyPair): Promise<{ url: string; server: Listening }> {
  const server = await serveTls(pair);
  return { url: `${server.url}/ping`, server };
}

async function failure(p: Promise<unknown>): Promise<DeskError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeskError);
  return err as DeskError;
}

let ca: TestCa;
let otherCa: TestCa;
const servers: Listening[] = [];
const clients: HttpClient[] = [];
let good: string;

function client(settings: Partial<Settings>): HttpClient {
  const s = { ...base, ...settings };
  const c = createHttpClient(() => s);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  ca = makeTestCa('Acme Internal Root CA');
  otherCa = makeTestCa('Someone Else CA');
  const s = await serve(ca.issue());
  servers.push(s.server);
  good = s.url;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  ca.cleanup();
  otherCa.cleanup();
});

describe('private CA', () => {
  it('is refused without the CA, naming the host, the certificate and what to set', async () => {
    const err = await failure(client({}).request({ method: 'GET', url: good, headers: {} }));
    expect(err.code).toBe('tls');
    expect(err.message).toContain('127.0.0.1');
    expect(err.message).toContain('not signed by a certificate authority Trigger Desk trusts');
    expect(err.message).toContain('issued by "Acme Internal Root CA"');
    expect(err.hint).toContain("Add your company's CA certificate in Settings → Network");
  });

  it('is accepted with the CA in settings.extraCaPem', async () => {
    const res = await client({ extraCaPem: `# our root\n${ca.caPem}` }).request({
      method: 'GET',
      url: good,
      headers: {},
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('{"ok":true}');
  });

  it('picks up a CA added to the settings while the client is in use', async () => {
    const settings = { ...base };
    const c = createHttpClient(() => settings);
    clients.push(c);
    expect((await failure(c.request({ method: 'GET', url: good, headers: {} }))).code).toBe('tls');
    settings.extraCaPem = ca.caPem;
    expect((await c.request({ method: 'GET', url: good, headers: {} })).status).toBe(200);
  });

  it('another CA in the settings does not make it trusted', async () => {
    const err = await failure(client({ extraCaPem: otherCa.caPem }).request({ method: 'GET', url: good, headers: {} }));
    expect(err.code).toBe('tls');
  });
});

describe('bad certificates', () => {
  it('an expired certificate is explained with its end date', async () => {
    const s = await serve(ca.issue({ expired: true }));
    servers.push(s.server);
    const err = await failure(client({ extraCaPem: ca.caPem }).request({ method: 'GET', url: s.url, headers: {} }));
    expect(err.code).toBe('tls');
    expect(err.message).toMatch(/certificate of 127\.0\.0\.1 .*has expired \(valid until .+GMT\)/);
  });

  it('a certificate for another host names the host it is for', async () => {
    const s = await serve(ca.issue({ names: ['harness.other.example'] }));
    servers.push(s.server);
    const err = await failure(client({ extraCaPem: ca.caPem }).request({ method: 'GET', url: s.url, headers: {} }));
    expect(err.code).toBe('tls');
    expect(err.message).toContain('is not valid for 127.0.0.1: it names harness.other.example');
  });

  it('a self-signed certificate is called that', async () => {
    const s = await serve(ca.selfSigned({ cn: 'my-harness' }));
    servers.push(s.server);
    const err = await failure(client({}).request({ method: 'GET', url: s.url, headers: {} }));
    expect(err.code).toBe('tls');
    expect(err.message).toContain('127.0.0.1 presented a self-signed certificate (certificate subject "my-harness"');
  });
});

describe('extra CA text', () => {
  const req = (pem: string) => client({ extraCaPem: pem }).request({ method: 'GET', url: good, headers: {} });

  it('a damaged certificate is named by number and line', async () => {
    const err = await failure(
      req(`${ca.caPem}\n-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n`),
    );
    expect(err.code).toBe('tls');
    const line = ca.caPem.split('\n').length + 1;
    expect(err.message).toBe(
      `Certificate 2 (line ${line}) of the extra CA certificates in Settings → Network is damaged and cannot be read`,
    );
    expect(err.where).toEqual({ line });
  });

  it('a private key is refused as such', async () => {
    const err = await failure(req(ca.issue().key));
    expect(err.message).toContain('holds a private key, not a certificate');
  });

  it('text without any certificate is refused', async () => {
    const err = await failure(req('/etc/ssl/certs/acme.pem'));
    expect(err.message).toBe('No certificate could be read from the extra CA certificates in Settings → Network');
    expect(err.hint).toContain('not a file name');
  });

  it('parseCaPem reads every certificate of a bundle', () => {
    const certs = parseCaPem(`${ca.caPem}\n${otherCa.caPem}`);
    expect(certs.map((c) => c.subject)).toEqual([
      expect.stringContaining('Acme Internal Root CA'),
      expect.stringContaining('Someone Else CA'),
    ]);
    expect(parseCaPem('  \n')).toEqual([]);
  });
});
