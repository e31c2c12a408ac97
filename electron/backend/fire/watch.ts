// The watch desk: the history and the watches opened together, live watches resumed at start-up
// from the history, and every fire taken through its three steps: resolved and sent once
// (request.ts), recorded in the history and handed to a watch (record.ts).
import type { Handlers } from '../../../shared/api';
import { DeskError } from '../../../shared/errors';
import type { FireResult } from '../../../shared/model';
import type { WatchState } from '../../../shared/watch-model';
import { liveTrigger, type Ctx } from '../context';
import { openHistory, type HistoryNotice, type HistoryService } from '../history/index';
import { inspectEvent, inspectReport } from '../inspect/index';
import { recordFire } from './record';
import { resolveFire, sendFire, type FireArgs } from './request';
import { createWatchService, type WatchService } from '../watch/index';

export interface WatchDeskOptions {
  dataDir: string;
  version: string;
  /** Multiplies poll delays; tests speed watches up with e.g. 0.05. */
  pollScale?: number;
  /** The app (true, default): resume the watches live when it stopped, and compact the history file. The CLI: neither. */
  owner?: boolean;
}

export interface WatchDesk {
  history: HistoryService;
  watches: WatchService;
  fire(a: FireArgs): Promise<FireResult>;
  refire(historyId: string): Promise<FireResult>;
  notices(): HistoryNotice[];
  close(): void;
}

export function createWatchDesk(ctx: Ctx, o: WatchDeskOptions): WatchDesk {
  const changedIds = new Set<string | null>();
  const pushChanged = (): void => {
    const [only] = changedIds;
    const id = changedIds.size === 1 && only !== undefined ? only : null;
    changedIds.clear();
    try {
      ctx.notify('history:changed', { id });
    } catch {
      // Best effort.
    }
  };
  const history = openHistory({
    dataDir: o.dataDir,
    now: ctx.now,
    secrets: () => ctx.vault.knownSecrets(),
    maintain: o.owner !== false,
    onChange: (id) => {
      // Pushed on the next turn, one event per burst: never on a fire's answer path.
      changedIds.add(id);
      if (changedIds.size === 1) setImmediate(pushChanged);
    },
  });
  const watches = createWatchService({ ctx, history, ...(o.pollScale === undefined ? {} : { scale: o.pollScale }) });

  if (o.owner !== false) {
    for (const e of history.live()) {
      if (e.apiUrl === null || e.watchId === null) continue;
      try {
        watches.start({
          id: e.watchId,
          historyId: e.id,
          triggerId: e.triggerId,
          triggerName: e.triggerName,
          apiUrl: e.apiUrl,
          startedAt: e.at,
        });
      } catch {
        // An apiUrl that is no longer allowed (e.g. http to another host) is not resumed.
      }
    }
  }

  const fire = async (a: FireArgs): Promise<FireResult> => {
    const resolved = await resolveFire(ctx, a);
    return recordFire({ history, watches }, resolved, await sendFire(ctx, resolved));
  };

  return {
    history,
    watches,
    fire,
    async refire(historyId) {
      const e = history.get(historyId);
      if (e.payloadRedacted) {
        throw new DeskError(
          'forbidden',
          'This payload held a secret that the history masked, so it cannot be sent again as it was.',
          { hint: 'Fire the trigger with the payload from its editor.' },
        );
      }
      return fire({ id: e.triggerId, body: e.payload });
    },
    notices: () => history.openNotices(),
    close() {
      watches.close();
      history.close();
    },
  };
}

type WatchNames =
  | 'watches:list'
  | 'watch:start'
  | 'watch:stop'
  | 'watch:dismiss'
  | 'watch:abort'
  | 'history:search'
  | 'history:get'
  | 'history:refire'
  | 'history:delete'
  | 'history:clear'
  | 'history:getRetention'
  | 'history:setRetention'
  | 'inspect:open'
  | 'inspect:report';

export function watchHandlers(ctx: Ctx, desk: WatchDesk, version: string): Pick<Handlers, WatchNames> {
  const { history, watches } = desk;
  return {
    'watches:list': async () => watches.list(),
    'watch:start': async (a): Promise<WatchState> => {
      const t = a.triggerId === undefined ? null : liveTrigger(ctx.data.read(), a.triggerId);
      return watches.start({
        historyId: null,
        triggerId: t?.id ?? null,
        triggerName: t?.name ?? '',
        apiUrl: a.apiUrl.trim(),
      });
    },
    'watch:stop': async (a) => watches.stop(a.watchId),
    'watch:dismiss': async (a) => {
      watches.dismiss(a.watchId);
      return null;
    },
    'watch:abort': async (a) => watches.abort(a.watchId),
    'history:search': async (a) => history.search(a),
    'history:get': async (a) => history.get(a.id),
    'history:refire': async (a) => desk.refire(a.id),
    'history:delete': async (a) => {
      history.remove(a.id);
      return null;
    },
    'history:clear': async (a) => ({ removed: history.clear(a.triggerId) }),
    'history:getRetention': async () => history.retention(),
    'history:setRetention': async (a) => history.setRetention(a),
    'inspect:open': async (a) => inspectEvent(ctx, history, a),
    'inspect:report': async (a) => inspectReport(ctx, history, a, version),
  };
}
