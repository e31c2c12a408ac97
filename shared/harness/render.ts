// Values rendered to text as Harness (Java) renders them: "null" for nothing, Java's number and
// boolean forms, compact JSON for maps and lists.

/** Java text of numbers whose JS value alone cannot tell it (1.0, 1e3, longs past 2^53): container → key → text. */
export type NumberTexts = WeakMap<object, Map<string, string>>;

/**
 * Java's Double.toString: plain decimal with at least one fraction digit for 1e-3 <= |d| < 1e7,
 * otherwise d.dddE±n. Uses the shortest round-trip digits (what Java 19+ prints; older JDKs
 * occasionally print one more digit).
 */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const sign = d < 0 ? '-' : '';
  const [mant = '0', expText = '0'] = Math.abs(d).toExponential().split('e');
  const digits = mant.replace('.', '');
  const exp = Number(expText);
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exp >= 0) {
      const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      const frac = digits.slice(exp + 1) || '0';
      return `${sign}${int}.${frac}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return `${sign}${digits[0] ?? '0'}.${digits.slice(1) || '0'}E${exp}`;
}

/** A number without literal knowledge: integral values as integers, others as Java doubles. */
export function javaNumberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? String(n) : javaDoubleToString(n);
}

function numberAt(n: number, texts: NumberTexts | null, container: object | null, key: string | null): string {
  if (texts && container && key !== null) {
    const t = texts.get(container)?.get(key);
    if (t !== undefined) return t;
  }
  return javaNumberText(n);
}

/** Compact JSON as Jackson writes it back (numbers in Java form, key order kept). */
export function compactJson(value: unknown, texts: NumberTexts | null = null): string {
  const walk = (v: unknown, container: object | null, key: string | null): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number') return Number.isFinite(v) ? numberAt(v, texts, container, key) : 'null';
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (Array.isArray(v)) return `[${v.map((item, i) => walk(item, v, String(i))).join(',')}]`;
    if (typeof v === 'object') {
      return `{${Object.entries(v)
        .map(([k, item]) => `${JSON.stringify(k)}:${walk(item, v, k)}`)
        .join(',')}}`;
    }
    return 'null';
  };
  return walk(value, null, null);
}

/** Compact JSON cut at `limit` characters: cheap even for a 1 MB payload. */
export function previewJson(value: unknown, limit = 120, texts: NumberTexts | null = null): string {
  let out = '';
  // Each step returns false once the text is long enough, which unwinds the walk.
  const add = (piece: string): boolean => (out += piece).length <= limit;
  const walk = (v: unknown, container: object | null, key: string | null): boolean => {
    if (Array.isArray(v)) {
      if (!add('[')) return false;
      for (let i = 0; i < v.length; i++) if ((i && !add(',')) || !walk(v[i], v, String(i))) return false;
      return add(']');
    }
    if (v !== null && typeof v === 'object') {
      let first = true;
      if (!add('{')) return false;
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue;
        if (!add(`${first ? '' : ','}${JSON.stringify(k)}:`) || !walk((v as Record<string, unknown>)[k], v, k))
          return false;
        first = false;
      }
      return add('}');
    }
    return add(typeof v === 'number' && Number.isFinite(v) ? numberAt(v, texts, container, key) : compactJson(v));
  };
  return walk(value, null, null) ? out : `${out.slice(0, limit - 1)}…`;
}

/**
 * Render a resolved value as a condition sees it. `container`/`key` locate the value in the payload
 * so that a number keeps the Java form of its literal (1.0 stays "1.0").
 */
export function renderValue(
  value: unknown,
  texts: NumberTexts | null = null,
  container: object | null = null,
  key: string | null = null,
): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberAt(value, texts, container, key);
  return compactJson(value, texts);
}
