// The In / NotIn value list exactly as Harness reads it (Guava Splitter + java.util.HashSet).

export interface InItem {
  /** The item after trimming and unquoting: what Harness compares. */
  text: string;
  /** The item as written between the commas (untrimmed). */
  raw: string;
  quoted: boolean;
}

// Guava CharMatcher.whitespace() is the Unicode White_Space property.
const GUAVA_TRIM = /^\p{White_Space}+|\p{White_Space}+$/gu;

/**
 * Split on commas followed by an even number of double quotes (Harness's
 * `,(?=(?:[^"]*"[^"]*")*[^"]*$)`), trim each item, and unquote `"..."` items, where `""` means `"`.
 * Empty items are kept: Guava does not omit them.
 */
export function splitInList(value: string): InItem[] {
  const quotesAfter = new Array<number>(value.length + 1).fill(0);
  for (let i = value.length - 1; i >= 0; i--) quotesAfter[i] = (quotesAfter[i + 1] ?? 0) + (value[i] === '"' ? 1 : 0);
  const items: InItem[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || (value[i] === ',' && (quotesAfter[i + 1] ?? 0) % 2 === 0)) {
      const raw = value.slice(start, i);
      const trimmed = raw.replace(GUAVA_TRIM, '');
      const quoted = trimmed.length > 1 && trimmed.startsWith('"') && trimmed.endsWith('"');
      items.push({ raw, quoted, text: quoted ? trimmed.slice(1, -1).replaceAll('""', '"') : trimmed });
      start = i + 1;
    }
  }
  return items;
}

/** java.lang.String.hashCode over UTF-16 code units. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * Distinct items in java.util.HashSet iteration order (default capacity 16, load factor 0.75):
 * bucket index of the spread hash, then insertion order inside a bucket. Harness tries the regex
 * fallback in this order and stops at the first match or the first invalid pattern, so the order
 * decides whether an invalid item is ever reached. (Treeified buckets need 8 collisions: ignored.)
 */
export function javaHashSetOrder(items: readonly string[]): string[] {
  const distinct = [...new Set(items)];
  let capacity = 16;
  while (distinct.length > capacity * 0.75) capacity *= 2;
  const bucket = (s: string): number => {
    const h = javaStringHash(s);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return distinct
    .map((text, order) => ({ text, order, b: bucket(text) }))
    .sort((x, y) => x.b - y.b || x.order - y.order)
    .map((x) => x.text);
}

/** Looks like a shell glob rather than a regex: `release/*`, `*.json`, `feature-?`. */
export function looksLikeGlob(item: string): boolean {
  return /(^|[^.\])}\\+*?])\*/.test(item) || /^\*|[^.\])}\\+*?]\?$/.test(item);
}
