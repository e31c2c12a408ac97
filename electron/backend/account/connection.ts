// A workspace's connection to a Harness account: base URL, account id and the key (in the vault).
// The key is sent only to the base URL's origin; changing the origin or the account therefore needs
// the key again (the stored one never follows a connection somewhere else).
import { DEFAULT_HARNESS_BASE, type AccountConnection } from '../../../shared/account-model';
import { DeskError } from '../../../shared/errors';
import { changed, liveWorkspace, type Ctx } from '../context';
import { checkRequestUrl } from '../net/index';
import type { StoredConnection } from '../store/index';
import { checkApiKey } from '../vault/index';
import { createClient, type Client } from './client';

/** "https://app.harness.io/" → "https://app.harness.io"; a path (e.g. /gateway) is kept; query and hash are refused. */
export function normalizeBase(raw: string | undefined): { baseUrl: string; origin: string } {
  const text = (raw ?? DEFAULT_HARNESS_BASE).trim();
  const u = checkRequestUrl(text);
  if (u.search !== '' || u.hash !== '' || u.username !== '' || u.password !== '')
    throw new DeskError('invalid-args', 'The Harness base URL must be a plain address such as https://app.harness.io', {
      hint: 'Leave out anything after the host (except a path such as /gateway on some installs).',
    });
  const path = u.pathname.replace(/\/+$/, '');
  return { baseUrl: `${u.origin}${path}`, origin: u.origin };
}

export function originOf(c: Pick<StoredConnection, 'baseUrl'>): string {
  return new URL(c.baseUrl).origin;
}

export function toConnection(c: StoredConnection): AccountConnection {
  return {
    workspaceId: c.workspaceId,
    baseUrl: c.baseUrl,
    origin: originOf(c),
    accountIdentifier: c.accountIdentifier,
    key: c.key ? { ...c.key } : null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    lastTest: c.lastTest,
  };
}

export function findConnection(ctx: Ctx, workspaceId: string): StoredConnection | null {
  return (ctx.data.read().connections ?? []).find((c) => c.workspaceId === workspaceId) ?? null;
}

export function getConnection(ctx: Ctx, workspaceId: string): AccountConnection | null {
  liveWorkspace(ctx.data.read(), workspaceId);
  const c = findConnection(ctx, workspaceId);
  return c ? toConnection(c) : null;
}

export async function connect(
  ctx: Ctx,
  a: { workspaceId: string; baseUrl?: string | undefined; accountIdentifier: string; apiKey?: string | undefined },
): Promise<AccountConnection> {
  liveWorkspace(ctx.data.read(), a.workspaceId);
  const { baseUrl, origin } = normalizeBase(a.baseUrl);
  const old = findConnection(ctx, a.workspaceId);
  const moved = old !== null && (originOf(old) !== origin || old.accountIdentifier !== a.accountIdentifier);
  if (moved && a.apiKey === undefined && old.key !== null)
    throw new DeskError(
      'invalid-args',
      `The stored key is only ever sent to ${originOf(old)} for account ${old.accountIdentifier}: give the key again for ${origin}, account ${a.accountIdentifier}.`,
    );
  const key = a.apiKey === undefined ? null : checkApiKey(a.apiKey).key;
  const info = key === null ? (old?.key ?? null) : await ctx.vault.put(key, `Harness account ${a.accountIdentifier}`);
  const now = ctx.now();
  const saved = ctx.data.update((doc) => {
    liveWorkspace(doc, a.workspaceId);
    const list = (doc.connections ??= []);
    const next: StoredConnection = {
      workspaceId: a.workspaceId,
      baseUrl,
      accountIdentifier: a.accountIdentifier,
      key: info,
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
      // A test says something about one key at one place only.
      lastTest: key === null && !moved ? (old?.lastTest ?? null) : null,
    };
    const at = list.findIndex((c) => c.workspaceId === a.workspaceId);
    if (at >= 0) list[at] = next;
    else list.push(next);
    return next;
  });
  if (key !== null && old?.key && old.key.id !== info?.id) await ctx.vault.remove(old.key.id).catch(() => undefined);
  changed(ctx, 'workspaces');
  return toConnection(saved);
}

export async function disconnect(ctx: Ctx, workspaceId: string): Promise<void> {
  const old = findConnection(ctx, workspaceId);
  if (!old) return;
  ctx.data.update((doc) => {
    doc.connections = (doc.connections ?? []).filter((c) => c.workspaceId !== workspaceId);
  });
  if (old.key) await ctx.vault.remove(old.key.id).catch(() => undefined);
  changed(ctx, 'workspaces');
}

/** The connection's client, with its key read from the vault. */
export async function clientFor(
  ctx: Ctx,
  workspaceId: string,
): Promise<{ conn: StoredConnection; client: Client; key: string | null }> {
  liveWorkspace(ctx.data.read(), workspaceId);
  const conn = findConnection(ctx, workspaceId);
  if (!conn)
    throw new DeskError('not-found', 'This workspace is not connected to a Harness account.', {
      hint: 'Connect it first: base URL, account id and an API key.',
    });
  let key: string | null = null;
  if (conn.key) {
    key = await ctx.vault.get(conn.key.id);
    if (key === null)
      throw new DeskError(
        'invalid-key',
        `The key of the Harness connection is no longer in the vault${ctx.vault.status().kind === 'session' ? ': without an OS keychain, keys last for one session only' : ''}.`,
        { hint: 'Enter the key again in the connection.' },
      );
  }
  const target = {
    workspaceId,
    baseUrl: conn.baseUrl,
    origin: originOf(conn),
    accountIdentifier: conn.accountIdentifier,
  };
  return { conn, client: createClient(ctx, target, key), key };
}
