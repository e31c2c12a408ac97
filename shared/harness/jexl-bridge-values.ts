// Apache Commons JEXL 3 value semantics (JexlArithmetic, strict mode, which is JexlBuilder's
// default and what Harness uses) over JSON-shaped JS values. A JS number is an Integer/Long when
// integral and a Double otherwise; an integral Double (10.0, 1e3) is a JDouble so that JEXL's
// double arithmetic and Java's "10.0" survive.

import { compileJavaRegex, regexTest } from './java-regex-run';
import { javaDoubleToString, javaNumberText } from './render';

/** A Java Double whose value is integral (JS would otherwise take it for an Integer). */
export class JDouble {
  constructor(readonly v: number) {}
}
/** The result of double arithmetic: integral values stay Doubles. */
export const dbl = (n: number): number | JDouble => (Number.isInteger(n) ? new JDouble(n) : n);
/** Plain JSON-shaped value for display (JDouble → number). */
export function plain(v: unknown): unknown {
  if (v instanceof JDouble) return v.v;
  if (!Array.isArray(v)) return v;
  let copy: unknown[] | null = null;
  for (let i = 0; i < v.length; i++) {
    const p = plain(v[i]);
    if (p !== v[i]) (copy ??= v.slice())[i] = p;
  }
  return copy ?? v;
}

/** An error Harness would raise too (so: no match). `unsupported` = the preview cannot tell. */
export class JexlError extends Error {
  constructor(
    message: string,
    readonly unsupported = false,
  ) {
    super(message);
  }
}

/** A variable that was never defined: strict JEXL fails when it is used. */
export class UndefinedVar {
  constructor(readonly name: string) {}
}

export type JMap = Record<string, unknown>;
export const isList = (v: unknown): v is unknown[] => Array.isArray(v);
export const isMap = (v: unknown): v is JMap =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof UndefinedVar) && !(v instanceof JDouble);
const isFloat = (v: unknown): boolean => v instanceof JDouble || (typeof v === 'number' && !Number.isInteger(v));

export function javaType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof JDouble) return 'Double';
  if (typeof v === 'number')
    return isFloat(v) ? 'Double' : Number.isSafeInteger(v) && Math.abs(v) <= 2147483647 ? 'Integer' : 'Long';
  if (isList(v)) return 'List';
  return 'Map';
}

/** Reject undefined variables the moment they are used. */
export function use<T>(v: T): T {
  if (v instanceof UndefinedVar) throw new JexlError(`undefined variable ${v.name}`);
  return v;
}

/** Java's toString: lists as [a, b], maps as {k=v}. */
export function javaString(v: unknown): string {
  use(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return javaNumberText(v);
  if (v instanceof JDouble) return javaDoubleToString(v.v);
  if (typeof v === 'boolean') return String(v);
  if (isList(v)) return `[${v.map(javaString).join(', ')}]`;
  return `{${Object.entries(v as JMap)
    .map(([k, x]) => `${k}=${javaString(x)}`)
    .join(', ')}}`;
}

export function toBoolean(v: unknown): boolean {
  use(v);
  if (v === null || v === undefined)
    throw new JexlError('null cannot be used as a Boolean (Harness runs JEXL in strict mode)');
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return !Number.isNaN(v) && v !== 0;
  if (v instanceof JDouble) return v.v !== 0;
  if (typeof v === 'string') return v.length > 0 && v !== 'false';
  return true;
}

function toLong(v: unknown): number {
  if (v === null || v === undefined) throw new JexlError('null used in arithmetic (strict mode)');
  if (typeof v === 'number') return Number.isNaN(v) ? 0 : Math.trunc(v);
  if (v instanceof JDouble) return v.v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    if (v === '') return 0;
    if (!/^[+-]?\d+$/.test(v)) throw new JexlError(`"${v}" is not a whole number (Long.parseLong fails)`);
    return Number(v);
  }
  throw new JexlError(`a ${javaType(v)} cannot be used as a number`);
}

function toDouble(v: unknown): number {
  if (v === null || v === undefined) throw new JexlError('null used in arithmetic (strict mode)');
  if (typeof v === 'number') return v;
  if (v instanceof JDouble) return v.v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim();
    if (v === '') return 0;
    if (!/^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/.test(t))
      throw new JexlError(`"${v}" is not a number (Double.parseDouble fails)`);
    return Number(t.replace(/[fFdD]$/, ''));
  }
  throw new JexlError(`a ${javaType(v)} cannot be used as a number`);
}

const floatLike = (v: unknown): boolean =>
  isFloat(v) || (typeof v === 'string' && /^[+-]?\d*(\.\d*)?([eE][+-]?\d+)?$/.test(v) && /[.eE]/.test(v));

/** JexlArithmetic.compare: doubles if either is a Double, longs if either is a whole number, else strings. */
export function compare(a: unknown, b: unknown, op: string): number {
  use(a);
  use(b);
  if (a !== null && b !== null) {
    if (isFloat(a) || isFloat(b)) {
      const l = toDouble(a);
      const r = toDouble(b);
      return l < r ? -1 : l > r ? 1 : l === r ? 0 : Number.isNaN(l) ? (Number.isNaN(r) ? 0 : -1) : 1;
    }
    if (typeof a === 'number' || typeof b === 'number') {
      const l = toLong(a);
      const r = toLong(b);
      return l < r ? -1 : l > r ? 1 : 0;
    }
    if (typeof a === 'string' || typeof b === 'string') {
      const l = javaString(a);
      const r = javaString(b);
      return l < r ? -1 : l > r ? 1 : 0;
    }
    if (op === '==') return javaEquals(a, b) ? 0 : -1;
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  }
  throw new JexlError(`cannot compare ${javaType(a)} with ${javaType(b)} using ${op}`);
}

