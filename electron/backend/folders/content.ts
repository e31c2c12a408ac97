// Between the app's stores and a folder's content (serialize.ts): what a workspace writes, and how
// what was read from the folder lands in the stores. Secrets cross as keychain references: a
// KeyInfo's label is its reference name; the value stays in each person's vault.
import { parseTriggerUrl } from '../../../shared/harness/urls';
import { freeName } from '../../../shared/harness/trigger-name';
import type { Sample } from '../../../shared/conditions-model';
import type { Chain } from '../../../shared/chain-model';
import type { KeyInfo, TriggerUrl } from '../../../shared/model';
import type { DataDoc, StoredTrigger, StoredWorkspace } from '../store/index';
import { newId } from '../store/index';
import type { FolderContent, FolderTrigger } from './serialize';

export const TOKEN_PLACEHOLDER = '{token}';
/** 22 characters of the token's alphabet, only to let the URL parser read a URL whose token is not known here. */
const PARSE_STAND_IN = 'td-token-needed-000000';

/** The URL with the v3 token replaced by {token} (what the folder holds unless the team shares tokens). */
export function urlWithoutToken(p: TriggerUrl): string {
  return p.token === null ? p.url : p.url.split(`/custom/${p.token}/v3`).join(`/custom/${TOKEN_PLACEHOLDER}/v3`);
}

/** True when the trigger's v3 token is not known here (its folder did not carry it). */
export function needsToken(p: TriggerUrl): boolean {
  return p.form === 'v3' && p.token === null;
}

/** Reads a folder URL; `{token}` is filled with `localToken` when known, else the trigger needs one. */
export function readFolderUrl(url: string, localToken: string | null): TriggerUrl {
  const marker = `/custom/${TOKEN_PLACEHOLDER}/v3`;
  if (!url.includes(marker)) return parseTriggerUrl(url);
  if (localToken !== null) return parseTriggerUrl(url.split(marker).join(`/custom/${localToken}/v3`));
  const parsed = parseTriggerUrl(url.split(marker).join(`/custom/${PARSE_STAND_IN}/v3`));
  return { ...parsed, url: url.trim(), token: null };
}

export function folderTrigger(t: StoredTrigger, shareTokens: boolean): FolderTrigger {
  return {
    id: t.id,
    name: t.name,
    url: shareTokens ? t.parsed.url : urlWithoutToken(t.parsed),
    production: t.production,
    contentType: t.contentType,
    apiKey: t.key?.label ?? null,
    headers: t.headers.map((h) =>
      h.secret ? { name: h.name, keychain: h.secret.label } : { name: h.name, value: h.value },
    ),
    variables: { ...(t.variables ?? {}) },
    secretVariables: Object.fromEntries(Object.entries(t.secretVariables ?? {}).map(([k, v]) => [k, v.label])),
    payloads: t.payloads.map((p) => ({ id: p.id, name: p.name, body: p.body })),
    yaml: t.yaml === undefined || t.yaml === '' ? null : t.yaml,
  };
}

/** What a workspace writes into its folder. */
export function contentOf(
  w: StoredWorkspace,
  doc: DataDoc,
  samples: readonly Sample[],
  chains: readonly Chain[],
  shareTokens: boolean,
): FolderContent {
  const triggers = doc.triggers.filter((t) => t.workspaceId === w.id && t.deletedAt === null);
  return {
    workspace: { id: w.id, name: w.name, shareTokens },
    triggers: triggers.map((t) => folderTrigger(t, shareTokens)),
    samples: samples
      .filter((s) => s.workspaceId === w.id)
      .map((s) => ({ id: s.id, name: s.name, headers: s.headers.map((h) => ({ ...h })), payload: s.payload })),
    chains: chains
      .filter((c) => c.workspaceId === w.id)
      .map((c) => ({
        id: c.id,
        name: c.name,
        steps: c.steps.map((s) => ({ trigger: s.triggerId, after: s.after, body: s.body })),
      })),
  };
}

