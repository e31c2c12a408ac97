// One JEXL 3 expression → the `jexl` package: tokens are rewritten into jexl's dialect (methods
// become transforms, word operators become symbols, literals and names go to side tables so that
// jexl's own lexer only ever sees plain identifiers and operators), jexl parses, and the AST is
// post-processed so that every operation runs with JEXL 3 semantics (jexl-bridge-values).

import jexlPackage from 'jexl';
import type Ast from 'jexl/Ast';
import Lexer from 'jexl/dist/Lexer.js';
import Parser from 'jexl/dist/parser/Parser.js';
import type Expression from 'jexl/Expression';
import { callMethod, METHOD_NAMES } from './jexl-bridge-methods';
import { JexlSyntax } from './jexl-bridge-lexer';
import type { Tok } from './jexl-bridge-lexer';
import * as V from './jexl-bridge-values';

/** Side tables shared by every expression of one script. */
export interface Tables {
  literals: unknown[];
  keys: (string | number)[];
  vars: string[];
  templates: Tok[];
}

export interface CompiledExpr {
  expr: Expression;
  /** Variable slots this expression reads: [slot, name]. */
  vars: [number, string][];
  start: number;
}

interface Lazy {
  eval(): { then(f: (v: unknown) => unknown): unknown };
}

const J = new jexlPackage.Jexl();
const el = J._grammar.elements;
// jexl's PromiseSync.all re-wraps errors in a plain Error; remember the first real one.
let pending: unknown = null;
type Fn = (...args: unknown[]) => unknown;
function guard(fn: (...a: never[]) => unknown): Fn {
  return (...a: unknown[]) => {
    try {
      return (fn as Fn)(...a);
    } catch (e) {
      pending ??= e;
      throw e;
    }
  };
}
const bin = (op: string, precedence: number, fn: (l: unknown, r: unknown) => unknown): void => {
  el[op] = { type: 'binaryOp', precedence, eval: guard(fn) };
};
const lazy = (op: string, precedence: number, fn: (l: Lazy, r: Lazy) => unknown): void => {
  el[op] = { type: 'binaryOp', precedence, evalOnDemand: guard(fn) };
};
// JEXL 3 precedence: ?? ?: < || < && < equality < relational < additive < multiplicative < unary.
lazy('||', 10, (l, r) => l.eval().then((a) => V.toBoolean(a) || r.eval().then((b) => V.toBoolean(b))));
lazy('&&', 11, (l, r) => l.eval().then((a) => V.toBoolean(a) && r.eval().then((b) => V.toBoolean(b))));
lazy('??', 5, (l, r) => l.eval().then((a) => (V.use(a) !== null ? a : r.eval())));
lazy('?:', 5, (l, r) => l.eval().then((a) => (V.use(a) !== null && V.toBoolean(a) ? a : r.eval())));
bin('==', 20, (a, b) => V.jexlEquals(a, b));
bin('!=', 20, (a, b) => !V.jexlEquals(a, b));
bin('=~', 20, (a, b) => V.jexlContains(b, a));
bin('!~', 20, (a, b) => !V.jexlContains(b, a));
bin('=^', 20, (a, b) => V.startsOrEnds(a, b, false));
bin('!^', 20, (a, b) => !V.startsOrEnds(a, b, false));
bin('=$', 20, (a, b) => V.startsOrEnds(a, b, true));
bin('!$', 20, (a, b) => !V.startsOrEnds(a, b, true));
for (const op of ['<', '<=', '>', '>='] as const) bin(op, 21, (a, b) => V.lessThan(a, b, op));
bin('+', 30, V.add);
for (const op of ['-', '*', '/', '%']) bin(op, op === '-' ? 30 : 40, (a, b) => V.arith(op, a, b));
// addUnaryOp leaves precedence unset, which makes jexl apply it to a whole binary expression.
J.addUnaryOp('__neg', (v: unknown) => v);
Object.assign(el.__neg ?? {}, { precedence: Infinity });
J.addFunctions({
  __get: guard(V.getProperty),
  __not: guard((v: unknown) => !V.toBoolean(v)),
  __neg: guard(V.negate),
  __bool: guard(V.toBoolean),
  __list: guard((...items: unknown[]) => items.map(V.use)),
  __f_size: guard(V.size),
  __f_empty: guard(V.empty),
});
for (const name of METHOD_NAMES)
  J.addTransform(
    `__m_${name}`,
    guard((self: unknown, ...args: unknown[]) => callMethod(name, self, args)),
  );

