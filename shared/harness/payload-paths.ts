// "What the trigger reads": every <+trigger.payload.…> path a trigger's conditions and inputYaml
// use, and whether a payload has each one. The YAML and expression parsing are the condition
// evaluator's own (trigger-yaml.ts, expressions.ts), so the composer and the lab agree.
import { findBlocks, parseRef, walk } from './expressions';
import { parseTriggerYaml } from './trigger-yaml';

export type PathUseKind = 'payload condition' | 'header condition' | 'JEXL condition' | 'inputYaml';

export interface PathUse {
  kind: PathUseKind;
  /** Line in the trigger YAML, when known. */
  line: number | null;
  /** The expression as written. */
  expression: string;
}

export interface PayloadPath {
  /** Display form: `image`, `items[0].name`, `['odd key']`. */
  path: string;
  segments: (string | number)[];
  uses: PathUse[];
  /** Condition keys and inputYaml render the value as text: an object there is odd. JEXL reads typed values. */
  wantsScalar: boolean;
}

export type PathState = 'present' | 'missing' | 'odd';

export interface PathStatus {
  path: PayloadPath;
  state: PathState;
  /** Plain words: what is there or why it is odd. */
  detail: string;
}

export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `['${s.replace(/['\\]/g, '\\$&')}']`;
  }
  return out;
}

// Inside a JEXL expression block (`<+trigger.payload.tags.size()>`): the path before the method call.
const EMBEDDED =
  /(?:trigger\s*\.\s*payload|\beventPayload)((?:\s*\.\s*[A-Za-z_$][\w$]*(?![\w$]|\s*\()|\s*\[\s*(?:\d+|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*\])*)/g;

function pathsIn(text: string): { segments: (string | number)[]; expression: string; exact: boolean }[] {
  const out: { segments: (string | number)[]; expression: string; exact: boolean }[] = [];
  for (const b of findBlocks(text).blocks) {
    const ref = parseRef(b.inner);
    if (ref.kind === 'path') {
      if (ref.root === 'payload' && ref.segments.length > 0)
        out.push({ segments: ref.segments, expression: b.text, exact: true });
      continue;
    }
    if (ref.kind !== 'expr') continue;
    for (const m of b.inner.matchAll(EMBEDDED)) {
      const inner = parseRef(`trigger.payload${m[1] ?? ''}`);
      if (inner.kind === 'path' && inner.segments.length > 0)
        out.push({ segments: inner.segments, expression: b.text, exact: false });
    }
  }
  return out;
}

/** Paths a trigger YAML reads from the payload, in order of first use. Throws DeskError('parse') on a bad YAML. */
export function triggerPayloadPaths(yamlText: string): PayloadPath[] {
  const t = parseTriggerYaml(yamlText);
  const byKey = new Map<string, PayloadPath>();
  const add = (text: string | null, kind: PathUseKind, line: number | null, scalar: boolean): void => {
    if (!text) return;
    for (const p of pathsIn(text)) {
      const key = JSON.stringify(p.segments);
      let entry = byKey.get(key);
      if (!entry) {
        entry = { path: formatPath(p.segments), segments: p.segments, uses: [], wantsScalar: false };
        byKey.set(key, entry);
      }
      entry.uses.push({ kind, line, expression: p.expression });
      if (scalar && p.exact) entry.wantsScalar = true;
    }
  };
  for (const c of t.payloadConditions) add(c.key, 'payload condition', c.where?.line ?? null, true);
  for (const c of t.headerConditions) add(c.key, 'header condition', c.where?.line ?? null, true);
  add(t.jexlCondition, 'JEXL condition', t.jexlWhere?.line ?? null, false);
  if (t.inputYaml) {
    const lines = t.inputYaml.split('\n');
    lines.forEach((text, i) => {
      add(text, 'inputYaml', t.inputYamlLine === null ? null : t.inputYamlLine + i, true);
    });
  }
  return [...byKey.values()];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/** Each path checked against a parsed payload (`undefined`: the payload is not JSON). */
export function checkPaths(paths: readonly PayloadPath[], payload: unknown): PathStatus[] {
  return paths.map((path) => {
    if (payload === undefined)
      return { path, state: 'missing', detail: 'the payload is not JSON, so this resolves to nothing' };
    const r = walk(payload, path.segments, null);
    if (!r.found) return { path, state: 'missing', detail: 'not in the payload: renders as "null"' };
    const v = r.value;
    if (v === null) return { path, state: 'odd', detail: 'present but null: renders as "null"' };
    if (typeof v === 'string' && v.trim() === '')
      return { path, state: 'odd', detail: v === '' ? 'present but an empty string' : 'present but only blanks' };
    if (path.wantsScalar && typeof v === 'object')
      return { path, state: 'odd', detail: `${describe(v)} where a text value is expected (it renders as JSON)` };
    return { path, state: 'present', detail: describe(v) };
  });
}

/** The payload with a skeleton value ("") at the path, creating the objects and lists on the way. */
export function insertSkeleton(payload: unknown, segments: readonly (string | number)[]): unknown {
  const root: unknown =
    payload === undefined || payload === null || typeof payload !== 'object'
      ? {}
      : (JSON.parse(JSON.stringify(payload)) as unknown);
  let node = root as Record<string | number, unknown>;
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    const next = segments[i + 1];
    const existing = node[seg];
    if (last) {
      if (existing === undefined) node[seg] = '';
      return;
    }
    if (existing === null || typeof existing !== 'object') node[seg] = typeof next === 'number' ? [] : {};
    node = node[seg] as Record<string | number, unknown>;
    if (Array.isArray(node) && typeof next === 'number') while (node.length < next) node.push(null);
  });
  return root;
}