/** Object.equals as Java collections use it (no "1" == 1 coercion). */
export function javaEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof JDouble && b instanceof JDouble) return a.v === b.v;
  if (isList(a) && isList(b)) return a.length === b.length && a.every((x, i) => javaEquals(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && javaEquals(a[k], b[k]));
  }
  return false;
}

/** JEXL's ==: null only equals null, Booleans compare by truth, "1" == 1 is true. */
export function jexlEquals(a: unknown, b: unknown): boolean {
  use(a);
  use(b);
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBoolean(a) === toBoolean(b);
  return compare(a, b, '==') === 0;
}

export function lessThan(a: unknown, b: unknown, op: '<' | '<=' | '>' | '>='): boolean {
  use(a);
  use(b);
  if (a === b) return op === '<=' || op === '>=';
  if (a === null || b === null) return false;
  const c = compare(a, b, op);
  return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

/** + in strict mode: any String operand concatenates; otherwise numbers. */
export function add(a: unknown, b: unknown): unknown {
  use(a);
  use(b);
  if (typeof a === 'string' || typeof b === 'string') {
    if (a === null || b === null) throw new JexlError('null used in string concatenation (strict mode)');
    return javaString(a) + javaString(b);
  }
  return arith('+', a, b);
}

export function arith(op: string, a: unknown, b: unknown): number | JDouble {
  use(a);
  use(b);
  if (floatLike(a) || floatLike(b)) {
    const l = toDouble(a);
    const r = toDouble(b);
    return dbl(op === '+' ? l + r : op === '-' ? l - r : op === '*' ? l * r : op === '/' ? l / r : l % r);
  }
  const l = toLong(a);
  const r = toLong(b);
  if ((op === '/' || op === '%') && r === 0) throw new JexlError('division by zero');
  return op === '+' ? l + r : op === '-' ? l - r : op === '*' ? l * r : op === '/' ? Math.trunc(l / r) : l % r;
}

export function negate(v: unknown): number | JDouble {
  use(v);
  if (v instanceof JDouble) return new JDouble(-v.v);
  if (typeof v !== 'number') throw new JexlError(`cannot negate a ${javaType(v)}`);
  return -v;
}

/** =~ : `value =~ container`: regex match for a String, membership for a List or Map. */
export function jexlContains(container: unknown, value: unknown): boolean {
  use(container);
  use(value);
  if (container === null && value === null) return true;
  if (container === null || value === null) return false;
  if (typeof container === 'string') {
    const re = compileJavaRegex(container, { dotAll: false });
    if (!re.ok)
      throw new JexlError(
        re.kind === 'invalid'
          ? `invalid regex after =~ (${re.message})`
          : `the preview cannot evaluate the regex: ${re.message}`,
        re.kind === 'unsupported',
      );
    return regexTest(re, 'whole', javaString(value));
  }
  if (isMap(container))
    return isMap(value)
      ? Object.keys(value).every((k) => Object.hasOwn(container, k))
      : typeof value === 'string' && Object.hasOwn(container, value);
  if (isList(container))
    return isList(value)
      ? value.every((v) => container.some((c) => javaEquals(c, v)))
      : container.some((c) => javaEquals(c, value));
  throw new JexlError(`=~ needs a String pattern, a List or a Map on its right, not a ${javaType(container)}`);
}

export function startsOrEnds(a: unknown, b: unknown, ends: boolean): boolean {
  use(a);
  use(b);
  if (a === null && b === null) return true;
  if (a === null || b === null) return false;
  if (typeof a !== 'string')
    throw new JexlError(`${ends ? '=$' : '=^'} needs a String on its left, not a ${javaType(a)}`);
  return ends ? a.endsWith(javaString(b)) : a.startsWith(javaString(b));
}

export function size(v: unknown): number {
  use(v);
  if (v === null || v === undefined) return 0;
  if (typeof v === 'string' || isList(v)) return v.length;
  if (isMap(v)) return Object.keys(v).length;
  throw new JexlError(`size() of a ${javaType(v)}`);
}

export function empty(v: unknown): boolean {
  use(v);
  if (v === null || v === undefined) return true;
  if (typeof v === 'number') return Number.isNaN(v) || v === 0;
  if (v instanceof JDouble) return v.v === 0;
  if (typeof v === 'string' || isList(v)) return v.length === 0;
  if (isMap(v)) return Object.keys(v).length === 0;
  return false;
}

/** Property / index access (a.b, a[0], a['k']). Strict: null or an unknown property is an error. */
export function getProperty(subject: unknown, key: unknown): unknown {
  use(subject);
  use(key);
  if (subject === null || subject === undefined) throw new JexlError(`cannot read ${JSON.stringify(key)} of null`);
  if (isList(subject)) {
    if (typeof key === 'number' && Number.isInteger(key)) {
      if (key < 0 || key >= subject.length)
        throw new JexlError(`index ${key} is out of range (the list has ${subject.length} items)`);
      return subject[key];
    }
    if (key === 'empty') return subject.length === 0;
    throw new JexlError(`a List has no property ${JSON.stringify(key)}`);
  }
  if (isMap(subject)) return typeof key === 'string' && Object.hasOwn(subject, key) ? subject[key] : null;
  if (typeof subject === 'string' && key === 'empty') return subject.length === 0;
  throw new JexlError(`a ${javaType(subject)} has no property ${JSON.stringify(key)}`);
}
