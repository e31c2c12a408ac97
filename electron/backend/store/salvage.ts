// The damaged-item rule, the same for every store file (docs/ARCHITECTURE.md): each list keeps the
// items that pass their JSON schema (the very schema checked on every read and write), each
// other key keeps its value when it passes and takes its default otherwise. Whatever was left out
// is named, by name where one can be read, with the first reason its schema gave.
import { JsonSyntaxError, lineColumn, parseJsonExact } from '../../../shared/harness/expressions-json';
import { compileSchema, describeProblem, type Check } from './validate';

export interface SalvageSpec<T> {
  /** "data file", "sample library": how the file is called in reports. */
  label: string;
  defaults: () => T;
  /** Top-level key → JSON schema (checked on every read and write, store.ts). */
  schema: Record<string, unknown>;
  /** What one item of each list is called, for the report ("trigger"). */
  itemNames?: Record<string, string>;
  /** After items were left out: mends references between what was kept; returns plain-words notes. */
  repair?: (doc: T, now: number) => string[];
}

export interface Salvaged<T> {
  doc: T;
  /** One description per item (or value) left out. */
  dropped: string[];
  notes: string[];
}

type Loose = Record<string, unknown>;
type Schema = { type?: unknown; items?: unknown; properties?: Record<string, unknown> };

/** Compiled on the first damaged file only: a healthy start never pays for it. */
const compiled = new WeakMap<object, Check>();

function validator(schema: object): Check {
  let v = compiled.get(schema);
  if (!v) {
    v = compileSchema(schema);
    compiled.set(schema, v);
  }
  return v;
}

function isObject(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nameOf(item: unknown, index: number): string {
  if (isObject(item)) {
    for (const key of ['name', 'chainName', 'triggerName']) {
      const n = item[key];
      if (typeof n === 'string' && n.trim() !== '') return `"${n.trim().slice(0, 80)}"`;
    }
  }
  return `number ${index + 1}`;
}

/** The first complaint, e.g. "createdAt must be number", never the value itself (it may be secret). */
function check(schema: unknown, value: unknown): string | null {
  if (!isObject(schema)) return null;
  const problem = validator(schema)(value);
  return problem === null ? null : describeProblem(problem);
}

/** Keeps what passes; `raw` is the parsed file (anything JSON can hold). */
export function salvage<T>(raw: unknown, spec: SalvageSpec<T>, now = Date.now()): Salvaged<T> {
  const defaults = spec.defaults() as Loose;
  const dropped: string[] = [];
  const notes: string[] = [];
  if (!isObject(raw)) {
    dropped.push(`everything (the file holds ${Array.isArray(raw) ? 'a list' : typeof raw}, not an object)`);
    return { doc: defaults as T, dropped, notes };
  }
  // Unknown keys (conf's own __internal__ among them) are kept as they are.
  const out: Loose = { ...raw };
  for (const [key, schemaValue] of Object.entries(spec.schema)) {
    const value = raw[key];
    if (value === undefined) continue;
    const schema = schemaValue as Schema;
    if (schema.type === 'array' && schema.items !== undefined) {
      const item = spec.itemNames?.[key] ?? 'item';
      if (!Array.isArray(value)) {
        dropped.push(`the whole list "${key}" (it must be a list)`);
        out[key] = defaults[key];
        continue;
      }
      out[key] = value.filter((entry, i) => {
        const why = check(schema.items, entry);
        if (why !== null) dropped.push(`${item} ${nameOf(entry, i)} (${why})`);
        return why === null;
      });
      continue;
    }
    const why = check(schema, value);
    if (why === null) continue;
    if (schema.type === 'object' && schema.properties && isObject(value) && isObject(defaults[key])) {
      // A record of fields (data.json's meta): each bad field takes its default, the rest stay.
      const fixed: Loose = { ...value };
      const base = defaults[key];
      for (const [field, fieldSchema] of Object.entries(schema.properties)) {
        const fieldWhy = fixed[field] === undefined ? 'is missing' : check(fieldSchema, fixed[field]);
        if (fieldWhy !== null) {
          dropped.push(`${key}.${field} (${fieldWhy}; back to its default)`);
          fixed[field] = base[field];
        }
      }
      out[key] = check(schema, fixed) === null ? fixed : base;
      continue;
    }
    dropped.push(`${key} (${why}; back to its default)`);
    out[key] = defaults[key];
  }
  const doc = out as T;
  if (spec.repair) notes.push(...spec.repair(doc, now));
  return { doc, dropped, notes };
}

/** Where a text stops being JSON, in plain words (no quote of the text: it may hold a key). */
export function jsonErrorPlace(text: string, err: unknown): string {
  if (text.trim() === '') return 'it is empty';
  try {
    parseJsonExact(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const { line, column } = lineColumn(text, e.offset);
      return `not valid JSON at line ${line}, column ${column}`;
    }
  }
  return err instanceof SyntaxError ? 'not valid JSON' : 'unreadable';
}
