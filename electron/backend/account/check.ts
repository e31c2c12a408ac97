// Imported triggers against Harness: account:check marks each current, changed in Harness (its YAML's
// hash differs from the one imported) or deleted in Harness (never removed); account:refresh takes
// one trigger's YAML and URL from Harness again.
import type { CheckReport, RemoteState } from '../../../shared/account-model';
import { DeskError } from '../../../shared/errors';
import { parseTriggerUrl } from '../../../shared/harness/urls';
import type { Trigger } from '../../../shared/model';
import { changed, liveTrigger, toTrigger, type Ctx } from '../context';
import type { StoredTrigger } from '../store/index';
import type { Client } from './client';
import { clientFor } from './connection';
import { fetchTrigger, fetchYaml, originRecord, storableYaml, yamlHash, type RemoteId } from './remote';

function remoteId(t: StoredTrigger): RemoteId | null {
  const h = t.harness;
  return h
    ? {
        org: h.orgIdentifier,
        project: h.projectIdentifier,
        pipeline: h.pipelineIdentifier,
        trigger: h.triggerIdentifier,
      }
    : null;
}

/** Imported through this client's origin and account: the only ones its key may ask about. */
function ours(t: StoredTrigger, client: Client): boolean {
  return t.harness?.origin === client.target.origin && t.harness.accountIdentifier === client.target.accountIdentifier;
}

export async function checkImported(ctx: Ctx, workspaceId: string): Promise<CheckReport> {
  const { client } = await clientFor(ctx, workspaceId);
  const mine = ctx.data
    .read()
    .triggers.filter((t) => t.workspaceId === workspaceId && t.deletedAt === null && ours(t, client));
  const found = new Map<string, { state: RemoteState; detail: string | null }>();
  for (const t of mine) {
    const id = remoteId(t);
    if (!id || !t.harness) continue;
    try {
      const got = await fetchYaml(client, id);
      if (got === null) found.set(t.id, { state: 'deleted', detail: 'Harness no longer has this trigger.' });
      else if (yamlHash(got.yaml) !== t.harness.yamlHash)
        found.set(t.id, { state: 'changed', detail: 'Its YAML changed in Harness: refresh to take it.' });
      else found.set(t.id, { state: 'current', detail: null });
    } catch (err) {
      // One unreadable trigger does not stop the check; its mark stays as it was.
      found.set(t.id, { state: t.harness.state, detail: err instanceof Error ? err.message : String(err) });
    }
  }
  const now = ctx.now();
  ctx.data.update((doc) => {
    for (const t of doc.triggers) {
      const f = found.get(t.id);
      if (f && t.harness) t.harness = { ...t.harness, state: f.state, checkedAt: now };
    }
  });
  changed(ctx, 'triggers');
  return {
    items: mine.map((t) => {
      const f = found.get(t.id);
      return { triggerId: t.id, name: t.name, state: f?.state ?? 'current', detail: f?.detail ?? null };
    }),
    notes: [...client.notes],
  };
}

export async function refreshImported(ctx: Ctx, triggerId: string): Promise<Trigger> {
  const t = liveTrigger(ctx.data.read(), triggerId);
  const id = remoteId(t);
  if (!id || !t.harness)
    throw new DeskError(
      'invalid-args',
      `“${t.name}” was not imported from a Harness account, so it cannot be refreshed.`,
      {
        hint: 'Fetch its YAML from the trigger instead.',
      },
    );
  const { client } = await clientFor(ctx, t.workspaceId);
  if (!ours(t, client))
    throw new DeskError(
      'invalid-args',
      `“${t.name}” was imported from ${t.harness.origin}, account ${t.harness.accountIdentifier}: the workspace is now connected elsewhere.`,
    );
  const got = await fetchTrigger(client, id);
  const now = ctx.now();
  if (got === null) {
    ctx.data.update((doc) => {
      const x = liveTrigger(doc, triggerId);
      if (x.harness) x.harness = { ...x.harness, state: 'deleted', checkedAt: now };
    });
    changed(ctx, 'triggers');
    throw new DeskError(
      'not-found',
      `Harness no longer has the trigger ${id.trigger}: it is marked “deleted in Harness”.`,
    );
  }
  const parsed = parseTriggerUrl(got.webhookUrl, [...ctx.vault.knownSecrets()]);
  const y = storableYaml(got.yaml, [...ctx.vault.knownSecrets()]);
  const saved = ctx.data.update((doc) => {
    const x = liveTrigger(doc, triggerId);
    x.parsed = parsed;
    if (y.yaml !== null) x.yaml = y.yaml;
    x.harness = originRecord(client, id, yamlHash(got.yaml), now, x.harness?.importedAt ?? now);
    x.updatedAt = now;
    return x;
  });
  changed(ctx, 'triggers');
  if (y.why) throw new DeskError('parse', `Refreshed “${t.name}”, but ${y.why}.`);
  return toTrigger(saved);
}
