// The history list as the page sees it: the query, the total, and pages of rows fetched as they
// scroll into view (so 10,000 entries never cross the bridge at once); the open entry in full.
import { create } from 'zustand';
import type { Args } from '../../shared/api';
import type { Reply } from '../../shared/errors';
import type { FireResult } from '../../shared/model';
import type { HistoryEntry, HistoryRetention, HistoryStatusGroup, HistorySummary } from '../../shared/watch-model';
import { desk, errorText, request } from '../bridge';
import { dayBound } from './history-dates';
import { showError, showToast } from './toasts';

export const PAGE_SIZE = 200;

export interface HistoryQuery {
  text: string;
  group: HistoryStatusGroup | '';
  /** yyyy-mm-dd from the date fields, '' for no bound. */
  fromDate: string;
  toDate: string;
}

interface HistoryState {
  query: HistoryQuery;
  total: number;
  pages: Record<number, HistorySummary[]>;
  loaded: boolean;
  error: string | null;
  activeIndex: number | null;
  openId: string | null;
  entry: HistoryEntry | null;
  entryError: string | null;
  retention: HistoryRetention | null;
}

export const useHistory = create<HistoryState>(() => ({
  query: { text: '', group: '', fromDate: '', toDate: '' },
  total: 0,
  pages: {},
  loaded: false,
  error: null,
  activeIndex: null,
  openId: null,
  entry: null,
  entryError: null,
  retention: null,
}));

export function rowAt(state: HistoryState, index: number): HistorySummary | undefined {
  return state.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

function searchArgs(query: HistoryQuery, offset: number): Args<'history:search'> {
  const from = dayBound(query.fromDate, false);
  const to = dayBound(query.toDate, true);
  return {
    offset,
    limit: PAGE_SIZE,
    ...(query.text.trim() ? { text: query.text.trim() } : {}),
    ...(query.group ? { group: query.group } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

/** Bumped by every new query: answers to an older query are dropped. */
let generation = 0;
const inFlight = new Set<number>();

async function fetchPage(page: number, mine: number): Promise<void> {
  if (inFlight.has(page)) return;
  inFlight.add(page);
  const reply = await request('history:search', searchArgs(useHistory.getState().query, page * PAGE_SIZE));
  inFlight.delete(page);
  if (mine !== generation) return;
  if (reply.ok)
    useHistory.setState((s) => ({
      total: reply.value.total,
      pages: { ...s.pages, [page]: reply.value.entries },
      loaded: true,
      error: null,
    }));
  else useHistory.setState({ error: errorText(reply.error), loaded: true });
}

export async function setQuery(changes: Partial<HistoryQuery>): Promise<void> {
  const mine = ++generation;
  inFlight.clear();
  useHistory.setState((s) => ({ query: { ...s.query, ...changes }, pages: {}, activeIndex: null }));
  await fetchPage(0, mine);
}

/** The rows last in view: a refresh refetches only their pages. */
let inView = { start: 0, end: PAGE_SIZE };

function pagesCovering(start: number, end: number): number[] {
  const pages: number[] = [];
  for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(Math.max(start, end - 1) / PAGE_SIZE); page++)
    pages.push(page);
  return pages;
}

/** Fetches the pages covering rows start..end that are not loaded yet. */
export function ensureRows(start: number, end: number): void {
  inView = { start, end };
  const { pages } = useHistory.getState();
  for (const page of pagesCovering(start, end)) {
    if (!(page in pages)) void fetchPage(page, generation);
  }
}

/**
 * Something changed in the backend's history (a live run updates its entry on every poll):
 * refetch the pages in view, drop the others (they are fetched again when scrolled to), keep the
 * scroll. The rows shown stay until the new ones arrive: no flash of "Loading…".
 */
async function refreshHistory(changedId: string | null): Promise<void> {
  const mine = ++generation;
  inFlight.clear();
  const wanted = pagesCovering(inView.start, inView.end);
  const query = useHistory.getState().query;
  const replies = await Promise.all(
    wanted.map((page) => request('history:search', searchArgs(query, page * PAGE_SIZE))),
  );
  if (mine !== generation) return;
  const pages: Record<number, HistorySummary[]> = {};
  let total = 0;
  for (const [i, reply] of replies.entries()) {
    if (!reply.ok) {
      useHistory.setState({ error: errorText(reply.error) });
      return;
    }
    pages[wanted[i] ?? 0] = reply.value.entries;
    total = reply.value.total;
  }
  useHistory.setState({ pages, total, loaded: true, error: null });
  const openId = useHistory.getState().openId;
  if (openId && (changedId === null || changedId === openId)) await openEntry(openId);
}

export async function openEntry(id: string): Promise<void> {
  useHistory.setState((s) => (s.openId === id ? {} : { openId: id, entry: null, entryError: null }));
  const reply = await request('history:get', { id });
  if (useHistory.getState().openId !== id) return;
  if (reply.ok) useHistory.setState({ entry: reply.value, entryError: null });
  else useHistory.setState({ entry: null, entryError: errorText(reply.error) });
}

export function closeEntry(): void {
  useHistory.setState({ openId: null, entry: null, entryError: null });
}

export function setActiveIndex(index: number): void {
  useHistory.setState({ activeIndex: index });
}

export async function deleteEntry(id: string): Promise<void> {
  const reply = await request('history:delete', { id });
  if (!reply.ok) {
    showError(reply.error, 'Could not remove the entry');
    return;
  }
  closeEntry();
  await refreshHistory(null);
  showToast('Removed from the history.');
}

/** A new fire with the entry's payload (the page has confirmed it, as for any fire). */
export async function refire(id: string): Promise<FireResult | null> {
  const reply = await request('history:refire', { id });
  if (reply.ok) return reply.value;
  showError(reply.error, 'The fire was not sent');
  return null;
}

export async function loadRetention(): Promise<void> {
  const reply = await request('history:getRetention', {});
  if (reply.ok) useHistory.setState({ retention: reply.value });
  else showError(reply.error, 'Could not read the history settings');
}

export async function saveRetention(
  maxEntries: number | null,
  maxAgeDays: number | null,
): Promise<Reply<HistoryRetention>> {
  const reply = await request('history:setRetention', { maxEntries, maxAgeDays });
  if (!reply.ok) return reply;
  useHistory.setState({ retention: reply.value });
  await refreshHistory(null);
  return reply;
}

/**
 * While the History view is open: the first page, the retention (its notices show above the
 * list) and `history:changed` events. A live run updates its entry on every poll, so bursts
 * coalesce into one refetch.
 */
export function followHistory(): () => void {
  void setQuery({});
  void loadRetention();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let changed: string | null | undefined;
  const off = desk.on('history:changed', ({ id }) => {
    changed = changed === undefined || changed === id ? id : null;
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      const which = changed ?? null;
      changed = undefined;
      void refreshHistory(which);
    }, 300);
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
