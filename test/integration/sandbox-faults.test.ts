// Faults (slow answers, resets, 5xx, proxy pages), the /_sandbox control routes other processes
// use, the ring buffers that keep memory flat, and HTTPS with a certificate made here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../electron/sandbox';

let sb: Sandbox;
let url = '';
beforeAll(async () => {
  sb = await startSandbox({ queueMs: 0, stageMs: 10 });
  url = sb.examples[0]?.url ?? '';
});
afterAll(() => sb.close());
beforeEach(async () => {
  const res = await fetch(`${sb.baseUrl}/_sandbox/reset`, { method: 'POST' });
  expect(res.status).toBe(200);
});

const fire = (body = '{}', signal?: AbortSignal) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: signal ?? null });

/** A raw request, to see socket-level errors and send any Host header. */
function raw(o: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
}): Promise<{ status: number; body: string }> {
  const u = new URL(sb.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: u.hostname, port: u.port, path: o.path, method: o.method ?? 'GET', headers: o.headers ?? {} },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('faults', () => {
  it('delayMs answers slowly; a client that gives up was still heard', async () => {
    sb.setFaults({ delayMs: 300 });
    const start = Date.now();
    expect((await fire()).status).toBe(200);
    expect(Date.now() - start).toBeGreaterThanOrEqual(290);
    sb.clearReceived();
    await expect(fire('{"late":true}', AbortSignal.timeout(50))).rejects.toThrow();
    expect(sb.received.map((r) => r.body.toString())).toEqual(['{"late":true}']);
  });

  it('resetConnections drops the socket with a reset and records the request', async () => {
    sb.setFaults({ resetConnections: true });
    const u = new URL(url);
    await expect(raw({ path: u.pathname + u.search, method: 'POST' })).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(fire()).rejects.toThrow(/fetch failed/);
    expect(sb.received.length).toBe(2);
  });

  it('status5xx: a gateway page for 502/503/504, a JSON envelope for 500, on every route', async () => {
    sb.setFaults({ status5xx: 503 });
    const res = await fire();
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toContain('503 Service Temporarily Unavailable');
    const details = await fetch(
      `${sb.baseUrl}/gateway/pipeline/api/webhook/triggerExecutionDetails/x?accountIdentifier=a`,
    );
    expect(details.status).toBe(503);
    sb.setFaults({ status5xx: 500 });
    const five = await fire();
    expect(five.status).toBe(500);
    expect(await five.json()).toMatchObject({ status: 'ERROR', code: 'UNEXPECTED' });
  });

  it('nonJson answers 200 with an HTML page', async () => {
    sb.setFaults({ nonJson: true });
    const res = await fire();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    await expect(res.json()).rejects.toThrow();
  });

  it("echoSecrets repeats the caller's key and secret headers in every free-text field of the event", async () => {
    sb.setFaults({ echoSecrets: true, failStage: 'integration_tests' });
    const nightly = sb.examples.find((e) => e.kind === 'fails');
    if (!nightly) throw new Error('no failing example');
    const posted = await fetch(nightly.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': 'sig-value-0123456789' },
      body: '{"a":1}',
    });
    const { data } = (await posted.json()) as { data: { apiUrl: string } };
    let details = '';
    for (let i = 0; i < 50 && !details.includes('"Failed"'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      details = await (await fetch(data.apiUrl, { headers: { 'x-api-key': sb.keys.viewOnly } })).text();
    }
    const doc = JSON.parse(details) as {
      data: {
        webhookProcessingDetails: Record<string, string>;
        executionDetails: { pipelineExecutionSummary: { failureInfo: { message: string } } };
      };
    };
    const p = doc.data.webhookProcessingDetails;
    for (const field of [
      p.message,
      p.payload,
      p.runtimeInput,
      doc.data.executionDetails.pipelineExecutionSummary.failureInfo.message,
    ]) {
      expect(field).toContain('sig-value-0123456789');
      expect(field).toContain(sb.keys.viewOnly);
    }
    expect(p.status).toBe('TARGET_EXECUTION_REQUESTED'); // statuses and ids stay as they were
  });

  it('rejects bad fault values by name', () => {
    expect(() => sb.setFaults({ delayMs: -1 })).toThrow(/delayMs/);
    expect(() => sb.setFaults({ status5xx: 200 })).toThrow(/status5xx/);
    expect(() => sb.setFaults({ rateLimit: -1 })).toThrow(/rateLimit/);
    expect(sb.faults()).toEqual({
      delayMs: 0,
      resetConnections: false,
      status5xx: null,
      failStage: null,
      nonJson: false,
      echoSecrets: false,
      rateLimit: 0,
    });
  });
});

describe('control routes over HTTP', () => {
  it('sets faults, shows received bodies in base64, clears and resets; never faulted itself', async () => {
    const set = await fetch(`${sb.baseUrl}/_sandbox/faults`, {
      method: 'POST',
      body: '{"status5xx": 502, "failStage": "deploy_prod"}',
    });
    expect(await set.json()).toEqual({
      delayMs: 0,
      resetConnections: false,
      status5xx: 502,
      failStage: 'deploy_prod',
      nonJson: false,
      echoSecrets: false,
      rateLimit: 0,
    });
    expect((await fire('{"a":"é"}')).status).toBe(502);
    const got = await fetch(`${sb.baseUrl}/_sandbox/received`);
    const list = (await got.json()) as {
      method: string;
      path: string;
      headers: Record<string, string>;
      body: string;
    }[];
    expect(list).toHaveLength(1);
    expect(Buffer.from(list[0]?.body ?? '', 'base64').toString('utf8')).toBe('{"a":"é"}');
    expect(list[0]?.headers['content-type']).toBe('application/json');
    const bad = await fetch(`${sb.baseUrl}/_sandbox/faults`, { method: 'POST', body: '{"slow": true}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.stringContaining('unknown fault "slow"') as unknown });
    expect((await fetch(`${sb.baseUrl}/_sandbox/received`, { method: 'DELETE' })).status).toBe(200);
    expect(sb.received).toHaveLength(0);
    await fetch(`${sb.baseUrl}/_sandbox/reset`, { method: 'POST' });
    expect(sb.faults().status5xx).toBeNull();
    expect(((await (await fetch(`${sb.baseUrl}/_sandbox/examples`)).json()) as unknown[]).length).toBe(
      sb.examples.length,
    );
  });

  it('answers only to a loopback Host (no DNS rebinding)', async () => {
    expect((await raw({ path: '/_sandbox/received', headers: { host: 'attacker.example' } })).status).toBe(403);
    expect((await raw({ path: '/_sandbox/received', headers: { host: 'localhost' } })).status).toBe(200);
  });
});

describe('bounded memory', () => {
  it('keeps the newest received requests and events only', async () => {
    const small = await startSandbox({ maxReceived: 3, maxEvents: 2, queueMs: 0 });
    try {
      const target = small.examples[0]?.url ?? '';
      const list = small.received;
      const apiUrls: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(target, {
          method: 'POST',
          body: `{"i":${i}}`,
          headers: { 'content-type': 'application/json' },
        });
        apiUrls.push(((await res.json()) as { data: { apiUrl: string } }).data.apiUrl);
      }
      expect(small.received).toBe(list);
      expect(list.map((r) => r.body.toString())).toEqual(['{"i":2}', '{"i":3}', '{"i":4}']);
      expect((await fetch(apiUrls[0] ?? '')).status).toBe(400);
      expect((await fetch(apiUrls[4] ?? '')).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('bounded bytes', () => {
  it('drops the oldest bodies and events once the byte budget is spent, never the newest', async () => {
    const small = await startSandbox({ maxStoredBytes: 1000, queueMs: 0 });
    try {
      const target = small.examples[0]?.url ?? '';
      const send = async (size: number) => {
        const res = await fetch(target, {
          method: 'POST',
          body: `"${'x'.repeat(size - 2)}"`,
          headers: { 'content-type': 'application/json' },
        });
        return ((await res.json()) as { data: { apiUrl: string } }).data.apiUrl;
      };
      const first = await send(400);
      const second = await send(400);
      expect(small.received.map((r) => r.body.length)).toEqual([400, 400]);
      const big = await send(5000);
      expect(small.received.map((r) => r.body.length)).toEqual([5000]);
      expect((await fetch(first)).status).toBe(400);
      expect((await fetch(second)).status).toBe(400);
      expect((await fetch(big)).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('HTTPS', () => {
  it('serves over TLS with the given certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-sandbox-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-keyout',
          'key.pem',
          '-out',
          'cert.pem',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-days',
          '1',
        ],
        { cwd: dir, stdio: 'ignore' },
      );
      const key = readFileSync(join(dir, 'key.pem'), 'utf8');
      const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
      const tls = await startSandbox({ tls: { key, cert } });
      try {
        const target = tls.examples[0]?.url ?? '';
        expect(target.startsWith('https://127.0.0.1:')).toBe(true);
        const u = new URL(target);
        const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = httpsRequest(
            {
              host: u.hostname,
              port: u.port,
              path: u.pathname + u.search,
              method: 'POST',
              ca: cert,
              headers: { 'content-type': 'application/json' },
            },
            (res) => {
              let body = '';
              res.on('data', (c: Buffer) => (body += c.toString()));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
            },
          );
          req.on('error', reject);
          req.end('{}');
        });
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body)).toMatchObject({
          status: 'SUCCESS',
          data: { apiUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:/) as unknown },
        });
        await expect(fetch(target, { method: 'POST', body: '{}' })).rejects.toThrow();
      } finally {
        await tls.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