/** A trigger's secrets (its key, secret headers and variables). */
function secretInfos(t: StoredTrigger): KeyInfo[] {
  const out: KeyInfo[] = [];
  if (t.key) out.push(t.key);
  for (const h of t.headers) if (h.secret) out.push(h.secret);
  out.push(...Object.values(t.secretVariables ?? {}));
  return out;
}

/** The workspace's secrets by reference name (label): a folder's reference resolves to one of these (labels of other workspaces are not trusted to be the same secret). */
function knownRefs(doc: DataDoc, wsId: string): Map<string, KeyInfo> {
  const out = new Map<string, KeyInfo>();
  const add = (k: KeyInfo | null | undefined): void => {
    if (k && !out.has(k.label)) out.set(k.label, k);
  };
  for (const t of doc.triggers) {
    if (t.workspaceId !== wsId) continue;
    add(t.key);
    for (const h of t.headers) add(h.secret);
    for (const v of Object.values(t.secretVariables ?? {})) add(v);
  }
  return out;
}

/** A reference as this person's KeyInfo: the trigger's own by that name, the workspace's, else a new id the vault does not hold yet (a need). */
function resolveRef(refs: Map<string, KeyInfo>, ref: string, own: KeyInfo[] = []): KeyInfo {
  let k = own.find((x) => x.label === ref) ?? refs.get(ref);
  if (!k) {
    k = { id: newId(), label: ref, last4: '' };
    refs.set(ref, k);
  }
  return { ...k };
}

/**
 * Puts a folder's triggers into the data doc (the draft of an update) for workspace `wsId`: a known id
 * is updated in place (its local token, times and vault entries kept), a new one is added, and a
 * trigger whose file is gone is soft-deleted, unless its file is damaged now (`keep`). Returns the ids changed.
 */
