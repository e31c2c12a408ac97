// What every service receives: the stores, the vault, the HTTP client and the host's powers.
// Plus the small lookups they all share (live workspace / trigger, public shapes, notify).
import type { Notify } from '../../shared/api';
import { DeskError } from '../../shared/errors';
import type { Trigger, Workspace } from '../../shared/model';
import type { HttpClient } from './net/index';
import type { ChainsDoc, DataDoc, SamplesDoc, SettingsDoc, StoredTrigger, StoredWorkspace } from './store/index';
import type { DocStore } from './store/index';
import type { Vault } from './vault/index';

export interface Ctx {
  data: DocStore<DataDoc>;
  settings: DocStore<SettingsDoc>;
  /** The condition lab's samples (samples.json) and the chains with their runs (chains.json). */
  samples: DocStore<SamplesDoc>;
  chains: DocStore<ChainsDoc>;
  vault: Vault;
  http: HttpClient;
  notify: Notify;
  now: () => number;
  /** Base URL of the running sandbox (http://127.0.0.1:PORT), or null. */
  sandboxBaseUrl: () => string | null;
  openExternal: ((url: string) => Promise<void>) | undefined;
  /** Electron: clipboard.writeText, so a command carrying a key never crosses to the page. */
  writeClipboard?: ((text: string) => Promise<void> | void) | undefined;
}

export type Scope = 'workspaces' | 'triggers' | 'settings';

/** Tells the page (and other windows) to reload; a broken listener never fails the request. */
export function changed(ctx: Pick<Ctx, 'notify'>, ...scopes: Scope[]): void {
  for (const scope of scopes) {
    try {
      ctx.notify('data:changed', { scope });
    } catch {
      // The host's notifier is best effort: the data is saved either way.
    }
  }
}

export function toWorkspace(w: StoredWorkspace): Workspace {
  return { id: w.id, name: w.name, kind: w.kind, createdAt: w.createdAt };
}

export function toTrigger(t: StoredTrigger): Trigger {
  return {
    id: t.id,
    workspaceId: t.workspaceId,
    name: t.name,
    parsed: { ...t.parsed },
    key: t.key ? { ...t.key } : null,
    headers: t.headers.map((h) => ({ name: h.name, value: h.value, secret: h.secret ? { ...h.secret } : null })),
    contentType: t.contentType,
    payloads: t.payloads.map((p) => ({ ...p })),
    production: t.production,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    // Composer fields (optional: stores written before them have neither)
    ...(t.yaml === undefined ? {} : { yaml: t.yaml }),
    ...(t.variables === undefined ? {} : { variables: { ...t.variables } }),
    ...(t.secretVariables === undefined
      ? {}
      : { secretVariables: Object.fromEntries(Object.entries(t.secretVariables).map(([k, v]) => [k, { ...v }])) }),
    ...(t.harness === undefined ? {} : { harness: { ...t.harness } }),
  };
}

export function findWorkspace(doc: DataDoc, id: string): StoredWorkspace {
  const w = doc.workspaces.find((x) => x.id === id);
  if (!w) throw new DeskError('not-found', 'That workspace does not exist (it may have been deleted for good).');
  return w;
}

/** A workspace that is not deleted. */
export function liveWorkspace(doc: DataDoc, id: string): StoredWorkspace {
  const w = findWorkspace(doc, id);
  if (w.deletedAt !== null) throw new DeskError('not-found', `The workspace "${w.name}" is deleted. Restore it first.`);
  return w;
}

export function findTrigger(doc: DataDoc, id: string): StoredTrigger {
  const t = doc.triggers.find((x) => x.id === id);
  if (!t) throw new DeskError('not-found', 'That trigger does not exist (it may have been deleted for good).');
  return t;
}

/** A trigger that is not deleted and whose workspace is not deleted. */
export function liveTrigger(doc: DataDoc, id: string): StoredTrigger {
  const t = findTrigger(doc, id);
  if (t.deletedAt !== null) throw new DeskError('not-found', `The trigger "${t.name}" is deleted. Restore it first.`);
  const w = doc.workspaces.find((x) => x.id === t.workspaceId);
  if (w !== undefined && w.deletedAt !== null)
    throw new DeskError(
      'not-found',
      `The trigger "${t.name}" is in the deleted workspace "${w.name}". Restore the workspace first.`,
    );
  return t;
}

/** "Deploy copy", then "Deploy copy 2", ... within the names already taken. */
export function copyName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = `${name} copy`.slice(0, 120);
  if (!used.has(stem)) return stem;
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, 112)} copy ${i}`;
    if (!used.has(candidate)) return candidate;
  }
}