const WORD_OPS: Record<string, string> = {
  and: '&&',
  or: '||',
  not: '!',
  eq: '==',
  ne: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  div: '/',
  mod: '%',
};
const PASS = new Set([
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '*',
  '/',
  '%',
  '&&',
  '||',
  '!',
  '=~',
  '!~',
  '=^',
  '!^',
  '=$',
  '!$',
  '??',
  '?:',
  '(',
  ')',
  '[',
  ']',
  ',',
  '?',
  ':',
]);
const REFUSED: Record<string, string> = {
  '{': 'map or set literals { ... }',
  '}': 'map or set literals { ... }',
  '?.': 'safe navigation (?.)',
  '?[': 'safe navigation (?[)',
  '->': 'lambda functions',
  '=>': 'lambda functions',
  '..': 'ranges (a..b)',
  '...': 'variable arguments (...)',
  '++': '++',
  '--': '--',
  '&': 'the bitwise operator &',
  '|': 'the bitwise operator |',
  '^': 'the bitwise operator ^',
  '~': 'the bitwise operator ~',
  '<<': 'shift operators',
  '>>': 'shift operators',
  '@': 'annotations (@)',
  '#': 'pragmas (#)',
};
const RESERVED = new Set([
  'var',
  'let',
  'const',
  'if',
  'else',
  'for',
  'while',
  'do',
  'return',
  'break',
  'continue',
  'function',
  'new',
  'in',
  'size',
  'empty',
]);
const UNARY_BEFORE = new Set(['(', '[', ',', '?', ':', '!', '__neg']);

const refuse = (what: string, t: Tok): JexlSyntax =>
  new JexlSyntax(`${what} cannot be evaluated by the preview`, t.start, true);

const OPERAND_END = new Set(['num', 'str', 'tpl', 'ident', 'ph']);

/** Brackets pair up, commas separate two things, `x[]` has an index: jexl accepts some of these. */
function checkShape(toks: readonly Tok[]): void {
  const stack: Tok[] = [];
  toks.forEach((t, i) => {
    if (t.kind !== 'op') return;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    const op = (x: Tok | undefined, ...texts: string[]): boolean => x?.kind === 'op' && texts.includes(x.text);
    if (t.text === '(' || t.text === '[') {
      if (t.text === '[' && op(next, ']') && prev && (OPERAND_END.has(prev.kind) || op(prev, ')', ']'))) {
        throw new JexlSyntax('nothing between [ and ]: put an index or a quoted key inside', t.start);
      }
      stack.push(t);
    } else if (t.text === ')' || t.text === ']') {
      const open = stack.pop();
      if (!open || (open.text === '(') !== (t.text === ')')) throw new JexlSyntax(`unexpected ${t.text}`, t.start);
    } else if (t.text === ',') {
      if (!prev || op(prev, '(', '[', ',')) throw new JexlSyntax('a value is missing before ","', t.start);
      if (!next || op(next, ')', ']', ',')) throw new JexlSyntax('a value is missing after ","', t.start);
    }
  });
  const open = stack.pop();
  if (open) throw new JexlSyntax(`${open.text} is never closed`, open.start);
}

/** Rewrite tokens into jexl source: one piece per jexl token, each remembering its JEXL 3 token. */
function emit(toks: readonly Tok[], t: Tables): { text: string; tok: Tok }[] {
  const out: { text: string; tok: Tok }[] = [];
  const push = (text: string, tok: Tok): void => void out.push({ text, tok });
  const slot = <T>(list: T[], v: T): number => list.push(v) - 1;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i] as Tok;
    const next = toks[i + 1];
    const prev = out[out.length - 1]?.text;
    if (tok.kind === 'num' || tok.kind === 'str') push(`__l${slot(t.literals, tok.value)}`, tok);
    else if (tok.kind === 'tpl') push(`__t${slot(t.templates, tok)}`, tok);
    else if (tok.kind === 'ph') push(`__p${tok.ph ?? 0}`, tok);
    else if (tok.kind === 'ident') {
      const word = tok.text;
      if (word === 'true' || word === 'false') push(word, tok);
      else if (word === 'null') push(`__l${slot(t.literals, null)}`, tok);
      else if (WORD_OPS[word]) push(WORD_OPS[word], tok);
      else if (next?.kind === 'op' && next.text === '(') {
        if (word !== 'size' && word !== 'empty') throw refuse(`the function ${word}()`, tok);
        push(`__f_${word}`, tok);
      } else if (RESERVED.has(word)) throw new JexlSyntax(`unexpected ${word}`, tok.start);
      else {
        let k = t.vars.indexOf(word);
        if (k < 0) k = slot(t.vars, word);
        push(`__v${k}`, tok);
      }
    } else if (tok.text === '.') {
      const name = next;
      if (!name || name.kind === 'op' || name.kind === 'tpl' || name.kind === 'ph')
        throw new JexlSyntax('a property name must follow "."', tok.start);
      i++;
      if (toks[i + 1]?.kind === 'op' && toks[i + 1]?.text === '(') {
        if (name.kind !== 'ident' || !METHOD_NAMES.has(name.text)) throw refuse(`the method .${name.text}()`, name);
        push('|', tok);
        push(`__m_${name.text}`, name);
      } else {
        push('.', tok);
        push(`__k${slot(t.keys, name.kind === 'ident' ? name.text : (name.value as string | number))}`, name);
      }
    } else if (tok.text === '[' && next?.kind === 'op' && next.text === '.')
      throw new JexlSyntax('unexpected . (relative filters [.x] are not JEXL 3)', next.start);
    else if (tok.text === '-')
      push(
        prev === undefined || UNARY_BEFORE.has(prev) || (PASS.has(prev) && prev !== ')' && prev !== ']')
          ? '__neg'
          : '-',
        tok,
      );
    else if (PASS.has(tok.text)) push(tok.text, tok);
    else if (REFUSED[tok.text]) throw refuse(REFUSED[tok.text] ?? tok.text, tok);
    else if (tok.text.endsWith('=')) throw refuse('assignment inside an expression', tok);
    else throw new JexlSyntax(`unexpected ${tok.text}`, tok.start);
  }
  return out;
}

