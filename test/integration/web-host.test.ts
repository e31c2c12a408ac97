// The web host against a real backend (stores on a temp folder, the vault in the keychain of
// scripts/with-keyring.sh or its session fallback): who may call, what a call must look like,
// and the event stream. Static files and the CSP are in web-host-static.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestNames, requests, type Notify } from '../../shared/api';
import type { ErrorShape } from '../../shared/errors';
import { createBackend } from '../../electron/backend/index';
import type { Backend } from '../../electron/backend/types';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { harnessShapedKey, uniqueService } from '../helpers/keychain';
import { corsHeaders, openEvents, raw, type RawAnswer } from './web-host-http';

let dir: string;
let backend: Backend;
let host: WebHost;
const logged: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'td-web-host-'));
  const rendererDir = join(dir, 'renderer');
  let forward: Notify = () => undefined;
  backend = await createBackend({
    dataDir: join(dir, 'data'),
    mode: 'web',
    version: 'test',
    notify: (event, payload) => forward(event, payload),
    vaultService: uniqueService('web-host'),
  });
  // The page itself is not needed here; an empty folder serves 503 for "/".
  host = await startWebHost({ backend, rendererDir, port: 0, log: (line) => logged.push(line), heartbeatMs: 100 });
  forward = host.broadcast;
});

