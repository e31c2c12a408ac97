// The log file in the data folder, trigger-desk.log: unexpected errors (each with the reference id
// the page or the terminal was shown, electron/dispatch.ts) and refused callers. Every line is
// redacted first (the vault's secrets and anything shaped like a key). Size-bounded: past 1 MB the
// file becomes trigger-desk.log.1 (the one before becomes .2, the oldest goes), so it never grows
// without end. Writing it never throws: a log that cannot be written must not turn one error into two.
import { appendFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../../shared/harness/redact';

export const LOG_FILE = 'trigger-desk.log';
const MAX_BYTES = 1024 * 1024;
/** Rotated files kept beside the current one. */
const KEEP = 2;
/** A single entry longer than this (a huge message) is cut: the file stays readable. */
const MAX_LINE = 16 * 1024;

export interface LogOptions {
  /** The vault's secrets, asked at every write (keys are added while the app runs). */
  secrets?: () => Iterable<string>;
  /** Also shows each line there (the web host's terminal); absent in the CLI. */
  echo?: (line: string) => void;
  maxBytes?: number;
  now?: () => number;
}

export interface FileLog {
  (line: string): void;
  readonly path: string;
}

function size(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function rotate(path: string): void {
  for (let i = KEEP; i >= 1; i--) {
    try {
      renameSync(i === 1 ? path : `${path}.${i - 1}`, `${path}.${i}`);
    } catch {
      // Nothing to move at that place yet.
    }
  }
}

export function openLog(dataDir: string, o: LogOptions = {}): FileLog {
  const path = join(dataDir, LOG_FILE);
  const max = o.maxBytes ?? MAX_BYTES;
  const write = (line: string): void => {
    let clean = line;
    try {
      clean = redact(line, [...(o.secrets?.() ?? [])]);
    } catch {
      clean = redact(line);
    }
    if (clean.length > MAX_LINE) clean = `${clean.slice(0, MAX_LINE)} …(cut)`;
    const text = `${new Date(o.now?.() ?? Date.now()).toISOString()} ${clean.replace(/\n/g, '\n    ')}\n`;
    try {
      if (size(path) + Buffer.byteLength(text) > max) rotate(path);
      appendFileSync(path, text, { mode: 0o600 });
    } catch (err) {
      process.stderr.write(
        `trigger-desk: the log ${path} could not be written (${err instanceof Error ? err.message : String(err)})\n`,
      );
    }
    o.echo?.(clean);
  };
  return Object.assign(write, { path });
}
