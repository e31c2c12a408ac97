// What the folders:* requests do: open a folder as a workspace, link a workspace to a folder, a
// one-off export, an import as a personal copy, sharing tokens, supplying a keychain value or a token.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { DeskError } from '../../../shared/errors';
import { importCurl } from '../../../shared/harness/curl-import';
import { freeName } from '../../../shared/harness/trigger-name';
import { last4 } from '../../../shared/harness/redact';
import { parseTriggerUrl } from '../../../shared/harness/urls';
import type { FolderStatus, FolderWrite } from '../../../shared/folder-model';
import type { KeyInfo, Trigger, Workspace } from '../../../shared/model';
import { changed, liveTrigger, liveWorkspace, toTrigger, toWorkspace, type Ctx } from '../context';
import { newId, type DataDoc, type StoredTrigger } from '../store/index';
import { applyChains, applySamples, applyTriggers, contentOf } from './content';
import { isEmptyFolder, readFolderFiles, removeFile, writeAtomic, readOne } from './files';
import { parseFolder, README_FILE, renderFolder, WORKSPACE_FILE, type ReadFolder } from './serialize';
import { checkNoSecrets } from './scan';
import type { FolderSync } from './sync';

/** An absolute, normalised folder path; a relative one is refused (the app has no useful working folder). */
export function folderPath(dir: string): string {
  if (!isAbsolute(dir)) throw new DeskError('invalid-args', `The folder must be an absolute path; "${dir}" is not.`);
  const abs = resolve(dir);
  if (existsSync(abs) && !statSync(abs).isDirectory())
    throw new DeskError('invalid-args', `${abs} is a file, not a folder.`);
  return abs;
}

function readWorkspaceFolder(dir: string): ReadFolder {
  if (!existsSync(dir)) throw new DeskError('not-found', `There is no folder ${dir}.`);
  const read = parseFolder(readFolderFiles(dir));
  if (read.content.workspace === null) {
    const p = read.problems.find((x) => x.path === WORKSPACE_FILE);
    throw new DeskError(
      p?.line == null ? 'not-found' : 'parse',
      `${dir} is not a workspace folder: ${WORKSPACE_FILE} ${p?.message ?? 'is missing'}.`,
      {
        ...(p?.line == null ? {} : { where: { line: p.line, column: p.column ?? 1 } }),
        hint: 'Export a workspace there first (trigger-desk workspace export), or choose the folder that holds workspace.yaml.',
      },
    );
  }
  return read;
}

/** Before a workspace goes into a folder: one reference per secret value (triggers sharing a key share its name), names unique. */
async function nameSecrets(ctx: Ctx, workspaceId: string): Promise<void> {
  const doc = ctx.data.read();
  const infos: KeyInfo[] = [];
  for (const t of doc.triggers) {
    if (t.workspaceId !== workspaceId || t.deletedAt !== null) continue;
    if (t.key) infos.push(t.key);
    for (const h of t.headers) if (h.secret) infos.push(h.secret);
    infos.push(...Object.values(t.secretVariables ?? {}));
  }
  const byId = new Map<string, KeyInfo>();
  const byValue = new Map<string, KeyInfo>();
  const labels = new Set<string>();
  for (const info of infos) {
    if (byId.has(info.id)) continue;
    const value = await ctx.vault.get(info.id);
    const same = value === null ? undefined : byValue.get(value);
    if (same) {
      byId.set(info.id, same);
      continue;
    }
    const label = labels.has(info.label) ? freeName(info.label, labels) : info.label;
    labels.add(label);
    const next = { ...info, label };
    byId.set(info.id, next);
    if (value !== null) byValue.set(value, next);
  }
  const swap = (k: KeyInfo): KeyInfo => ({ ...(byId.get(k.id) ?? k) });
  const differs = infos.some((k) => {
    const n = byId.get(k.id);
    return n !== undefined && (n.id !== k.id || n.label !== k.label);
  });
  if (!differs) return;
  ctx.data.update((d) => {
    for (const t of d.triggers) {
      if (t.workspaceId !== workspaceId || t.deletedAt !== null) continue;
      if (t.key) t.key = swap(t.key);
      t.headers = t.headers.map((h) => (h.secret ? { ...h, secret: swap(h.secret) } : h));
      if (t.secretVariables)
        t.secretVariables = Object.fromEntries(Object.entries(t.secretVariables).map(([n, v]) => [n, swap(v)]));
    }
  });
}

