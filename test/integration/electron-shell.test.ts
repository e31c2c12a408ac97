// The Electron shell, though its binary cannot run here: the built main bundle (the very file the
// app ships, dist-electron/main.cjs, built by scripts/build-electron.mjs) runs in plain Node against
// a stand-in `electron` (test/fixtures/electron-stub), with the real backend, sandbox and keychain
// behind it. Every guard of the shell is checked from the outside, as Electron would exercise it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestNames } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../electron/web/csp';
import {
  createFakeElectron,
  frame,
  type FakeBrowserWindow,
  type FakeElectron,
  type FakeOptions,
} from '../fixtures/electron-stub/fake-electron';
import { buildShellBundles, root, runMain, type ShellBundles } from '../fixtures/electron-stub/load';
import { uniqueService } from '../helpers/keychain';

const APP_ROOT = '/opt/Trigger Desk/resources/app.asar';
const PAGE = 'file:///opt/Trigger%20Desk/resources/app.asar/dist/renderer/index.html';
const STATE_FILE = 'window-state.json';

let bundles: ShellBundles;
const dirs: string[] = [];
const running: FakeElectron[] = [];
const savedEnv = { ...process.env };

// Each run of the bundle registers its own process exit hooks (conf's atomic writer), which a real
// process does once; this file runs the bundle a dozen times.
process.setMaxListeners(40);

beforeAll(async () => {
  bundles = await buildShellBundles();
  process.env.TRIGGER_DESK_VAULT_SERVICE = uniqueService('shell');
  // Any free port: other test files run sandboxes at the same time.
  process.env.TRIGGER_DESK_SANDBOX_PORT = '0';
});

afterAll(async () => {
  // Shells a test left running (it failed half-way, or shares one) still close their backend.
  for (const fake of running.splice(0)) {
    fake.module.app.quit();
    await fake.module.app.ended;
  }
  bundles.dispose();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  process.env = savedEnv;
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'td-shell-'));
  dirs.push(dir);
  return dir;
}

interface Shell {
  fake: FakeElectron;
  electron: FakeElectron['module'];
  win: FakeBrowserWindow;
  dir: string;
}

/** Starts the bundle on `dir` and waits for its window and its IPC. */
async function start(dir: string, o: Partial<FakeOptions> = {}): Promise<Shell> {
  process.env.TRIGGER_DESK_DATA = dir;
  const fake = createFakeElectron({ appPath: APP_ROOT, ...o });
  running.push(fake);
  runMain(bundles.main, fake.module);
  const electron = fake.module;
  const win = await vi.waitFor(
    () => {
      expect(electron.dialog.errorBoxes).toEqual([]);
      const [shown] = electron.BrowserWindow.getAllWindows().filter((w) => w.isVisible());
      if (shown === undefined) throw new Error('no window shown yet');
      return shown;
    },
    { timeout: 20_000, interval: 20 },
  );
  return { fake, electron, win, dir };
}

/** Closes the window as the user would: on Linux the app then quits and closes the backend. */
async function closeWindow(shell: Shell): Promise<void> {
  shell.win.close();
  expect(await shell.electron.app.ended).toBe('quit');
  running.splice(running.indexOf(shell.fake), 1);
}

const app = (url = PAGE): ReturnType<typeof frame> => frame(url);

