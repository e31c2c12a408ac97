// Importing custom triggers from the account in one step: one trigger, a pipeline's, or a project's.
// Idempotent: a trigger is matched on origin + account + org + project + pipeline + trigger identifier
// (or, the first time, on its webhook URL when it was pasted by hand), and updated in place. The YAML's
// hash is remembered, so a later check can say "changed in Harness"; a trigger gone from Harness is
// marked "deleted in Harness", never removed. The store is written once and data:changed pushed once.
// Imported triggers get their own vault copy of the connection key when their webhook URL is on the
// connection's origin and account (docs/ARCHITECTURE.md, "Harness account").
import type { ImportItem, ImportOutcome, ImportReport } from '../../../shared/account-model';
import { DeskError } from '../../../shared/errors';
import { redactUrl } from '../../../shared/harness/redact';
import { freeName, nameKey } from '../../../shared/harness/trigger-name';
import { parseTriggerUrl } from '../../../shared/harness/urls';
import type { KeyInfo, TriggerUrl } from '../../../shared/model';
import { changed, type Ctx } from '../context';
import { newId, type StoredTrigger } from '../store/index';
import { dropSecrets } from '../vault/index';
import { importedMatch, listCustomTriggers, pipelinesInView } from './browse';
import { clientFor } from './connection';
import { fetchTrigger, originRecord, storableYaml, yamlHash, type Fetched, type RemoteId } from './remote';

const IMPORTED_KEY_LABEL = 'API key (Harness connection)';

interface Planned {
  id: RemoteId;
  name: string;
  fetched: Fetched | null;
  parsed: TriggerUrl | null;
  yaml: string | null;
  failure: string | null;
  notes: string[];
}

