// The Electron shell: one instance, one hardened window, the backend wired in with the powers only
// Electron has (the session's proxy resolution, the system browser). Everything else lives in the
// backend, which runs the same way in the web host and the CLI.
import { app, BrowserWindow, clipboard, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDataDir } from './backend/store/index';
import { createBackend } from './backend/index';
import { startSandboxPeer } from './sandbox/index';
import type { Backend } from './backend/types';
import { isOpenableExternally } from './app-page';
import { registerIpc, sendToWindows } from './ipc';
import { installMenu } from './menu';
import { guardSession, installGuards } from './security';
import { createMainWindow } from './window';
import { openWindowState } from './window-state';

const PRODUCT = 'Trigger Desk';

// The app, `npm run web` and the CLI share one data folder (and the single-instance lock lives in
// it, so this comes first).
app.setPath('userData', defaultDataDir(process.env));
app.enableSandbox();

async function openExternal(url: string): Promise<void> {
  // The backend has already checked the trigger's host; this is the last gate before the OS.
  if (!isOpenableExternally(url)) throw new Error('Only https links are opened in the browser.');
  await shell.openExternal(url);
}

function startBackend(): Promise<Backend> {
  return createBackend({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    version: app.getVersion(),
    notify: sendToWindows,
    // Asked per origin, so system proxy settings and PAC files apply (a GUI app sees no HTTPS_PROXY).
    resolveProxy: (url) => session.defaultSession.resolveProxy(url),
    openExternal,
    writeClipboard: (text) => clipboard.writeText(text),
    // The sandbox is a peer of the backend, started here and handed in (shared/sandbox-peer.ts).
    startSandbox: startSandboxPeer,
    env: process.env,
  });
}

async function main(): Promise<void> {
  const appRoot = app.getAppPath();
  const indexFile = join(appRoot, 'dist', 'renderer', 'index.html');
  const appIndexUrl = pathToFileURL(indexFile).href;
  installGuards(appIndexUrl);

  // The keychain probe and the sandbox start while Chromium starts.
  const backendStart = startBackend();
  backendStart.catch(() => undefined);
  await app.whenReady();
  guardSession(session.defaultSession, appIndexUrl);
  installMenu();
  // Opening it compiles its schema (tens of ms): done while the backend waits on D-Bus and sockets.
  const windowState = openWindowState(app.getPath('userData'));

  let backend: Backend;
  try {
    backend = await backendStart;
  } catch (err) {
    dialog.showErrorBox(`${PRODUCT} could not start`, err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  const unregister = registerIpc(backend.handlers, appIndexUrl, backend.log, backend.secrets);

  let win: BrowserWindow | null = null;
  const showWindow = (): void => {
    if (win !== null && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
      return;
    }
    const opened = createMainWindow({
      state: windowState,
      page: indexFile,
      preload: join(appRoot, 'dist-electron', 'preload.cjs'),
      title: PRODUCT,
    });
    win = opened.win;
    win.on('closed', () => {
      win = null;
    });
    opened.loaded.catch((err: unknown) => {
      dialog.showErrorBox(
        `${PRODUCT}: the page could not be loaded`,
        `${indexFile}: ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  };
  showWindow();

  app.on('second-instance', showWindow);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the backend (sandbox, HTTP client) before the process goes.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    unregister();
    backend
      .close()
      .catch(() => undefined)
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another window is already open; it was told to come to the front ('second-instance').
  app.quit();
} else {
  main().catch((err: unknown) => {
    dialog.showErrorBox(`${PRODUCT} could not start`, err instanceof Error ? (err.stack ?? err.message) : String(err));
    app.exit(1);
  });
}
