// One store file on disk, what conf did before in a fraction of its start-up cost: the defaults
// filled in, the versioned migrations each run once and in order (the version kept under
// __internal__.migrations.version, where conf kept it, so files written before read the same), the
// whole document checked against its schema on every read and write, and atomic writes (a
// temporary file beside it, flushed, then renamed over: a reader never sees half a file).
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { describeProblem, type Check } from './validate';

type Loose = Record<string, unknown>;

export const INTERNAL_KEY = '__internal__';

/** Brings a document from the version before it to this version; gets and returns the whole document. */
export type Migration = (doc: Loose) => Loose;

export interface JsonFileSpec {
  path: string;
  /** The file's format version ("1.0.0"). */
  format: string;
  /** Version → the step that brings a file to it. */
  migrations: Record<string, Migration>;
  defaults: () => Loose;
  /** The whole document's schema check. */
  check: Check;
}

/** The file could not be opened as it is; `doc` is what there is to salvage (null: not JSON at all). */
export class JsonFileError extends Error {
  constructor(
    message: string,
    readonly doc: unknown,
  ) {
    super(message);
    this.name = 'JsonFileError';
  }
}

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "1.2.3" → [1, 2, 3]; anything else reads as 0.0.0 (every migration then runs: each is defensive). */
function versionParts(v: unknown): number[] {
  const m = typeof v === 'string' ? /^(\d+)\.(\d+)\.(\d+)$/.exec(v) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function storedVersion(doc: Loose): unknown {
  const internal = doc[INTERNAL_KEY];
  const migrations = isObject(internal) ? internal.migrations : undefined;
  return isObject(migrations) ? migrations.version : undefined;
}

function withVersion(doc: Loose, format: string): Loose {
  const internal = isObject(doc[INTERNAL_KEY]) ? doc[INTERNAL_KEY] : {};
  const migrations = isObject(internal.migrations) ? internal.migrations : {};
  return { ...doc, [INTERNAL_KEY]: { ...internal, migrations: { ...migrations, version: format } } };
}

function schemaError(path: string, check: Check, doc: unknown): string | null {
  const problem = check(doc);
  return problem === null ? null : `${path} does not match its schema: ${describeProblem(problem)}`;
}

/** Writes beside, flushes, renames over; owner-only (the files hold trigger URLs and tokens). */
export function writeAtomic(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeFileSync(fd, JSON.stringify(value, undefined, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Reads and checks the whole file; throws (SyntaxError, or a schema error) when it does not pass. */
export function readChecked(path: string, check: Check): Loose {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const why = schemaError(path, check, doc);
  if (why !== null) throw new Error(why);
  return doc as Loose;
}

/** Checks, keeps the file's version bookkeeping when the document has none, and writes atomically. */
export function writeChecked(spec: JsonFileSpec, doc: Loose): void {
  const why = schemaError(spec.path, spec.check, doc);
  if (why !== null) throw new Error(why);
  writeAtomic(spec.path, INTERNAL_KEY in doc ? doc : withVersion(doc, spec.format));
}

/**
 * Opens the file: absent → the defaults; present → the defaults under what it holds, then the
 * migrations it has not had. Writes back only when that changed something. Throws a SyntaxError
 * for a file that is not JSON, a JsonFileError (carrying what to salvage) for one that does not
 * pass its schema once migrated or whose migration failed.
 */
export function openJsonFile(spec: JsonFileSpec, text: string | null): Loose {
  const parsed: unknown = text === null ? {} : JSON.parse(text);
  if (!isObject(parsed)) throw new JsonFileError(`${spec.path} does not hold an object`, parsed);
  const defaults = spec.defaults();
  let doc: Loose = { ...defaults, ...parsed };
  let changed = text === null || Object.keys(defaults).some((k) => !(k in parsed));
  const from = versionParts(storedVersion(parsed));
  const to = versionParts(spec.format);
  const steps = Object.keys(spec.migrations)
    .map((v) => ({ v, parts: versionParts(v) }))
    .filter((s) => compareVersions(s.parts, from) > 0 && compareVersions(s.parts, to) <= 0)
    .sort((a, b) => compareVersions(a.parts, b.parts));
  for (const step of steps) {
    const before = doc;
    try {
      doc = spec.migrations[step.v]?.(structuredClone(doc)) ?? doc;
    } catch (err) {
      throw new JsonFileError(
        `${spec.path}: the migration to format ${step.v} failed: ${err instanceof Error ? err.message : String(err)}`,
        before,
      );
    }
    changed = true;
  }
  if (storedVersion(doc) !== spec.format) {
    doc = withVersion(doc, spec.format);
    changed = true;
  }
  const why = schemaError(spec.path, spec.check, doc);
  if (why !== null) throw new JsonFileError(why, doc);
  if (changed) writeAtomic(spec.path, doc);
  return doc;
}
