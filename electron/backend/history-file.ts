// The history on disk: one append-only JSON Lines file. Why: an append is one small write (no
// rewrite of 10,000 entries per fire), a crash can only tear the last line, and the file is
// readable by hand. Each write is a synchronous write(2) (in the OS once `append` returns, so a
// killed process loses nothing acknowledged); fsync runs in batches. Updates are their own lines;
// at startup, when they dominate, the file is compacted (written anew beside it, then renamed).
import { closeSync, existsSync, fdatasyncSync, fsyncSync, ftruncateSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';

export const HISTORY_FILE = 'history.jsonl';
const FORMAT = 1;
const FSYNC_EVERY_MS = 200;

/** One line of the file. `e` is an entry (or the fields that changed), kept opaque here. */
export type HistoryLine =
  | { t: 'head'; v: number }
  | { t: 'add'; e: Record<string, unknown> & { id: string } }
  | { t: 'upd'; id: string; p: Record<string, unknown> }
  | { t: 'del'; ids: string[] }
  | { t: 'cfg'; c: Record<string, unknown> };

export interface LoadedHistory {
  /** Entries by id, in file order, with their updates merged. */
  entries: Map<string, Record<string, unknown> & { id: string }>;
  config: Record<string, unknown>;
  lines: number;
  notices: string[];
}

function isLine(v: unknown): v is HistoryLine {
  if (typeof v !== 'object' || v === null) return false;
  const t = (v as { t?: unknown }).t;
  return t === 'head' || t === 'add' || t === 'upd' || t === 'del' || t === 'cfg';
}

function apply(into: LoadedHistory, line: HistoryLine): void {
  switch (line.t) {
    case 'add':
      if (typeof line.e.id === 'string') into.entries.set(line.e.id, line.e);
      break;
    case 'upd': {
      const e = into.entries.get(line.id);
      if (e) into.entries.set(line.id, { ...e, ...line.p, id: e.id });
      break;
    }
    case 'del':
      for (const id of line.ids) into.entries.delete(id);
      break;
    case 'cfg':
      into.config = { ...into.config, ...line.c };
      break;
    case 'head':
      break;
  }
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/**
 * Reads the file. A torn last line (crash mid-write) is skipped and cut off; a file with a bad line
 * elsewhere is moved aside (kept, never emptied) and what could be read is carried over.
 */
export function loadHistory(path: string, now = Date.now()): LoadedHistory {
  const out: LoadedHistory = { entries: new Map(), config: {}, lines: 0, notices: [] };
  if (!existsSync(path)) return out;
  const text = readFileSync(path, 'utf8');
  const rows = text.split('\n');
  // A complete file ends with a newline, so the last row is empty.
  const tail = rows.pop() ?? '';
  let bad = 0;
  let firstBad = -1;
  rows.forEach((row, i) => {
    if (row.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(row);
    } catch {
      parsed = null;
    }
    if (!isLine(parsed) || (i === 0 && parsed.t !== 'head')) {
      bad++;
      if (firstBad < 0) firstBad = i + 1;
      return;
    }
    out.lines++;
    apply(out, parsed);
  });
  if (bad > 0) {
    const aside = `${path}.corrupt-${stamp(now)}`;
    renameSync(path, aside);
    out.notices.push(
      `The history file had ${bad} unreadable line${bad === 1 ? '' : 's'} (first at line ${firstBad}). It was moved aside to ${aside}; the ${out.entries.size} entries that could be read were kept.`,
    );
    writeCompacted(path, out);
    return out;
  }
  if (tail.trim() !== '') {
    // A torn last line: drop it so the next append starts on a line of its own.
    const fd = openSync(path, 'r+');
    try {
      ftruncateSync(fd, Buffer.byteLength(text) - Buffer.byteLength(tail));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    out.notices.push(`The last history line was incomplete (the app stopped while writing it) and was skipped: ${tail.length} characters.`);
  }
  return out;
}

/** Writes a fresh file (head, config, one line per entry) beside the old one, then renames over it. */
export function writeCompacted(path: string, h: Pick<LoadedHistory, 'entries' | 'config'>): number {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  let lines = 0;
  try {
    const parts: string[] = [JSON.stringify({ t: 'head', v: FORMAT })];
    if (Object.keys(h.config).length > 0) parts.push(JSON.stringify({ t: 'cfg', c: h.config }));
    for (const e of h.entries.values()) parts.push(JSON.stringify({ t: 'add', e }));
    lines = parts.length;
    // Chunks keep the peak memory of a big history down.
    for (let i = 0; i < parts.length; i += 1000) writeSync(fd, parts.slice(i, i + 1000).join('\n') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return lines;
}

export interface HistoryWriter {
  append(line: HistoryLine): void;
  /** fsync now (close, tests). */
  flush(): void;
  close(): void;
  lines(): number;
}

/** Opens the file for appending; `lines` counts what is already in it (for the compaction rule). */
export function openHistoryWriter(path: string, lines: number): HistoryWriter {
  const fresh = !existsSync(path) || statSync(path).size === 0;
  const fd = openSync(path, 'a', 0o600);
  let count = lines;
  let dirty = false;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const sync = (): void => {
    timer = null;
    if (!dirty || closed) return;
    dirty = false;
    try {
      fdatasyncSync(fd);
    } catch {
      // The data is in the OS already; a failed fsync only narrows power-loss safety.
    }
  };
  const write = (line: HistoryLine): void => {
    if (closed) throw new Error('The history file is closed');
    writeSync(fd, JSON.stringify(line) + '\n');
    count++;
    dirty = true;
    if (timer === null) {
      timer = setTimeout(sync, FSYNC_EVERY_MS);
      timer.unref();
    }
  };
  if (fresh) write({ t: 'head', v: FORMAT });
  return {
    append: write,
    flush: () => {
      if (timer) clearTimeout(timer);
      sync();
    },
    close: () => {
      if (closed) return;
      if (timer) clearTimeout(timer);
      sync();
      closed = true;
      closeSync(fd);
    },
    lines: () => count,
  };
}
