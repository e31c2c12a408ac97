// A real backend (plain Node, its own data folder, the keychain under with-keyring.sh) against a
// sandbox started by the test, with fast polls; every pushed event is kept for the assertions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/index';
import type { Backend } from '../../electron/backend/types';
import type { ExampleTrigger, Sandbox } from '../../electron/sandbox/types';
import type { EventName, Events } from '../../shared/events';
import type { Trigger } from '../../shared/model';
import type { WatchState } from '../../shared/watch-model';
import { uniqueService } from '../helpers/keychain';

export interface Desk {
  backend: Backend;
  dataDir: string;
  /** The keychain service of its vault (a CLI run on the same data folder needs it). */
  service: string;
  events: { name: EventName; payload: unknown }[];
  updates(watchId: string): WatchState[];
  /** Resolves with the first update of that watch that satisfies `pred` (also one already seen). */
  until(watchId: string, pred: (s: WatchState) => boolean, timeoutMs?: number): Promise<WatchState>;
  importExample(sandbox: Sandbox, e: ExampleTrigger): Promise<Trigger>;
  close(): Promise<void>;
}

export async function openDesk(o: { dataDir?: string; service?: string; scale?: string } = {}): Promise<Desk> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'td-watch-'));
  const service = o.service ?? uniqueService('watch');
  const events: { name: EventName; payload: unknown }[] = [];
  const waiters = new Set<() => void>();
  const backend = await createBackend({
    dataDir,
    mode: 'web',
    version: 'test',
    vaultService: service,
    env: { ...process.env, TRIGGER_DESK_POLL_SCALE: o.scale ?? '0.05' },
    notify: <E extends EventName>(name: E, payload: Events[E]) => {
      events.push({ name, payload });
      for (const w of [...waiters]) w();
    },
  });
  const updates = (id: string): WatchState[] =>
    events
      .filter((e) => e.name === 'watch:update' && (e.payload as WatchState).id === id)
      .map((e) => e.payload as WatchState);
  let workspaceId: string | null = null;
  return {
    backend,
    dataDir,
    service,
    events,
    updates,
    until: (id, pred, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = updates(id).find(pred);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const last = updates(id).at(-1);
          reject(
            new Error(
              `watch ${id}: condition not met in ${timeoutMs} ms; last state: ${last ? `${last.phase} ${last.headline} ${last.connectionTrouble ?? ''} ${JSON.stringify(last.ended)}` : 'none'}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    async importExample(sandbox, e) {
      workspaceId ??= (await backend.handlers['workspaces:create']({ name: 'Watch tests' })).id;
      const { trigger } = await backend.handlers['triggers:importCurl']({
        workspaceId,
        text: e.curl,
        name: `${e.name} ${Math.random().toString(36).slice(2, 6)}`,
      });
      if (e.apiKey !== null && trigger.key === null)
        return backend.handlers['triggers:setKey']({ id: trigger.id, apiKey: e.apiKey });
      return trigger;
    },
    async close() {
      await backend.close();
      if (o.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function example(sandbox: Sandbox, kind: string): ExampleTrigger {
  const found = sandbox.examples.find((e) => e.kind === kind);
  if (!found) throw new Error(`no ${kind} example in the sandbox`);
  return found;
}

export const isEnded = (s: WatchState): boolean => s.ended !== null;
