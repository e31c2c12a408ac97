// Which part of a JEXL condition decided it: the expression is split at its top-level `&&` / `||`
// (and `and` / `or`), each part is evaluated the way JEXL short-circuits, and the explanation names
// the part that settled the result with the values it read ("`<+trigger.payload.tag>.startsWith("v")`
// was false: tag is "1.2""). Conditions that are scripts (var, if, for...) keep the plain result.

import type { ParsedSample } from './expressions';
import { compileJexl, runJexl } from './jexl-bridge';
import type { CompiledJexlOk, JexlBinding } from './jexl-bridge';
import { lexJexl } from './jexl-bridge-lexer';
import type { Tok } from './jexl-bridge-lexer';
import { toBoolean } from './jexl-bridge-values';

type Node =
  { kind: 'leaf'; text: string; compiled: CompiledJexlOk } | { kind: 'and' | 'or'; text: string; parts: Node[] };

interface Outcome {
  value: boolean;
  why: string;
  facts: string[];
}

const cache = new WeakMap<CompiledJexlOk, Node | null>();

const isAnd = (t: Tok): boolean => (t.kind === 'op' && t.text === '&&') || (t.kind === 'ident' && t.text === 'and');
const isOr = (t: Tok): boolean => (t.kind === 'op' && t.text === '||') || (t.kind === 'ident' && t.text === 'or');
const opens = (t: Tok): boolean => t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{');
const closes = (t: Tok): boolean => t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}');

/** Splits toks at depth-0 tokens for which `at` holds; null when there is nothing to split. */
function split(toks: Tok[], at: (t: Tok) => boolean): Tok[][] | null {
  const out: Tok[][] = [[]];
  let depth = 0;
  for (const t of toks) {
    if (opens(t)) depth++;
    else if (closes(t)) depth--;
    if (depth === 0 && at(t)) out.push([]);
    else out[out.length - 1]?.push(t);
  }
  return out.length > 1 && out.every((p) => p.length > 0) ? out : null;
}

/** Whether the first token's bracket closes at the last token. */
function wrapped(toks: Tok[]): boolean {
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last || first.text !== '(' || last.text !== ')') return false;
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    if (opens(t)) depth++;
    else if (closes(t)) depth--;
    if (depth === 0 && i < toks.length - 1) return false;
  }
  return true;
}

function build(source: string, toks: Tok[]): Node | null {
  if (wrapped(toks)) return build(source, toks.slice(1, -1));
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last) return null;
  const text = source.slice(first.start, last.end).trim();
  for (const [kind, at] of [
    ['or', isOr],
    ['and', isAnd],
  ] as const) {
    const pieces = split(toks, at);
    if (!pieces) continue;
    const parts = pieces.map((p) => build(source, p));
    if (parts.some((p) => p === null)) return null;
    return { kind, text, parts: parts as Node[] };
  }
  const compiled = compileJexl(text);
  return compiled.ok ? { kind: 'leaf', text, compiled } : null;
}

function tree(c: CompiledJexlOk): Node | null {
  if (cache.has(c)) return cache.get(c) ?? null;
  let node: Node | null = null;
  const only = c.body[0];
  // A single expression only: scripts (var, if, for, return...) are not taken apart.
  if (c.body.length === 1 && only?.kind === 'expr') {
    try {
      node = build(c.source, lexJexl(c.source, c.blocks));
    } catch {
      node = null;
    }
  }
  cache.set(c, node);
  return node;
}

/** "tag is "1.2"": the name a `<+...>` reads and the value it had. */
function fact(c: CompiledJexlOk, b: JexlBinding, k: number): string {
  const ref = c.refs[k];
  let name = b.text;
  if (ref?.kind === 'path') {
    const segs = ref.segments;
    const at = segs.findLastIndex((x) => typeof x === 'string');
    if (at >= 0)
      name = `${String(segs[at])}${segs
        .slice(at + 1)
        .map((x) => `[${String(x)}]`)
        .join('')}`;
  }
  return b.note?.startsWith('not found') ? `${name} is null (not in the event)` : `${name} is ${b.preview}`;
}

const said = (facts: string[]): string => (facts.length ? `: ${[...new Set(facts)].join(', ')}` : '');

function run(node: Node, s: ParsedSample, top: boolean): Outcome | null {
  if (node.kind === 'leaf') {
    const r = runJexl(node.compiled, s);
    if (r.state !== 'true' && r.state !== 'false' && r.state !== 'non-boolean') return null;
    const value = r.state === 'non-boolean' ? toBoolean(r.value) : r.state === 'true';
    const facts = r.bindings.map((b, k) => fact(node.compiled, b, k));
    return { value, facts, why: `\`${node.text}\` was ${value}${said(facts)}` };
  }
  // JEXL short-circuits: && stops at the first false part, || at the first true one.
  const stopOn = node.kind === 'or';
  const seen: Outcome[] = [];
  for (const part of node.parts) {
    const o = run(part, s, false);
    if (!o) return null;
    if (o.value === stopOn) return o;
    seen.push(o);
  }
  const facts = seen.flatMap((o) => o.facts);
  if (node.kind === 'and')
    return {
      value: true,
      facts,
      why: top ? `every part was true${said(facts)}` : `\`${node.text}\` was true${said(facts)}`,
    };
  const whys = seen.map((o) => o.why).join('; ');
  return {
    value: false,
    facts,
    why: top ? `no part was true: ${whys}` : `no part of \`${node.text}\` was true: ${whys}`,
  };
}

/**
 * The part of a JEXL condition that decided `result`, in words; null when the condition is a script
 * or a part cannot be evaluated on its own (the caller keeps its plain message).
 */
export function explainJexl(c: CompiledJexlOk, s: ParsedSample, result: boolean): string | null {
  const node = tree(c);
  if (!node) return null;
  const o = run(node, s, true);
  return o && o.value === result ? o.why : null;
}
