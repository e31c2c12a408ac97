// Harness's jexlCondition, evaluated as Apache Commons JEXL 3 would: each `<+...>` block is
// resolved to a typed value and bound as a variable, then the (Java-flavoured) script runs on the
// `jexl` package through the bridge. Constructs the preview cannot evaluate are named, never guessed.

import { findBlocks, parseRef, resolvePath, triggerVariables } from './expressions';
import { RegexUndecided } from './java-regex-run';
import type { Block, ParsedSample, Ref } from './expressions';
import { lineColumn } from './expressions-json';
import type { Tables } from './jexl-bridge-compile';
import { JexlSyntax, lexJexl } from './jexl-bridge-lexer';
import { runScript, ScriptParser } from './jexl-bridge-script';
import type { Stmt } from './jexl-bridge-script';
import { javaString, javaType, JDouble, JexlError, plain } from './jexl-bridge-values';
import { previewJson, renderValue } from './render';

export interface JexlWhere {
  offset: number;
  line: number;
  column: number;
}
interface Common {
  source: string;
  blocks: Block[];
  refs: Ref[];
}
export interface CompiledJexlOk extends Common {
  ok: true;
  sub: (CompiledJexl | null)[];
  body: Stmt[];
  tables: Tables;
  globals: readonly string[];
  warnings: string[];
}
export interface CompiledJexlFail extends Common {
  ok: false;
  kind: 'syntax' | 'unsupported';
  message: string;
  where: JexlWhere;
}
export type CompiledJexl = CompiledJexlOk | CompiledJexlFail;

/** A `<+...>` bound in a JEXL condition: its typed value and a short preview for display. */
export interface JexlBinding {
  text: string;
  value: unknown;
  type: string;
  preview: string;
  note?: string;
}
export type JexlState = 'true' | 'false' | 'non-boolean' | 'error' | 'unsupported';
export interface JexlRun {
  state: JexlState;
  value: unknown;
  type: string;
  message: string;
  bindings: JexlBinding[];
}

const TRIGGER_GLOBALS = ['trigger', 'eventPayload'] as const;

