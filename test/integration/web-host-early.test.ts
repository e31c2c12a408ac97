// The web host listens and serves the page while the backend is still opening (start-up does not
// wait for the stores, the keychain probe and the sandbox before the page can load); a request sent
// meanwhile waits for the backend and is answered, not refused. Real backend, real HTTP.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/index';
import type { Backend } from '../../electron/backend/types';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { uniqueService } from '../helpers/keychain';
import { raw } from './web-host-http';

const dir = mkdtempSync(join(tmpdir(), 'td-web-early-'));
let host: WebHost | null = null;
let backend: Backend | null = null;
afterAll(async () => {
  await host?.close();
  await backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the web host before the backend is open', () => {
  it('serves the page at once, and answers a request once the backend is open', async () => {
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>early</title><div id="root"></div>');
    let open: (b: Backend) => void = () => undefined;
    const opening = new Promise<Backend>((resolve) => (open = resolve));
    host = await startWebHost({ backend: opening, rendererDir: renderer, port: 0 });

    const page = await raw(host.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>early</title>');

    let answered = false;
    const info = raw(host.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { 'x-desk-token': host.token, 'content-type': 'application/json' },
      body: '{}',
    }).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(answered).toBe(false); // waiting for the backend, not refused

    backend = await createBackend({
      dataDir: join(dir, 'data'),
      mode: 'web',
      version: 'early',
      notify: () => undefined,
      vaultService: uniqueService('web-early'),
    });
    open(backend);
    const reply = await info;
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ ok: true, value: { version: 'early', mode: 'web' } });
  });
});
