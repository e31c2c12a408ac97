// Live watches: each follows one event's apiUrl until a terminal status (docs/harness-protocol.md §3), pushing
// `watch:update` with the whole state on every change. Network errors and 5xx are "connection
// trouble" (backoff, never a failed run); 401/403 and other refusals stop the watch with the
// reason. The key goes only to the trigger's own origin and account; every answer is redacted
// against every known secret as it is read. Watches of fires are recorded in the history, so they
// resume after a restart.
import { DeskError } from '../../../shared/errors';
import { readDetails } from '../../../shared/harness/execution-status';
import { redact } from '../../../shared/harness/redact';
import type { WatchState } from '../../../shared/watch-model';
import { abortExecution } from './abort';
import type { Ctx } from '../context';
import { checkRequestUrl } from '../net/index';
import type { HistoryService } from '../history/index';
import { newId } from '../store/index';
import { createScheduler, pollDelay, troubleDelay } from './poll';
import { initialState, signature, withView, type WatchSeed } from './status';
import { keyForUrl, knownSecrets } from './key';

const NET_CODES = new Set(['network', 'timeout', 'tls', 'proxy']);
/** Ended watches kept for the page (newest); older ones live on in the history only. */
const KEEP_ENDED = 200;
/** A watch that sees no terminal status in this long gives up (the event is still in Harness). */
const MAX_WATCH_MS = 48 * 60 * 60 * 1000;

export interface WatchOptions {
  ctx: Ctx;
  history: HistoryService;
  /** Multiplies every poll delay (tests: 0.05). */
  scale?: number;
  random?: () => number;
  maxInFlight?: number;
}

interface Watch {
  state: WatchState;
  sig: string;
  failures: number;
  /** The trigger's key, loaded once; only set when apiUrl has the trigger's origin and account. */
  key: string | null | undefined;
}

export interface WatchService {
  start(seed: Omit<WatchSeed, 'id' | 'startedAt'> & { id?: string; startedAt?: number }): WatchState;
  /**
   * A fire's watch: checked and given its id now, built on `announce` (after the fire's answer),
   * or as soon as anything asks for a watch. Its first update and first poll wait for `announce`.
   */
  reserve(seed: Omit<WatchSeed, 'id' | 'startedAt'>): string;
  announce(id: string): void;
  list(): WatchState[];
  get(id: string): WatchState;
  stop(id: string, reason?: string): WatchState;
  dismiss(id: string): void;
  abort(id: string): Promise<{ accepted: boolean; message: string }>;
  /** Live watches (for the title / tray count and the bench). */
  liveCount(): number;
  close(): void;
}

