// Java regex escapes that stand for one character or a character set (shared by classes and atoms).

import type { CharSet } from './java-regex-class';
import type { Translator } from './java-regex';

const SIMPLE: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27 };

function ahead(t: Translator, n: number): string {
  return String.fromCodePoint(...t.cps.slice(t.pos, t.pos + n));
}

/** \d \D \w \W \s \S \h \H \v \V \p{..} \P{..}; null when the escape is not a set. `t.pos` is after the backslash. */
export function readClassEscape(t: Translator, at: number): CharSet | null {
  const ch = String.fromCodePoint(t.peek() ?? 0);
  const pre = t.predefined(ch);
  if (pre) {
    t.pos++;
    return pre;
  }
  if (ch !== 'p' && ch !== 'P') return null;
  t.pos++;
  let name: string;
  if (t.peek() === 0x7b) {
    const m = /^\{([^}]*)\}/.exec(ahead(t, 64));
    if (!m?.[1]) throw t.fail('invalid', 'Unclosed character family', at);
    name = m[1];
    t.pos += m[0].length;
  } else {
    if (t.peek() === undefined) throw t.fail('invalid', 'Illegal character family', at);
    name = String.fromCodePoint(t.peek() ?? 0);
    t.pos++;
  }
  return t.property(name, ch === 'P', at);
}

/** An escape that stands for one code point; Java rejects undefined letter escapes. */
export function readSimpleEscape(t: Translator, at: number): number {
  const c = t.peek();
  if (c === undefined) throw t.fail('invalid', 'Unexpected end of pattern after \\', at);
  const ch = String.fromCodePoint(c);
  t.pos++;
  const simple = SIMPLE[ch];
  if (simple !== undefined) return simple;
  if (ch === '0') {
    const m = /^(?:[0-3][0-7]{2}|[0-7]{1,2})/.exec(ahead(t, 3));
    if (!m) throw t.fail('invalid', 'Illegal octal escape sequence', at);
    t.pos += m[0].length;
    return parseInt(m[0], 8);
  }
  if (ch === 'x') {
    const m = /^(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{2}))/.exec(ahead(t, 9));
    const hex = m?.[1] ?? m?.[2];
    if (!m || !hex || parseInt(hex, 16) > 0x10ffff) throw t.fail('invalid', 'Illegal hexadecimal escape sequence', at);
    t.pos += m[0].length;
    return parseInt(hex, 16);
  }
  if (ch === 'u') {
    const m = /^[0-9a-fA-F]{4}/.exec(ahead(t, 4));
    if (!m) throw t.fail('invalid', 'Illegal Unicode escape sequence', at);
    t.pos += 4;
    const unit = parseInt(m[0], 16);
    const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(ahead(t, 6));
    if (unit >= 0xd800 && unit <= 0xdbff && low?.[1]) {
      t.pos += 6;
      return 0x10000 + ((unit - 0xd800) << 10) + (parseInt(low[1], 16) - 0xdc00);
    }
    return unit;
  }
  if (ch === 'c') {
    const next = t.peek();
    if (next === undefined) throw t.fail('invalid', 'Illegal control escape sequence', at);
    t.pos++;
    return next ^ 64;
  }
  if (ch === 'X' || ch === 'N') throw t.fail('unsupported', `the \\${ch} escape`, at);
  if (/[a-zA-Z0-9]/.test(ch)) throw t.fail('invalid', 'Illegal/unsupported escape sequence', at);
  return c;
}