/** `trigger.header['X-Name']` → lower-cased name, as Harness does before evaluating. */
export function lowerHeaderBrackets(text: string): string {
  return text.replace(
    /(trigger\s*\.\s*header\s*\[\s*)(['"])((?:\\.|(?!\2)[^\\])*)\2/g,
    (_m, pre: string, q: string, name: string) => `${pre}${q}${name.toLowerCase()}${q}`,
  );
}

export function compileJexl(source: string, o: { globals?: readonly string[] } = {}): CompiledJexl {
  const { blocks, unclosedAt } = findBlocks(source);
  const refs = blocks.map((b) => parseRef(b.inner));
  const globals = o.globals ?? [];
  try {
    if (unclosedAt !== null) throw new JexlSyntax('<+ is never closed with >', unclosedAt);
    const sub = refs.map((r) =>
      r.kind === 'expr' ? compileJexl(lowerHeaderBrackets(r.inner), { globals: TRIGGER_GLOBALS }) : null,
    );
    sub.forEach((c, k) => {
      const b = blocks[k];
      if (c && !c.ok && b)
        throw new JexlSyntax(`in ${b.text}: ${c.message}`, b.start + 2 + c.where.offset, c.kind === 'unsupported');
    });
    const toks = lexJexl(source, blocks);
    const tables: Tables = { literals: [], keys: [], vars: [], templates: [] };
    const parser = new ScriptParser(toks, tables, source.length);
    const body = parser.program();
    const warnings: string[] = [];
    for (const name of tables.vars) {
      if (!parser.defined.has(name) && !globals.includes(name)) {
        warnings.push(
          `"${name}" is never defined: Harness's JEXL is strict, so reading it is an error (did you mean <+trigger.payload.${name}>?).`,
        );
      }
    }
    for (const r of refs) {
      if (r.kind === 'path' && r.headerForm === 'dot')
        warnings.push(
          `${r.text} uses the dot form: the header name is not lower-cased, so it normally misses (use <+trigger.header['name']>).`,
        );
    }
    if (tables.templates.length) warnings.push('A <+...> inside quotes is rendered into the text of the string.');
    return { ok: true, source, blocks, refs, sub, body, tables, globals, warnings };
  } catch (e) {
    if (!(e instanceof JexlSyntax)) throw e;
    return {
      ok: false,
      source,
      blocks,
      refs,
      kind: e.unsupported ? 'unsupported' : 'syntax',
      message: e.message,
      where: { offset: e.offset, ...lineColumn(source, e.offset) },
    };
  }
}

interface Bound {
  bindings: JexlBinding[];
  values: unknown[];
  render: (() => string)[];
}

function bind(c: CompiledJexlOk, s: ParsedSample): Bound {
  const out: Bound = { bindings: [], values: [], render: [] };
  c.refs.forEach((ref, k) => {
    if (ref.kind === 'other')
      throw new JexlError(
        `${ref.text} is not available while Harness matches a trigger, so the preview cannot evaluate it`,
        true,
      );
    let value: unknown;
    let note: string | undefined;
    if (ref.kind === 'path') {
      const r = resolvePath(ref, s);
      const again = holdsExpression(r.value) ? resolveNested(r.value, s) : null;
      if (again && again.state !== 'ok')
        throw new JexlError(`${ref.text} holds ${again.why ?? 'an expression'}`, again.state === 'unsupported');
      const render = again
        ? (): string => again.text
        : (): string => renderValue(r.value, s.numberTexts, r.container, r.key);
      // A payload 1.0 is a Double in Harness: keep it one.
      value = again
        ? again.value
        : typeof r.value === 'number' && Number.isInteger(r.value) && /[.E]/.test(render())
          ? new JDouble(r.value)
          : r.value;
      if (!r.found) note = 'not found: bound as null';
      if (again) note = `evaluated again from ${JSON.stringify(r.value)}`;
      out.render.push(render);
    } else {
      const sub = c.sub[k];
      if (!sub?.ok) throw new JexlError(`cannot read ${ref.text}`);
      try {
        value = execute(sub, s, triggerVariables(s));
      } catch (e) {
        if (e instanceof JexlError) throw new JexlError(`in ${ref.text}: ${e.message}`, e.unsupported);
        throw e;
      }
      const v = value;
      out.render.push(() => renderJexlValue(v));
    }
    out.values.push(value);
    const b: JexlBinding = {
      text: ref.text,
      value: value instanceof JDouble ? value.v : value,
      type: javaType(value),
      preview: preview(value, s),
    };
    if (note) b.note = note;
    out.bindings.push(b);
  });
  return out;
}

function execute(c: CompiledJexlOk, s: ParsedSample, globals: Record<string, unknown>, bound?: Bound): unknown {
  const { values, render } = bound ?? bind(c, s);
  const ctx = Object.create(null) as Record<string, unknown>;
  values.forEach((v, k) => (ctx[`__p${k}`] = v));
  c.tables.templates.forEach((t, j) => {
    ctx[`__t${j}`] = (t.parts ?? []).map((p) => (typeof p === 'number' ? (render[p]?.() ?? 'null') : p)).join('');
  });
  return runScript(c.body, { scope: new Map(Object.entries(globals)), ctx, steps: 0 });
}

/** The value of a `<+...>` expression that is more than a path (e.g. `<+trigger.payload.ref.split("/")[2]>`). */
export function evaluateExpression(c: CompiledJexlOk, s: ParsedSample): unknown {
  return execute(c, s, triggerVariables(s));
}

/** A string value that Harness evaluates once more because it holds `<+...>`. */
export const holdsExpression = (v: unknown): v is string => typeof v === 'string' && v.includes('<+');

export interface Nested {
  state: 'ok' | 'error' | 'unsupported';
  /** The value: the typed value when the text is one `<+...>`, else the rendered text. */
  value: unknown;
  text: string;
  why: string | null;
}

const MAX_ROUNDS = 10;
const cutText = (t: string): string => JSON.stringify(t.length > 60 ? `${t.slice(0, 59)}…` : t);

/**
 * Harness evaluates a resolved value again when it is a string holding `<+...>` (so a payload field
 * "<+trigger.payload.w>" gives w's value). Mirrored for trigger expressions; anything else (secrets,
 * pipeline...) or a value that keeps referring to itself is "cannot tell", never a guess.
 */
export function resolveNested(text: string, s: ParsedSample, round = 1): Nested {
  const fail = (state: Nested['state'], why: string): Nested => ({ state, value: null, text, why });
  if (round > MAX_ROUNDS)
    return fail(
      'unsupported',
      `${cutText(text)}, still an expression after ${MAX_ROUNDS} rounds (it refers to itself?)`,
    );
  const { blocks, unclosedAt } = findBlocks(text);
  if (blocks.length === 0 || unclosedAt !== null) return { state: 'ok', value: text, text, why: null };
  let out = '';
  let at = 0;
  let last: unknown = null;
  for (const b of blocks) {
    const ref = parseRef(b.inner, false);
    let value: unknown;
    let rendered: string;
    if (ref.kind === 'other')
      return fail(
        'unsupported',
        `${cutText(text)}, which Harness evaluates again: ${ref.text} is not available while matching, so the preview cannot tell`,
      );
    if (ref.kind === 'path') {
      const r = resolvePath(ref, s);
      value = r.value;
      rendered = renderValue(r.value, s.numberTexts, r.container, r.key);
    } else {
      const c = compileJexl(ref.inner, { globals: TRIGGER_GLOBALS });
      if (!c.ok) return fail(c.kind === 'unsupported' ? 'unsupported' : 'error', `${cutText(text)}: ${c.message}`);
      try {
        const v = evaluateExpression(c, s);
        value = plain(v);
        rendered = renderJexlValue(v);
      } catch (e) {
        if (e instanceof JexlError && !e.unsupported) return fail('error', `${cutText(text)}: ${e.message}`);
        if (e instanceof JexlError || e instanceof RegexUndecided)
          return fail('unsupported', `${cutText(text)}: ${e.message}`);
        throw e;
      }
    }
    if (holdsExpression(value)) {
      const inner = resolveNested(value, s, round + 1);
      if (inner.state !== 'ok') return inner;
      value = inner.value;
      rendered = inner.text;
    }
    out += text.slice(at, b.start) + rendered;
    at = b.end;
    last = value;
  }
  out += text.slice(at);
  const whole = blocks.length === 1 && blocks[0]?.start === 0 && blocks[0].end === text.length;
  return { state: 'ok', value: whole ? last : out, text: out, why: null };
}

/** A JEXL value as Harness renders it into text. */
export function renderJexlValue(v: unknown): string {
  return v instanceof JDouble ? javaString(v) : renderValue(plain(v));
}

/** A short display form of a JEXL value (bounded work, whatever its size). */
export function preview(v: unknown, s?: ParsedSample): string {
  if (v instanceof JDouble) return javaString(v);
  const text = typeof v === 'string' ? JSON.stringify(v) : previewJson(v, 120, s?.numberTexts ?? null);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** Run a compiled jexlCondition against a sample. Only a Boolean result decides a match. */
export function runJexl(c: CompiledJexlOk, s: ParsedSample): JexlRun {
  let bound: ReturnType<typeof bind> | undefined;
  try {
    bound = bind(c, s);
    const raw = execute(c, s, {}, bound);
    const type = javaType(raw);
    const value = plain(raw);
    if (typeof value === 'boolean')
      return {
        state: value ? 'true' : 'false',
        value,
        type,
        message: `the condition evaluates to ${value}`,
        bindings: bound.bindings,
      };
    return {
      state: 'non-boolean',
      value,
      type,
      bindings: bound.bindings,
      message: `the condition evaluates to ${type === 'null' ? 'null' : `${type} ${preview(raw)}`}, not a Boolean: Harness treats that as no match`,
    };
  } catch (e) {
    const bindings = bound?.bindings ?? [];
    if (e instanceof RegexUndecided)
      return { state: 'unsupported', value: null, type: 'null', message: e.message, bindings };
    if (e instanceof JexlError) {
      return e.unsupported
        ? { state: 'unsupported', value: null, type: 'null', message: e.message, bindings }
        : { state: 'error', value: null, type: 'null', message: `Harness stops with an error: ${e.message}`, bindings };
    }
    return {
      state: 'error',
      value: null,
      type: 'null',
      message: `evaluation failed: ${e instanceof Error ? e.message : String(e)}`,
      bindings,
    };
  }
}
