// `<+...>` expressions over a trigger event: finding them in text, reading trigger paths, and the
// parsed sample (payload + headers) they are resolved against.

import { JsonSyntaxError, lineColumn, needsExactNumbers, parseJsonExact, ROOT } from './expressions-json';
import type { NumberTexts } from './render';

export type SampleHeaders = Record<string, string> | readonly { name: string; value: string }[];
export interface SampleInput {
  payload: string;
  headers?: SampleHeaders;
}

export interface ParsedSample {
  raw: string;
  /** Whether the body is JSON; if not, trigger.payload is the raw string (as in Harness). */
  json: boolean;
  jsonError: { message: string; line: number; column: number } | null;
  payload: unknown;
  /** Lower-cased header names, first value wins. */
  headers: Record<string, string>;
  numberTexts: NumberTexts | null;
  /** Per-sample memo shared by every trigger evaluated against it. */
  cache: Map<string, unknown>;
}

const isHeaderList = (h: SampleHeaders): h is readonly { name: string; value: string }[] => Array.isArray(h);

export function parseSample(sample: SampleInput): ParsedSample {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  const given = sample.headers ?? {};
  const list: readonly { name: string; value: string }[] = isHeaderList(given)
    ? given
    : Object.entries(given).map(([name, value]) => ({ name, value }));
  for (const { name, value } of list) {
    const k = name.trim().toLowerCase();
    if (k && !(k in headers)) headers[k] = value;
  }
  const raw = sample.payload;
  const make = (
    json: boolean,
    jsonError: ParsedSample['jsonError'],
    payload: unknown,
    numberTexts: NumberTexts | null,
  ): ParsedSample => ({
    raw,
    json,
    jsonError,
    payload,
    headers,
    numberTexts,
    cache: new Map<string, unknown>(),
  });
  try {
    const payload: unknown = JSON.parse(raw);
    if (!needsExactNumbers(raw)) return make(true, null, payload, null);
    const exact = parseJsonExact(raw);
    return make(true, null, exact.value, exact.texts);
  } catch {
    let jsonError: ParsedSample['jsonError'] = { message: 'Not valid JSON', line: 1, column: 1 };
    if (raw.trim() === '') jsonError = { message: 'The body is empty', line: 1, column: 1 };
    else {
      try {
        parseJsonExact(raw);
      } catch (e) {
        if (e instanceof JsonSyntaxError) {
          const at = lineColumn(raw, e.offset);
          jsonError = { message: e.message, line: at.line, column: at.column };
        }
      }
    }
    return make(false, jsonError, raw, null);
  }
}

export interface Block {
  /** Offsets of `<+` and just after the closing `>`. */
  start: number;
  end: number;
  text: string;
  inner: string;
}

/** Every top-level `<+...>` in text; nested `<+` count, quoted strings are skipped. */
export function findBlocks(text: string): { blocks: Block[]; unclosedAt: number | null } {
  const blocks: Block[] = [];
  let i = text.indexOf('<+');
  while (i >= 0) {
    let depth = 0;
    let j = i;
    let end = -1;
    while (j < text.length) {
      const c = text[j];
      if (c === '<' && text[j + 1] === '+') {
        depth++;
        j += 2;
        continue;
      }
      if (c === "'" || c === '"') {
        const close = text.indexOf(c, j + 1);
        j = close < 0 ? text.length : close + 1;
        continue;
      }
      if (c === '>' && --depth === 0) {
        end = j + 1;
        break;
      }
      j++;
    }
    if (end < 0) return { blocks, unclosedAt: i };
    blocks.push({ start: i, end, text: text.slice(i, end), inner: text.slice(i + 2, end - 1) });
    i = text.indexOf('<+', end);
  }
  return { blocks, unclosedAt: null };
}

export type PathRoot = 'payload' | 'eventPayload' | 'header' | 'type';
export interface PathRef {
  kind: 'path';
  text: string;
  root: PathRoot;
  segments: (string | number)[];
  headerForm?: 'bracket' | 'dot';
}
/** A namespace the trigger matcher does not provide (pipeline, secrets, trigger.sourceRepo...). */
export interface OtherRef {
  kind: 'other';
  text: string;
  name: string;
}
/** Anything beyond a plain path: evaluated as JEXL over `trigger` and `eventPayload`. */
export interface ExprRef {
  kind: 'expr';
  text: string;
  inner: string;
}
export type Ref = PathRef | OtherRef | ExprRef;