function checkFolderFree(doc: DataDoc, dir: string, exceptId: string | null): void {
  const other = doc.workspaces.find((w) => w.deletedAt === null && w.folder === dir && w.id !== exceptId);
  if (other) throw new DeskError('invalid-args', `The folder ${dir} is already the workspace "${other.name}".`);
}

/** A folder the app may write a workspace into: empty, or already holding this workspace. */
function checkWritable(dir: string, workspaceId: string): void {
  if (isEmptyFolder(dir)) return;
  const ws = readOne(dir, WORKSPACE_FILE);
  const read = ws === null ? null : parseFolder(new Map([[WORKSPACE_FILE, ws]])).content.workspace;
  if (read?.id === workspaceId) return;
  throw new DeskError(
    'invalid-args',
    `${dir} already holds other files: choose an empty folder (or this workspace's own).`,
  );
}

export async function linkFolder(
  ctx: Ctx,
  sync: FolderSync,
  a: { workspaceId: string; dir: string; shareTokens?: boolean | undefined },
): Promise<{ workspace: Workspace; status: FolderStatus }> {
  const dir = folderPath(a.dir);
  const w = liveWorkspace(ctx.data.read(), a.workspaceId);
  if (w.folder !== undefined && w.folder !== dir)
    throw new DeskError('invalid-args', `The workspace "${w.name}" is already kept in ${w.folder}: unlink it first.`);
  checkFolderFree(ctx.data.read(), dir, w.id);
  if (w.folder === undefined) {
    checkWritable(dir, w.id);
    await nameSecrets(ctx, w.id);
  }
  const updated = ctx.data.update((doc) => {
    const x = liveWorkspace(doc, w.id);
    x.folder = dir;
    x.shareTokens = a.shareTokens ?? x.shareTokens ?? false;
    return x;
  });
  changed(ctx, 'workspaces');
  const link = sync.links.get(w.id);
  if (!link) throw new DeskError('internal', 'The folder was not linked.');
  return { workspace: toWorkspace(updated), status: await sync.status(link) };
}

export function unlinkFolder(ctx: Ctx, a: { workspaceId: string }): Workspace {
  const updated = ctx.data.update((doc) => {
    const w = liveWorkspace(doc, a.workspaceId);
    delete w.folder;
    delete w.shareTokens;
    return w;
  });
  changed(ctx, 'workspaces');
  return toWorkspace(updated);
}

export async function openFolder(
  ctx: Ctx,
  sync: FolderSync,
  a: { dir: string; name?: string | undefined },
): Promise<{ workspace: Workspace; status: FolderStatus }> {
  const dir = folderPath(a.dir);
  const already = ctx.data.read().workspaces.find((w) => w.deletedAt === null && w.folder === dir);
  if (already) {
    const link = sync.links.get(already.id) ?? sync.attachRead(already);
    return { workspace: toWorkspace(already), status: await sync.status(link) };
  }
  const read = readWorkspaceFolder(dir);
  const file = read.content.workspace;
  if (file === null) throw new DeskError('internal', 'unreachable');
  // The folder of a workspace this data folder already holds (exported from here): that workspace is linked to it.
  const own = ctx.data.read().workspaces.find((w) => w.id === file.id && w.deletedAt === null);
  if (own?.folder !== undefined)
    throw new DeskError('invalid-args', `This folder's workspace "${own.name}" is already kept in ${own.folder}.`);
  // Quietly: the folder is the truth here, read right after; nothing of the store is written into it.
  const workspace = sync.quietly(() =>
    ctx.data.update((doc) => {
      if (own) {
        const w = liveWorkspace(doc, own.id);
        w.folder = dir;
        w.shareTokens = file.shareTokens;
        return w;
      }
      const taken = doc.workspaces.filter((w) => w.deletedAt === null).map((w) => w.name);
      const name = freeName(a.name ?? file.name, taken);
      const w = {
        id: doc.workspaces.some((x) => x.id === file.id) ? newId() : file.id,
        name,
        kind: 'user' as const,
        createdAt: ctx.now(),
        deletedAt: null,
        folder: dir,
        shareTokens: file.shareTokens,
      };
      doc.workspaces.push(w);
      return w;
    }),
  );
  const link = sync.attachRead(workspace);
  changed(ctx, 'workspaces', 'triggers');
  return {
    workspace: toWorkspace(ctx.data.read().workspaces.find((w) => w.id === workspace.id) ?? workspace),
    status: await sync.status(link),
  };
}

