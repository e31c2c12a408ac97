// Keeps each folder workspace and its folder in step, both ways (docs/ARCHITECTURE.md, "Folder
// workspaces"). The app's stores stay the owner in memory:
// - app → folder: every update of data / samples / chains goes through `guard`; inside the update,
//   before it commits, the affected workspaces are rendered and compared with what was rendered
//   last time; only files whose bytes changed are written (atomically). A write that would carry a
//   secret, touch a file that is damaged on disk, or overwrite a change on disk not read yet is
//   refused, and the update with it (nothing half done).
// - folder → app: a watcher (fs.watch, debounced) re-reads the folder; files whose bytes differ from
//   what was last read or written are applied to the stores, with a notice. A file that does not
//   parse is a problem with its line and column; what it held keeps its last good state.
import { existsSync } from 'node:fs';
import { watchTree, type TreeWatcher } from './watch-tree';
import { DeskError } from '../../../shared/errors';
import type { FolderProblem, FolderStatus } from '../../../shared/folder-model';
import type { Notify } from '../../../shared/api';
import type { Chain } from '../../../shared/chain-model';
import type { Sample } from '../../../shared/conditions-model';
import type { ChainsDoc, DataDoc, DocStore, SamplesDoc, StoredWorkspace } from '../store/index';
import type { Vault } from '../vault/index';
import { contentOf, distinctRefs } from './content';
import { applyRead } from './apply-read';
import { folderNeeds } from './needs';
import { readFolderFiles, readOne, removeFile, writeAtomic } from './files';
import { parseFolder, README_FILE, renderFolder } from './serialize';
import { checkNoSecrets } from './scan';
import { place, plural } from './words';

export interface Link {
  workspaceId: string;
  dir: string;
  /** What is on disk as far as the app knows: last read or written, path → text. */
  known: Map<string, string>;
  /** What the app rendered last time, path → text: a file is written only when this changes. */
  rendered: Map<string, string>;
  problems: FolderProblem[];
  /** Item id → the file it was last read from (a damaged file keeps its items). */
  pathOf: Map<string, string>;
  watcher: TreeWatcher | null;
  timer: NodeJS.Timeout | null;
  syncedAt: number | null;
}

interface Plan {
  planned: Planned[];
  /** Linked workspaces not followed yet: read from their folders after the commit. */
  toRead: StoredWorkspace[];
}

interface Planned {
  link: Link;
  want: Map<string, string>;
  writes: [string, string][];
  deletes: string[];
}

export interface SyncDeps {
  data: DocStore<DataDoc>;
  samples: DocStore<SamplesDoc>;
  chains: DocStore<ChainsDoc>;
  vault: Vault;
  notify: Notify;
  now: () => number;
  /** `key`: a later notice with the same key replaces this one. */
  notice: (text: string, level: 'warning' | 'info', key?: string) => void;
  /** False for the CLI: it reads a folder once and does not follow it. */
  watch: boolean;
  /** After a change on disk was applied: tells the page to reload. */
  changed: () => void;
}

/** Quiet time after the last change on disk before the folder is read (a git pull writes many files). */
const DEBOUNCE_MS = 120;

