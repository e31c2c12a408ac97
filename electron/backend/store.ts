// The store files, through conf (electron-store's base: a JSON schema checked on every read and
// write, versioned migrations, atomic writes). Two files in the data folder: data.json
// (workspaces, triggers with their payloads and headers, bookkeeping) and settings.json.
// A file that cannot be read is moved aside under a timestamped name and reported: never emptied.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf, { type Options } from 'conf';
import { DeskError } from '../../shared/errors';
import { redact } from '../../shared/harness/redact';
import { DATA_FORMAT, SETTINGS_FORMAT, dataMigrations, settingsMigrations } from './migrations';
import { DEFAULT_SETTINGS, dataSchema, emptyData, settingsSchema, type DataDoc, type SettingsDoc } from './schema';

export interface DocStore<T> {
  readonly path: string;
  /** The current content; treat as read-only (use update to change it). */
  read(): T;
  /** Applies `change` to a copy and writes it atomically; returns what was written. */
  update<R>(change: (draft: T) => R): R;
}

export interface Stores {
  data: DocStore<DataDoc>;
  settings: DocStore<SettingsDoc>;
  /** True when data.json did not exist before this launch. */
  fresh: boolean;
  /** Plain-words reports of files moved aside (or other trouble found while opening). */
  problems: string[];
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

/**
 * Wraps a conf instance. conf re-reads and re-validates the file on every access; reads here are
 * cached until the file changes on disk (another window or the CLI), which keeps a fire cheap.
 */
function docStore<T extends Record<string, unknown>>(conf: Conf<T>, fallback: () => T): DocStore<T> {
  let cache: { sig: string; value: T } | null = null;
  const load = (): T => {
    const sig = signature(conf.path);
    if (sig === null) return fallback();
    if (cache?.sig === sig) return cache.value;
    let value: T;
    try {
      value = conf.store;
    } catch (err) {
      throw storeError(`read ${conf.path}`, err);
    }
    cache = { sig, value };
    return value;
  };
  return {
    path: conf.path,
    read: load,
    update(change) {
      const draft = structuredClone(load());
      const result = change(draft);
      try {
        conf.store = draft;
      } catch (err) {
        // The draft broke the schema or the disk refused: nothing was written, the cache is intact.
        throw storeError(`save ${conf.path}`, err);
      }
      const sig = signature(conf.path);
      cache = sig === null ? null : { sig, value: draft };
      return result;
    },
  };
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens one conf file; a file that fails to parse, validate or migrate is kept aside, byte for
 * byte as it was before this launch touched it (conf may rewrite it while migrating), and reported.
 */
function openConf<T extends Record<string, unknown>>(options: Options<T> & { cwd: string; configName: string }, label: string, problems: string[]): Conf<T> {
  const path = join(options.cwd, `${options.configName}.json`);
  let original: Buffer | null = null;
  try {
    original = readFileSync(path);
  } catch {
    // No file yet: a first launch.
  }
  try {
    return new Conf<T>(options);
  } catch (err) {
    if (original === null) throw storeError(`open the ${label} in ${options.cwd}`, err);
    const aside = join(options.cwd, `${options.configName}.corrupt-${stamp(new Date())}.json`);
    try {
      writeFileSync(aside, original, { mode: 0o600, flag: 'wx' });
      rmSync(path, { force: true });
    } catch (moveErr) {
      throw storeError(`keep the unreadable ${label} ${path} aside`, moveErr);
    }
    const reason = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    problems.push(redact(`The ${label} (${path}) could not be read (${reason}). It was kept as ${aside} and a fresh one was started.`));
    return new Conf<T>(options);
  }
}

const common = {
  // Data files hold trigger URLs (v3 tokens): readable by the owner only.
  configFileMode: 0o600,
  accessPropertiesByDotNotation: false,
  ajvOptions: { allowUnionTypes: true },
  serialize: (value: unknown) => JSON.stringify(value, undefined, 2),
} as const;

export function openStores(dataDir: string): Stores {
  const problems: string[] = [];
  const fresh = !existsSync(join(dataDir, 'data.json'));
  const data = openConf<DataDoc>(
    {
      ...common,
      cwd: dataDir,
      configName: 'data',
      projectVersion: DATA_FORMAT,
      migrations: dataMigrations,
      defaults: emptyData(),
      schema: dataSchema,
      rootSchema: { required: ['workspaces', 'triggers', 'meta'] },
    },
    'data file',
    problems,
  );
  const settings = openConf<SettingsDoc>(
    {
      ...common,
      cwd: dataDir,
      configName: 'settings',
      projectVersion: SETTINGS_FORMAT,
      migrations: settingsMigrations,
      defaults: DEFAULT_SETTINGS,
      schema: settingsSchema,
    },
    'settings file',
    problems,
  );
  return {
    data: docStore(data, emptyData),
    settings: docStore(settings, () => ({ ...DEFAULT_SETTINGS })),
    fresh,
    problems,
  };
}
