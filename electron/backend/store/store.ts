// The store files: four in the data folder, each opened the same way (openDoc): data.json
// (workspaces, triggers with their payloads and headers, bookkeeping), settings.json, samples.json
// (the condition lab's samples) and chains.json (chains and their runs). Each is checked against its
// JSON schema on every read and write, versioned, written atomically (json-file.ts).
// A damaged file loses only its damaged items (salvage.ts); it is kept aside as it was, and reported.
// samples.json and chains.json open on first use, or when the page asks for the notices (openAll).
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeskError } from '../../../shared/errors';
import type { NoticeSource } from '../../../shared/model';
import { redact } from '../../../shared/harness/redact';
import {
  CHAINS_FORMAT,
  DATA_FORMAT,
  SAMPLES_FORMAT,
  SETTINGS_FORMAT,
  dataMigrations,
  settingsMigrations,
} from './migrations';
import { newId } from './ids';
import { JsonFileError, openJsonFile, readChecked, writeAtomic, writeChecked, type JsonFileSpec } from './json-file';
import type { Migration } from './json-file';
import { jsonErrorPlace, salvage, type SalvageSpec } from './salvage';
import { compileSchema } from './validate';
import {
  chainsSchema,
  DEFAULT_SETTINGS,
  dataSchema,
  emptyData,
  samplesSchema,
  settingsSchema,
  type ChainsDoc,
  type DataDoc,
  type SamplesDoc,
  type SettingsDoc,
} from './schema';

export interface DocStore<T> {
  readonly path: string;
  /** The current content; treat as read-only (use update to change it). */
  read(): T;
  /** Applies `change` to a copy and writes it atomically; returns what was written. */
  update<R>(change: (draft: T) => R): R;
}

/** Something found while opening a file, in plain words, for the page's notices. */
export interface StoreProblem {
  source: NoticeSource;
  text: string;
}

export interface Stores {
  data: DocStore<DataDoc>;
  settings: DocStore<SettingsDoc>;
  samples: DocStore<SamplesDoc>;
  chains: DocStore<ChainsDoc>;
  /** True when data.json did not exist before this launch. */
  fresh: boolean;
  /** Files moved aside and items left out, in plain words: so far (samples and chains report when they open). */
  problems: StoreProblem[];
  /** Opens the files not opened yet, so that all their problems are reported. */
  openAll(): void;
}

