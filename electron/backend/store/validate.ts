// Checks a value against the store files' JSON schemas (schema.ts), without ajv: compiling a schema
// with ajv at every start cost more than everything else opening the stores does. Only the
// keywords schema.ts uses are known; any other keyword is an error at once, so a schema can never
// be checked more loosely than it reads. The first problem is named the way ajv (allErrors off)
// names it, in the same order (type, enum, anyOf, then the type's own keywords: maximum, minimum,
// pattern, items, required, additionalProperties, properties); test/unit/store-validate.test.ts
// holds it to ajv on every schema.

type Json = Record<string, unknown>;

/** The first thing wrong with a value: where (keys and indexes, dot-joined; '' = the value itself), and what. */
export interface Problem {
  path: string;
  message: string;
}

export type Check = (value: unknown) => Problem | null;

const KNOWN = new Set([
  'type',
  'enum',
  'anyOf',
  'minimum',
  'maximum',
  'pattern',
  'required',
  'properties',
  'additionalProperties',
  'items',
]);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'object':
      return isObject(value);
    default:
      return Array.isArray(value);
  }
}

const at = (path: string, key: string | number): string => (path === '' ? String(key) : `${path}.${key}`);

function compileAt(schema: unknown, where: string): (value: unknown, path: string) => Problem | null {
  if (!isObject(schema)) throw new Error(`store schema at ${where || 'the root'}: not an object`);
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) throw new Error(`store schema at ${where || 'the root'}: unknown keyword "${key}"`);
  }
  const s = schema;
  const rawTypes: unknown[] | null = s.type === undefined ? null : Array.isArray(s.type) ? s.type : [s.type];
  if (rawTypes?.some((t) => typeof t !== 'string' || !TYPES.has(t)))
    throw new Error(`store schema at ${where}: unknown type ${JSON.stringify(s.type)}`);
  const types = rawTypes as string[] | null;
  const enumValues = Array.isArray(s.enum) ? (s.enum as unknown[]) : null;
  if (enumValues?.some((v) => typeof v === 'object' && v !== null))
    throw new Error(`store schema at ${where}: enum values must be plain values`);
  const minimum = typeof s.minimum === 'number' ? s.minimum : null;
  const maximum = typeof s.maximum === 'number' ? s.maximum : null;
  const pattern = typeof s.pattern === 'string' ? new RegExp(s.pattern, 'u') : null;
  const required = Array.isArray(s.required) ? s.required.map(String) : [];
  const properties = isObject(s.properties)
    ? Object.entries(s.properties).map(([k, sub]) => [k, compileAt(sub, at(where, k))] as const)
    : [];
  const known = new Set(properties.map(([k]) => k));
  const additional = s.additionalProperties === undefined ? null : compileAt(s.additionalProperties, at(where, '*'));
  const items = s.items === undefined ? null : compileAt(s.items, at(where, '[]'));
  const anyOf = Array.isArray(s.anyOf) ? s.anyOf.map((sub, i) => compileAt(sub, at(where, `anyOf${i}`))) : null;

  // ajv checks a single type that has keywords of its own (number, string, array, object) after the
  // untyped keywords (enum, anyOf); any other type list before everything.
  const ownKeywords: Record<string, boolean> = {
    number: minimum !== null || maximum !== null,
    string: pattern !== null,
    array: items !== null,
    object: required.length > 0 || properties.length > 0 || additional !== null,
  };
  const typeLast = types?.length === 1 && ownKeywords[types[0] ?? ''] === true;
  const typeProblem = (value: unknown, path: string): Problem | null =>
    types === null || types.some((t) => hasType(value, t)) ? null : { path, message: `must be ${types.join(' or ')}` };
  const untyped = (value: unknown, path: string): Problem | null => {
    if (enumValues !== null && !enumValues.includes(value))
      return { path, message: 'must be equal to one of the allowed values' };
    if (anyOf === null) return null;
    let first: Problem | null = null;
    for (const check of anyOf) {
      const problem = check(value, path);
      if (problem === null) return null;
      first ??= problem;
    }
    return first;
  };

  return (value, path) => {
    const early = (typeLast ? null : typeProblem(value, path)) ?? untyped(value, path);
    if (early) return early;
    if (typeLast) {
      const late = typeProblem(value, path);
      if (late) return late;
    }
    if (typeof value === 'number') {
      if (maximum !== null && value > maximum) return { path, message: `must be <= ${maximum}` };
      if (minimum !== null && value < minimum) return { path, message: `must be >= ${minimum}` };
    }
    if (typeof value === 'string' && pattern !== null && !pattern.test(value))
      return { path, message: `must match pattern "${pattern.source}"` };
    if (Array.isArray(value) && items !== null) {
      for (let i = 0; i < value.length; i++) {
        const problem = items(value[i], at(path, i));
        if (problem) return problem;
      }
    }
    if (isObject(value)) {
      // As ajv: a key holding undefined (possible in a draft, never in a file) counts as absent.
      const missing = required.find((k) => value[k] === undefined);
      if (missing !== undefined) return { path, message: `must have required property '${missing}'` };
      if (additional !== null) {
        for (const [k, v] of Object.entries(value)) {
          if (known.has(k)) continue;
          const problem = additional(v, at(path, k));
          if (problem) return problem;
        }
      }
      for (const [k, check] of properties) {
        if (value[k] === undefined) continue;
        const problem = check(value[k], at(path, k));
        if (problem) return problem;
      }
    }
    return null;
  };
}

/** Compiles once (a schema is a constant); throws on a keyword this checker does not know. */
export function compileSchema(schema: unknown): Check {
  const check = compileAt(schema, '');
  return (value) => check(value, '');
}

/** "createdAt must be number", "must be string or null": never the value itself (it may be secret). */
export function describeProblem(p: Problem): string {
  return p.path === '' ? p.message : `${p.path} ${p.message}`;
}
