// The fire history: every fire recorded (payload and headers redacted), its final status added as
// the watch learns it, kept across restarts in history.jsonl (history-file.ts). Search runs over an
// in-memory index (history-search.ts). Retention by count or age.
import { join } from 'node:path';
import { DeskError } from '../../shared/errors';
import type { HistoryEntry, HistoryPage, HistoryRetention, WatchState } from '../../shared/watch-model';
import { mergeWatch, newEntry, toSummary, type RecordInput } from './history-entry';
import { HISTORY_FILE, loadHistory, openHistoryWriter, writeCompacted, type HistoryWriter } from './history-file';
import { matches, searchText, type HistoryQuery } from './history-search';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Compact at startup when the file holds this many times more lines than entries. */
const COMPACT_RATIO = 3;

export interface HistoryOptions {
  dataDir: string;
  now: () => number;
  secrets: () => Iterable<string>;
  onChange: (id: string | null) => void;
  /**
   * False in the CLI: the app may have the file open for appending at the same time, so only the
   * app compacts it (a rename under the app's open file would lose the app's later appends).
   */
  maintain?: boolean;
}

interface Indexed {
  entry: HistoryEntry;
  text: string;
}

export interface HistoryService {
  record(o: RecordInput): HistoryEntry;
  /**
   * Records on the next turn of the event loop, off the fire's answer path (the page gets its
   * result first); `after` runs once it is recorded. Every other call writes pending ones first,
   * so a read right after a fire sees it.
   */
  recordSoon(o: RecordInput, after?: () => void): void;
  /** Folds a watch's state into its entry; writes a line only when something the history keeps changed. */
  updateFromWatch(w: WatchState): void;
  search(q: HistoryQuery): HistoryPage;
  get(id: string): HistoryEntry;
  find(id: string): HistoryEntry | null;
  /** Entries whose watch was live when the app stopped. */
  live(): HistoryEntry[];
  remove(id: string): void;
  clear(triggerId?: string): number;
  retention(): HistoryRetention;
  setRetention(r: { maxEntries?: number | null | undefined; maxAgeDays?: number | null | undefined }): HistoryRetention;
  size(): number;
  close(): void;
}

