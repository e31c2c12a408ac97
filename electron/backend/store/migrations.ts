// Versioned migrations of the store files (json-file.ts runs each step once, in order, and records
// the version in the file; when a step fails, nothing is written and the file is salvaged as it was).
// Format versions are the files' own, not the app's: bump them only when the shape changes.
//
// 1.0.0 is the first released shape. Its step brings anything older into it: files written before
// the format was versioned, by early builds, or by hand (a trigger given as {name, url} only).
import { parseTriggerUrl } from '../../../shared/harness/urls';
import type { Migration } from './json-file';
import { DEFAULT_SETTINGS, emptyData, type DataDoc, type SettingsDoc } from './schema';
import { newId } from './ids';

export const DATA_FORMAT = '1.0.0';
export const SETTINGS_FORMAT = '1.0.0';
export const SAMPLES_FORMAT = '1.0.0';
export const CHAINS_FORMAT = '1.0.0';

type Loose = Record<string, unknown>;

const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter(isObj) : []);
const asStr = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const asTime = (v: unknown, fallback: number): number => (typeof v === 'number' && v >= 0 ? v : fallback);
const asNullableTime = (v: unknown): number | null => (typeof v === 'number' && v >= 0 ? v : null);
const asId = (v: unknown): string => (typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : newId());

function tryParseUrl(url: unknown): Loose | undefined {
  try {
    return parseTriggerUrl(asStr(url, '')) as unknown as Loose;
  } catch {
    return undefined;
  }
}

function upgradeTrigger(t: Loose, workspaceIds: Set<string>, fallbackWorkspace: () => string, now: number): Loose {
  // A trigger without its parsed URL is re-parsed. One whose URL cannot be read is left without
  // it: it then fails its schema and the damaged-item rule (store.ts) names it and keeps the rest.
  const parsed = isObj(t.parsed) ? t.parsed : tryParseUrl(t.url);
  const workspaceId =
    typeof t.workspaceId === 'string' && workspaceIds.has(t.workspaceId) ? t.workspaceId : fallbackWorkspace();
  const payloads = asArray(t.payloads).map((p, i) => ({
    id: asId(p.id),
    name: asStr(p.name, `Payload ${i + 1}`),
    body: asStr(p.body, ''),
    updatedAt: asTime(p.updatedAt, now),
  }));
  const headers = asArray(t.headers).map((h) => ({
    name: asStr(h.name, ''),
    value: asStr(h.value, ''),
    secret: isObj(h.secret) ? h.secret : null,
  }));
  // The parsed URL keeps the URL itself: the loose top-level copy goes (unless it could not be read).
  const rest: Loose = { ...t };
  if (parsed !== undefined) delete rest.url;
  return {
    ...rest,
    id: asId(t.id),
    workspaceId,
    name: asStr(t.name, 'Trigger'),
    parsed,
    key: isObj(t.key) ? t.key : null,
    headers: headers.filter((h) => h.name.length > 0),
    contentType: asStr(t.contentType, 'application/json'),
    payloads,
    production: t.production === true,
    createdAt: asTime(t.createdAt, now),
    updatedAt: asTime(t.updatedAt, now),
    deletedAt: asNullableTime(t.deletedAt),
  };
}

/** Brings a data file of any earlier shape to format 1.0.0. Exported for the tests. */
export function upgradeDataTo1(raw: Loose, now = Date.now()): DataDoc {
  const base = emptyData();
  const workspaces = asArray(raw.workspaces).map((w) => ({
    ...w,
    id: asId(w.id),
    name: asStr(w.name, 'Workspace'),
    kind: w.kind === 'sandbox' ? 'sandbox' : 'user',
    createdAt: asTime(w.createdAt, now),
    deletedAt: asNullableTime(w.deletedAt),
  }));
  const ids = new Set(workspaces.map((w) => w.id));
  let adopted: string | null = null;
  // Triggers whose workspace is missing are gathered in one "Recovered" workspace, not dropped.
  const fallback = (): string => {
    if (adopted === null) {
      adopted = newId();
      workspaces.push({ id: adopted, name: 'Recovered', kind: 'user', createdAt: now, deletedAt: null });
      ids.add(adopted);
    }
    return adopted;
  };
  const triggers = asArray(raw.triggers).map((t) => upgradeTrigger(t, ids, fallback, now));
  const meta = isObj(raw.meta) ? raw.meta : {};
  return {
    workspaces: workspaces as DataDoc['workspaces'],
    triggers: triggers as unknown as DataDoc['triggers'],
    meta: {
      seededAt: asNullableTime(meta.seededAt),
      sandboxWorkspaceId:
        typeof meta.sandboxWorkspaceId === 'string' && ids.has(meta.sandboxWorkspaceId)
          ? meta.sandboxWorkspaceId
          : base.meta.sandboxWorkspaceId,
      sandboxBaseUrl: typeof meta.sandboxBaseUrl === 'string' ? meta.sandboxBaseUrl : null,
      proxyPasswordId: typeof meta.proxyPasswordId === 'string' ? asId(meta.proxyPasswordId) : null,
    },
  };
}

/** Brings a settings file of any earlier shape to format 1.0.0: unknown or out-of-range values fall back to defaults. */
export function upgradeSettingsTo1(raw: Loose): SettingsDoc {
  const d = DEFAULT_SETTINGS;
  const int = (v: unknown, min: number, max: number, fallback: number): number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
  const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
    allowed.find((a) => a === v) ?? fallback;
  return {
    connectTimeoutMs: int(raw.connectTimeoutMs, 500, 120_000, d.connectTimeoutMs),
    totalTimeoutMs: int(raw.totalTimeoutMs, 1000, 600_000, d.totalTimeoutMs),
    proxyMode: pick(raw.proxyMode, ['system', 'manual', 'none'], d.proxyMode),
    proxyUrl: asStr(raw.proxyUrl, d.proxyUrl),
    extraCaPem: asStr(raw.extraCaPem, d.extraCaPem),
    theme: pick(raw.theme, ['system', 'light', 'dark'], d.theme),
  };
}

export const dataMigrations: Record<string, Migration> = {
  '1.0.0': (doc) => upgradeDataTo1(doc),
};

export const settingsMigrations: Record<string, Migration> = {
  '1.0.0': (doc) => upgradeSettingsTo1(doc),
};
