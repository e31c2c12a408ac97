// What the backend pushes to the page (the other half of the contract in shared/api.ts): Electron's
// webContents.send, the web host's server-sent events and the CLI's notify carry exactly these.
import type { Notice, VaultStatus } from './model';
import type { WatchState } from './watch-model';
import type { ChainRun } from './chain-model';
import type { AccountProgress } from './account-model';

/** What the backend pushes to the page. */
export interface Events {
  /** Something in the stores changed (possibly from another window or the CLI): reload that part. */
  'data:changed': { scope: 'workspaces' | 'triggers' | 'settings' };
  'vault:status': VaultStatus;
  // The whole state of one watch, on every change.
  'watch:update': WatchState;
  /** History entries were added, updated or removed (`id` null: many). */
  'history:changed': { id: string | null };
  // The whole state of one chain run, on every change.
  'chain:update': ChainRun;
  /** The whole list of notices, whenever one is added or dismissed. */
  'notices:changed': { notices: Notice[] };
  /** Plain words while an account request waits (a 429) or works through many pages. */
  'account:progress': AccountProgress;
}
export type EventName = keyof Events;
export const eventNames: readonly EventName[] = [
  'data:changed',
  'vault:status',
  'watch:update',
  'history:changed',
  'chain:update',
  'notices:changed',
  'account:progress',
];
