// JEXL 3 scripts: `var`, assignment, if/else, `for (var x : list)`, while, return, break,
// continue and blocks, parsed from tokens and interpreted here; every expression inside runs
// through the jexl package (jexl-bridge-compile). Other statements are refused by name.

import { compileExpr, evalExpr } from './jexl-bridge-compile';
import type { CompiledExpr, Tables } from './jexl-bridge-compile';
import { JexlSyntax } from './jexl-bridge-lexer';
import type { Tok } from './jexl-bridge-lexer';
import { isList, isMap, JexlError, toBoolean, UndefinedVar } from './jexl-bridge-values';
import * as V from './jexl-bridge-values';

export type Stmt =
  | { kind: 'empty' }
  | { kind: 'expr'; expr: CompiledExpr }
  | { kind: 'assign'; name: string; op: string; expr: CompiledExpr | null }
  | { kind: 'if'; test: CompiledExpr; then: Stmt; else: Stmt | null }
  | { kind: 'for'; name: string; items: CompiledExpr; body: Stmt }
  | { kind: 'while'; test: CompiledExpr; body: Stmt }
  | { kind: 'return'; expr: CompiledExpr | null }
  | { kind: 'break' }
  | { kind: 'continue' }
  | { kind: 'block'; body: Stmt[] };

const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=']);

export class ScriptParser {
  private i = 0;
  /** Names given a value somewhere (var, assignment, for): reading others is an error in strict JEXL. */
  readonly defined = new Set<string>();

  constructor(
    private readonly toks: readonly Tok[],
    private readonly tables: Tables,
    private readonly srcLength: number,
  ) {}

  program(): Stmt[] {
    const body: Stmt[] = [];
    while (this.i < this.toks.length) body.push(this.stmt());
    return body;
  }

  private peek(k = 0): Tok | undefined {
    return this.toks[this.i + k];
  }

  private isOp(t: Tok | undefined, text: string): boolean {
    return t?.kind === 'op' && t.text === text;
  }

  private isWord(t: Tok | undefined, ...words: string[]): boolean {
    return t?.kind === 'ident' && words.includes(t.text);
  }

  private here(): number {
    return this.peek()?.start ?? this.srcLength;
  }

  private expect(text: string): Tok {
    const t = this.peek();
    if (!this.isOp(t, text))
      throw new JexlSyntax(`expected ${text}${t ? ` but found ${t.text}` : ' at the end'}`, this.here());
    this.i++;
    return t as Tok;
  }

  private name(): string {
    const t = this.peek();
    if (t?.kind !== 'ident')
      throw new JexlSyntax(`expected a variable name${t ? ` but found ${t.text}` : ''}`, this.here());
    this.i++;
    this.defined.add(t.text);
    return t.text;
  }

  /** Tokens up to `;`, an unmatched `}` or `)`, or the end. */
  private expr(stopAtParen = false): CompiledExpr {
    const start = this.i;
    let depth = 0;
    for (; this.i < this.toks.length; this.i++) {
      const t = this.toks[this.i] as Tok;
      if (t.kind !== 'op') continue;
      if ('([{'.includes(t.text)) depth++;
      else if (')]}'.includes(t.text)) {
        if (depth === 0 && (t.text === '}' || (stopAtParen && t.text === ')'))) break;
        depth--;
      } else if (t.text === ';' && depth === 0) break;
    }
    return compileExpr(this.toks.slice(start, this.i), this.tables, this.here());
  }

  private paren(): CompiledExpr {
    this.expect('(');
    const e = this.expr(true);
    this.expect(')');
    return e;
  }

  private end(): void {
    const t = this.peek();
    if (!t || this.isOp(t, '}')) return;
    if (!this.isOp(t, ';')) throw new JexlSyntax(`missing ; before ${t.text}`, t.start);
    this.i++;
  }

