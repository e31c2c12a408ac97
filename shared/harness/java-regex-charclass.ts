// Java character classes for the regex translator: items, ranges, nested classes (union),
// && (intersection) and ^ (negation over the whole class, as in Java 9+), computed as ranges.

import { complement, foldAscii, intersect, normalize } from './java-regex-class';
import type { CharSet, Range } from './java-regex-class';
import { readClassEscape, readSimpleEscape } from './java-regex-escape';
import type { Translator } from './java-regex';

/** A Java class: items, ranges, nested classes (union), && (intersection), ^ (negation). */
export function parseClass(t: Translator): { set: CharSet; negated: boolean } {
  const open = t.pos;
  t.pos++;
  const negated = t.is('^');
  if (negated) t.pos++;
  const operands: CharSet[] = [];
  let cur: CharSet = { ranges: [], props: [] };
  let first = true;
  for (;;) {
    while (t.flags.x && /\s/.test(String.fromCodePoint(t.peek() ?? 0x41))) t.pos++;
    const c = t.peek();
    if (c === undefined) throw t.fail('invalid', 'Unclosed character class', t.cps.length - 1);
    const ch = String.fromCodePoint(c);
    if (ch === ']' && !first) {
      t.pos++;
      break;
    }
    first = false;
    if (ch === '[') {
      const nested = parseClass(t);
      if (nested.negated && nested.set.props.length)
        throw t.fail('unsupported', 'a negated nested class with a Unicode property', open);
      cur.ranges.push(...(nested.negated ? complement(nested.set.ranges) : nested.set.ranges));
      cur.props.push(...(nested.negated ? [] : nested.set.props));
    } else if (ch === '&' && t.is('&', 1)) {
      t.pos += 2;
      operands.push(cur);
      cur = { ranges: [], props: [] };
    } else classItem(t, cur);
  }
  operands.push(cur);
  const used = operands.filter((o) => o.ranges.length || o.props.length);
  if (used.length > 1 && used.some((o) => o.props.length))
    throw t.fail('unsupported', 'a class intersection with a Unicode property', open);
  let ranges: Range[] = used[0]?.ranges ?? [];
  for (const o of used.slice(1)) ranges = intersect(ranges, o.ranges);
  ranges = t.flags.i ? foldAscii(normalize(ranges)) : normalize(ranges);
  return { set: { ranges, props: used.length === 1 ? (used[0]?.props ?? []) : [] }, negated };
}

function classAtom(t: Translator): number | CharSet {
  if (!t.is('\\')) {
    const c = t.peek() ?? 0;
    t.pos++;
    return c;
  }
  const at = t.pos;
  t.pos++;
  if (t.is('Q')) {
    t.pos++;
    const set: CharSet = { ranges: [], props: [] };
    while (t.peek() !== undefined && !(t.is('\\') && t.is('E', 1))) {
      set.ranges.push([t.peek() ?? 0, t.peek() ?? 0]);
      t.pos++;
    }
    if (t.peek() !== undefined) t.pos += 2;
    return set;
  }
  if (t.peek() === undefined) throw t.fail('invalid', 'Unclosed character class', at);
  if (/[bBAzZGRkX1-9]/.test(String.fromCodePoint(t.peek() ?? 0)))
    throw t.fail('invalid', 'Illegal/unsupported escape sequence inside a class', at);
  return readClassEscape(t, at) ?? readSimpleEscape(t, at);
}

function classItem(t: Translator, cur: CharSet): void {
  const start = t.pos;
  const a = classAtom(t);
  if (typeof a !== 'number') {
    cur.ranges.push(...a.ranges);
    cur.props.push(...a.props);
    return;
  }
  if (t.is('-') && t.peek(1) !== undefined && !t.is(']', 1) && !t.is('[', 1)) {
    t.pos++;
    const b = classAtom(t);
    if (typeof b !== 'number' || b < a) throw t.fail('invalid', 'Illegal character range', start);
    cur.ranges.push([a, b]);
    return;
  }
  cur.ranges.push([a, a]);
}