const call = (name: string, args: Ast[]): Ast => ({ type: 'FunctionCall', name, pool: 'functions', args });
const lit = (value: unknown): Ast => ({ type: 'Literal', value }) as Ast;

/** jexl leaves a part it never received (`a ? b :`) empty instead of failing: JEXL 3 fails there. */
function fix(node: Ast | null | undefined, t: Tables, end: number): Ast {
  if (!node) throw new JexlSyntax('the expression ends too early: a value is missing at its end', end);
  const f = (n: Ast | null | undefined): Ast => fix(n, t, end);
  switch (node.type) {
    case 'Identifier': {
      if (node.from) return call('__get', [f(node.from), lit(t.keys[Number(node.value.slice(3))])]);
      if (node.value.startsWith('__l')) return lit(t.literals[Number(node.value.slice(3))]);
      return node;
    }
    case 'FilterExpression':
      if (node.relative) throw new JexlSyntax('relative filters [.x] are not JEXL 3', 0);
      return call('__get', [f(node.subject), f(node.expr)]);
    case 'BinaryExpression':
      return { ...node, left: f(node.left), right: f(node.right) };
    case 'UnaryExpression':
      return call(node.operator === '!' ? '__not' : '__neg', [f(node.right)]);
    case 'ConditionalExpression':
      return {
        ...node,
        test: call('__bool', [f(node.test)]),
        consequent: f(node.consequent),
        alternate: f(node.alternate),
      };
    case 'ArrayLiteral':
      return call('__list', node.value.map(f));
    case 'FunctionCall':
      return { ...node, args: node.args.map(f) };
    default:
      return node;
  }
}

/**
 * Parse the rewritten pieces with jexl's own lexer and parser, token by token: the first token the
 * parser refuses is the error's place, found in one pass (one jexl token per piece).
 */
function parse(pieces: readonly { text: string; tok: Tok }[], end: number): Ast {
  const tokens = new Lexer(J._grammar).tokenize(pieces.map((p) => p.text).join(' '));
  const parser = new Parser(J._grammar);
  tokens.forEach((token, n) => {
    try {
      parser.addToken(token);
    } catch {
      const piece = pieces[Math.min(n, pieces.length - 1)];
      throw piece
        ? new JexlSyntax(`unexpected ${piece.tok.text}`, piece.tok.start)
        : new JexlSyntax('unexpected text', end);
    }
  });
  let ast: Ast | null;
  try {
    ast = parser.complete();
  } catch {
    ast = null;
  }
  if (!ast) throw new JexlSyntax('the expression ends too early', end);
  return ast;
}

/** Compile the tokens of one expression; errors carry the JEXL 3 token's offset. */
export function compileExpr(toks: readonly Tok[], t: Tables, endOffset: number): CompiledExpr {
  if (toks.length === 0) throw new JexlSyntax('an expression is missing here', endOffset);
  checkShape(toks);
  const pieces = emit(toks, t);
  const last = toks[toks.length - 1];
  const ast = fix(parse(pieces, endOffset), t, last ? last.end : endOffset);
  const expr = J.createExpression('');
  (expr as unknown as { _ast: Ast })._ast = ast;
  const vars = new Map<number, string>();
  for (const p of pieces) if (/^__v\d+$/.test(p.text)) vars.set(Number(p.text.slice(3)), p.tok.text);
  return { expr, vars: [...vars], start: toks[0]?.start ?? 0 };
}

/** Evaluate with JEXL 3 semantics; rethrows the original error (jexl may have re-wrapped it). */
export function evalExpr(c: CompiledExpr, ctx: Record<string, unknown>): unknown {
  pending = null;
  try {
    return V.use(c.expr.evalSync(ctx) as unknown);
  } catch (e) {
    throw pending ?? e;
  } finally {
    pending = null;
  }
}
