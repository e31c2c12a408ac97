// The only file that touches ipcRenderer. Runs sandboxed (bundled to CJS by
// scripts/build-electron.mjs): it exposes window.desk and nothing else. The page never sees
// ipcRenderer or the IPC event object.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'desk',
  createBridge(
    (channel, args) => ipcRenderer.invoke(channel, args),
    (channel, listener) => {
      const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => {
        ipcRenderer.removeListener(channel, wrapped);
      };
    },
  ),
);