export async function exportFolder(
  ctx: Ctx,
  a: { workspaceId: string; dir: string; shareTokens?: boolean | undefined },
): Promise<FolderWrite> {
  const dir = folderPath(a.dir);
  const w0 = liveWorkspace(ctx.data.read(), a.workspaceId);
  if (w0.folder === dir)
    throw new DeskError('invalid-args', `${dir} is this workspace's own folder: it is kept in step already.`);
  checkWritable(dir, w0.id);
  await nameSecrets(ctx, w0.id);
  const doc = ctx.data.read();
  const w = liveWorkspace(doc, a.workspaceId);
  const share = a.shareTokens ?? w.shareTokens ?? false;
  const files = renderFolder(contentOf(w, doc, ctx.samples.read().samples, ctx.chains.read().chains, share));
  const tokens = doc.triggers.map((t) => t.parsed.token).filter((t): t is string => t !== null);
  const own = share ? doc.triggers.filter((t) => t.workspaceId === w.id).map((t) => t.parsed.token ?? '') : [];
  checkNoSecrets(
    files,
    [...ctx.vault.knownSecrets(), ...tokens],
    own.filter((t) => t !== ''),
  );
  const stale = readFolderFiles(dir);
  for (const [p, text] of files) {
    if (p === README_FILE && readOne(dir, p) !== null) continue;
    writeAtomic(dir, p, text);
  }
  for (const p of stale.keys()) if (!files.has(p)) removeFile(dir, p);
  return { dir, files: [...files.keys()].sort() };
}

export function importFolder(
  ctx: Ctx,
  a: { dir: string; name?: string | undefined },
): { workspace: Workspace; notes: string[] } {
  const dir = folderPath(a.dir);
  const read = readWorkspaceFolder(dir);
  const file = read.content.workspace;
  if (file === null) throw new DeskError('internal', 'unreachable');
  const notes = read.problems.map(
    (p) =>
      `${p.line === null ? p.path : `${p.path} line ${p.line}, column ${p.column ?? 1}`}: ${p.message} (left out).`,
  );
  const now = ctx.now();
  const ids = new Map<string, string>();
  const doc0 = ctx.data.read();
  const taken = new Set(doc0.triggers.map((t) => t.id));
  for (const t of read.content.triggers) ids.set(t.id, taken.has(t.id) ? newId() : t.id);
  const renewed = read.content.triggers.filter((t) => ids.get(t.id) !== t.id).length;
  if (renewed > 0)
    notes.push(
      `${renewed} trigger id${renewed === 1 ? ' was' : 's were'} given anew: this data folder already held them.`,
    );
  const workspace = ctx.data.update((doc) => {
    const names = doc.workspaces.filter((w) => w.deletedAt === null).map((w) => w.name);
    if (a.name !== undefined && names.some((n) => n.toLowerCase() === a.name?.trim().toLowerCase()))
      throw new DeskError('invalid-args', `A workspace named "${a.name}" already exists. Choose another name.`);
    const w = {
      id: doc.workspaces.some((x) => x.id === file.id) ? newId() : file.id,
      name: a.name?.trim() ?? freeName(file.name, names),
      kind: 'user' as const,
      createdAt: now,
      deletedAt: null,
    };
    doc.workspaces.push(w);
    const triggers = read.content.triggers.map((t) => ({ ...t, id: ids.get(t.id) ?? t.id }));
    const r = applyTriggers(doc, w.id, triggers, () => false, now);
    for (const e of r.errors) notes.push(`Trigger ${e.id}: ${e.message} (left out).`);
    return w;
  });
  const sampleIds = new Set(ctx.samples.read().samples.map((s) => s.id));
  const samples = read.content.samples.map((s) => ({ ...s, id: sampleIds.has(s.id) ? newId() : s.id }));
  if (samples.length > 0)
    ctx.samples.update((d) => void (d.samples = applySamples(d.samples, workspace.id, samples, () => false, now)));
  const chainIds = new Set(ctx.chains.read().chains.map((c) => c.id));
  const chains = read.content.chains.map((c) => ({
    ...c,
    id: chainIds.has(c.id) ? newId() : c.id,
    steps: c.steps.map((s) => ({ ...s, trigger: ids.get(s.trigger) ?? s.trigger })),
  }));
  if (chains.length > 0)
    ctx.chains.update((d) => void (d.chains = applyChains(d.chains, workspace.id, chains, () => false, now)));
  changed(ctx, 'workspaces', 'triggers');
  return { workspace: toWorkspace(workspace), notes };
}

