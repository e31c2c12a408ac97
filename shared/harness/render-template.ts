// Text with `<+...>` blocks rendered the way Harness renders a condition key or a runtime input:
// each block becomes its value as text ("null" when missing); text around blocks stays as written.

import { findBlocks, parseRef, resolvePath } from './expressions';
import type { ParsedSample, Ref } from './expressions';
import {
  compileJexl,
  evaluateExpression,
  holdsExpression,
  lowerHeaderBrackets,
  renderJexlValue,
  resolveNested,
} from './jexl-bridge';
import type { CompiledJexl } from './jexl-bridge';
import { JexlError, plain } from './jexl-bridge-values';
import { RegexUndecided } from './java-regex-run';
import { renderValue } from './render';

export interface TemplateBlock {
  start: number;
  end: number;
  text: string;
  ref: Ref;
  compiled: CompiledJexl | null;
}
export interface CompiledTemplate {
  source: string;
  /** Whether bracket header names are lower-cased (not in a payload-condition key). */
  lowerHeaders: boolean;
  blocks: TemplateBlock[];
  unclosedAt: number | null;
}

export type PartState = 'ok' | 'missing' | 'error' | 'unsupported';
export interface RenderedBlock {
  text: string;
  start: number;
  end: number;
  rendered: string;
  value: unknown;
  state: PartState;
  why: string | null;
  /** A regex inside is still being checked off the page: not memoized, the answer comes later. */
  pending?: boolean;
}
export interface Rendered {
  text: string;
  blocks: RenderedBlock[];
  state: 'ok' | 'error' | 'unsupported';
  why: string | null;
}

export function compileTemplate(source: string, o: { lowerHeaders?: boolean } = {}): CompiledTemplate {
  const lowerHeaders = o.lowerHeaders ?? true;
  const { blocks, unclosedAt } = findBlocks(source);
  return {
    source,
    lowerHeaders,
    unclosedAt,
    blocks: blocks.map((b) => {
      const ref = parseRef(b.inner, lowerHeaders);
      const inner = ref.kind === 'expr' ? (lowerHeaders ? lowerHeaderBrackets(ref.inner) : ref.inner) : null;
      const compiled = inner === null ? null : compileJexl(inner, { globals: ['trigger', 'eventPayload'] });
      return { start: b.start, end: b.end, text: b.text, ref, compiled };
    }),
  };
}

function renderBlock(b: TemplateBlock, s: ParsedSample): RenderedBlock {
  const out = (rendered: string, value: unknown, state: PartState, why: string | null): RenderedBlock => ({
    text: b.text,
    start: b.start,
    end: b.end,
    rendered,
    value,
    state,
    why,
  });
  // A value that is itself a string holding <+...> is evaluated again, as Harness does.
  const again = (text: string): RenderedBlock => {
    const n = resolveNested(text, s);
    if (n.state === 'ok') return out(n.text, n.value, 'ok', null);
    return out(text, null, n.state, `${b.text} holds ${n.why ?? 'an expression'}`);
  };
  const ref = b.ref;
  if (ref.kind === 'path') {
    const r = resolvePath(ref, s);
    if (holdsExpression(r.value)) return again(r.value);
    return out(
      renderValue(r.value, s.numberTexts, r.container, r.key),
      r.value,
      r.found ? 'ok' : 'missing',
      r.found ? null : `${b.text} is not in the event, so it renders as "null"`,
    );
  }
  if (ref.kind === 'other')
    return out(
      b.text,
      null,
      'unsupported',
      `${b.text} is not a trigger expression: the preview cannot tell what Harness renders for it here`,
    );
  const c = b.compiled;
  if (!c?.ok)
    return out(
      b.text,
      null,
      c?.kind === 'unsupported' ? 'unsupported' : 'error',
      c ? `${b.text}: ${c.message} (column ${c.where.column})` : `cannot read ${b.text}`,
    );
  try {
    const value = evaluateExpression(c, s);
    if (holdsExpression(value)) return again(value);
    return out(renderJexlValue(value), plain(value), 'ok', null);
  } catch (e) {
    const unsupported = (e instanceof JexlError && e.unsupported) || e instanceof RegexUndecided;
    const r = out(
      b.text,
      null,
      unsupported ? 'unsupported' : 'error',
      `${b.text}: ${e instanceof Error ? e.message : String(e)}`,
    );
    if (e instanceof RegexUndecided && e.reason === 'pending') r.pending = true;
    return r;
  }
}

/** Render against a sample; memoized per sample since many triggers share the same keys. */
export function renderTemplate(t: CompiledTemplate, s: ParsedSample): Rendered {
  const memo = `t:${t.lowerHeaders ? 'l' : 'w'}:${t.source}`;
  const hit = s.cache.get(memo);
  if (hit) return hit as Rendered;
  const blocks = t.blocks.map((b) => renderBlock(b, s));
  let text = '';
  let at = 0;
  for (const b of blocks) {
    text += t.source.slice(at, b.start) + b.rendered;
    at = b.end;
  }
  text += t.source.slice(at);
  const bad = blocks.find((b) => b.state === 'error') ?? blocks.find((b) => b.state === 'unsupported');
  const result: Rendered = {
    text,
    blocks,
    state: bad ? (bad.state === 'error' ? 'error' : 'unsupported') : 'ok',
    why: bad?.why ?? null,
  };
  if (!blocks.some((b) => b.pending)) s.cache.set(memo, result);
  return result;
}
