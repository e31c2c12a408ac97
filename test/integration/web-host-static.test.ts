// The web host's static side: the built page with a strict CSP and safe headers, no directory
// listing, no way out of the renderer folder (dot-dot in any spelling, symlinks), SPA fallback.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/index';
import type { Backend } from '../../electron/backend/types';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { uniqueService } from '../helpers/keychain';
import { corsHeaders, raw } from './web-host-http';

const INDEX =
  '<!doctype html><html><head><title>Trigger Desk test page</title></head><body><div id="root"></div></body></html>';
const APP_JS = 'console.log("app");';
const SECRET = `outside-the-renderer-${process.pid}`;

let dir: string;
let backend: Backend;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'td-web-static-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), INDEX);
  writeFileSync(join(renderer, 'assets', 'app-1a2b3c.js'), APP_JS);
  writeFileSync(join(renderer, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'package.json'), SECRET);
  // A link inside the folder that points out of it must not be followed.
  symlinkSync(dir, join(renderer, 'escape'));
  symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'secret.js'));
  backend = await createBackend({
    dataDir: join(dir, 'data'),
    mode: 'web',
    version: 'test',
    notify: () => undefined,
    vaultService: uniqueService('web-static'),
  });
  host = await startWebHost({ backend, rendererDir: renderer, port: 0 });
});

afterAll(async () => {
  await host.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

function cspDirectives(header: string | string[] | undefined): Map<string, string> {
  expect(typeof header).toBe('string');
  const map = new Map<string, string>();
  for (const part of String(header).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values.join(' '));
  }
  return map;
}

describe('web host: static files', () => {
  it('serves index.html at / with a strict CSP and safe headers, no token needed', async () => {
    const answer = await raw(host.port, { path: '/' });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(INDEX);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = cspDirectives(answer.headers['content-security-policy']);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('img-src')).toBe("'self' data:");
    for (const [name, value] of csp) expect(value, name).not.toMatch(/unsafe-eval|\*|https?:/);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(corsHeaders(answer.headers)).toEqual([]);
  });

  it('serves assets with their type, and HEAD without a body', async () => {
    const js = await raw(host.port, { path: '/assets/app-1a2b3c.js' });
    expect(js.status).toBe(200);
    expect(js.body).toBe(APP_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await raw(host.port, { path: '/assets/style.css' })).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    const head = await raw(host.port, { method: 'HEAD', path: '/assets/app-1a2b3c.js' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('gives the page for its own routes, 404 for a missing asset, and never lists a folder', async () => {
    const route = await raw(host.port, { path: '/workspaces/abc?tab=1' });
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX);
    expect((await raw(host.port, { path: '/assets/missing-9z.js' })).status).toBe(404);
    for (const folder of ['/assets/', '/assets']) {
      const answer = await raw(host.port, { path: folder });
      expect(answer.body, folder).not.toContain('app-1a2b3c.js');
    }
    expect((await raw(host.port, { method: 'POST', path: '/index.html', body: 'x' })).status).toBe(405);
  });

  it('refuses every way out of the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/../../../../etc/passwd',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/..%5csecret.txt',
      '/%00/../secret.txt',
      '/escape/secret.txt',
      '/escape/package.json',
      '/assets/secret.js',
      '//etc/passwd',
      '/%c0%ae%c0%ae/secret.txt',
    ];
    for (const path of attempts) {
      const answer = await raw(host.port, { path });
      expect(answer.body, path).not.toContain(SECRET);
      expect(answer.body, path).not.toMatch(/root:.*:0:0:/);
      // A path without an extension is a route of the page: it may get index.html, nothing else.
      if (answer.status === 200) expect(answer.body, path).toBe(INDEX);
      else expect([400, 404], path).toContain(answer.status);
    }
  });
});
