// The live watches the backend holds, kept current by `watch:update` events. The window title says
// how many are live; a desktop notification says when one ends (see watch-notify.ts).
import { useEffect } from 'react';
import { create } from 'zustand';
import type { FireResult } from '../../shared/model';
import type { WatchState } from '../../shared/watch-model';
import { desk, request } from '../bridge';
import { notifyEnded } from './watch-notify';
import { showError, showToast } from './toasts';

interface WatchStoreState {
  watches: Record<string, WatchState>;
  /**
   * When (this computer's clock) each watch's durations were last measured. Not `updatedAt`: an
   * update that only reports connection trouble carries old durations, and live clocks must not
   * jump back.
   */
  measuredAt: Record<string, number>;
}

export const useWatches = create<WatchStoreState>(() => ({ watches: {}, measuredAt: {} }));

function durations(watch: WatchState): string {
  return `${watch.execution?.durationMs ?? ''}|${watch.steps.map((s) => s.stages.map((x) => x.durationMs ?? '').join(',')).join(';')}`;
}

export function isLive(watch: WatchState): boolean {
  return watch.ended === null;
}

export function liveCount(state: WatchStoreState): number {
  return Object.values(state.watches).filter(isLive).length;
}

/** The watch that follows a fire: the backend starts one by itself after every accepted fire. */
export function watchForFire(state: WatchStoreState, result: FireResult | null | undefined): WatchState | undefined {
  if (!result?.event) return undefined;
  const id = result.event.eventCorrelationId;
  return Object.values(state.watches).find((w) => w.historyId === result.id || w.eventCorrelationId === id);
}

/** Keeps a watch the backend answered with (e.g. one started on a run of an account's pipeline). */
export function keepWatch(watch: WatchState): void {
  upsert(watch);
}

function upsert(watch: WatchState): void {
  const before = useWatches.getState().watches[watch.id];
  // Events can overtake a list answer: never go back to an older state.
  if (before && before.updatedAt > watch.updatedAt) return;
  const remeasured = !before || durations(before) !== durations(watch);
  useWatches.setState((s) => ({
    watches: { ...s.watches, [watch.id]: watch },
    measuredAt: remeasured ? { ...s.measuredAt, [watch.id]: Date.now() } : s.measuredAt,
  }));
  // Only an end seen live in this window notifies (not the ended watches a reload lists).
  if (before && isLive(before) && !isLive(watch)) notifyEnded(watch);
}

export async function resync(): Promise<void> {
  const reply = await request('watches:list', {});
  // On a failure the next event or reconnect tries again; the panel keeps the last state it saw.
  if (!reply.ok) return;
  for (const watch of reply.value) upsert(watch);
  const known = new Set(reply.value.map((w) => w.id));
  useWatches.setState((s) => ({
    watches: Object.fromEntries(Object.entries(s.watches).filter(([id]) => known.has(id))),
  }));
}

let resyncTimer: ReturnType<typeof setTimeout> | null = null;
function scheduleResync(): void {
  if (resyncTimer) clearTimeout(resyncTimer);
  resyncTimer = setTimeout(() => {
    resyncTimer = null;
    void resync();
  }, 100);
}

const BASE_TITLE = 'Trigger Desk';

export function titleFor(live: number): string {
  return live === 0 ? BASE_TITLE : `${BASE_TITLE} — ${live} running`;
}

/** Subscribes once for the window's life: events, a first list, the title. */
export function useWatchFeed(): void {
  useEffect(() => {
    const offUpdate = desk.on('watch:update', upsert);
    // After the event stream reconnects the bridge reports data changed: events may have been missed.
    const offChanged = desk.on('data:changed', scheduleResync);
    const offTitle = useWatches.subscribe((s) => {
      document.title = titleFor(liveCount(s));
    });
    void resync();
    return () => {
      offUpdate();
      offChanged();
      offTitle();
    };
  }, []);
}

export async function abortWatch(watch: WatchState): Promise<void> {
  const reply = await request('watch:abort', { watchId: watch.id });
  if (reply.ok) showToast(reply.value.message, { tone: reply.value.accepted ? 'info' : 'error' });
  else showError(reply.error, 'Could not abort the run');
}

export async function stopWatch(watch: WatchState): Promise<void> {
  const reply = await request('watch:stop', { watchId: watch.id });
  if (reply.ok) upsert(reply.value);
  else showError(reply.error, 'Could not stop following');
}

export async function dismissWatch(watch: WatchState): Promise<void> {
  const reply = await request('watch:dismiss', { watchId: watch.id });
  if (reply.ok)
    useWatches.setState((s) => ({
      watches: Object.fromEntries(Object.entries(s.watches).filter(([id]) => id !== watch.id)),
    }));
  else showError(reply.error, 'Could not dismiss');
}

export async function followApiUrl(apiUrl: string, triggerId?: string): Promise<WatchState | null> {
  const reply = await request('watch:start', triggerId ? { apiUrl, triggerId } : { apiUrl });
  if (!reply.ok) {
    showError(reply.error, 'Could not follow the event');
    return null;
  }
  upsert(reply.value);
  return reply.value;
}
