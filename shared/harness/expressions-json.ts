// A validating JSON parser that keeps what JSON.parse loses: the Java form of numbers written as
// 1.0 / 1e3 / longs beyond 2^53, and the position of a syntax error. Used only when needed.

import { javaDoubleToString, javaNumberText } from './render';
import type { NumberTexts } from './render';

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Container under which a top-level number's Java text is stored (key ''). */
export const ROOT: object = Object.freeze({});

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SCAN = /"(?:[^"\\]|\\[\s\S])*"|-?\d+(\.\d+)?([eE][+-]?\d+)?/g;

// A cheap first look (strings included): 1.0, 1e5 or a 16+ digit number anywhere.
const MAYBE = /(?<![\w.])-?\d+(?:\.0+|(?:\.\d+)?[eE][+-]?\d+|\d{15,})(?![\w.])/;

/** True when some number literal would render differently in Java than its JS value suggests. */
export function needsExactNumbers(text: string): boolean {
  if (!MAYBE.test(text)) return false;
  SCAN.lastIndex = 0;
  for (let m = SCAN.exec(text); m; m = SCAN.exec(text)) {
    if (m[0].startsWith('"')) continue;
    if (m[2] !== undefined) return true;
    const n = Number(m[0]);
    if (m[1] !== undefined ? Number.isInteger(n) : !Number.isSafeInteger(n)) return true;
  }
  return false;
}

/** Java text for a number literal, or null when javaNumberText(value) already gives it. */
function javaLiteralText(lit: string, value: number): string | null {
  const isFloat = /[.eE]/.test(lit);
  const java = isFloat ? javaDoubleToString(value) : lit.replace(/^-0$/, '0');
  return java === javaNumberText(value) ? null : java;
}

export function parseJsonExact(text: string): { value: unknown; texts: NumberTexts } {
  const texts: NumberTexts = new WeakMap();
  let i = 0;
  const fail = (msg: string, at = i): never => {
    throw new JsonSyntaxError(at >= text.length ? 'Unexpected end of JSON input' : msg, at);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const note = (container: object, key: string, lit: string, value: number): void => {
    const java = javaLiteralText(lit, value);
    if (java === null) return;
    let m = texts.get(container);
    if (!m) texts.set(container, (m = new Map<string, string>()));
    m.set(key, java);
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('Bad control character in string literal');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('Unterminated string', start);
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('Bad escape in string literal', start);
    }
  };
  const value = (container: object | null, key: string): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') return (i++, obj);
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`Expected a property name in double quotes, found ${JSON.stringify(text.charAt(i))}`);
        const k = str();
        ws();
        if (text[i] !== ':') fail(`Expected ':' after property name, found ${JSON.stringify(text.charAt(i))}`);
        i++;
        const v = value(obj, k);
        Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return (i++, obj);
        else fail(`Expected ',' or '}' after a property value, found ${JSON.stringify(text.charAt(i))}`);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') return (i++, arr);
      for (;;) {
        arr.push(value(arr, String(arr.length)));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return (i++, arr);
        else fail(`Expected ',' or ']' after an array item, found ${JSON.stringify(text.charAt(i))}`);
      }
    }
    if (c === '"') return str();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) return ((i += word.length), v);
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail(`Unexpected ${JSON.stringify(text.charAt(i))}`);
    i += m[0].length;
    const n = Number(m[0]);
    if (container) note(container, key, m[0], n);
    return n;
  };
  let result: unknown;
  try {
    const root = { v: undefined as unknown };
    result = value(root, 'v');
    const rootText = texts.get(root)?.get('v');
    if (rootText !== undefined) texts.set(ROOT, new Map([['', rootText]]));
  } catch (e) {
    if (e instanceof RangeError) throw new JsonSyntaxError('JSON nested too deeply', i);
    throw e;
  }
  ws();
  if (i < text.length) fail(`Unexpected ${JSON.stringify(text.charAt(i))} after the JSON value`);
  return { value: result, texts };
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
