// Payload variables: `{{tag}}` placeholders in a saved payload, asked for at fire time. A variable
// inside a JSON string is inserted string-escaped; one standing as a whole JSON value is inserted
// as JSON when its value is a JSON literal (3, true, null, {"a":1}, "text") and as a string otherwise.

export interface VariableUse {
  name: string;
  /** Offsets of `{{` and just after `}}`. */
  start: number;
  end: number;
  /** Inside a JSON string literal (or the body is not JSON: then always false). */
  inString: boolean;
}

export type Substitution = { ok: true; body: string } | { ok: false; missing: string[] };

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/y;

/**
 * Every `{{name}}` in order. With `json`, a light scan of double-quoted strings (backslash escapes
 * honoured) tells whether each one sits inside a string; the body need not be valid JSON.
 */
export function findVariables(body: string, json = true): VariableUse[] {
  const uses: VariableUse[] = [];
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (json && c === 34 /* " */) {
      inString = !inString;
      continue;
    }
    if (json && inString && c === 92 /* \ */) {
      i++;
      continue;
    }
    if (json && inString && c === 10) inString = false; // an unclosed string ends at the line break
    if (c !== 123 /* { */ || body.charCodeAt(i + 1) !== 123) continue;
    VARIABLE.lastIndex = i;
    const m = VARIABLE.exec(body);
    if (!m?.[1]) continue;
    uses.push({ name: m[1], start: i, end: i + m[0].length, inString: json && inString });
    i += m[0].length - 1;
  }
  return uses;
}

/** The distinct names, in order of first use. */
export function variableNames(body: string, json = true): string[] {
  return [...new Set(findVariables(body, json).map((u) => u.name))];
}

function isJsonLiteral(value: string): boolean {
  const v = value.trim();
  if (v === '') return false;
  try {
    JSON.parse(v);
    return true;
  } catch {
    return false;
  }
}

/** The text that replaces one use. */
export function variableText(value: string, use: Pick<VariableUse, 'inString'>, json = true): string {
  if (!json) return value;
  if (use.inString) return JSON.stringify(value).slice(1, -1);
  return isJsonLiteral(value) ? value.trim() : JSON.stringify(value);
}

/**
 * The body with every variable replaced; a missing (undefined) value blocks it, naming the variable.
 * Names in `keep` (secret variables, filled in by the backend when firing) are left as they are.
 */
export function substituteVariables(
  body: string,
  values: Readonly<Record<string, string | undefined>>,
  json = true,
  keep: ReadonlySet<string> = new Set(),
): Substitution {
  const uses = findVariables(body, json).filter((u) => !keep.has(u.name));
  const missing = [...new Set(uses.filter((u) => values[u.name] === undefined).map((u) => u.name))];
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, body: replaceUses(body, uses, values, json) };
}

/** The body with the variables that have a value in `values` replaced, and every other one left as written. */
export function fillVariables(body: string, values: Readonly<Record<string, string>>, json = true): string {
  const uses = findVariables(body, json).filter((u) => Object.hasOwn(values, u.name));
  return uses.length === 0 ? body : replaceUses(body, uses, values, json);
}

function replaceUses(
  body: string,
  uses: VariableUse[],
  values: Readonly<Record<string, string | undefined>>,
  json: boolean,
): string {
  let out = '';
  let at = 0;
  for (const u of uses) {
    out += body.slice(at, u.start) + variableText(values[u.name] ?? '', u, json);
    at = u.end;
  }
  return out + body.slice(at);
}

/**
 * The body with each variable outside a string replaced by `0` padded to the same length, so a
 * template like `{"n": {{count}}}` can be checked as JSON with error positions unchanged.
 */
export function maskVariablesForJson(body: string): string {
  const uses = findVariables(body, true).filter((u) => !u.inString);
  if (uses.length === 0) return body;
  let out = '';
  let at = 0;
  for (const u of uses) {
    out += body.slice(at, u.start) + '0'.padEnd(u.end - u.start, ' ');
    at = u.end;
  }
  return out + body.slice(at);
}