export function linkOf(ctx: Ctx, sync: FolderSync, workspaceId: string) {
  const w = liveWorkspace(ctx.data.read(), workspaceId);
  const link = sync.links.get(w.id);
  if (w.folder === undefined || !link)
    throw new DeskError('invalid-args', `The workspace "${w.name}" is not a folder workspace.`);
  return link;
}

export async function setShareTokens(
  ctx: Ctx,
  sync: FolderSync,
  a: { workspaceId: string; shareTokens: boolean },
): Promise<FolderStatus> {
  linkOf(ctx, sync, a.workspaceId);
  ctx.data.update((doc) => {
    liveWorkspace(doc, a.workspaceId).shareTokens = a.shareTokens;
  });
  changed(ctx, 'workspaces');
  return sync.status(linkOf(ctx, sync, a.workspaceId));
}

/** Puts a reference's value in this person's vault: every secret of the workspace named so uses it. */
export async function setSecret(
  ctx: Ctx,
  sync: FolderSync,
  a: { workspaceId: string; ref: string; value: string },
): Promise<FolderStatus> {
  const link = linkOf(ctx, sync, a.workspaceId);
  const uses = (t: StoredTrigger): boolean =>
    t.workspaceId === a.workspaceId &&
    (t.key?.label === a.ref ||
      t.headers.some((h) => h.secret?.label === a.ref) ||
      Object.values(t.secretVariables ?? {}).some((v) => v.label === a.ref));
  if (!ctx.data.read().triggers.some(uses))
    throw new DeskError('not-found', `No trigger of this workspace names the keychain reference "${a.ref}".`);
  const info = await ctx.vault.put(a.value, a.ref);
  const swap = (k: KeyInfo): KeyInfo => (k.label === a.ref ? { ...info, last4: last4(a.value) } : k);
  ctx.data.update((doc) => {
    for (const t of doc.triggers) {
      if (!uses(t)) continue;
      if (t.key) t.key = swap(t.key);
      t.headers = t.headers.map((h) => (h.secret ? { ...h, secret: swap(h.secret) } : h));
      if (t.secretVariables)
        t.secretVariables = Object.fromEntries(Object.entries(t.secretVariables).map(([n, v]) => [n, swap(v)]));
    }
  });
  changed(ctx, 'triggers');
  return sync.status(link);
}

const SAME_IDS = [
  'accountIdentifier',
  'orgIdentifier',
  'projectIdentifier',
  'pipelineIdentifier',
  'triggerIdentifier',
] as const;

/** The token from a pasted URL or cURL, checked against the trigger: same host and ids. */
export function supplyToken(ctx: Ctx, a: { triggerId: string; text: string }): Trigger {
  const t = liveTrigger(ctx.data.read(), a.triggerId);
  if (t.parsed.form !== 'v3')
    throw new DeskError('invalid-args', `"${t.name}" is a v2 trigger: its URL has no webhook token.`);
  const text = a.text.trim();
  const given = /^curl(?:\.exe)?\s/i.test(text) ? importCurl(text).parsed : parseTriggerUrl(text);
  if (given.form !== 'v3' || given.token === null)
    throw new DeskError(
      'invalid-args',
      'That URL has no webhook token: paste the v3 URL (…/custom/<token>/v3?…) from Harness.',
    );
  if (given.origin !== t.parsed.origin)
    throw new DeskError(
      'invalid-args',
      `That URL is for ${given.origin}, not ${t.parsed.origin}: it is another trigger's.`,
    );
  for (const k of SAME_IDS)
    if (given[k] !== t.parsed[k])
      throw new DeskError(
        'invalid-args',
        `That URL's ${k} is "${given[k] ?? '(none)'}", but "${t.name}" has "${t.parsed[k] ?? '(none)'}": it is another trigger's URL.`,
      );
  const token = given.token;
  const updated = ctx.data.update((doc) => {
    const x = liveTrigger(doc, t.id);
    const url =
      x.parsed.token === null
        ? x.parsed.url
        : x.parsed.url.split(`/custom/${x.parsed.token}/v3`).join('/custom/{token}/v3');
    x.parsed = parseTriggerUrl(url.split('/custom/{token}/v3').join(`/custom/${token}/v3`));
    x.updatedAt = ctx.now();
    return x;
  });
  changed(ctx, 'triggers');
  return toTrigger(updated);
}
