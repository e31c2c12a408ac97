// Java methods JEXL scripts call on Strings, Lists and Maps, with Java's behaviour. A method the
// preview does not know is refused (cannot evaluate), never guessed.

import { compileJavaRegex, regexSplit, regexTest } from './java-regex-run';
import type { JavaRegexOk } from './java-regex-run';
import { isJavaBlank } from './operators';
import { isList, isMap, javaEquals, javaString, javaType, JexlError, use } from './jexl-bridge-values';
import type { JMap } from './jexl-bridge-values';

type Method = (self: never, ...args: unknown[]) => unknown;

function str(v: unknown, method: string): string {
  if (typeof v !== 'string') throw new JexlError(`String.${method} needs a String argument, not a ${javaType(v)}`);
  return v;
}

function int(v: unknown, method: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new JexlError(`${method} needs a whole-number argument, not a ${javaType(v)}`);
  return v;
}

function regex(pattern: unknown, method: string): JavaRegexOk {
  const re = compileJavaRegex(str(pattern, method), { dotAll: false });
  if (!re.ok)
    throw new JexlError(
      re.kind === 'invalid'
        ? `invalid regex in .${method}() (${re.message})`
        : `the preview cannot evaluate the regex in .${method}(): ${re.message}`,
      re.kind === 'unsupported',
    );
  return re;
}

/** Java String.trim: strips every char <= U+0020 at both ends. */
function javaTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  return s.slice(a, b);
}

const STRING: Record<string, Method> = {
  contains: (s: string, x) => s.includes(str(x, 'contains')),
  startsWith: (s: string, x) => s.startsWith(str(x, 'startsWith')),
  endsWith: (s: string, x) => s.endsWith(str(x, 'endsWith')),
  equals: (s: string, x) => s === x,
  equalsIgnoreCase: (s: string, x) => x !== null && s.toLowerCase() === str(x, 'equalsIgnoreCase').toLowerCase(),
  matches: (s: string, x) => regexTest(regex(x, 'matches'), 'whole', s),
  length: (s: string) => s.length,
  isEmpty: (s: string) => s.length === 0,
  isBlank: (s: string) => isJavaBlank(s),
  toLowerCase: (s: string) => s.toLowerCase(),
  toUpperCase: (s: string) => s.toUpperCase(),
  trim: (s: string) => javaTrim(s),
  split: (s: string, x) => regexSplit(regex(x, 'split'), s),
  indexOf: (s: string, x) => s.indexOf(str(x, 'indexOf')),
  lastIndexOf: (s: string, x) => s.lastIndexOf(str(x, 'lastIndexOf')),
  substring: (s: string, a, b) => {
    const from = int(a, 'substring');
    const to = b === undefined ? s.length : int(b, 'substring');
    if (from < 0 || to > s.length || from > to)
      throw new JexlError(`substring(${from}, ${to}) is out of range for a String of length ${s.length}`);
    return s.slice(from, to);
  },
  replace: (s: string, a, b) => s.replaceAll(str(a, 'replace'), str(b, 'replace')),
  concat: (s: string, x) => s + str(x, 'concat'),
  toString: (s: string) => s,
};

const LIST: Record<string, Method> = {
  contains: (l: unknown[], x) => l.some((v) => javaEquals(v, x)),
  containsAll: (l: unknown[], x) => isList(x) && x.every((v) => l.some((w) => javaEquals(v, w))),
  size: (l: unknown[]) => l.length,
  isEmpty: (l: unknown[]) => l.length === 0,
  get: (l: unknown[], i) => {
    const n = int(i, 'get');
    if (n < 0 || n >= l.length) throw new JexlError(`get(${n}) is out of range (the list has ${l.length} items)`);
    return l[n];
  },
  indexOf: (l: unknown[], x) => l.findIndex((v) => javaEquals(v, x)),
  equals: (l: unknown[], x) => javaEquals(l, x),
  toString: (l: unknown[]) => javaString(l),
};

const MAP: Record<string, Method> = {
  containsKey: (m: JMap, k) => typeof k === 'string' && Object.hasOwn(m, k),
  containsValue: (m: JMap, v) => Object.values(m).some((x) => javaEquals(x, v)),
  get: (m: JMap, k) => (typeof k === 'string' && Object.hasOwn(m, k) ? m[k] : null),
  size: (m: JMap) => Object.keys(m).length,
  isEmpty: (m: JMap) => Object.keys(m).length === 0,
  keySet: (m: JMap) => Object.keys(m),
  values: (m: JMap) => Object.values(m),
  equals: (m: JMap, x) => javaEquals(m, x),
  toString: (m: JMap) => javaString(m),
};

const SCALAR: Record<string, Method> = {
  equals: (a: unknown, x) => javaEquals(a, x),
  toString: (a: unknown) => javaString(a),
};

/** Every method name the bridge can evaluate on some type. */
export const METHOD_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(STRING),
  ...Object.keys(LIST),
  ...Object.keys(MAP),
]);

export function callMethod(name: string, self: unknown, args: unknown[]): unknown {
  use(self);
  args.forEach(use);
  if (self === null || self === undefined) throw new JexlError(`cannot call .${name}() on null`);
  const table = typeof self === 'string' ? STRING : isList(self) ? LIST : isMap(self) ? MAP : SCALAR;
  const fn = table[name];
  if (!fn) {
    // A name we know from another type is a real Java mistake (String.size(), List.length()).
    if (METHOD_NAMES.has(name))
      throw new JexlError(
        `a ${javaType(self)} has no method ${name}()${name === 'size' || name === 'length' ? ' (size(x) works on any value)' : ''}`,
      );
    throw new JexlError(`the preview does not know the method ${javaType(self)}.${name}()`, true);
  }
  return (fn as (self: unknown, ...a: unknown[]) => unknown)(self, ...args);
}
