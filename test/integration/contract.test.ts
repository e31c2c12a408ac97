// The Electron boundary without Electron (importing 'electron' in plain Node starts a download):
// the preload's bridge and main's IPC table are built by pure helpers, tested here, and the two
// files that touch ipcRenderer/ipcMain are read as text to check they use exactly those helpers.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestNames, type Handlers } from '../../shared/api';
import { eventNames, type EventName } from '../../shared/events';
import { DeskError, type Reply } from '../../shared/errors';
import { isAppPage, isOpenableExternally, isTrustedSender } from '../../electron/app-page';
import { bridgeEventNames, createBridge } from '../../electron/bridge';
import { dispatch } from '../../electron/dispatch';
import { ipcRoutes } from '../../electron/ipc-routes';
import { createBackend } from '../../electron/backend/index';
import type { Backend } from '../../electron/backend/types';
import { harnessShapedKey, uniqueService } from '../helpers/keychain';

const root = fileURLToPath(new URL('../..', import.meta.url));
const APP = 'file:///opt/Trigger%20Desk/resources/app.asar/dist/renderer/index.html';
const sorted = (names: Iterable<string>): string[] => [...names].sort();

/** A handler table that only records what reached it: proves what a refused call never does. */
function recordingHandlers(): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    requestNames.map((name) => [
      name,
      (): Promise<null> => {
        calls.push(name);
        return Promise.resolve(null);
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

describe('preload bridge (window.desk)', () => {
  it('has exactly the contract’s request names, each invoking its own channel', async () => {
    const invoked: [string, unknown][] = [];
    const bridge = createBridge(
      (channel, args) => {
        invoked.push([channel, args]);
        return Promise.resolve({ ok: true, value: channel });
      },
      () => () => undefined,
    );
    expect(bridge.mode).toBe('electron');
    expect(sorted(Object.keys(bridge.request))).toEqual(sorted(requestNames));
    expect(Object.isFrozen(bridge.request)).toBe(true);
    for (const name of requestNames) {
      const call = bridge.request[name] as (a: unknown) => Promise<Reply<unknown>>;
      expect(await call({ probe: name })).toEqual({ ok: true, value: name });
    }
    expect(invoked).toEqual(requestNames.map((name) => [name, { probe: name }]));
  });

  it('turns a lost or odd IPC answer into a Reply, never a throw', async () => {
    const failing = createBridge(
      () => Promise.reject(new Error('no handler')),
      () => () => undefined,
    );
    expect(await failing.request['app:info']({})).toMatchObject({ ok: false, error: { code: 'internal' } });
    const odd = createBridge(
      () => Promise.resolve('not a reply'),
      () => () => undefined,
    );
    expect(await odd.request['app:info']({})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('subscribes only to the contract’s events', () => {
    const subscribed: string[] = [];
    let delivered: unknown = null;
    const bridge = createBridge(
      () => Promise.resolve(null),
      (channel, listener) => {
        subscribed.push(channel);
        listener({ scope: 'triggers' });
        return () => undefined;
      },
    );
    expect(sorted(bridgeEventNames)).toEqual(sorted(eventNames));
    for (const event of eventNames) bridge.on(event, (payload) => (delivered = payload));
    expect(subscribed).toEqual([...eventNames]);
    expect(delivered).toEqual({ scope: 'triggers' });
    for (const bad of ['triggers:fire', 'ipc', '__proto__', '']) {
      expect(() => bridge.on(bad as EventName, () => undefined), bad).toThrow(/Unknown event/);
    }
    expect(subscribed).toHaveLength(eventNames.length);
  });
});

describe('main IPC table', () => {
  let dir: string;
  let backend: Backend;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'td-contract-'));
    backend = await createBackend({
      dataDir: dir,
      mode: 'electron',
      version: 'test',
      notify: () => undefined,
      vaultService: uniqueService('contract'),
    });
  });
  afterAll(async () => {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers exactly the contract’s request names, once each', () => {
    const names = ipcRoutes(recordingHandlers().handlers, APP).map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect(sorted(names)).toEqual(sorted(requestNames));
  });

  it('refuses every sender that is not the app’s own top frame, before any handler runs', async () => {
    const { handlers, calls } = recordingHandlers();
    const senders = [
      null,
      { url: APP, isMainFrame: false },
      { url: 'https://evil.example/index.html', isMainFrame: true },
      { url: 'file:///tmp/index.html', isMainFrame: true },
      { url: 'file:///opt/Trigger%20Desk/resources/app.asar/dist/renderer/other.html', isMainFrame: true },
      { url: 'about:blank', isMainFrame: true },
    ];
    for (const [name, route] of ipcRoutes(handlers, APP, () => undefined)) {
      for (const sender of senders) {
        expect(await route(sender, {}), `${name} ${JSON.stringify(sender)}`).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it('checks the arguments of every request from the app, then answers with the real backend', async () => {
    const { handlers, calls } = recordingHandlers();
    const sender = { url: `${APP}#/triggers`, isMainFrame: true };
    for (const [name, route] of ipcRoutes(handlers, APP)) {
      expect(await route(sender, [1, 2]), name).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
      expect(await route(sender, { injected: true }), name).toMatchObject({
        ok: false,
        error: { code: 'invalid-args' },
      });
    }
    expect(calls).toEqual([]);
    const real = new Map(ipcRoutes(backend.handlers, APP));
    const created = await real.get('workspaces:create')?.(sender, { name: 'Prod account' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Prod account', kind: 'user' } });
    const listed = await real.get('workspaces:list')?.(sender, {});
    expect(listed).toMatchObject({ ok: true });
  });
});

describe('one dispatch for every host', () => {
  it('answers a failure that is not a DeskError with a generic message, logging it redacted', async () => {
    const key = harnessShapedKey();
    const { handlers } = recordingHandlers();
    handlers['app:info'] = () => Promise.reject(new Error(`boom while sending X-Api-Key: ${key}`));
    const log: string[] = [];
    const reply = await dispatch(handlers, 'app:info', {}, (line) => log.push(line));
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(
          /^Something went wrong inside Trigger Desk \(reference [0-9A-Z]{4}-[0-9A-Z]{4}\)/,
        ) as unknown,
      },
    });
    const ref = /reference ([0-9A-Z-]+)/.exec(JSON.stringify(reply))?.[1] ?? 'none';
    expect(JSON.stringify(reply)).not.toContain('boom');
    expect(log.join('\n')).toContain(`error ${ref}: app:info failed: Error: boom while sending`);
    expect(log.join('\n')).not.toContain(key);
  });

  it('passes a DeskError on as its shape, redacted', async () => {
    const key = harnessShapedKey();
    const { handlers } = recordingHandlers();
    handlers['settings:get'] = () =>
      Promise.reject(new DeskError('invalid-key', `The key ${key} was refused.`, { hint: 'Check the key.' }));
    const reply = await dispatch(handlers, 'settings:get', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-key', hint: 'Check the key.' } });
    expect(JSON.stringify(reply)).not.toContain(key);
    // A secret that only the vault knows (no key shape) is masked too: dispatch is handed the vault's.
    const stored = 'correct horse battery staple';
    handlers['settings:get'] = () =>
      Promise.reject(
        new DeskError('parse', `Bad value ${stored}`, { hint: `not ${stored}`, where: { offset: 4, token: stored } }),
      );
    const masked = await dispatch(
      handlers,
      'settings:get',
      {},
      () => undefined,
      () => [stored],
    );
    expect(masked).toMatchObject({ ok: false, error: { code: 'parse' } });
    expect(JSON.stringify(masked)).not.toContain(stored);
    expect(await dispatch(handlers, 'constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-request' },
    });
  });
});

describe('the app page rule', () => {
  it('accepts only the bundled index.html, from the top frame', () => {
    expect(isAppPage(APP, APP)).toBe(true);
    expect(isAppPage(`${APP}#/x?y=1`, APP)).toBe(true);
    expect(isAppPage('file:///opt/Trigger Desk/resources/app.asar/dist/renderer/index.html', APP)).toBe(true);
    expect(isAppPage('file:///opt/Trigger%20Desk/resources/app.asar/dist/renderer/../renderer/index.html', APP)).toBe(
      true,
    );
    expect(isAppPage('file:///etc/passwd', APP)).toBe(false);
    expect(isAppPage('https://app.harness.io/', APP)).toBe(false);
    expect(isAppPage('file://evil.example/opt/Trigger%20Desk/resources/app.asar/dist/renderer/index.html', APP)).toBe(
      false,
    );
    expect(isAppPage('not a url', APP)).toBe(false);
    expect(isTrustedSender({ url: APP, isMainFrame: true }, APP)).toBe(true);
    expect(isTrustedSender({ url: APP, isMainFrame: false }, APP)).toBe(false);
  });

  it('hands only https (and the sandbox on 127.0.0.1) to the system browser', () => {
    expect(isOpenableExternally('https://app.harness.io/ng/#/account/A')).toBe(true);
    expect(isOpenableExternally('http://127.0.0.1:4471/ng/')).toBe(true);
    for (const url of [
      'http://app.harness.io/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'https://user:pw@app.harness.io/',
      'ms-settings:',
    ]) {
      expect(isOpenableExternally(url), url).toBe(false);
    }
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(entry) ? [path] : [];
  });
}

describe('the two files that touch Electron IPC', () => {
  const preload = readFileSync(join(root, 'electron', 'preload.ts'), 'utf8');
  const ipc = readFileSync(join(root, 'electron', 'ipc.ts'), 'utf8');

  it('preload exposes only window.desk, built by createBridge, and never sends on its own', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\(\s*'desk',\s*createBridge\(/);
    expect(preload.match(/ipcRenderer\.(\w+)/g)?.map((m) => m.split('.')[1])).toEqual([
      'invoke',
      'on',
      'removeListener',
    ]);
  });

  it('ipc registers only the routes of ipc-routes.ts', () => {
    expect(ipc.match(/ipcMain\.handle\(/g)).toHaveLength(1);
    expect(ipc).toMatch(/for \(const \[channel, route\] of routes\) \{\s*ipcMain\.handle\(channel,/);
    expect(ipc).toMatch(/const routes = ipcRoutes\(handlers, appIndexUrl, log, secrets\)/);
    expect(
      ipc
        .match(/ipcMain\.(\w+)/g)
        ?.map((m) => m.split('.')[1])
        .sort(),
    ).toEqual(['handle', 'removeHandler']);
  });

  it('no other source file mentions ipcMain or ipcRenderer', () => {
    const offenders = ['electron', 'renderer', 'shared']
      .flatMap((d) => sourceFiles(join(root, d)))
      .map((file) => relative(root, file))
      .filter((file) => !['electron/ipc.ts', 'electron/preload.ts'].includes(file))
      .filter((file) => /\bipc(Main|Renderer)\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