export function createSync(d: SyncDeps) {
  const links = new Map<string, Link>();
  let applying = false;
  let closed = false;
  const statusListeners: ((l: Link) => void)[] = [];

  const linkedWorkspaces = (doc: DataDoc): StoredWorkspace[] =>
    doc.workspaces.filter((w) => w.deletedAt === null && w.folder !== undefined);

  /** Secrets no file may hold: the vault's values, and every webhook token except those a workspace shares. */
  const forbidden = (doc: DataDoc): string[] => {
    const tokens = doc.triggers.map((t) => t.parsed.token).filter((t): t is string => t !== null);
    return [...d.vault.knownSecrets(), ...tokens];
  };
  const sharedTokens = (doc: DataDoc, w: StoredWorkspace): string[] =>
    w.shareTokens === true
      ? doc.triggers
          .filter((t) => t.workspaceId === w.id && t.deletedAt === null)
          .map((t) => t.parsed.token)
          .filter((t): t is string => t !== null)
      : [];

  const render = (
    w: StoredWorkspace,
    doc: DataDoc,
    samples: readonly Sample[],
    chains: readonly Chain[],
    pathOf: ReadonlyMap<string, string>,
  ) => renderFolder(contentOf(w, doc, samples, chains, w.shareTokens === true), pathOf);

  function newLink(w: StoredWorkspace): Link {
    const dir = w.folder ?? '';
    return {
      workspaceId: w.id,
      dir,
      known: readFolderFiles(dir),
      rendered: new Map(),
      problems: [],
      pathOf: new Map(),
      watcher: null,
      timer: null,
      syncedAt: null,
    };
  }

  function detach(l: Link): void {
    l.watcher?.close();
    if (l.timer) clearTimeout(l.timer);
    links.delete(l.workspaceId);
  }

  function startWatching(l: Link): void {
    if (!d.watch || l.watcher || closed || !existsSync(l.dir)) return;
    try {
      l.watcher = watchTree(
        l.dir,
        (name) => {
          if (name.startsWith('.git') || name.endsWith('.td-tmp')) return;
          if (l.timer) clearTimeout(l.timer);
          l.timer = setTimeout(() => {
            l.timer = null;
            if (links.get(l.workspaceId) === l) rescan(l, { announce: true });
          }, DEBOUNCE_MS);
        },
        () => {
          l.watcher?.close();
          l.watcher = null;
          pushStatus(l);
        },
      );
    } catch {
      l.watcher = null;
    }
  }

  function pushStatus(l: Link): void {
    for (const f of statusListeners) f(l);
  }

  /** The writes an update implies, checked; throws (refusing the update) when one may not happen. */
  function plan(next: { data?: DataDoc; samples?: SamplesDoc; chains?: ChainsDoc }): Plan | null {
    if (applying) return null;
    const committed = d.data.read();
    const toRead: StoredWorkspace[] = [];
    const doc = next.data ?? d.data.read();
    const ws = linkedWorkspaces(doc);
    if (ws.length === 0 && links.size === 0) return null;
    const samples = ws.length === 0 ? [] : (next.samples ?? d.samples.read()).samples;
    const chains = ws.length === 0 ? [] : (next.chains ?? d.chains.read()).chains;
    const out: Planned[] = [];
    const secrets = ws.length === 0 ? [] : forbidden(doc);
    for (const w of ws) {
      if (next.data) distinctRefs(next.data, w.id);
      const link = links.get(w.id);
      if (!link || link.dir !== w.folder) {
        // Not followed yet (restored, or before the start's read): the folder is read, never overwritten.
        const before = committed.workspaces.find((x) => x.id === w.id);
        if (before?.folder === w.folder) {
          toRead.push(w);
          continue;
        }
      }
      const current = link && link.dir === w.folder ? link : newLink(w);
      const want = render(w, doc, samples, chains, current.pathOf);
      const writes = [...want].filter(([p, t]) => current.rendered.get(p) !== t);
      const deletes = [...current.rendered.keys()].filter((p) => !want.has(p));
      for (const [p] of writes) {
        const damaged = current.problems.find((x) => x.path === p && x.line !== null);
        if (damaged)
          throw new DeskError(
            'store',
            `Not saved: ${p} in ${current.dir} does not parse (${place(damaged)}: ${damaged.message}), and this change would overwrite it.`,
            { hint: 'Mend the file (or check it out again with git); the app reads it again by itself.' },
          );
        if (p === README_FILE) continue;
        const disk = readOne(current.dir, p);
        if (disk !== null && disk !== want.get(p) && disk !== (current.known.get(p) ?? null)) {
          if (link) schedule(link);
          throw new DeskError('store', `Not saved: ${p} in ${current.dir} changed on disk and has not been read yet.`, {
            hint: 'The app is reading the folder again: try once more in a moment.',
          });
        }
      }
      checkNoSecrets(writes, secrets, sharedTokens(doc, w));
      out.push({ link: current, want, writes, deletes });
    }
    return { planned: out, toRead };
  }

  function schedule(l: Link): void {
    if (l.timer) return;
    l.timer = setTimeout(() => {
      l.timer = null;
      if (links.get(l.workspaceId) === l) rescan(l, { announce: true });
    }, DEBOUNCE_MS);
  }

  /** After the update committed: writes the planned files, follows new links, drops old ones. */
  function commit(plan: Plan | null): void {
    if (plan === null) return;
    const { planned, toRead } = plan;
    const live = new Set([...planned.map((p) => p.link.workspaceId), ...toRead.map((w) => w.id)]);
    for (const l of [...links.values()]) if (!live.has(l.workspaceId) || planned.every((p) => p.link !== l)) detach(l);
    for (const { link, want, writes, deletes } of planned) {
      for (const [p, text] of writes) {
        if (p === README_FILE) {
          // A README of the team's own is never replaced.
          if (readOne(link.dir, p) === null) writeAtomic(link.dir, p, text);
          continue;
        }
        if (readOne(link.dir, p) !== text) writeAtomic(link.dir, p, text);
        link.known.set(p, text);
      }
      for (const p of deletes) {
        const disk = readOne(link.dir, p);
        // A file changed on disk since the app last saw it, or damaged, is left for the next read to pick up.
        if (link.problems.some((x) => x.path === p)) continue;
        if (disk === null || disk === (link.known.get(p) ?? null) || disk === link.rendered.get(p)) {
          removeFile(link.dir, p);
          link.known.delete(p);
        }
      }
      link.rendered = want;
      if (writes.length > 0 || deletes.length > 0) {
        // Where each item is now; a damaged file's items stay where they were.
        const pathOf = parseFolder(want).pathOf;
        for (const [id, p] of link.pathOf) if (link.problems.some((x) => x.path === p)) pathOf.set(id, p);
        link.pathOf = pathOf;
      }
      if (writes.length > 0 || deletes.length > 0) link.syncedAt = d.now();
      const fresh = !links.has(link.workspaceId);
      links.set(link.workspaceId, link);
      if (fresh) startWatching(link);
      if (fresh || writes.length > 0 || deletes.length > 0) pushStatus(link);
    }
    for (const w of toRead) if (!links.has(w.id)) attachRead(w);
  }

  /** Reads the folder and applies what changed on disk; `announce`: a notice names the files. */
  function rescan(l: Link, o: { announce: boolean; force?: boolean }): void {
    if (!existsSync(l.dir)) {
      const gone: FolderProblem = { path: '.', line: null, column: null, message: `the folder ${l.dir} is not there` };
      if (!l.problems.some((p) => p.path === '.')) {
        l.problems = [gone];
        d.notice(
          `The folder of a folder workspace is not there: ${l.dir}. The workspace keeps what it had.`,
          'warning',
        );
        pushStatus(l);
      }
      return;
    }
    const files = readFolderFiles(l.dir);
    const touched = [...new Set([...files.keys(), ...l.known.keys()])]
      .filter((p) => files.get(p) !== l.known.get(p))
      .sort();
    if (touched.length === 0 && o.force !== true && !l.problems.some((p) => p.path === '.')) return;
    const read = parseFolder(files);
    const damaged = new Set(read.problems.map((p) => p.path));
    const keep = (id: string): boolean => {
      const before = l.pathOf.get(id);
      return before !== undefined && damaged.has(before);
    };
    const now = d.now();
    const errors: FolderProblem[] = [];
    applying = true;
    try {
      errors.push(...applyRead(d, l.workspaceId, read, keep, now));
    } finally {
      applying = false;
    }
    const before = l.problems;
    l.known = files;
    l.problems = [...read.problems, ...errors];
    const pathOf = new Map(read.pathOf);
    for (const [id, p] of l.pathOf) if (damaged.has(p) && !pathOf.has(id)) pathOf.set(id, p);
    l.pathOf = pathOf;
    const doc = d.data.read();
    const w = doc.workspaces.find((x) => x.id === l.workspaceId);
    if (w) l.rendered = render(w, doc, d.samples.read().samples, d.chains.read().chains, l.pathOf);
    l.syncedAt = now;
    if (o.announce && touched.length > 0) {
      const shown = touched.slice(0, 5).join(', ') + (touched.length > 5 ? ', …' : '');
      d.notice(`${plural(touched.length, 'file')} changed on disk in ${l.dir}: ${shown}.`, 'info', `changed ${l.dir}`);
    }
    for (const p of l.problems) {
      if (before.some((b) => b.path === p.path && b.message === p.message && b.line === p.line)) continue;
      d.notice(
        `${place(p)} in ${l.dir} could not be read: ${p.message}. What it held keeps its last good state; the rest of the workspace works.`,
        'warning',
        `damaged ${l.dir} ${p.path}`,
      );
    }
    d.changed();
    pushStatus(l);
  }

  /** Links the workspace now held in the store to its folder and reads it (open, restore). */
  function attachRead(w: StoredWorkspace): Link {
    const existing = links.get(w.id);
    if (existing) detach(existing);
    const l = newLink(w);
    l.known = new Map();
    links.set(w.id, l);
    rescan(l, { announce: false, force: true });
    startWatching(l);
    return l;
  }

  async function status(l: Link): Promise<FolderStatus> {
    const doc = d.data.read();
    const w = doc.workspaces.find((x) => x.id === l.workspaceId);
    const needs = await folderNeeds(doc, l.workspaceId, d.vault);
    return {
      workspaceId: l.workspaceId,
      dir: l.dir,
      shareTokens: w?.shareTokens === true,
      watching: l.watcher !== null,
      problems: [...l.problems],
      needs,
      syncedAt: l.syncedAt,
    };
  }

  return {
    links,
    /** A store whose updates keep the folders in step. */
    guard<T>(store: DocStore<T>, key: 'data' | 'samples' | 'chains'): DocStore<T> {
      return {
        path: store.path,
        read: () => store.read(),
        update(change) {
          let planned: Plan | null = null;
          const result = store.update((draft) => {
            const out = change(draft);
            planned = plan({ [key]: draft });
            return out;
          });
          commit(planned);
          return result;
        },
      };
    },
    /** Follows every folder workspace the store holds (at start): reads each folder for what changed while the app was closed. */
    attachAll(): void {
      for (const w of linkedWorkspaces(d.data.read())) {
        if (links.has(w.id)) continue;
        const l = newLink(w);
        l.known = new Map();
        links.set(w.id, l);
        rescan(l, { announce: false, force: true });
        startWatching(l);
      }
    },
    attachRead,
    /** Runs a store change that must not write to any folder (open: the folder is read right after). */
    quietly<R>(fn: () => R): R {
      applying = true;
      try {
        return fn();
      } finally {
        applying = false;
      }
    },
    rescan: (l: Link) => rescan(l, { announce: true, force: true }),
    status,
    onStatus(f: (l: Link) => void): void {
      statusListeners.push(f);
    },
    /** Stops following a workspace's folder (unlink): the files stay. */
    detach(id: string): void {
      const l = links.get(id);
      if (l) detach(l);
    },
    close(): void {
      closed = true;
      for (const l of [...links.values()]) detach(l);
    },
  };
}

export type FolderSync = ReturnType<typeof createSync>;
