// Character sets for the Java → JavaScript regex translator, as code point ranges so that
// Java's union, intersection and nested negation can be computed exactly.

export type Range = readonly [number, number];

/** A set of code points plus Unicode property escapes that JS can test but we cannot enumerate. */
export interface CharSet {
  ranges: Range[];
  props: string[]; // already JS syntax: \p{L}, \P{Script=Latin}
}

const MAX_CP = 0x10ffff;

export function normalize(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function complement(ranges: Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

export function intersect(a: Range[], b: Range[]): Range[] {
  const out: Range[] = [];
  for (const [alo, ahi] of normalize(a)) {
    for (const [blo, bhi] of normalize(b)) {
      const lo = Math.max(alo, blo);
      const hi = Math.min(ahi, bhi);
      if (lo <= hi) out.push([lo, hi]);
    }
  }
  return normalize(out);
}

/** Java's CASE_INSENSITIVE without UNICODE_CASE folds ASCII letters only. */
export function foldAscii(ranges: Range[]): Range[] {
  const out: Range[] = [...ranges];
  for (const [lo, hi] of ranges) {
    const lower = intersect([[lo, hi]], [[0x61, 0x7a]]);
    const upper = intersect([[lo, hi]], [[0x41, 0x5a]]);
    for (const [l, h] of lower) out.push([l - 32, h - 32]);
    for (const [l, h] of upper) out.push([l + 32, h + 32]);
  }
  return normalize(out);
}

const r = (lo: string, hi = lo): Range => [lo.codePointAt(0) ?? 0, hi.codePointAt(0) ?? 0];

// Java's predefined classes without UNICODE_CHARACTER_CLASS (ASCII only, unlike JS \s).
const SPACE: Range[] = [r('\t', '\r'), r(' ')]; // \t \n \x0B \f \r and space
const DIGIT: Range[] = [r('0', '9')];
const WORD: Range[] = [r('a', 'z'), r('A', 'Z'), r('0', '9'), r('_')];
const HSPACE: Range[] = [
  r(' '),
  r('\t'),
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x180e, 0x180e],
  [0x2000, 0x200a],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];
const VSPACE: Range[] = [r('\n', '\r'), [0x85, 0x85], [0x2028, 0x2029]];

export const PREDEFINED: Record<string, Range[]> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
  h: HSPACE,
  H: complement(HSPACE),
  v: VSPACE,
  V: complement(VSPACE),
};

const PUNCT: Range[] = [
  [0x21, 0x2f],
  [0x3a, 0x40],
  [0x5b, 0x60],
  [0x7b, 0x7e],
];
const POSIX: Record<string, Range[]> = {
  Lower: [r('a', 'z')],
  Upper: [r('A', 'Z')],
  ASCII: [[0, 0x7f]],
  Alpha: [r('a', 'z'), r('A', 'Z')],
  Digit: DIGIT,
  Alnum: [r('a', 'z'), r('A', 'Z'), r('0', '9')],
  Punct: PUNCT,
  Graph: [[0x21, 0x7e]],
  Print: [[0x20, 0x7e]],
  Blank: [r(' '), r('\t')],
  Cntrl: [
    [0, 0x1f],
    [0x7f, 0x7f],
  ],
  XDigit: [r('0', '9'), r('a', 'f'), r('A', 'F')],
  Space: SPACE,
};

const CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo LC M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn'.split(
    ' ',
  ),
);
const BINARY: Record<string, string> = {
  Alphabetic: 'Alphabetic',
  Letter: 'L',
  Lowercase: 'Lowercase',
  Uppercase: 'Uppercase',
  Titlecase: 'Lt',
  Punctuation: 'P',
  Control: 'Cc',
  White_Space: 'White_Space',
  WhiteSpace: 'White_Space',
  Digit: 'Nd',
  Hex_Digit: 'Hex_Digit',
  HexDigit: 'Hex_Digit',
  Ideographic: 'Ideographic',
  Join_Control: 'Join_Control',
  Noncharacter_Code_Point: 'Noncharacter_Code_Point',
  Emoji: 'Emoji',
};

function validProp(js: string): boolean {
  try {
    new RegExp(js, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * A Java \p{name} / \P{name}: POSIX names give ranges; Unicode categories, scripts and binary
 * properties give a JS property escape; anything else (blocks, java* methods) is unsupported.
 */
export function javaProperty(name: string, negated: boolean): CharSet | { unsupported: string } {
  const posix = POSIX[name];
  if (posix) return { ranges: negated ? complement(posix) : normalize(posix), props: [] };
  const p = negated ? 'P' : 'p';
  const bare = name.replace(/^Is/, '');
  const kv = /^(general_category|gc|script|sc)=(.+)$/i.exec(name);
  let js: string | null = null;
  if (kv?.[1] && kv[2]) js = /^(general_category|gc)$/i.test(kv[1]) ? `\\${p}{${kv[2]}}` : `\\${p}{Script=${kv[2]}}`;
  else if (CATEGORIES.has(bare)) js = `\\${p}{${bare}}`;
  else if (BINARY[bare]) js = `\\${p}{${BINARY[bare]}}`;
  else if (name.startsWith('Is')) js = `\\${p}{Script=${bare}}`;
  if (name.startsWith('In') || /^(block|blk)=/i.test(name)) return { unsupported: `the Unicode block \\p{${name}}` };
  if (name.startsWith('java')) return { unsupported: `the Java method class \\p{${name}}` };
  if (js && validProp(js)) return { ranges: [], props: [js] };
  return { unsupported: `the character property \\p{${name}}` };
}

function escCp(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a))
    return String.fromCodePoint(cp);
  return `\\u{${cp.toString(16)}}`;
}

/** JS class text for a set; `negated` adds ^ (props may sit inside a negated class). */
export function classText(set: CharSet, negated: boolean): string {
  const body = normalize(set.ranges)
    .map(([lo, hi]) => (lo === hi ? escCp(lo) : `${escCp(lo)}-${escCp(hi)}`))
    .join('');
  return `[${negated ? '^' : ''}${body}${set.props.join('')}]`;
}

/** A single code point as a JS pattern literal (letters and digits raw, everything else escaped). */
export function literalText(cp: number): string {
  return escCp(cp);
}