const unquote = (s: string): string => s.slice(1, -1).replace(/\\(['"\\])/g, '$1');

/**
 * `lowerHeaders`: whether a bracket header name is lower-cased. Harness does so in header-condition
 * keys and the JEXL text only; a payload-condition key looks the name up as written.
 */
export function parseRef(inner: string, lowerHeaders = true): Ref {
  const text = `<+${inner}>`;
  const src = inner.trim();
  const rootMatch = /^(?:trigger\s*\.\s*(payload|eventPayload|header|type)\b|(eventPayload)\b)/.exec(src);
  if (!rootMatch) {
    const name = /^trigger\s*\.\s*[A-Za-z_$][\w$]*|^[A-Za-z_$][\w$]*/.exec(src)?.[0].replace(/\s/g, '');
    if (name && name !== 'trigger') return { kind: 'other', text, name };
    return { kind: 'expr', text, inner: src };
  }
  const root: PathRoot = rootMatch[2] ? 'payload' : (rootMatch[1] as PathRoot);
  const segments: (string | number)[] = [];
  let headerForm: PathRef['headerForm'];
  let rest = src.slice(rootMatch[0].length);
  const dot = root === 'header' ? /^\s*\.\s*([A-Za-z0-9_$-]+)/ : /^\s*\.\s*([A-Za-z_$][\w$]*)/;
  const bracket = /^\s*\[\s*(\d+|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*\]/;
  while (rest.trim() !== '') {
    const d = dot.exec(rest);
    const b = d ? null : bracket.exec(rest);
    const seg = d?.[1] ?? b?.[1];
    if (seg === undefined) return { kind: 'expr', text, inner: src };
    let value: string | number = d ? seg : /^\d/.test(seg) ? Number(seg) : unquote(seg);
    if (root === 'header' && segments.length === 0) {
      headerForm = d ? 'dot' : 'bracket';
      if (b && lowerHeaders && typeof value === 'string') value = value.toLowerCase();
    }
    segments.push(value);
    rest = rest.slice((d ?? b)?.[0].length ?? rest.length);
  }
  return headerForm ? { kind: 'path', text, root, segments, headerForm } : { kind: 'path', text, root, segments };
}

export interface Resolved {
  value: unknown;
  found: boolean;
  /** Where the value sits, so a number keeps its Java literal form. */
  container: object | null;
  key: string | null;
}

export function walk(start: unknown, segments: readonly (string | number)[], rootKey: string | null): Resolved {
  let value = start;
  let container: object | null = rootKey === null ? null : ROOT;
  let key: string | null = rootKey;
  for (const seg of segments) {
    if (Array.isArray(value) && typeof seg === 'number' && seg < value.length) {
      container = value;
      key = String(seg);
      value = value[seg] as unknown;
    } else if (
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      typeof seg === 'string' &&
      Object.hasOwn(value, seg)
    ) {
      container = value;
      key = seg;
      value = (value as Record<string, unknown>)[seg];
    } else return { value: null, found: false, container: null, key: null };
  }
  return { value, found: true, container, key };
}

export function resolvePath(ref: PathRef, s: ParsedSample): Resolved {
  switch (ref.root) {
    case 'type':
      return ref.segments.length
        ? walk(null, ref.segments, null)
        : { value: 'Custom', found: true, container: null, key: null };
    case 'eventPayload':
      return walk(s.raw, ref.segments, null);
    case 'header':
      return walk(s.headers, ref.segments, null);
    case 'payload':
      return walk(s.payload, ref.segments, s.json ? '' : null);
  }
}

/** The sample as header conditions see it: Harness evaluates them with an empty payload (`{}`). */
export function withEmptyPayload(s: ParsedSample): ParsedSample {
  const hit = s.cache.get('$emptyPayload');
  if (hit) return hit as ParsedSample;
  const empty: ParsedSample = {
    raw: '{}',
    json: true,
    jsonError: null,
    payload: {},
    headers: s.headers,
    numberTexts: null,
    cache: new Map<string, unknown>(),
  };
  s.cache.set('$emptyPayload', empty);
  return empty;
}

/** The variables a `<+...>` JEXL expression sees. */
export function triggerVariables(s: ParsedSample): Record<string, unknown> {
  const hit = s.cache.get('$vars');
  if (hit) return hit as Record<string, unknown>;
  const vars = {
    trigger: { payload: s.payload, eventPayload: s.raw, header: s.headers, type: 'Custom' },
    eventPayload: s.payload,
  };
  s.cache.set('$vars', vars);
  return vars;
}
