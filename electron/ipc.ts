// The only file that touches ipcMain: registers exactly the contract's requests (ipc-routes.ts)
// and pushes backend events to the app's windows.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Handlers } from '../shared/api';
import type { EventName, Events } from '../shared/events';
import type { SenderFrame } from './app-page';
import type { Log, Secrets } from './dispatch';
import { ipcRoutes } from './ipc-routes';

function senderFrame(event: IpcMainInvokeEvent): SenderFrame | null {
  const frame = event.senderFrame;
  if (frame === null || frame.isDestroyed()) return null;
  return { url: frame.url, isMainFrame: frame.parent === null };
}

/** Registers every request; returns a function that removes them again (on quit). `log`, `secrets`: the backend's. */
export function registerIpc(handlers: Handlers, appIndexUrl: string, log: Log, secrets: Secrets): () => void {
  const routes = ipcRoutes(handlers, appIndexUrl, log, secrets);
  for (const [channel, route] of routes) {
    ipcMain.handle(channel, (event, raw: unknown) => route(senderFrame(event), raw));
  }
  return () => {
    for (const [channel] of routes) ipcMain.removeHandler(channel);
  };
}

/** The backend's notifier in Electron: every event goes to every window of the app. */
export function sendToWindows<E extends EventName>(event: E, payload: Events[E]): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(event, payload);
  }
}
