// Triggers: create from a URL (+ optional key), update, set or remove the key, duplicate, and a
// soft delete with restore. Keys go into the vault before anything is saved; if the save fails the
// new vault entries are removed again, so nothing half-made is left behind.
import { DeskError } from '../../../shared/errors';
import { parseTriggerUrl } from '../../../shared/harness/urls';
import type { HeaderEntry, KeyInfo, Payload, Trigger, TriggerUrl } from '../../../shared/model';
import { changed, copyName, findTrigger, liveTrigger, liveWorkspace, toTrigger, type Ctx } from '../context';
import { newId } from '../store/index';
import { checkApiKey } from '../vault/index';
import type { StoredTrigger } from '../store/index';
import { copySecrets, dropSecrets } from '../vault/index';
import { checkFreeName, freeNameIn } from './names';

export const DEFAULT_KEY_LABEL = 'API key';

export function listTriggers(ctx: Ctx, workspaceId?: string): Trigger[] {
  const doc = ctx.data.read();
  const live = new Set(doc.workspaces.filter((w) => w.deletedAt === null).map((w) => w.id));
  if (workspaceId !== undefined && !doc.workspaces.some((w) => w.id === workspaceId)) {
    throw new DeskError('not-found', 'That workspace does not exist (it may have been deleted for good).');
  }
  return doc.triggers
    .filter(
      (t) =>
        t.deletedAt === null && live.has(t.workspaceId) && (workspaceId === undefined || t.workspaceId === workspaceId),
    )
    .map(toTrigger);
}

export interface NewTrigger {
  workspaceId: string;
  name: string;
  parsed: TriggerUrl;
  key: KeyInfo | null;
  headers: HeaderEntry[];
  contentType: string;
  payloads: Omit<Payload, 'id' | 'updatedAt'>[];
  production?: boolean;
  yaml?: string;
  variables?: Record<string, string>;
  secretVariables?: Record<string, KeyInfo> | undefined;
}