export function openHistory(o: HistoryOptions): HistoryService {
  const path = join(o.dataDir, HISTORY_FILE);
  const loaded = loadHistory(path, o.now());
  const notices = [...loaded.notices];
  const byId = new Map<string, Indexed>();
  // Oldest first (append order), so a new fire is a push, not an insert.
  let order: Indexed[] = [];
  for (const raw of loaded.entries.values()) {
    const entry = raw as unknown as HistoryEntry;
    const ix = { entry, text: searchText(entry) };
    byId.set(entry.id, ix);
    order.push(ix);
  }
  order.sort((a, b) => a.entry.at - b.entry.at);
  let config = { maxEntries: 10_000 as number | null, maxAgeDays: 90 as number | null, ...(loaded.config as { maxEntries?: number | null; maxAgeDays?: number | null }) };

  const expired = (): string[] => {
    const out: string[] = [];
    const cutoff = config.maxAgeDays === null ? -Infinity : o.now() - config.maxAgeDays * DAY_MS;
    const over = config.maxEntries === null ? 0 : Math.max(0, order.length - config.maxEntries);
    order.forEach((ix, i) => {
      if (ix.entry.live) return;
      if (i < over || ix.entry.at < cutoff) out.push(ix.entry.id);
    });
    return out;
  };
  const drop = (ids: string[]): void => {
    const gone = new Set(ids);
    for (const id of ids) byId.delete(id);
    order = order.filter((ix) => !gone.has(ix.entry.id));
  };

  drop(expired());
  const entriesMap = new Map(order.map((ix) => [ix.entry.id, ix.entry as unknown as Record<string, unknown> & { id: string }]));
  let lines = loaded.lines;
  if (o.maintain !== false && notices.length === 0 && (lines > COMPACT_RATIO * (order.length + 1) + 10 || entriesMap.size < loaded.entries.size)) {
    lines = writeCompacted(path, { entries: entriesMap, config });
  }
  const writer: HistoryWriter = openHistoryWriter(path, lines);

  const put = (entry: HistoryEntry): void => {
    const ix = { entry, text: searchText(entry) };
    byId.set(entry.id, ix);
    order.push(ix);
  };
  /** Cheap check first: appends must not scan 10,000 entries each time. */
  const anyExpired = (): boolean => {
    if (config.maxEntries !== null && order.length > config.maxEntries) return true;
    const oldest = order[0];
    return config.maxAgeDays !== null && oldest !== undefined && oldest.entry.at < o.now() - config.maxAgeDays * DAY_MS;
  };
  const enforce = (): void => {
    if (!anyExpired()) return;
    const ids = expired();
    if (ids.length === 0) return;
    writer.append({ t: 'del', ids });
    drop(ids);
    o.onChange(null);
  };
  const getIx = (id: string): Indexed => {
    const ix = byId.get(id);
    if (!ix) throw new DeskError('not-found', 'That history entry no longer exists (retention or a clear removed it).');
    return ix;
  };

  const svc: Omit<HistoryService, 'recordSoon'> = {
    record(x) {
      const entry = newEntry(x, [...o.secrets()]);
      writer.append({ t: 'add', e: entry as unknown as Record<string, unknown> & { id: string } });
      put(entry);
      enforce();
      o.onChange(entry.id);
      return entry;
    },

    updateFromWatch(w) {
      if (w.historyId === null) return;
      const ix = byId.get(w.historyId);
      if (!ix) return;
      const e = ix.entry;
      const { merged, changedKeys } = mergeWatch(e, w, o.now());
      if (changedKeys.length === 0) return;
      const p: Record<string, unknown> = {};
      for (const k of changedKeys) p[k] = merged[k];
      writer.append({ t: 'upd', id: e.id, p });
      ix.entry = merged;
      ix.text = searchText(merged);
      o.onChange(e.id);
      if (w.ended !== null) enforce();
    },

    search(q) {
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 100;
      const hits: HistoryEntry[] = [];
      let total = 0;
      const needle = q.text?.trim().toLowerCase() ?? '';
      for (let i = order.length - 1; i >= 0; i--) {
        const ix = order[i];
        if (!ix || !matches(ix, q, needle)) continue;
        if (total >= offset && hits.length < limit) hits.push(ix.entry);
        total++;
      }
      return { total, offset, entries: hits.map(toSummary) };
    },

    get: (id) => getIx(id).entry,
    find: (id) => byId.get(id)?.entry ?? null,
    live: () => order.filter((ix) => ix.entry.live && ix.entry.watchId !== null && ix.entry.apiUrl !== null).map((ix) => ix.entry),

    remove(id) {
      getIx(id);
      writer.append({ t: 'del', ids: [id] });
      drop([id]);
      o.onChange(id);
    },
    clear(triggerId) {
      const ids = order.filter((ix) => triggerId === undefined || ix.entry.triggerId === triggerId).map((ix) => ix.entry.id);
      if (ids.length > 0) {
        writer.append({ t: 'del', ids });
        drop(ids);
        o.onChange(null);
      }
      return ids.length;
    },
    retention: () => ({ maxEntries: config.maxEntries, maxAgeDays: config.maxAgeDays, notices: [...notices] }),
    setRetention(r) {
      const c: Record<string, unknown> = {};
      if (r.maxEntries !== undefined) c.maxEntries = r.maxEntries;
      if (r.maxAgeDays !== undefined) c.maxAgeDays = r.maxAgeDays;
      config = { ...config, ...c };
      writer.append({ t: 'cfg', c });
      enforce();
      return { maxEntries: config.maxEntries, maxAgeDays: config.maxAgeDays, notices: [...notices] };
    },
    size: () => order.length,
    close: () => {
      writer.close();
    },
  };

  const queue: (() => void)[] = [];
  let armed = false;
  const flush = (): void => {
    armed = false;
    for (let job = queue.shift(); job; job = queue.shift()) job();
  };
  return {
    record: (x) => (flush(), svc.record(x)),
    recordSoon(x, after) {
      queue.push(() => {
        svc.record(x);
        try {
          after?.();
        } catch {
          // The entry is written; a failed follow-up must not stop the others.
        }
      });
      if (!armed) {
        armed = true;
        setImmediate(flush);
      }
    },
    updateFromWatch(w) {
      flush();
      svc.updateFromWatch(w);
    },
    search: (q) => (flush(), svc.search(q)),
    get: (id) => (flush(), svc.get(id)),
    find: (id) => (flush(), svc.find(id)),
    live: () => (flush(), svc.live()),
    remove(id) {
      flush();
      svc.remove(id);
    },
    clear: (t) => (flush(), svc.clear(t)),
    retention: () => (flush(), svc.retention()),
    setRetention: (r) => (flush(), svc.setRetention(r)),
    size: () => (flush(), svc.size()),
    close() {
      flush();
      svc.close();
    },
  };
}
