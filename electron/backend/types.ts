// What the hosts (Electron main, web host, CLI) give the backend, and what they get back.
// The backend never imports electron: Electron-only powers arrive here as plain functions.
import type { Handlers, Notify } from '../../shared/api';
import type { StartSandbox } from '../../shared/sandbox-peer';

export interface BackendOptions {
  /** Folder for the stores (electron: app.getPath('userData'); web/CLI: see dataDir.ts). */
  dataDir: string;
  mode: 'electron' | 'web' | 'cli';
  version: string;
  notify: Notify;
  /** Keychain service name; tests pass their own so they never touch a user's keys. */
  vaultService?: string;
  /** Electron: session.resolveProxy (honours system settings and PAC). Elsewhere: HTTPS_PROXY/NO_PROXY. */
  resolveProxy?: (url: string) => Promise<string>;
  /** Electron: shell.openExternal. Absent in the browser, where the page opens the checked URL itself. */
  openExternal?: (url: string) => Promise<void>;
  /** Electron: clipboard.writeText. Lets "Copy as cURL with the key" copy in the backend. */
  writeClipboard?: (text: string) => Promise<void> | void;
  /**
   * Electron main and the web host: starts the embedded Harness sandbox (electron/sandbox/peer.ts),
   * a peer the backend never imports. Absent (the CLI): no sandbox.
   */
  startSandbox?: StartSandbox;
  /** Port for the sandbox (0 = any free port); default: the one it had last time. */
  sandboxPort?: number;
  env?: Record<string, string | undefined>;
}

export interface Backend {
  handlers: Handlers;
  /** The data folder's log (trigger-desk.log, error-log.ts): hosts hand it to electron/dispatch.ts. */
  log: (line: string) => void;
  /** The vault's secrets: electron/dispatch.ts redacts every error reply with them. */
  secrets: () => readonly string[];
  sandboxBaseUrl: string | null;
  close(): Promise<void>;
}
