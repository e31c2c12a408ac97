// The pieces every shell style shares: word records, positions, quote errors, continuations.
import { DeskError } from '../errors';
import { excerpt } from './redact';

export type ShellStyle = 'posix' | 'cmd' | 'powershell';

export interface ShellWord {
  /** The word after quotes and escapes are removed. */
  value: string;
  /** Offset of the word's first character (a quote, if it starts with one) in the text. */
  offset: number;
  /** The word as written. */
  raw: string;
  /** An unquoted control operator (`|`, `;`, `&&`, `>`, …), not an argument. */
  operator: boolean;
  /** An unescaped line break came before this word: it starts a new command line. */
  newLine: boolean;
}

export interface ShellWords {
  words: ShellWord[];
  style: ShellStyle;
}

/** 1-based line and column of an offset (columns count UTF-16 units, as editors do for BMP text). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function positionText(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `line ${line}, column ${column}`;
}

export const BLANK = new Set([' ', '\t', '\r', '\n', '\u00a0']);
/** Blanks, then a line break or the end: trailing blanks after a continuation are a common paste slip. */
const CONTINUATION = /[ \t]*(?:\r?\n|$)/y;
export const POSIX_OPS = ['&&', '||', '>>', '|', '&', ';', '<', '>'];
export const CMD_OPS = ['&&', '||', '>>', '|', '&', '<', '>'];
export const PS_OPS = ['&&', '||', '>>', '|', ';', '>'];

export function unterminated(text: string, offset: number, kind: string, hint: string): DeskError {
  const { line, column } = lineColumn(text, offset);
  return new DeskError('parse', `Unterminated ${kind} starting at line ${line}, column ${column}`, {
    // Masked, then cut: a key inside the quote is never left half shown (curl-import masks its named secrets too).
    where: { line, column, offset, token: excerpt(text.slice(offset), 20) },
    hint,
  });
}

/** Length of a line continuation (blanks, then a line break or the end) starting at `at`, or -1. */
export function continuation(text: string, at: number): number {
  CONTINUATION.lastIndex = at;
  return CONTINUATION.test(text) ? CONTINUATION.lastIndex - at : -1;
}

/** Collects words; `add` appends to the current word, starting it at `offset` if needed. */
export class Collector {
  readonly words: ShellWord[] = [];
  private value: string | null = null;
  private start = 0;
  private newLine = false;
  constructor(private readonly text: string) {}
  get inWord(): boolean {
    return this.value !== null;
  }
  /** The current word's text so far, as written (empty between words). */
  writtenSoFar(at: number): string {
    return this.value === null ? '' : this.text.slice(this.start, at);
  }
  add(chars: string, offset: number): void {
    if (this.value === null) {
      this.value = '';
      this.start = offset;
    }
    this.value += chars;
  }
  end(at: number): void {
    if (this.value === null) return;
    this.words.push({
      value: this.value,
      offset: this.start,
      raw: this.text.slice(this.start, at),
      operator: false,
      newLine: this.newLine,
    });
    this.value = null;
    this.newLine = false;
  }
  lineBreak(at: number): void {
    this.end(at);
    if (this.words.length > 0) this.newLine = true;
  }
  operator(op: string, offset: number): void {
    this.words.push({ value: op, offset, raw: op, operator: true, newLine: this.newLine });
    this.newLine = false;
  }
}

export function matchOperator(text: string, i: number, ops: string[]): string | null {
  return ops.find((op) => text.startsWith(op, i)) ?? null;
}

export const SINGLE_HINT = "A ' inside '…' ends the quoted text: write it as '\\'' (for example 'O'\\''Brien').";
export const DOUBLE_HINT = 'Every " needs a closing "; inside "…", write a quote as \\".';
