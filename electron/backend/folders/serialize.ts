// A folder workspace's files, to and from text (docs/workspace-folders.md): pure, no disk, no store.
// The same content always gives the same bytes: keys in a fixed order, variables sorted by name,
// LF line ends, one trailing newline, YAML without line folding; file names are slugs of the names.
import YAML, { LineCounter, isNode, isScalar } from 'yaml';
import { z } from 'zod';
import type { FolderProblem } from '../../../shared/folder-model';

export const FOLDER_FORMAT = 1;
export const WORKSPACE_FILE = 'workspace.yaml';
export const README_FILE = 'README.md';
export const README_TEXT =
  'This folder is a Trigger Desk workspace: one YAML file per trigger (its payloads in the folder beside it), samples and chains. ' +
  'It never holds a secret: keys are named by keychain references and each person keeps the values in their own keychain. ' +
  'Open it with `trigger-desk workspace open --dir .` or from the app.\n';

/** A secret as the folder names it: a keychain reference, resolved from each person's keychain. */
export type FolderHeader = { name: string; value: string } | { name: string; keychain: string };

export interface FolderTrigger {
  id: string;
  name: string;
  /** With `{token}` in place of the v3 webhook token unless the workspace shares tokens. */
  url: string;
  production: boolean;
  contentType: string;
  /** The API key's keychain reference, or null when the trigger has no key. */
  apiKey: string | null;
  headers: FolderHeader[];
  variables: Record<string, string>;
  /** Secret payload variables: name → keychain reference. */
  secretVariables: Record<string, string>;
  payloads: { id: string; name: string; body: string }[];
  yaml: string | null;
}

export interface FolderSample {
  id: string;
  name: string;
  headers: { name: string; value: string }[];
  payload: string;
}

export interface FolderChain {
  id: string;
  name: string;
  steps: { trigger: string; after: 'success' | 'terminal'; body: string }[];
}

export interface FolderContent {
  workspace: { id: string; name: string; shareTokens: boolean };
  triggers: FolderTrigger[];
  samples: FolderSample[];
  chains: FolderChain[];
}

/** Lowercase words joined by "-", at most 60 characters; "item" when nothing is left. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? 'item' : s;
}

/**
 * A file stem per item, unique among them. An item whose file already exists (`kept`: id → stem, from
 * a linked folder) keeps it, so a rename is a one-line change, not a new file; the others take the
 * slug of their name, the first by (slug, id) the plain slug, then "-2", "-3"…
 */
function stems(
  items: readonly { id: string; name: string }[],
  kept?: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const item of items) {
    const k = kept?.get(item.id);
    if (k !== undefined && !used.has(k)) {
      used.add(k);
      out.set(item.id, k);
    }
  }
  const sorted = items
    .filter((i) => !out.has(i.id))
    .sort((a, b) => {
      const sa = slug(a.name);
      const sb = slug(b.name);
      return sa === sb ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : sa < sb ? -1 : 1;
    });
  for (const item of sorted) {
    const base = slug(item.name);
    let s = base;
    for (let i = 2; used.has(s); i++) s = `${base}-${i}`;
    used.add(s);
    out.set(item.id, s);
  }
  return out;
}

/** Item id (a payload: "triggerId/payloadId") → its path in the folder, as `parseFolder` gives it: the stems to keep. */
function keptStems(pathOf: ReadonlyMap<string, string> | undefined, re: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, path] of pathOf ?? []) {
    const m = re.exec(path);
    if (m?.[1] !== undefined) out.set(id, m[1]);
  }
  return out;
}

function yamlText(comment: string, value: unknown): string {
  const doc = new YAML.Document(value);
  // A keychain reference on one line, `apiKey: { keychain: prod }`: read as what it is (a name, not a
  // value) by people and by secret scanners alike.
  YAML.visit(doc, {
    Map(_key, node) {
      const [only] = node.items;
      if (node.items.length === 1 && only && isScalar(only.key) && only.key.value === 'keychain') node.flow = true;
    },
  });
  return `# ${comment}\n${doc.toString({ lineWidth: 0, minContentWidth: 0, indent: 2 })}`;
}