export async function importTriggers(
  ctx: Ctx,
  a: {
    workspaceId: string;
    orgIdentifier: string;
    projectIdentifier: string;
    pipelineIdentifier?: string | undefined;
    triggerIdentifier?: string | undefined;
  },
): Promise<ImportReport> {
  const { client, key } = await clientFor(ctx, a.workspaceId);
  const { origin, accountIdentifier: account } = client.target;
  const pipelines = await pipelinesInView(client, a.orgIdentifier, a.projectIdentifier, a.pipelineIdentifier);
  const listed = (await listCustomTriggers(client, pipelines)).triggers.filter(
    (t) => a.triggerIdentifier === undefined || t.identifier === a.triggerIdentifier,
  );
  if (a.triggerIdentifier !== undefined && listed.length === 0)
    throw new DeskError(
      'not-found',
      `Harness has no custom webhook trigger ${a.triggerIdentifier} on pipeline ${a.pipelineIdentifier ?? ''}.`,
    );

  const secrets = [...ctx.vault.knownSecrets()];
  const planned: Planned[] = [];
  for (const t of listed) {
    const id: RemoteId = {
      org: a.orgIdentifier,
      project: a.projectIdentifier,
      pipeline: t.pipeline.identifier,
      trigger: t.identifier,
    };
    const p: Planned = { id, name: t.name, fetched: null, parsed: null, yaml: null, failure: null, notes: [] };
    try {
      p.fetched = await fetchTrigger(client, id);
      if (p.fetched === null) p.failure = 'Harness no longer has it';
      else {
        p.parsed = parseTriggerUrl(p.fetched.webhookUrl, secrets);
        const y = storableYaml(p.fetched.yaml, secrets);
        p.yaml = y.yaml;
        if (y.why) p.notes.push(y.why);
      }
    } catch (err) {
      p.failure = err instanceof Error ? err.message : String(err);
    }
    planned.push(p);
  }

  // The key goes with triggers on the connection's own origin and account only.
  const keyFits = (parsed: TriggerUrl): boolean =>
    key !== null && parsed.origin === origin && parsed.accountIdentifier === account;
  const created: string[] = [];
  const keys = new Map<Planned, KeyInfo>();
  try {
    for (const p of planned) {
      if (p.parsed === null || !keyFits(p.parsed) || key === null) continue;
      const existing = match(ctx.data.read().triggers, a.workspaceId, origin, account, p);
      if (existing?.key) continue;
      const info = await ctx.vault.put(key, IMPORTED_KEY_LABEL);
      created.push(info.id);
      keys.set(p, info);
    }
  } catch (err) {
    await dropSecrets(ctx, created);
    throw err;
  }

  const now = ctx.now();
  const items: ImportItem[] = [];
  const markedDeleted: { triggerId: string; name: string }[] = [];
  ctx.data.update((doc) => {
    for (const p of planned) {
      const base = { pipelineIdentifier: p.id.pipeline, identifier: p.id.trigger, name: p.name };
      if (p.failure !== null || p.fetched === null || p.parsed === null) {
        items.push({ ...base, outcome: 'failed', triggerId: null, url: null, detail: p.failure });
        continue;
      }
      const hash = yamlHash(p.fetched.yaml);
      const url = redactUrl(p.fetched.webhookUrl);
      const existing = match(doc.triggers, a.workspaceId, origin, account, p);
      const info = keys.get(p) ?? null;
      if (existing) {
        const what: string[] = [];
        if (existing.parsed.url !== p.parsed.url) what.push('its webhook URL changed');
        if (existing.harness?.yamlHash !== hash)
          what.push(existing.harness ? 'its YAML changed in Harness' : 'its YAML was taken from Harness');
        if (existing.harness?.state === 'deleted') what.push('it is back in Harness');
        if (!existing.key && info) what.push('it has the connection key now');
        existing.parsed = p.parsed;
        if (p.yaml !== null) existing.yaml = p.yaml;
        if (!existing.key && info) existing.key = info;
        existing.harness = originRecord(client, p.id, hash, now, existing.harness?.importedAt ?? now);
        if (what.length > 0) existing.updatedAt = now;
        const outcome: ImportOutcome = what.length > 0 ? 'updated' : 'unchanged';
        const detail = [...what, ...p.notes].join('; ') || null;
        items.push({ ...base, name: existing.name, outcome, triggerId: existing.id, url, detail });
        continue;
      }
      const taken = doc.triggers
        .filter((t) => t.workspaceId === a.workspaceId && t.deletedAt === null)
        .map((t) => t.name);
      const t: StoredTrigger = {
        id: newId(),
        workspaceId: a.workspaceId,
        name: freeName(p.name, taken),
        parsed: p.parsed,
        key: info,
        headers: [],
        contentType: 'application/json',
        payloads: [],
        production: false,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        harness: originRecord(client, p.id, hash, now),
      };
      if (p.yaml !== null) t.yaml = p.yaml;
      doc.triggers.push(t);
      const notes = [...p.notes];
      if (nameKey(t.name) !== nameKey(p.name)) notes.push(`the name “${p.name}” was taken in the workspace`);
      if (!info && !keyFits(p.parsed))
        notes.push('its URL is not on the connection’s origin and account, so it has no key');
      items.push({ ...base, name: t.name, outcome: 'created', triggerId: t.id, url, detail: notes.join('; ') || null });
    }
    // Gone from Harness: marked, never removed. Only where the whole scope was listed.
    if (a.triggerIdentifier === undefined) {
      const present = new Set(listed.map((t) => `${t.pipeline.identifier}/${t.identifier}`));
      for (const t of doc.triggers) {
        const h = t.harness;
        if (t.workspaceId !== a.workspaceId || t.deletedAt !== null || !h || h.state === 'deleted') continue;
        if (h.origin !== origin || h.accountIdentifier !== account) continue;
        if (h.orgIdentifier !== a.orgIdentifier || h.projectIdentifier !== a.projectIdentifier) continue;
        if (a.pipelineIdentifier !== undefined && h.pipelineIdentifier !== a.pipelineIdentifier) continue;
        if (present.has(`${h.pipelineIdentifier}/${h.triggerIdentifier}`)) continue;
        t.harness = { ...h, state: 'deleted', checkedAt: now };
        markedDeleted.push({ triggerId: t.id, name: t.name });
      }
    }
  });
  // Keys put for triggers that ended up not needing them (failed, or raced) are dropped.
  const used = new Set(ctx.data.read().triggers.flatMap((t) => (t.key ? [t.key.id] : [])));
  await dropSecrets(
    ctx,
    created.filter((id) => !used.has(id)),
  );
  changed(ctx, 'triggers');

  const counts: Record<ImportOutcome, number> = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const i of items) counts[i.outcome]++;
  return {
    workspaceId: a.workspaceId,
    orgIdentifier: a.orgIdentifier,
    projectIdentifier: a.projectIdentifier,
    pipelineIdentifier: a.pipelineIdentifier ?? null,
    items,
    counts,
    markedDeleted,
    notes: [...client.notes],
  };
}

/** The stored trigger an import updates: imported before, or pasted by hand with the same webhook URL. */
function match(
  triggers: StoredTrigger[],
  workspaceId: string,
  origin: string,
  account: string,
  p: Planned,
): StoredTrigger | undefined {
  const id = { origin, account, org: p.id.org, project: p.id.project, pipeline: p.id.pipeline, trigger: p.id.trigger };
  return (
    importedMatch(triggers, workspaceId, id) ??
    triggers.find(
      (t) =>
        t.workspaceId === workspaceId &&
        t.deletedAt === null &&
        t.harness === undefined &&
        p.parsed !== null &&
        t.parsed.url === p.parsed.url,
    )
  );
}