describe('one running shell', () => {
  // Read-only checks share one start (a start runs the whole backend: keychain probe, sandbox).
  let shell: Shell;
  beforeAll(async () => {
    shell = await start(dataDir());
  });

  it('opens one window with the hardened webPreferences, the sandbox on for every renderer', () => {
    expect(shell.electron.app.sandboxEnabled).toBe(true);
    expect(shell.electron.BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(shell.win.options.webPreferences).toEqual({
      preload: join(APP_ROOT, 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    // The bundled page, and the window stays hidden until it can paint (no white flash).
    expect(shell.win.options.show).toBe(false);
    expect(shell.win.webContents.getURL()).toBe(PAGE);
  });

  it('keeps every webContents on the app page: navigation, redirects, new windows, webviews refused', () => {
    // The window's own webContents, and one created later (a popup Chromium might make).
    const later = new shell.electron.BrowserWindow({ show: false });
    for (const contents of [shell.win.webContents, later.webContents]) {
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        PAGE.replace('index.html', 'other.html'),
        'javascript:alert(1)',
        'about:blank',
      ]) {
        expect(contents.navigate(url), url).toBe(false);
        expect(contents.ask('will-frame-navigate', url), url).toBe(false);
        expect(contents.ask('will-redirect', url), url).toBe(false);
      }
      // The app's own page (a reload, a fragment) is fine.
      expect(contents.navigate(`${PAGE}#view=history`)).toBe(true);
      const handler = contents.windowOpenHandler;
      if (handler === null) throw new Error('no window-open handler');
      for (const url of ['https://evil.example/', PAGE]) {
        expect(handler({ url, frameName: '', features: '', disposition: 'new-window' }), url).toEqual({
          action: 'deny',
        });
      }
      let prevented = false;
      contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
      expect(prevented).toBe(true);
    }
    later.close();
    expect(shell.electron.session.defaultSession.download('https://evil.example/payload.exe')).toBe(false);
  });

  it('adds the content security policy to every response the session sees', async () => {
    const headers = await shell.electron.session.defaultSession.headersFor('https://app.harness.io/x', {
      'content-type': ['text/html'],
    });
    expect(headers).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('grants notifications and clipboard writes to the app page, nothing else to anyone', async () => {
    const ses = shell.electron.session.defaultSession;
    for (const permission of ['notifications', 'clipboard-sanitized-write']) {
      expect(await ses.requestPermission(permission, PAGE), permission).toBe(true);
      expect(ses.checkPermission(permission, `${PAGE}#view=history`), permission).toBe(true);
      for (const other of ['https://evil.example/', 'file:///tmp/index.html']) {
        expect(await ses.requestPermission(permission, other), `${permission} ${other}`).toBe(false);
        expect(ses.checkPermission(permission, other), `${permission} ${other}`).toBe(false);
      }
    }
    for (const permission of [
      'clipboard-read',
      'media',
      'geolocation',
      'openExternal',
      'fullscreen',
      'hid',
      'usb',
      'serial',
      'fileSystem',
      'unknown',
    ]) {
      expect(await ses.requestPermission(permission, PAGE), permission).toBe(false);
      expect(ses.checkPermission(permission, PAGE), permission).toBe(false);
    }
  });

  it('registers exactly the contract’s IPC channels, and listens on no other', async () => {
    expect([...shell.electron.ipcMain.handlers.keys()].sort()).toEqual([...requestNames].sort());
    // No ipcMain.on listener at all (a library's own channel would show up here).
    expect(shell.electron.ipcMain.eventNames()).toEqual([]);
    await expect(shell.electron.ipcMain.invoke('fs:read', app(), { path: '/etc/passwd' })).rejects.toThrow(
      /No handler/,
    );
  });

  it('answers the app’s top frame and refuses every other frame before any handler runs', async () => {
    const ipc = shell.electron.ipcMain;
    const before = shell.win.webContents.sent.length;
    const refused = [
      null,
      frame(PAGE, { child: true }),
      frame(PAGE, { destroyed: true }),
      frame('https://evil.example/'),
      frame('file:///tmp/index.html'),
    ];
    for (const sender of refused) {
      expect(await ipc.invoke('workspaces:create', sender, { name: 'From elsewhere' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    const listed = (await ipc.invoke('workspaces:list', app(), {})) as { ok: true; value: { name: string }[] };
    expect(listed.value.map((w) => w.name)).not.toContain('From elsewhere');
    // The app itself: arguments checked, then the real backend answers, and its event reaches the window.
    expect(await ipc.invoke('workspaces:create', app(), { name: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
    expect(await ipc.invoke('workspaces:create', app(`${PAGE}#view=triggers`), { name: 'Prod' })).toMatchObject({
      ok: true,
      value: { name: 'Prod' },
    });
    await expect
      .poll(() => shell.win.webContents.sent.slice(before).map(([channel]) => channel))
      .toContain('data:changed');
  });

  it('hands shell.openExternal only the links the checks allow', async () => {
    const ipc = shell.electron.ipcMain;
    const triggers = (await ipc.invoke('triggers:list', app(), {})) as {
      ok: true;
      value: { id: string; parsed: { url: string } }[];
    };
    const trigger = triggers.value[0];
    if (trigger === undefined) throw new Error('the sandbox workspace has no trigger');
    const sandboxPage = new URL('/ng/account/x/home', trigger.parsed.url).href;
    const refused = [
      'https://evil.example/ng/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://192.0.2.1/',
      'smb://host/share',
      `http://user:pw@${new URL(trigger.parsed.url).host}/`,
    ];
    for (const url of refused) {
      expect(await ipc.invoke('shell:openExternal', app(), { url, triggerId: trigger.id }), url).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(
      await ipc.invoke('shell:openExternal', frame(PAGE, { child: true }), { url: sandboxPage, triggerId: trigger.id }),
    ).toMatchObject({ ok: false });
    expect(shell.electron.shell.opened).toEqual([]);
    expect(await ipc.invoke('shell:openExternal', app(), { url: sandboxPage, triggerId: trigger.id })).toMatchObject({
      ok: true,
      value: { opened: true },
    });
    expect(shell.electron.shell.opened).toEqual([sandboxPage]);
  });

  it('has a menu with the standard roles, developer tools (not packaged) and one https link', () => {
    const menu = shell.electron.Menu.menus.applied;
    expect(roles(menu)).toEqual(expect.arrayContaining(['editMenu', 'reload', 'zoomIn', 'toggleDevTools']));
    const before = shell.electron.shell.opened.length;
    for (const item of menu?.find((i) => i.role === 'help')?.submenu ?? []) item.click?.();
    const opened = shell.electron.shell.opened.slice(before);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/^https:\/\/developer\.harness\.io\//);
  });

  it('closes the backend before the process goes: the sandbox stops, the channels go', async () => {
    const info = (await shell.electron.ipcMain.invoke('app:info', app(), {})) as {
      ok: true;
      value: { sandboxBaseUrl: string };
    };
    const sandbox = info.value.sandboxBaseUrl;
    expect((await fetch(`${sandbox}/`)).status).toBeLessThan(500);
    await closeWindow(shell);
    await expect(fetch(`${sandbox}/`)).rejects.toThrow();
    expect(shell.electron.ipcMain.handlers.size).toBe(0);
  });
});

describe('the page loaded from file:// (which has no headers)', () => {
  it('carries the same content security policy as a meta tag', () => {
    const html = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    // frame-ancestors is ignored in a meta tag (Electron windows are never framed anyway).
    const expected = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta?.split('; ')).toEqual(expected);
  });
});

describe('a packaged app', () => {
  it('holds the single-instance lock: a second launch quits at once, the first comes to the front', async () => {
    const first = await start(dataDir(), { packaged: true });
    expect(roles(first.electron.Menu.menus.applied)).not.toContain('toggleDevTools');
    first.win.minimize();
    first.electron.app.emit('second-instance', { preventDefault: () => undefined }, ['trigger-desk'], '/');
    expect(first.electron.BrowserWindow.getAllWindows()).toEqual([first.win]);
    expect(first.win.isMinimized()).toBe(false);
    expect(first.fake.log).toContain(`focus window ${first.win.id}`);

    process.env.TRIGGER_DESK_DATA = first.dir;
    const second = createFakeElectron({ appPath: APP_ROOT, gotLock: false, packaged: true });
    runMain(bundles.main, second.module);
    expect(second.module.app.lockRequested).toBe(true);
    expect(await second.module.app.ended).toBe('quit');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nothing of the second one started: no window, no channel, no backend, no error.
    expect(second.module.BrowserWindow.getAllWindows()).toEqual([]);
    expect(second.module.ipcMain.handlers.size).toBe(0);
    expect(second.module.dialog.errorBoxes).toEqual([]);
  });
});

describe('window state (window-state.json in the data folder)', () => {
  it('opens at the default size, then keeps size, place, maximized and view across restarts', async () => {
    const dir = dataDir();
    const first = await start(dir);
    expect(first.win.options).toMatchObject({ width: 1200, height: 800 });
    expect(first.win.options).not.toHaveProperty('x');
    // Saved shortly after each change, not only on close (a crash keeps it too): a move, a resize,
    // a change of view.
    first.win.setBounds({ x: 120, y: 80 });
    await expect
      .poll(() => readState(dir), { timeout: 3000 })
      .toMatchObject({ bounds: { x: 120, y: 80, width: 1200, height: 800 } });
    first.win.setBounds({ width: 1000, height: 700 });
    await expect
      .poll(() => readState(dir), { timeout: 3000 })
      .toMatchObject({ bounds: { x: 120, y: 80, width: 1000, height: 700 } });
    first.win.webContents.navigateInPage(`${PAGE}#view=history`);
    first.win.webContents.navigateInPage(`${PAGE}#view=chains`);
    await expect.poll(() => readState(dir), { timeout: 3000 }).toMatchObject({ view: 'chains' });
    await closeWindow(first);
    expect(readState(dir)).toEqual({
      bounds: { x: 120, y: 80, width: 1000, height: 700 },
      maximized: false,
      view: 'chains',
    });

    const second = await start(dir);
    expect(second.win.options).toMatchObject({ x: 120, y: 80, width: 1000, height: 700 });
    expect(second.win.isMaximized()).toBe(false);
    expect(second.win.webContents.getURL()).toBe(`${PAGE}#view=chains`);
    second.win.maximize();
    await expect.poll(() => readState(dir), { timeout: 3000 }).toMatchObject({ maximized: true });
    await closeWindow(second);
    expect(readState(dir)).toMatchObject({ maximized: true, view: 'chains' });

    // A place left on a display that is gone is not used; size, maximized and view still are.
    writeState(
      dir,
      JSON.stringify({ bounds: { x: 2500, y: 100, width: 900, height: 600 }, maximized: true, view: 'history' }),
    );
    const third = await start(dir);
    expect(third.win.options).toMatchObject({ width: 1200, height: 800 });
    expect(third.win.options).not.toHaveProperty('x');
    expect(third.win.isMaximized()).toBe(true);
    expect(third.win.webContents.getURL()).toBe(`${PAGE}#view=history`);
  });

  it('uses a saved place on a second display while that display is there', async () => {
    const dir = dataDir();
    writeState(dir, JSON.stringify({ bounds: { x: 2500, y: 100, width: 900, height: 600 }, maximized: false }));
    const shell = await start(dir, {
      displays: [
        { x: 0, y: 0, width: 1920, height: 1080 },
        { x: 1920, y: 0, width: 1920, height: 1080 },
      ],
    });
    expect(shell.win.options).toMatchObject({ x: 2500, y: 100, width: 900, height: 600 });
  });

  it('starts with the defaults from a damaged or unreadable file, and writes a good one', async () => {
    const damaged = dataDir();
    writeState(damaged, '{"bounds": {"x": 1');
    const shell = await start(damaged);
    expect(shell.win.options).toMatchObject({ width: 1200, height: 800 });
    expect(shell.win.options).not.toHaveProperty('x');
    expect(shell.win.webContents.getURL()).toBe(PAGE);
    await closeWindow(shell);
    expect(readState(damaged)).toMatchObject({ bounds: { width: 1200, height: 800 }, maximized: false });

    // A folder where the file should be: nothing can be read or written, the app starts all the same.
    const blocked = dataDir();
    mkdirSync(join(blocked, STATE_FILE));
    const other = await start(blocked);
    expect(other.win.options).toMatchObject({ width: 1200, height: 800 });
    await closeWindow(other);
  });
});

function roles(items: { role?: string; submenu?: unknown[] }[] | null | undefined): string[] {
  return (items ?? []).flatMap((item) => [item.role ?? '', ...roles(item.submenu as { role?: string }[] | undefined)]);
}

function readState(dir: string): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')) as unknown;
  } catch {
    return null;
  }
}

function writeState(dir: string, text: string): void {
  writeFileSync(join(dir, STATE_FILE), text);
}