function signature(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

function storeError(what: string, err: unknown): DeskError {
  const reason = err instanceof Error ? err.message : String(err);
  return new DeskError('store', redact(`Could not ${what}: ${reason}`));
}

/** Per file, bumped by every write in this process: another DocStore on the same file sees it at once. */
const generations = new Map<string, number>();
/** How long a read trusts its cache without asking the disk whether another process changed the file. */
const RECHECK_MS = 50;

/**
 * One open file. Reads are cached until the file changes: at once for a write from this process,
 * within RECHECK_MS for one from another process (the CLI). A stat per read cost two syscalls on
 * every fire.
 */
function docStore<T extends Record<string, unknown>>(file: JsonFileSpec, fallback: () => T): DocStore<T> {
  let cache: { sig: string; gen: number; checkedAt: number; value: T } | null = null;
  const load = (): T => {
    const gen = generations.get(file.path) ?? 0;
    const now = performance.now();
    if (cache?.gen === gen && now - cache.checkedAt < RECHECK_MS) return cache.value;
    const sig = signature(file.path);
    if (sig === null) {
      cache = null;
      return fallback();
    }
    if (cache?.sig === sig && cache.gen === gen) {
      cache.checkedAt = now;
      return cache.value;
    }
    let value: T;
    try {
      value = readChecked(file.path, file.check) as T;
    } catch (err) {
      throw storeError(`read ${file.path}`, err);
    }
    cache = { sig, gen, checkedAt: now, value };
    return value;
  };
  return {
    path: file.path,
    read: load,
    update(change) {
      const draft = structuredClone(load());
      const result = change(draft);
      try {
        writeChecked(file, draft);
      } catch (err) {
        // The draft broke the schema or the disk refused: nothing was written, the cache is intact.
        throw storeError(`save ${file.path}`, err);
      }
      const gen = (generations.get(file.path) ?? 0) + 1;
      generations.set(file.path, gen);
      const sig = signature(file.path);
      cache = sig === null ? null : { sig, gen, checkedAt: performance.now(), value: draft };
      return result;
    },
  };
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** One store file: its name, format, migrations, schema and how its items are named in reports. */
export interface DocSpec<T extends Record<string, unknown>> extends SalvageSpec<T> {
  /** File name without .json. */
  name: string;
  source: NoticeSource;
  format: string;
  migrations: Record<string, Migration>;
  /** Keys the file must have (filled from the defaults when absent). */
  required?: string[];
}

/** Each spec's whole-document check, compiled once (a few hundred microseconds, not ajv's compile). */
const rootChecks = new WeakMap<object, JsonFileSpec['check']>();

function fileSpec<T extends Record<string, unknown>>(dir: string, spec: DocSpec<T>): JsonFileSpec {
  let check = rootChecks.get(spec);
  if (!check) {
    check = compileSchema({ type: 'object', required: spec.required ?? [], properties: spec.schema });
    rootChecks.set(spec, check);
  }
  return {
    path: join(dir, `${spec.name}.json`),
    format: spec.format,
    migrations: spec.migrations,
    defaults: spec.defaults,
    check,
  };
}

function readOrNull(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

function firstLine(err: unknown): string {
  return err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
}

/**
 * Opens one store file. When it cannot be opened (bad JSON, a schema violation, a failed
 * migration), the file as it was before this launch touched it is kept aside byte for byte, the
 * items that still pass their schema are kept (the others named in a report), and the store opens
 * on what was kept. Only a file that is not JSON at all starts afresh.
 */
export function openDoc<T extends Record<string, unknown>>(
  dir: string,
  spec: DocSpec<T>,
  report: (p: StoreProblem) => void,
): DocStore<T> {
  const file = fileSpec(dir, spec);
  const path = file.path;
  const original = readOrNull(path);
  const label = `${spec.label} (${path})`;
  const fresh = (): DocStore<T> => {
    openJsonFile(file, null);
    return docStore(file, spec.defaults);
  };
  try {
    openJsonFile(file, original === null ? null : original.toString('utf8'));
    return docStore(file, spec.defaults);
  } catch (err) {
    if (original === null) throw storeError(`open the ${spec.label} in ${dir}`, err);
    const aside = join(dir, `${spec.name}.corrupt-${stamp(new Date())}.json`);
    try {
      writeFileSync(aside, original, { mode: 0o600, flag: 'wx' });
    } catch (moveErr) {
      throw storeError(`keep the damaged ${spec.label} ${path} aside`, moveErr);
    }
    if (!(err instanceof JsonFileError)) {
      const text = original.toString('utf8');
      rmSync(path, { force: true });
      report({
        source: spec.source,
        text: redact(
          `The ${label} could not be read (${jsonErrorPlace(text, err)}). It was kept as ${aside} and a fresh one was started.`,
        ),
      });
      return fresh();
    }
    // What there is to save: the file migrated (or as it was before the step that failed).
    const kept = salvage(err.doc, spec);
    try {
      writeAtomic(path, kept.doc);
      openJsonFile(file, readFileSync(path, 'utf8'));
      const store = docStore(file, spec.defaults);
      const what =
        kept.dropped.length === 0
          ? `had a problem (${firstLine(err)})`
          : `had ${kept.dropped.length} damaged item${kept.dropped.length === 1 ? '' : 's'}, left out: ${kept.dropped.join('; ')}`;
      const notes = kept.notes.length > 0 ? ` ${kept.notes.join(' ')}` : '';
      report({
        source: spec.source,
        text: redact(`The ${label} ${what}.${notes} Everything else was kept. The file as it was is kept as ${aside}.`),
      });
      return store;
    } catch (againErr) {
      rmSync(path, { force: true });
      report({
        source: spec.source,
        text: redact(
          `The ${label} could not be read (${firstLine(againErr)}). It was kept as ${aside} and a fresh one was started.`,
        ),
      });
      return fresh();
    }
  }
}

export const DATA_SPEC: DocSpec<DataDoc> = {
  name: 'data',
  label: 'data file',
  source: 'data',
  format: DATA_FORMAT,
  migrations: dataMigrations,
  defaults: emptyData,
  schema: dataSchema,
  required: ['workspaces', 'triggers', 'meta'],
  itemNames: { workspaces: 'workspace', triggers: 'trigger', connections: 'Harness connection' },
  repair: adoptOrphans,
};

export const SETTINGS_SPEC: DocSpec<SettingsDoc> = {
  name: 'settings',
  label: 'settings file',
  source: 'settings',
  format: SETTINGS_FORMAT,
  migrations: settingsMigrations,
  defaults: () => ({ ...DEFAULT_SETTINGS }),
  schema: settingsSchema,
};

export const SAMPLES_SPEC: DocSpec<SamplesDoc> = {
  name: 'samples',
  label: 'sample library',
  source: 'samples',
  format: SAMPLES_FORMAT,
  migrations: {},
  defaults: () => ({ samples: [] }),
  schema: samplesSchema,
  itemNames: { samples: 'sample' },
};

export const CHAINS_SPEC: DocSpec<ChainsDoc> = {
  name: 'chains',
  label: 'chains file',
  source: 'chains',
  format: CHAINS_FORMAT,
  migrations: {},
  defaults: () => ({ chains: [], runs: [] }),
  schema: chainsSchema,
  itemNames: { chains: 'chain', runs: 'chain run' },
};

/** Triggers whose workspace was left out move to a "Recovered" workspace rather than vanish. */
function adoptOrphans(doc: DataDoc, now: number): string[] {
  const ids = new Set(doc.workspaces.map((w) => w.id));
  const orphans = doc.triggers.filter((t) => !ids.has(t.workspaceId));
  if (orphans.length === 0) return [];
  let home = doc.workspaces.find((w) => w.name === 'Recovered' && w.deletedAt === null);
  if (!home) {
    home = { id: newId(), name: 'Recovered', kind: 'user', createdAt: now, deletedAt: null };
    doc.workspaces.push(home);
  }
  for (const t of orphans) t.workspaceId = home.id;
  return [
    `${orphans.length} trigger${orphans.length === 1 ? ' whose workspace was' : 's whose workspace were'} left out ${orphans.length === 1 ? 'is' : 'are'} in the workspace "Recovered".`,
  ];
}

/** A store opened on first use. */
function lazyDoc<T>(path: string, open: () => DocStore<T>): DocStore<T> & { open(): void } {
  let store: DocStore<T> | null = null;
  const get = (): DocStore<T> => (store ??= open());
  return {
    path,
    read: () => get().read(),
    update: (change) => get().update(change),
    open: () => {
      get();
    },
  };
}

/** `report` hears each problem as it is found (at once for data and settings, on first use for the others). */
export function openStores(dataDir: string, report: (p: StoreProblem) => void = () => undefined): Stores {
  const problems: StoreProblem[] = [];
  const found = (p: StoreProblem): void => {
    problems.push(p);
    report(p);
  };
  const fresh = !existsSync(join(dataDir, 'data.json'));
  const data = openDoc(dataDir, DATA_SPEC, found);
  const settings = openDoc(dataDir, SETTINGS_SPEC, found);
  const samples = lazyDoc(join(dataDir, 'samples.json'), () => openDoc(dataDir, SAMPLES_SPEC, found));
  const chains = lazyDoc(join(dataDir, 'chains.json'), () => openDoc(dataDir, CHAINS_SPEC, found));
  return {
    data,
    settings,
    samples,
    chains,
    fresh,
    problems,
    openAll: () => {
      samples.open();
      chains.open();
    },
  };
}
