// `npm run web`'s entry (electron/web/start.ts) as a real process: prints the address on a line of
// its own, serves the contract with its embedded sandbox, refuses a taken port in plain words,
// and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueService } from '../helpers/keychain';
import { raw } from './web-host-http';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** From source through tsx, or (`bundle`) as `npm run web` runs it: the esbuild bundle in dist-electron/. */
function startHost(env: Record<string, string>, o: { bundle?: boolean } = {}): Started {
  const dataDir = mkdtempSync(join(tmpdir(), 'td-web-start-'));
  dirs.push(dataDir);
  const entry = o.bundle
    ? [join(root, 'dist-electron', 'web.mjs')]
    : ['--import', 'tsx', join(root, 'electron', 'web', 'start.ts')];
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: {
      ...process.env,
      TRIGGER_DESK_DATA: dataDir,
      TRIGGER_DESK_PORT: '0',
      TRIGGER_DESK_SANDBOX_PORT: '0',
      TRIGGER_DESK_NO_OPEN: '1',
      TRIGGER_DESK_VAULT_SERVICE: uniqueService('web-start'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

async function waitFor<T>(get: () => T | null, what: string, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm run web (electron/web/start.ts)', () => {
  it('prints the address on its own line, answers with its sandbox, and stops on SIGTERM', async () => {
    const host = startHost({});
    const url = await waitFor(
      () =>
        /^Trigger Desk is running:\n(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43})\n/m.exec(host.out())?.[1] ??
        null,
      `the address (stdout: ${host.out()}, stderr: ${host.err()})`,
    );
    const parsed = new URL(url);
    const port = Number(parsed.port);
    const token = parsed.hash.slice('#token='.length);
    const info = await raw(port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { 'x-desk-token': token, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(info.json()).toMatchObject({
      ok: true,
      value: { mode: 'web', sandboxBaseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) as unknown },
    });
    const triggers = await raw(port, {
      method: 'POST',
      path: '/api/triggers:list',
      headers: { 'x-desk-token': token },
      body: '{}',
    });
    expect((triggers.json() as { value: unknown[] }).value.length).toBeGreaterThan(0);

    // The same port asked for explicitly while taken: a plain-words refusal, exit code 1.
    const second = startHost({ TRIGGER_DESK_PORT: String(port) });
    expect(await second.exited).toBe(1);
    expect(second.err()).toContain(`Port ${port} is already in use`);

    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    await expect(raw(port, { path: '/' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('starts from the bundle `npm run web` builds (its dependencies resolved as plain Node ESM)', async () => {
    const script: string = '../../scripts/web.mjs';
    const web = (await import(script)) as { buildWebHostIfStale: (root: string) => Promise<boolean> };
    expect(await web.buildWebHostIfStale(root)).toBe(true);
    const host = startHost({}, { bundle: true });
    const exitedEarly = host.exited.then((code) => `exited ${String(code)}: ${host.err()}`);
    const printed = waitFor(
      () => /^(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m.exec(host.out())?.[1] ?? null,
      'the address',
    );
    expect(await Promise.race([printed, exitedEarly])).toMatch(/^http:/);
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  }, 60_000);
});