export function createWatchService(o: WatchOptions): WatchService {
  const { ctx, history } = o;
  const scale = o.scale ?? 1;
  const random = o.random ?? Math.random;
  const watches = new Map<string, Watch>();
  /** Reserved by a fire, not built yet (reserve). */
  const reserved = new Map<string, WatchSeed>();
  let closed = false;

  const build = (seed: WatchSeed): Watch => {
    const w: Watch = { state: initialState(seed), sig: '', failures: 0, key: undefined };
    watches.set(seed.id, w);
    return w;
  };
  /** Builds the reserved watches: anything that reads the watches sees a fire's at once. */
  const built = (): Map<string, Watch> => {
    if (reserved.size > 0) {
      for (const seed of reserved.values()) build(seed);
      reserved.clear();
    }
    return watches;
  };

  const find = (id: string): Watch => {
    const w = built().get(id);
    if (!w)
      throw new DeskError(
        'not-found',
        'That watch is gone (it ended and was dismissed, or the app restarted). The history keeps its record.',
      );
    return w;
  };

  const publish = (w: Watch): void => {
    const sig = signature(w.state);
    if (sig === w.sig) return;
    w.sig = sig;
    w.state = { ...w.state, updatedAt: ctx.now() };
    try {
      history.updateFromWatch(w.state);
    } catch {
      // A full disk must not stop the watch; the page still gets the update.
    }
    try {
      ctx.notify('watch:update', w.state);
    } catch {
      // Best effort: nobody may be listening.
    }
  };

  const pruneEnded = (): void => {
    const ended = [...watches.values()].filter((w) => w.state.ended !== null);
    if (ended.length <= KEEP_ENDED) return;
    ended.sort((a, b) => (a.state.ended?.at ?? 0) - (b.state.ended?.at ?? 0));
    for (const w of ended.slice(0, ended.length - KEEP_ENDED)) watches.delete(w.state.id);
  };

  const end = (w: Watch, reason: string, phase?: WatchState['phase']): void => {
    if (w.state.ended !== null) return;
    scheduler.cancel(w.state.id);
    w.state = {
      ...w.state,
      ended: { at: ctx.now(), reason },
      nextPollAt: null,
      canAbort: false,
      ...(phase ? { phase } : {}),
    };
    w.key = undefined;
    publish(w);
    pruneEnded();
  };

  const next = (w: Watch, delay: number): void => {
    if (closed || w.state.ended !== null) return;
    const at = ctx.now() + delay;
    w.state = { ...w.state, nextPollAt: at };
    scheduler.at(w.state.id, at);
  };

  const keyOf = async (w: Watch): Promise<string | null> => {
    if (w.key !== undefined) return w.key;
    const { key } = await keyForUrl(ctx, w.state.apiUrl, w.state.triggerId).catch(() => ({ key: null }));
    // Once per watch: the trigger's secrets read into the vault's cache, so an echo of them is caught.
    await knownSecrets(ctx, w.state.triggerId);
    w.key = key;
    return key;
  };

  const trouble = (w: Watch, what: string): void => {
    w.failures++;
    const delay = troubleDelay(w.failures, scale, random);
    const seconds = Math.max(1, Math.round(delay / 1000));
    w.state = {
      ...w.state,
      connectionTrouble: `Connection trouble: ${what}. Trying again in ${seconds} s (attempt ${w.failures}); the run itself is not affected.`,
    };
    publish(w);
    next(w, delay);
  };

  /** Ended or closing while a poll was in flight: its answer is dropped (no second terminal update). */
  const over = (w: Watch): boolean => w.state.ended !== null || closed;

  async function poll(id: string): Promise<void> {
    const w = watches.get(id);
    if (!w || w.state.ended !== null || closed) return;
    if (ctx.now() - w.state.startedAt > MAX_WATCH_MS) {
      end(
        w,
        'Stopped watching after 48 hours without a final status; the event can still be opened in the inspector.',
        'stopped',
      );
      return;
    }
    w.state = { ...w.state, polls: w.state.polls + 1, nextPollAt: null };
    const key = await keyOf(w);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (key !== null) headers['X-Api-Key'] = key;
    const secrets = [...ctx.vault.knownSecrets()];
    if (key !== null) secrets.push(key);
    let res;
    try {
      res = await ctx.http.request({ method: 'GET', url: w.state.apiUrl, headers, retry: false });
    } catch (err) {
      if (over(w)) return;
      if (err instanceof DeskError && NET_CODES.has(err.code)) trouble(w, redact(err.message, secrets));
      else end(w, redact(err instanceof Error ? err.message : String(err), secrets), 'stopped');
      return;
    }
    if (over(w)) return;
    // "doesn't exist" for a minute may no longer mean "queued": the headline then says so.
    const answer = readDetails(res.status, res.body, ctx.now(), secrets, {
      pendingForMs: ctx.now() - w.state.startedAt,
    });
    const said = answer.kind === 'view' ? '' : answer.message;
    switch (answer.kind) {
      case 'view':
        w.failures = 0;
        w.state = withView(w.state, answer.view);
        if (answer.view.terminal) {
          end(w, answer.view.headline);
        } else {
          publish(w);
          next(w, pollDelay(ctx.now() - w.state.startedAt, scale, random));
        }
        return;
      case 'trouble':
        trouble(w, `Harness answered HTTP ${res.status}${said ? ` (${said})` : ''}`);
        return;
      case 'denied':
        end(
          w,
          `Harness refused to show this event (HTTP ${res.status}${said ? `: ${said}` : ''}). ${key === null ? 'It may need an API key: set one on the trigger.' : 'The key needs the pipeline view permission.'}`,
          'stopped',
        );
        return;
      case 'refused':
        end(w, `Harness cannot show this event (HTTP ${res.status}${said ? `: ${said}` : ''}).`, 'stopped');
        return;
    }
  }

  const scheduler = createScheduler(poll, { maxInFlight: o.maxInFlight ?? 32, now: ctx.now });

  return {
    start(seed) {
      if (closed) throw new DeskError('internal', 'The backend is closing.');
      checkRequestUrl(seed.apiUrl);
      const id = seed.id ?? newId();
      const existing = built().get(id);
      if (existing) return existing.state;
      const w = build({ ...seed, id, startedAt: seed.startedAt ?? ctx.now() });
      publish(w);
      // The event is queued for a moment anyway; a resumed watch is spread a little, so a restart
      // with many live watches does not poll them all in the same instant.
      next(w, seed.startedAt === undefined ? Math.round(500 * scale) : Math.round(random() * 2000 * scale));
      return w.state;
    },
    reserve(seed) {
      if (closed) throw new DeskError('internal', 'The backend is closing.');
      checkRequestUrl(seed.apiUrl);
      const id = newId();
      reserved.set(id, { ...seed, id, startedAt: ctx.now() });
      return id;
    },
    announce(id) {
      const w = built().get(id);
      if (!w) return;
      publish(w);
      if (w.state.nextPollAt === null) next(w, Math.round(500 * scale));
    },
    list: () => [...built().values()].map((w) => w.state).sort((a, b) => b.startedAt - a.startedAt),
    get: (id) => find(id).state,
    stop(id, reason) {
      const w = find(id);
      end(w, reason ?? 'Stopped watching; the run goes on in Harness.', 'stopped');
      return w.state;
    },
    dismiss(id) {
      const w = find(id);
      if (w.state.ended === null) end(w, 'Stopped watching; the run goes on in Harness.', 'stopped');
      watches.delete(id);
    },
    async abort(id) {
      const w = find(id);
      const e = w.state.execution;
      if (!e || w.state.terminal || w.state.ended !== null)
        throw new DeskError('not-found', 'There is no running execution to abort for this event.');
      const result = await abortExecution(ctx, { apiUrl: w.state.apiUrl, triggerId: w.state.triggerId, execution: e });
      // Look again soon, so the page sees the run reach Aborted.
      if (result.accepted) next(w, Math.round(300 * scale));
      return result;
    },
    liveCount: () => [...built().values()].filter((w) => w.state.ended === null).length,
    close() {
      closed = true;
      scheduler.close();
    },
  };
}