/** Saves a new trigger whose secrets are already in the vault (`created`: their ids, dropped on failure). */
export async function saveNewTrigger(ctx: Ctx, n: NewTrigger, created: string[]): Promise<Trigger> {
  let saved: StoredTrigger;
  try {
    saved = ctx.data.update((doc) => {
      liveWorkspace(doc, n.workspaceId);
      checkFreeName(doc, n.workspaceId, n.name);
      const now = ctx.now();
      const t: StoredTrigger = {
        id: newId(),
        workspaceId: n.workspaceId,
        name: n.name.trim(),
        parsed: n.parsed,
        key: n.key,
        headers: n.headers,
        contentType: n.contentType,
        payloads: n.payloads.map((p) => ({ id: newId(), name: p.name, body: p.body, updatedAt: now })),
        production: n.production === true,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      if (n.yaml !== undefined) t.yaml = n.yaml;
      if (n.variables !== undefined) t.variables = { ...n.variables };
      if (n.secretVariables !== undefined) t.secretVariables = { ...n.secretVariables };
      doc.triggers.push(t);
      return t;
    });
  } catch (err) {
    await dropSecrets(ctx, created);
    throw err;
  }
  changed(ctx, 'triggers');
  return toTrigger(saved);
}

export async function createTrigger(
  ctx: Ctx,
  a: { workspaceId: string; name: string; url: string; apiKey?: string | undefined },
): Promise<Trigger> {
  liveWorkspace(ctx.data.read(), a.workspaceId);
  // The key is masked in any message that quotes the URL (pasted into the wrong field, say).
  const parsed = parseTriggerUrl(a.url.trim(), a.apiKey === undefined ? [] : [a.apiKey.trim()]);
  const created: string[] = [];
  let key: KeyInfo | null = null;
  if (a.apiKey !== undefined) {
    const checked = checkApiKey(a.apiKey);
    key = await ctx.vault.put(checked.key, DEFAULT_KEY_LABEL);
    created.push(key.id);
  }
  return saveNewTrigger(
    ctx,
    {
      workspaceId: a.workspaceId,
      name: a.name,
      parsed,
      key,
      headers: [],
      contentType: 'application/json',
      payloads: [],
    },
    created,
  );
}

export function updateTrigger(
  ctx: Ctx,
  a: {
    id: string;
    name?: string | undefined;
    url?: string | undefined;
    production?: boolean | undefined;
    workspaceId?: string | undefined;
  },
): Trigger {
  // Parse before touching the store: a bad URL changes nothing.
  const parsed = a.url === undefined ? null : parseTriggerUrl(a.url.trim());
  const updated = ctx.data.update((doc) => {
    const t = liveTrigger(doc, a.id);
    if (
      parsed !== null &&
      parsed.origin !== t.parsed.origin &&
      (t.key !== null || t.headers.some((h) => h.secret !== null))
    ) {
      // A key is sent only to the origin it was saved for: moving it to another host is a choice
      // the user makes explicitly, not a side effect of editing a URL.
      throw new DeskError(
        'forbidden',
        `The trigger's key belongs to ${t.parsed.origin}; the new URL goes to ${parsed.origin}`,
        {
          hint: 'Remove the key first, then change the URL and add the key for the new host (or import the trigger again from its cURL).',
        },
      );
    }
    if (a.workspaceId !== undefined) t.workspaceId = liveWorkspace(doc, a.workspaceId).id;
    if (a.name !== undefined || a.workspaceId !== undefined) checkFreeName(doc, t.workspaceId, a.name ?? t.name, t.id);
    if (a.name !== undefined) t.name = a.name.trim();
    if (parsed !== null) t.parsed = parsed;
    if (a.production !== undefined) t.production = a.production;
    t.updatedAt = ctx.now();
    return t;
  });
  changed(ctx, 'triggers');
  return toTrigger(updated);
}

/** Puts a new key in the vault (or removes the key with null); the old entry goes once the store says so. */
export async function setTriggerKey(
  ctx: Ctx,
  a: { id: string; apiKey: string | null; label?: string | undefined },
): Promise<Trigger> {
  const current = liveTrigger(ctx.data.read(), a.id);
  const old = current.key;
  let key: KeyInfo | null = null;
  if (a.apiKey !== null) {
    const checked = checkApiKey(a.apiKey);
    const label = a.label?.trim() || old?.label || DEFAULT_KEY_LABEL;
    key = await ctx.vault.put(checked.key, label);
  }
  let updated: StoredTrigger;
  try {
    updated = ctx.data.update((doc) => {
      const t = liveTrigger(doc, a.id);
      t.key = key;
      t.updatedAt = ctx.now();
      return t;
    });
  } catch (err) {
    if (key) await dropSecrets(ctx, [key.id]);
    throw err;
  }
  if (old) await dropSecrets(ctx, [old.id]);
  changed(ctx, 'triggers');
  return toTrigger(updated);
}

/** "<name> copy" in the same workspace, with its own copies of the key and secret headers. */
export async function duplicateTrigger(ctx: Ctx, id: string): Promise<Trigger> {
  const doc = ctx.data.read();
  const source = liveTrigger(doc, id);
  const created: string[] = [];
  let secrets: Awaited<ReturnType<typeof copySecrets>>;
  try {
    secrets = await copySecrets(ctx, source, created);
  } catch (err) {
    await dropSecrets(ctx, created);
    throw err;
  }
  const names = doc.triggers
    .filter((t) => t.workspaceId === source.workspaceId && t.deletedAt === null)
    .map((t) => t.name);
  return saveNewTrigger(
    ctx,
    {
      workspaceId: source.workspaceId,
      name: copyName(source.name, names),
      parsed: { ...source.parsed },
      key: secrets.key,
      headers: secrets.headers,
      contentType: source.contentType,
      payloads: source.payloads.map((p) => ({ name: p.name, body: p.body })),
      production: source.production,
      ...(source.yaml === undefined ? {} : { yaml: source.yaml }),
      ...(source.variables === undefined ? {} : { variables: source.variables }),
      secretVariables: secrets.secretVariables,
    },
    created,
  );
}

/** Soft delete: keys stay in the vault until the purge, so restore gives everything back. */
export function deleteTrigger(ctx: Ctx, id: string): void {
  ctx.data.update((doc) => {
    liveTrigger(doc, id).deletedAt = ctx.now();
  });
  changed(ctx, 'triggers');
}

export function restoreTrigger(ctx: Ctx, id: string): Trigger {
  const restored = ctx.data.update((doc) => {
    const t = findTrigger(doc, id);
    const w = liveWorkspace(doc, t.workspaceId);
    // A trigger made with its name while this one was deleted keeps it; this one comes back as "name (2)".
    t.name = freeNameIn(doc, w.id, t.name, t.id);
    t.deletedAt = null;
    t.workspaceId = w.id;
    return t;
  });
  changed(ctx, 'triggers');
  return toTrigger(restored);
}
