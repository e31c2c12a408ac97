// The history on disk: one append-only JSON Lines file. Why: an append is one small write (no
// rewrite of 10,000 entries per fire), a crash can only tear the last line, and the file is
// readable by hand. Each write is a synchronous write(2) (in the OS once `append` returns, so a
// killed process loses nothing acknowledged); fsync runs in batches. Updates are their own lines;
// at startup, when they dominate, the file is compacted (written anew beside it, then renamed).
import {
  closeSync,
  copyFileSync,
  existsSync,
  fdatasync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import type { HistoryEntry } from '../../../shared/watch-model';
import { historyLineSchema, lineProblem, type HistoryLine } from './lines';

export const HISTORY_FILE = 'history.jsonl';
const FORMAT = 1;
const FSYNC_EVERY_MS = 200;

export type { HistoryLine } from './lines';
export type RetentionConfig = Extract<HistoryLine, { t: 'cfg' }>['c'];

export interface LoadedHistory {
  /** Entries by id, in file order, with their updates merged. */
  entries: Map<string, HistoryEntry>;
  config: RetentionConfig;
  lines: number;
  /** Lines that failed their schema (or were not JSON) and were skipped; a torn last line is not counted here. */
  skipped: number;
  notices: string[];
}

function apply(into: LoadedHistory, line: HistoryLine): void {
  switch (line.t) {
    case 'add':
      into.entries.set(line.e.id, line.e);
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

/** A line of the file checked against its schema, or why it was refused. */
function readLine(row: string): { line: HistoryLine } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row);
  } catch {
    return { problem: 'not JSON' };
  }
  const checked = historyLineSchema.safeParse(parsed);
  return checked.success ? { line: checked.data } : { problem: lineProblem(checked.error) };
}

/**
 * Reads the file; never throws on its content. Every line is checked against its schema: a bad one
 * is skipped and counted. The app (`maintain`) then keeps the file as it was aside and writes the
 * readable lines anew; the CLI only skips them (the app may be appending to the file meanwhile).
 * A torn last line (crash mid-write) is cut off.
 */
export function loadHistory(path: string, o: { now?: number; maintain?: boolean } = {}): LoadedHistory {
  const now = o.now ?? Date.now();
  const out: LoadedHistory = { entries: new Map(), config: {}, lines: 0, skipped: 0, notices: [] };
  if (!existsSync(path)) return out;
  const bytes = readFileSync(path);
  // A complete file ends with a newline; what follows the last one is a torn (or unfinished) line.
  // Cut on the bytes: a tear may split a character, and the cut must fall where the tear is.
  const end = bytes.lastIndexOf(0x0a) + 1;
  const rows = bytes.subarray(0, end).toString('utf8').split('\n');
  rows.pop();
  const tail = bytes.subarray(end).toString('utf8');
  let first: { at: number; problem: string } | null = null;
  for (const [i, row] of rows.entries()) {
    if (row.trim() === '') continue;
    const read = readLine(row);
    if ('problem' in read) {
      out.skipped++;
      first ??= { at: i + 1, problem: read.problem };
      continue;
    }
    out.lines++;
    apply(out, read.line);
  }
  // A last line without its newline: kept when it is whole (the file was cut just after it).
  const last = tail.trim() === '' ? null : readLine(tail);
  if (last !== null && 'line' in last) {
    out.lines++;
    apply(out, last.line);
  }
  const torn = last !== null && 'problem' in last;
  const rewrite = out.skipped > 0 && o.maintain !== false;
  if (!rewrite && tail.trim() !== '') {
    const fd = openSync(path, 'r+');
    try {
      // A torn last line is dropped, a whole one gets its newline: the next append starts on a line of its own.
      if (torn) ftruncateSync(fd, end);
      else writeSync(fd, '\n', bytes.length);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  if (torn)
    out.notices.push(
      `The last history line was incomplete (the app stopped while writing it) and was skipped: ${tail.length} characters.`,
    );
  if (out.skipped > 0) {
    const plural = out.skipped === 1 ? 'line' : 'lines';
    const where = first === null ? '' : ` (first at line ${first.at}: ${first.problem})`;
    if (rewrite) {
      const aside = `${path}.corrupt-${stamp(now)}`;
      copyFileSync(path, aside);
      out.lines = writeCompacted(path, out);
      out.notices.push(
        `The history file had ${out.skipped} damaged ${plural}${where}, which were skipped. The ${out.entries.size} entries that could be read were kept; the file as it was is kept as ${aside}.`,
      );
    } else {
      out.notices.push(`The history file has ${out.skipped} damaged ${plural}${where}, which were skipped.`);
    }
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
    for (const e of h.entries.values()) parts.push(JSON.stringify({ t: 'add', e } satisfies HistoryLine));
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
  /** Syncs what is left and closes the file. */
  close(): void;
  lines(): number;
}

/**
 * Opens the file for appending; `lines` counts what is already in it (for the compaction rule).
 * Each line is one synchronous write(2): in the OS when `append` returns. The fdatasync that makes
 * it survive a power cut runs in batches on libuv's thread pool: a flush of a virtual disk takes
 * milliseconds, and the main thread (a fire's answer) must not wait for it.
 */
export function openHistoryWriter(path: string, lines: number): HistoryWriter {
  const fresh = !existsSync(path) || statSync(path).size === 0;
  const fd = openSync(path, 'a', 0o600);
  let count = lines;
  let dirty = false;
  let timer: NodeJS.Timeout | null = null;
  let syncing = false;
  let closed = false;
  const finish = (): void => {
    // The last lines are synced before the file is closed (closing waits for a sync in flight).
    try {
      if (dirty) fdatasyncSync(fd);
    } catch {
      // The data is in the OS already; a failed fsync only narrows power-loss safety.
    }
    closeSync(fd);
  };
  const arm = (): void => {
    if (timer !== null || syncing) return;
    timer = setTimeout(sync, FSYNC_EVERY_MS);
    timer.unref();
  };
  function sync(): void {
    timer = null;
    if (!dirty || closed) return;
    dirty = false;
    syncing = true;
    fdatasync(fd, () => {
      // A failed fsync only narrows power-loss safety: the data is in the OS already.
      syncing = false;
      if (closed) finish();
      else if (dirty) arm();
    });
  }
  const write = (line: HistoryLine): void => {
    if (closed) throw new Error('The history file is closed');
    writeSync(fd, JSON.stringify(line) + '\n');
    count++;
    dirty = true;
    arm();
  };
  if (fresh) write({ t: 'head', v: FORMAT });
  return {
    append: write,
    close: () => {
      if (closed) return;
      if (timer) clearTimeout(timer);
      closed = true;
      if (!syncing) finish();
    },
    lines: () => count,
  };
}