function sortedRecord(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A payload's file: .json when the body is JSON, .txt otherwise; the body is written as the user's text. */
function payloadExt(body: string): string {
  try {
    JSON.parse(body);
    return 'json';
  } catch {
    return 'txt';
  }
}

/** Every file of the folder, path (relative, forward slashes) → text. `pathOf`: where items already are (a linked folder). */
export function renderFolder(c: FolderContent, pathOf?: ReadonlyMap<string, string>): Map<string, string> {
  const files = new Map<string, string>();
  files.set(README_FILE, README_TEXT);
  files.set(
    WORKSPACE_FILE,
    yamlText('A Trigger Desk workspace folder (see README.md).', {
      format: FOLDER_FORMAT,
      id: c.workspace.id,
      name: c.workspace.name,
      shareTokens: c.workspace.shareTokens,
    }),
  );
  const triggerSlugs = stems(c.triggers, keptStems(pathOf, /^triggers\/([^/]+)\.ya?ml$/));
  const names = new Map(c.triggers.map((t) => [t.id, t.name]));
  for (const t of c.triggers) {
    const s = triggerSlugs.get(t.id) ?? slug(t.name);
    const keptPayloads = new Map<string, string>();
    for (const p of t.payloads) {
      const at = pathOf?.get(`${t.id}/${p.id}`);
      if (at?.startsWith(`triggers/${s}/`)) keptPayloads.set(p.id, at.slice(`triggers/${s}/`.length));
    }
    const payloadSlugs = stems(t.payloads, keptPayloads);
    const payloads = t.payloads.map((p) => {
      const kept = keptPayloads.get(p.id);
      const file = `${s}/${kept !== undefined && payloadSlugs.get(p.id) === kept ? kept : `${payloadSlugs.get(p.id) ?? slug(p.name)}.${payloadExt(p.body)}`}`;
      files.set(`triggers/${file}`, p.body);
      return { id: p.id, name: p.name, file };
    });
    files.set(
      `triggers/${s}.yaml`,
      yamlText('A Trigger Desk trigger. Secrets are keychain references: each person keeps the values.', {
        id: t.id,
        name: t.name,
        url: t.url,
        production: t.production,
        contentType: t.contentType,
        apiKey: t.apiKey === null ? null : { keychain: t.apiKey },
        headers: t.headers.map((h) =>
          'keychain' in h ? { name: h.name, keychain: h.keychain } : { name: h.name, value: h.value },
        ),
        variables: sortedRecord(t.variables),
        secretVariables: Object.fromEntries(
          Object.entries(sortedRecord(t.secretVariables)).map(([k, ref]) => [k, { keychain: ref }]),
        ),
        payloads,
        yaml: t.yaml,
      }),
    );
  }
  const sampleSlugs = stems(c.samples, keptStems(pathOf, /^samples\/([^/]+)\.ya?ml$/));
  for (const x of c.samples) {
    files.set(
      `samples/${sampleSlugs.get(x.id) ?? slug(x.name)}.yaml`,
      yamlText('A Trigger Desk sample event for the condition lab.', {
        id: x.id,
        name: x.name,
        headers: x.headers.map((h) => ({ name: h.name, value: h.value })),
        payload: x.payload,
      }),
    );
  }
  const chainSlugs = stems(c.chains, keptStems(pathOf, /^chains\/([^/]+)\.ya?ml$/));
  for (const ch of c.chains) {
    files.set(
      `chains/${chainSlugs.get(ch.id) ?? slug(ch.name)}.yaml`,
      yamlText('A Trigger Desk chain: each step names its trigger by id (its name beside it, for reading).', {
        id: ch.id,
        name: ch.name,
        steps: ch.steps.map((st) => ({
          trigger: st.trigger,
          triggerName: names.get(st.trigger) ?? null,
          after: st.after,
          body: st.body,
        })),
      }),
    );
  }
  return files;
}

// --- Reading ---

const fid = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id (letters, digits, _ and -)');
const fname = z.string().trim().min(1, 'must not be empty').max(120);
const ref = z.strictObject({ keychain: z.string().trim().min(1).max(80) });
const workspaceFile = z.object({
  format: z.literal(FOLDER_FORMAT, { message: `must be ${FOLDER_FORMAT}` }),
  id: fid,
  name: fname,
  shareTokens: z.boolean().default(false),
});
const triggerFile = z.object({
  id: fid,
  name: fname,
  url: z.string().min(1).max(8192),
  production: z.boolean().default(false),
  contentType: z.string().min(1).max(256).default('application/json'),
  apiKey: ref.nullable().default(null),
  headers: z
    .array(
      z.union([
        z.strictObject({ name: z.string().min(1).max(256), value: z.string().max(8192) }),
        z.strictObject({ name: z.string().min(1).max(256), keychain: z.string().trim().min(1).max(80) }),
      ]),
    )
    .max(50)
    .default([]),
  variables: z.record(z.string(), z.string()).default({}),
  secretVariables: z.record(z.string(), ref).default({}),
  payloads: z
    .array(z.strictObject({ id: fid, name: fname, file: z.string().regex(/^[^/\\]+\/[^/\\]+$/, 'must be "dir/file"') }))
    .default([]),
  yaml: z.string().nullable().default(null),
});
const sampleFile = z.object({
  id: fid,
  name: fname,
  headers: z.array(z.strictObject({ name: z.string().min(1).max(256), value: z.string().max(8192) })).default([]),
  payload: z.string(),
});
const chainFile = z.object({
  id: fid,
  name: fname,
  steps: z
    .array(
      z.object({
        trigger: fid,
        after: z.enum(['success', 'terminal']).default('success'),
        body: z.string().default('{}'),
      }),
    )
    .min(1, 'a chain needs at least one step')
    .max(20),
});

/** A file's text as a checked value, or the problem with its line and column. */
function readYaml<T>(path: string, text: string, schema: z.ZodType<T>): { value: T } | { problem: FolderProblem } {
  const lines = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = lines.linePos(err.pos[0]);
    return { problem: { path, line: pos.line, column: pos.col, message: err.message.split('\n')[0] ?? err.message } };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { value: parsed.data };
  const issue = parsed.error.issues[0];
  const at = issue?.path ?? [];
  // The place of the deepest node that exists on the issue's path (the field itself, or its parent).
  let line: number | null = null;
  let column: number | null = null;
  for (let n = at.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(at.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      line = pos.line;
      column = pos.col;
      break;
    }
  }
  const where = at.length > 0 ? `${at.join('.')}: ` : '';
  return { problem: { path, line, column, message: `${where}${issue?.message ?? 'is not valid'}` } };
}

export interface ReadFolder {
  /** What parsed; `workspace` is null when workspace.yaml is missing or damaged. */
  content: Omit<FolderContent, 'workspace'> & { workspace: FolderContent['workspace'] | null };
  problems: FolderProblem[];
  /** Item id → the file it came from (triggers, samples, chains). */
  pathOf: Map<string, string>;
}

/** Reads the folder's files (path → text). Each file stands alone: one that does not parse is a problem, the rest are read. */
export function parseFolder(files: ReadonlyMap<string, string>): ReadFolder {
  const problems: FolderProblem[] = [];
  const pathOf = new Map<string, string>();
  const content: ReadFolder['content'] = { workspace: null, triggers: [], samples: [], chains: [] };
  const ws = files.get(WORKSPACE_FILE);
  if (ws === undefined) problems.push({ path: WORKSPACE_FILE, line: null, column: null, message: 'is missing' });
  else {
    const r = readYaml(WORKSPACE_FILE, ws, workspaceFile);
    if ('problem' in r) problems.push(r.problem);
    else content.workspace = { id: r.value.id, name: r.value.name, shareTokens: r.value.shareTokens };
  }
  const seen = (path: string, id: string): boolean => {
    const before = pathOf.get(id);
    if (before === undefined) {
      pathOf.set(id, path);
      return false;
    }
    problems.push({ path, line: null, column: null, message: `id "${id}" is already used by ${before}` });
    return true;
  };
  for (const path of [...files.keys()].sort()) {
    const text = files.get(path) ?? '';
    if (/^triggers\/[^/]+\.ya?ml$/.test(path)) {
      const r = readYaml(path, text, triggerFile);
      if ('problem' in r) {
        problems.push(r.problem);
        continue;
      }
      const t = r.value;
      const missing = t.payloads.find((p) => !files.has(`triggers/${p.file}`));
      if (missing) {
        problems.push({ path, line: null, column: null, message: `payload file triggers/${missing.file} is missing` });
        continue;
      }
      if (seen(path, t.id)) continue;
      for (const p of t.payloads) pathOf.set(`${t.id}/${p.id}`, `triggers/${p.file}`);
      content.triggers.push({
        id: t.id,
        name: t.name,
        url: t.url,
        production: t.production,
        contentType: t.contentType,
        apiKey: t.apiKey?.keychain ?? null,
        headers: t.headers,
        variables: t.variables,
        secretVariables: Object.fromEntries(Object.entries(t.secretVariables).map(([k, v]) => [k, v.keychain])),
        payloads: t.payloads.map((p) => ({ id: p.id, name: p.name, body: files.get(`triggers/${p.file}`) ?? '' })),
        yaml: t.yaml,
      });
    } else if (/^samples\/[^/]+\.ya?ml$/.test(path)) {
      const r = readYaml(path, text, sampleFile);
      if ('problem' in r) problems.push(r.problem);
      else if (!seen(path, r.value.id)) content.samples.push(r.value);
    } else if (/^chains\/[^/]+\.ya?ml$/.test(path)) {
      const r = readYaml(path, text, chainFile);
      if ('problem' in r) problems.push(r.problem);
      else if (!seen(path, r.value.id)) content.chains.push(r.value);
    }
  }
  return { content, problems, pathOf };
}