export function applyTriggers(
  doc: DataDoc,
  wsId: string,
  triggers: FolderTrigger[],
  keep: (id: string) => boolean,
  now: number,
): { changed: string[]; errors: { id: string; message: string }[] } {
  const refs = knownRefs(doc, wsId);
  const changed: string[] = [];
  const errors: { id: string; message: string }[] = [];
  const inFolder = new Set<string>();
  for (const f of triggers) {
    const existing = doc.triggers.find((t) => t.id === f.id);
    if (existing && existing.workspaceId !== wsId) {
      errors.push({ id: f.id, message: `its id "${f.id}" is already used by a trigger of another workspace` });
      continue;
    }
    let parsed: TriggerUrl;
    try {
      parsed = readFolderUrl(f.url, existing?.parsed.token ?? null);
    } catch (e) {
      errors.push({ id: f.id, message: `url: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    inFolder.add(f.id);
    const own = existing ? secretInfos(existing) : [];
    const payloads = f.payloads.map((p) => {
      const before = existing?.payloads.find((x) => x.id === p.id);
      return {
        id: p.id,
        name: p.name,
        body: p.body,
        updatedAt: before && before.body === p.body ? before.updatedAt : now,
      };
    });
    const next: StoredTrigger = {
      id: f.id,
      workspaceId: wsId,
      name: f.name,
      parsed,
      key: f.apiKey === null ? null : resolveRef(refs, f.apiKey, own),
      headers: f.headers.map((h) =>
        'keychain' in h
          ? { name: h.name, value: '', secret: resolveRef(refs, h.keychain, own) }
          : { name: h.name, value: h.value, secret: null },
      ),
      contentType: f.contentType,
      payloads,
      production: f.production,
      ...(f.yaml === null ? {} : { yaml: f.yaml }),
      variables: { ...f.variables },
      ...(Object.keys(f.secretVariables).length === 0
        ? {}
        : {
            secretVariables: Object.fromEntries(
              Object.entries(f.secretVariables).map(([k, r]) => [k, resolveRef(refs, r, own)]),
            ),
          }),
      createdAt: existing?.createdAt ?? now,
      updatedAt: existing?.updatedAt ?? now,
      deletedAt: null,
    };
    if (existing && same(existing, next)) continue;
    next.updatedAt = now;
    if (existing) Object.assign(existing, next);
    else doc.triggers.push(next);
    changed.push(f.id);
  }
  for (const t of doc.triggers) {
    const failed = errors.some((e) => e.id === t.id);
    if (t.workspaceId !== wsId || t.deletedAt !== null || inFolder.has(t.id) || failed || keep(t.id)) continue;
    t.deletedAt = now;
    changed.push(t.id);
  }
  return { changed, errors };
}

function same(a: StoredTrigger, b: StoredTrigger): boolean {
  const strip = (t: StoredTrigger): unknown => ({ ...t, updatedAt: 0, variables: t.variables ?? {} });
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** Replaces a workspace's samples with the folder's (a damaged file's sample kept as it was). */
export function applySamples(
  all: Sample[],
  wsId: string,
  read: FolderContent['samples'],
  keep: (id: string) => boolean,
  now: number,
): Sample[] {
  const others = all.filter((s) => s.workspaceId !== wsId || (keep(s.id) && !read.some((r) => r.id === s.id)));
  const mine = read.map((r) => {
    const before = all.find((s) => s.id === r.id);
    const unchanged =
      before &&
      before.name === r.name &&
      before.payload === r.payload &&
      JSON.stringify(before.headers) === JSON.stringify(r.headers);
    return {
      id: r.id,
      workspaceId: wsId,
      name: r.name,
      payload: r.payload,
      headers: r.headers.map((h) => ({ ...h })),
      createdAt: before?.createdAt ?? now,
      updatedAt: unchanged ? before.updatedAt : now,
    };
  });
  return [...others, ...mine];
}

/** Replaces a workspace's chains with the folder's (a damaged file's chain kept as it was). */
export function applyChains(
  all: Chain[],
  wsId: string,
  read: FolderContent['chains'],
  keep: (id: string) => boolean,
  now: number,
): Chain[] {
  const others = all.filter((c) => c.workspaceId !== wsId || (keep(c.id) && !read.some((r) => r.id === c.id)));
  const mine = read.map((r) => {
    const before = all.find((c) => c.id === r.id);
    const steps = r.steps.map((s) => ({ triggerId: s.trigger, body: s.body, after: s.after }));
    const unchanged = before && before.name === r.name && JSON.stringify(before.steps) === JSON.stringify(steps);
    return {
      id: r.id,
      workspaceId: wsId,
      name: r.name,
      steps,
      createdAt: before?.createdAt ?? now,
      updatedAt: unchanged ? before.updatedAt : now,
    };
  });
  return [...others, ...mine];
}

/**
 * One reference name per secret in a folder workspace: a key given anew to one trigger (setKey keeps
 * the old label) is renamed "label (2)" in the update's draft, so the folder never names two values alike.
 */
export function distinctRefs(doc: DataDoc, workspaceId: string): void {
  const byLabel = new Map<string, string>();
  const labels = new Set<string>();
  const all: KeyInfo[] = [];
  for (const t of doc.triggers) {
    if (t.workspaceId !== workspaceId || t.deletedAt !== null) continue;
    if (t.key) all.push(t.key);
    for (const h of t.headers) if (h.secret) all.push(h.secret);
    all.push(...Object.values(t.secretVariables ?? {}));
  }
  for (const k of all) labels.add(k.label);
  const renamed = new Map<string, string>();
  for (const k of all) {
    const again = renamed.get(k.id);
    if (again !== undefined) {
      k.label = again;
      continue;
    }
    const owner = byLabel.get(k.label);
    if (owner === undefined) byLabel.set(k.label, k.id);
    else if (owner !== k.id) {
      const label = freeName(k.label, labels);
      labels.add(label);
      renamed.set(k.id, label);
      byLabel.set(label, k.id);
      k.label = label;
    }
  }
}
