// The fire history: every fire recorded (payload and headers redacted), its final status added as
// the watch learns it, kept across restarts in history.jsonl (file.ts). Search runs over an
// in-memory index (search.ts). Retention by count or age.
import { join } from 'node:path';
import { DeskError } from '../../../shared/errors';
import type { HistoryEntry, HistoryPage, HistoryRetention, WatchState } from '../../../shared/watch-model';
import { mergeWatch, newEntry, toSummary, type RecordInput } from './entry';
import {
  HISTORY_FILE,
  loadHistory,
  openHistoryWriter,
  writeCompacted,
  type HistoryWriter,
  type RetentionConfig,
} from './file';
import { matches, searchText, type HistoryQuery } from './search';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_MAX_ENTRIES = 10_000;
const DEFAULT_MAX_AGE_DAYS = 90;
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
  /** Writes the entry's line before returning: an acknowledged fire is on disk (in the OS) already. */
  record(o: RecordInput): HistoryEntry;
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
  /** What opening the file found (damaged lines skipped, entries removed by retention), for the page's notices. */
  openNotices(): HistoryNotice[];
  size(): number;
  close(): void;
}

export interface HistoryNotice {
  text: string;
  level: 'warning' | 'info';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function openHistory(o: HistoryOptions): HistoryService {
  const path = join(o.dataDir, HISTORY_FILE);
  const loaded = loadHistory(path, { now: o.now(), maintain: o.maintain !== false });
  const notices: HistoryNotice[] = loaded.notices.map((text) => ({ text, level: 'warning' }));
  const byId = new Map<string, Indexed>();
  // Oldest first (append order), so a new fire is a push, not an insert.
  let order: Indexed[] = [];
  for (const entry of loaded.entries.values()) {
    const ix = { entry, text: searchText(entry) };
    byId.set(entry.id, ix);
    order.push(ix);
  }
  order.sort((a, b) => a.entry.at - b.entry.at);
  // The file's limits passed the same schema as history:setRetention (lines.ts).
  let config = {
    maxEntries: loaded.config.maxEntries === undefined ? DEFAULT_MAX_ENTRIES : loaded.config.maxEntries,
    maxAgeDays: loaded.config.maxAgeDays === undefined ? DEFAULT_MAX_AGE_DAYS : loaded.config.maxAgeDays,
  };

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

  // Retention at start removes only what the limits say, and never silently.
  const gone = expired();
  if (gone.length > 0) {
    drop(gone);
    const n = config.maxEntries === null ? null : `at most ${config.maxEntries.toLocaleString('en-US')} entries`;
    const d =
      config.maxAgeDays === null
        ? null
        : `${n === null ? 'no entry' : 'none'} older than ${plural(config.maxAgeDays, 'day', 'days')}`;
    const keeps = [n, d].filter((x) => x !== null).join(', ');
    notices.push({
      level: 'info',
      text: `${plural(gone.length, 'history entry was', 'history entries were')} removed at start: the history keeps ${keeps} (History → Retention… changes it).`,
    });
  }
  const entriesMap = new Map(order.map((ix) => [ix.entry.id, ix.entry]));
  let lines = loaded.lines;
  if (
    o.maintain !== false &&
    (lines > COMPACT_RATIO * (order.length + 1) + 10 || entriesMap.size < loaded.entries.size)
  ) {
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

  return {
    record(x) {
      const entry = newEntry(x, [...o.secrets()]);
      writer.append({ t: 'add', e: entry });
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
      const p: Partial<HistoryEntry> = {};
      for (const k of changedKeys) Object.assign(p, { [k]: merged[k] });
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
    live: () =>
      order
        .filter((ix) => ix.entry.live && ix.entry.watchId !== null && ix.entry.apiUrl !== null)
        .map((ix) => ix.entry),

    remove(id) {
      getIx(id);
      writer.append({ t: 'del', ids: [id] });
      drop([id]);
      o.onChange(id);
    },
    clear(triggerId) {
      const ids = order
        .filter((ix) => triggerId === undefined || ix.entry.triggerId === triggerId)
        .map((ix) => ix.entry.id);
      if (ids.length > 0) {
        writer.append({ t: 'del', ids });
        drop(ids);
        o.onChange(null);
      }
      return ids.length;
    },
    retention: () => ({
      maxEntries: config.maxEntries,
      maxAgeDays: config.maxAgeDays,
      notices: notices.map((n) => n.text),
    }),
    setRetention(r) {
      const c: RetentionConfig = {};
      if (r.maxEntries !== undefined) c.maxEntries = r.maxEntries;
      if (r.maxAgeDays !== undefined) c.maxAgeDays = r.maxAgeDays;
      config = { ...config, ...c };
      writer.append({ t: 'cfg', c });
      enforce();
      return { maxEntries: config.maxEntries, maxAgeDays: config.maxAgeDays, notices: notices.map((n) => n.text) };
    },
    openNotices: () => [...notices],
    size: () => order.length,
    close: () => {
      writer.close();
    },
  };
}