afterAll(async () => {
  await host.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (name: string, body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> =>
  raw(host.port, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'content-type': 'application/json', 'x-desk-token': host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** Sends bytes as they are (no Host added) and returns the whole answer. */
function rawSocket(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function errorOf(answer: RawAnswer): ErrorShape {
  const reply = answer.json() as { ok: boolean; error?: ErrorShape };
  expect(reply.ok).toBe(false);
  if (!reply.error) throw new Error(`no error in ${answer.body}`);
  return reply.error;
}

describe('web host: who may call', () => {
  it('answers a call with the token, from its own Host, with a Reply', async () => {
    const answer = await post('app:info', {});
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ ok: true, value: { version: 'test', mode: 'web' } });
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a call without the token (401)', async () => {
    const answer = await raw(host.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(401);
    expect(errorOf(answer).code).toBe('forbidden');
  });

  it('refuses a wrong token, of the same length or not (401)', async () => {
    const sameLength = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    for (const token of [
      sameLength,
      'x',
      `${host.token}x`,
      host.token.toLowerCase() === host.token ? 'Z' : host.token.toLowerCase(),
    ]) {
      const answer = await post('app:info', {}, { 'x-desk-token': token });
      expect(answer.status, token).toBe(401);
    }
  });

  it('refuses a foreign Host header even with the right token (403: DNS rebinding)', async () => {
    for (const h of [
      'evil.example',
      `evil.example:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
      `127.0.0.1.evil.example:${host.port}`,
    ]) {
      const answer = await post('app:info', {}, { host: h });
      expect(answer.status, h).toBe(403);
      expect(errorOf(answer).code).toBe('forbidden');
    }
    // No Host at all (HTTP/1.0 allows leaving it out).
    const bare = await rawSocket(
      host.port,
      `POST /api/app:info HTTP/1.0\r\nx-desk-token: ${host.token}\r\ncontent-length: 2\r\n\r\n{}`,
    );
    expect(bare).toMatch(/^HTTP\/1\.[01] 403 /);
    // The static page is refused too: a rebinding page must not even read it.
    expect((await raw(host.port, { path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await post('app:info', {}, { host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin (403) and accepts its own', async () => {
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${host.port}`,
      'null',
      `https://127.0.0.1:${host.port}`,
      `http://127.0.0.1:${host.port + 1}`,
    ]) {
      const answer = await post('app:info', {}, { origin });
      expect(answer.status, origin).toBe(403);
    }
    expect((await post('app:info', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await post('app:info', {}, { origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('sends no CORS headers, not even to a preflight (OPTIONS → 405)', async () => {
    const preflight = await raw(host.port, {
      method: 'OPTIONS',
      path: '/api/app:info',
      headers: {
        'origin': `http://127.0.0.1:${host.port}`,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-desk-token',
      },
    });
    expect(preflight.status).toBe(405);
    expect(corsHeaders(preflight.headers)).toEqual([]);
    for (const answer of [
      await post('app:info', {}),
      await post('app:info', {}, { origin: 'http://evil.example' }),
      await post('nope', {}),
    ]) {
      expect(corsHeaders(answer.headers)).toEqual([]);
    }
  });
});

describe('web host: what a call must look like', () => {
  it('answers 404 for a name that is not in the contract', async () => {
    for (const name of [
      'nope',
      'triggers:nuke',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'app%3Ainfo%00',
    ]) {
      const answer = await post(name, {});
      expect(answer.status, name).toBe(404);
      expect(errorOf(answer).code).toBe('unknown-request');
    }
  });

  it('answers 400 for a body that is not JSON, without echoing it', async () => {
    const key = harnessShapedKey();
    const answer = await post('workspaces:create', `{"name": "${key}"`);
    expect(answer.status).toBe(400);
    const error = errorOf(answer);
    expect(error.code).toBe('invalid-args');
    expect(error.message).toMatch(/not valid JSON/);
    expect(answer.body).not.toContain(key);
  });

  it('refuses other methods on /api (405)', async () => {
    expect((await raw(host.port, { path: '/api/app:info', headers: { 'x-desk-token': host.token } })).status).toBe(405);
    expect((await post('events', {})).status).toBe(405);
  });

  it('refuses a body over 11 MB (413) and still serves the next call', async () => {
    const answer = await post('payloads:save', 'x'.repeat(11 * 1024 * 1024 + 1));
    expect(answer.status).toBe(413);
    expect((await post('app:info', {})).status).toBe(200);
  });

  it('every request of the contract rejects malformed arguments, naming the field', async () => {
    const before = await post('workspaces:list', {});
    expect(requestNames.length).toBeGreaterThan(10);
    for (const name of requestNames) {
      const fields = Object.keys(requests[name].shape);
      const first = fields[0];
      // An object fits no field of the contract (all strings, numbers, booleans and enums).
      const bad = first === undefined ? { stray: 1 } : { [first]: { not: 'this' } };
      const answer = await post(name, bad);
      expect(answer.status, name).toBe(200);
      const error = errorOf(answer);
      expect(error.code, name).toBe('invalid-args');
      expect(error.message, name).toContain(`${name}: `);
      expect(error.message, name).toContain(first ?? 'stray');
      for (const shape of [[], 'text', 42, true]) {
        const notAnObject = await post(name, shape);
        expect(errorOf(notAnObject).code, `${name} ${JSON.stringify(shape)}`).toBe('invalid-args');
      }
    }
    // Nothing was changed by any of them.
    expect((await post('workspaces:list', {})).body).toBe(before.body);
  });
});

describe('web host: events', () => {
  it('refuses the stream without the token', async () => {
    const stream = await openEvents(host.port, {});
    expect(stream.status).toBe(401);
    await stream.ended;
  });

  it('streams data:changed after a mutation, and heartbeats', async () => {
    const stream = await openEvents(host.port, { 'x-desk-token': host.token });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(corsHeaders(stream.headers)).toEqual([]);
      const created = await post('workspaces:create', { name: 'Prod account' });
      expect(created.json()).toMatchObject({ ok: true, value: { name: 'Prod account' } });
      const text = await stream.until((t) => t.includes('event: data:changed\ndata: {"scope":"workspaces"}\n\n'));
      expect(text).toMatch(/^: connected\n\n/);
      await stream.until((t) => t.includes(': heartbeat\n\n'), 2000);
    } finally {
      stream.close();
    }
  });

  it('broadcasts to every open stream, and closing the host ends them', async () => {
    const extraBackendDir = mkdtempSync(join(tmpdir(), 'td-web-host-2-'));
    writeFileSync(join(extraBackendDir, 'index.html'), '<!doctype html><title>t</title>');
    const second = await startWebHost({ backend, rendererDir: extraBackendDir, port: 0 });
    try {
      const a = await openEvents(second.port, { 'x-desk-token': second.token });
      const b = await openEvents(second.port, { 'x-desk-token': second.token });
      second.broadcast('vault:status', { kind: 'session', warning: 'test' });
      const frame = 'event: vault:status\ndata: {"kind":"session","warning":"test"}\n\n';
      await a.until((t) => t.includes(frame));
      await b.until((t) => t.includes(frame));
      // The other host's token does not open this one.
      expect((await openEvents(second.port, { 'x-desk-token': host.token })).status).toBe(401);
      await second.close();
      await Promise.all([a.ended, b.ended]);
    } finally {
      await second.close();
      rmSync(extraBackendDir, { recursive: true, force: true });
    }
  });
});