  private stmt(): Stmt {
    const t = this.peek();
    if (!t) throw new JexlSyntax('a statement is missing at the end', this.srcLength);
    if (this.isOp(t, ';')) return (this.i++, { kind: 'empty' });
    if (this.isOp(t, '{')) {
      this.i++;
      const body: Stmt[] = [];
      while (!this.isOp(this.peek(), '}')) {
        if (!this.peek()) throw new JexlSyntax('{ is never closed', t.start);
        body.push(this.stmt());
      }
      this.i++;
      return { kind: 'block', body };
    }
    if (this.isWord(t, 'var', 'let', 'const')) {
      this.i++;
      const name = this.name();
      let expr: CompiledExpr | null = null;
      if (this.isOp(this.peek(), '=')) {
        this.i++;
        expr = this.expr();
      }
      this.end();
      return { kind: 'assign', name, op: '=', expr };
    }
    if (this.isWord(t, 'if')) {
      this.i++;
      const test = this.paren();
      const then = this.stmt();
      const otherwise = this.isWord(this.peek(), 'else') ? (this.i++, this.stmt()) : null;
      return { kind: 'if', test, then, else: otherwise };
    }
    if (this.isWord(t, 'for')) {
      this.i++;
      this.expect('(');
      if (this.isWord(this.peek(), 'var', 'let', 'const')) this.i++;
      const name = this.name();
      if (!this.isOp(this.peek(), ':'))
        throw new JexlSyntax('only for (var x : items) loops can be evaluated by the preview', this.here(), true);
      this.i++;
      const items = this.expr(true);
      this.expect(')');
      return { kind: 'for', name, items, body: this.stmt() };
    }
    if (this.isWord(t, 'while')) {
      this.i++;
      const test = this.paren();
      return { kind: 'while', test, body: this.stmt() };
    }
    if (this.isWord(t, 'return')) {
      this.i++;
      const none = !this.peek() || this.isOp(this.peek(), ';') || this.isOp(this.peek(), '}');
      const expr = none ? null : this.expr();
      this.end();
      return { kind: 'return', expr };
    }
    if (this.isWord(t, 'break', 'continue')) {
      this.i++;
      this.end();
      return { kind: t.text as 'break' | 'continue' };
    }
    if (this.isWord(t, 'do', 'function', 'switch', 'try', 'throw'))
      throw new JexlSyntax(`${t.text} statements cannot be evaluated by the preview`, t.start, true);
    const op = this.peek(1);
    if (t.kind === 'ident' && op?.kind === 'op' && ASSIGN.has(op.text)) {
      const name = this.name();
      this.i++;
      const expr = this.expr();
      this.end();
      return { kind: 'assign', name, op: op.text, expr };
    }
    const expr = this.expr();
    this.end();
    return { kind: 'expr', expr };
  }
}

/** return / break / continue unwinding (an Error subclass only to satisfy throw rules). */
class Signal extends Error {
  constructor(
    readonly kind: 'return' | 'break' | 'continue',
    readonly value: unknown = null,
  ) {
    super(kind);
  }
}

const MAX_STEPS = 100_000;

export interface Env {
  scope: Map<string, unknown>;
  ctx: Record<string, unknown>;
  steps: number;
}

function run(e: CompiledExpr, env: Env): unknown {
  for (const [slot, name] of e.vars)
    env.ctx[`__v${slot}`] = env.scope.has(name) ? env.scope.get(name) : new UndefinedVar(name);
  return evalExpr(e, env.ctx);
}

function loop(env: Env): void {
  if (++env.steps > MAX_STEPS)
    throw new JexlError(`the script ran more than ${MAX_STEPS} loop iterations, so the preview stopped`, true);
}

function exec(s: Stmt, env: Env): unknown {
  switch (s.kind) {
    case 'empty':
      return null;
    case 'expr':
      return run(s.expr, env);
    case 'assign': {
      const value = s.expr ? run(s.expr, env) : null;
      const old = env.scope.get(s.name);
      const next =
        s.op === '=' ? value : s.op === '+=' ? V.add(old ?? null, value) : V.arith(s.op.charAt(0), old ?? null, value);
      env.scope.set(s.name, next);
      return next;
    }
    case 'if':
      if (toBoolean(run(s.test, env))) return exec(s.then, env);
      return s.else ? exec(s.else, env) : null;
    case 'for': {
      const items = run(s.items, env);
      const list = isList(items) ? items : isMap(items) ? Object.values(items) : [];
      let last: unknown = null;
      for (const item of list) {
        loop(env);
        env.scope.set(s.name, item);
        try {
          last = exec(s.body, env);
        } catch (sig) {
          if (!(sig instanceof Signal) || sig.kind === 'return') throw sig;
          if (sig.kind === 'break') break;
        }
      }
      return last;
    }
    case 'while': {
      let last: unknown = null;
      while (toBoolean(run(s.test, env))) {
        loop(env);
        try {
          last = exec(s.body, env);
        } catch (sig) {
          if (!(sig instanceof Signal) || sig.kind === 'return') throw sig;
          if (sig.kind === 'break') break;
        }
      }
      return last;
    }
    case 'return':
      throw new Signal('return', s.expr ? run(s.expr, env) : null);
    case 'break':
    case 'continue':
      throw new Signal(s.kind);
    case 'block': {
      let last: unknown = null;
      for (const b of s.body) last = exec(b, env);
      return last;
    }
  }
}

/** Run a script: the value of `return`, or of the last statement executed. */
export function runScript(body: readonly Stmt[], env: Env): unknown {
  let last: unknown = null;
  try {
    for (const s of body) last = exec(s, env);
  } catch (sig) {
    if (sig instanceof Signal && sig.kind === 'return') return sig.value;
    if (sig instanceof Signal) throw new JexlError(`${sig.kind} outside a loop`);
    throw sig;
  }
  return last;
}
