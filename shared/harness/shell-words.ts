// Splits a pasted command line into words the way the shell it came from would: POSIX sh/bash,
// Windows cmd.exe (+ the Microsoft C runtime's argv rules that curl.exe uses) or PowerShell.
// Nothing is expanded ($VAR stays text). Every word keeps its start offset for error messages.
import {
  BLANK,
  Collector,
  DOUBLE_HINT,
  POSIX_OPS,
  SINGLE_HINT,
  continuation,
  matchOperator,
  unterminated,
  type ShellStyle,
  type ShellWord,
  type ShellWords,
} from './shell-words-core';
import { cmdWords, powershellWords } from './shell-words-windows';

export { lineColumn, positionText, type ShellStyle, type ShellWord, type ShellWords } from './shell-words-core';

/** The shell a paste was written for, told by its line continuations (`\`, `^` or a backtick). */
export function detectStyle(text: string): ShellStyle {
  const ends = { posix: 0, cmd: 0, powershell: 0 };
  for (const m of text.matchAll(/([\\^`])[ \t]*\r?\n/g)) {
    ends[m[1] === '\\' ? 'posix' : m[1] === '^' ? 'cmd' : 'powershell']++;
  }
  if (ends.cmd > ends.posix && ends.cmd >= ends.powershell) return 'cmd';
  if (ends.powershell > ends.posix && ends.powershell > ends.cmd) return 'powershell';
  // Chrome's one-line "Copy as cURL (cmd)" quotes every word as ^"…^".
  if (ends.posix === 0 && /(^|\s)\^"/.test(text)) return 'cmd';
  return 'posix';
}

const ANSI_C: Record<string, string> = {
  'n': '\n',
  't': '\t',
  'r': '\r',
  'a': '\x07',
  'b': '\b',
  'e': '\x1b',
  'E': '\x1b',
  'f': '\f',
  'v': '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Reads $'…' from the quote after `$` at `q`; returns the decoded text and the index after the closing quote. */
function readAnsiC(text: string, q: number): { value: string; next: number } {
  let out = '';
  let j = q + 1;
  while (j < text.length) {
    const ch = text.charAt(j);
    if (ch === "'") return { value: out, next: j + 1 };
    if (ch !== '\\' || j + 1 >= text.length) {
      out += ch;
      j++;
      continue;
    }
    const e = text.charAt(j + 1);
    const hex = (max: number) => /^[0-9A-Fa-f]+/.exec(text.slice(j + 2, j + 2 + max))?.[0] ?? '';
    if (e === 'x' || e === 'u' || e === 'U') {
      const digits = hex(e === 'x' ? 2 : e === 'u' ? 4 : 8);
      const code = digits === '' ? NaN : parseInt(digits, 16);
      out += Number.isNaN(code) || code > 0x10ffff ? `\\${e}` : String.fromCodePoint(code);
      j += 2 + digits.length;
    } else if (/[0-7]/.test(e)) {
      const digits = /^[0-7]{1,3}/.exec(text.slice(j + 1))?.[0] ?? e;
      out += String.fromCharCode(parseInt(digits, 8) & 0xff);
      j += 1 + digits.length;
    } else if (e === 'c' && j + 2 < text.length) {
      out += String.fromCharCode(text.charCodeAt(j + 2) & 0x1f);
      j += 3;
    } else {
      out += ANSI_C[e] ?? `\\${e}`;
      j += 2;
    }
  }
  throw unterminated(text, q - 1, "$'…' quote", "Every $' needs a closing '; inside it, write a quote as \\'.");
}

function posixWords(text: string): ShellWord[] {
  const c = new Collector(text);
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '\n') {
      c.lineBreak(i);
      i++;
    } else if (BLANK.has(ch)) {
      c.end(i);
      i++;
    } else if (ch === '\\') {
      const cont = continuation(text, i + 1);
      if (cont >= 0)
        i += 1 + cont; // a continuation joins the lines, as in sh
      else {
        c.add(text.charAt(i + 1), i);
        i += 2;
      }
    } else if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) throw unterminated(text, i, 'single quote', SINGLE_HINT);
      c.add(text.slice(i + 1, close), i);
      i = close + 1;
    } else if (ch === '$' && text.charAt(i + 1) === "'") {
      c.add('', i);
      const r = readAnsiC(text, i + 1);
      c.add(r.value, i);
      i = r.next;
    } else if (ch === '"' || (ch === '$' && text.charAt(i + 1) === '"')) {
      const q = ch === '$' ? i + 1 : i; // $"…" (locale text) reads like "…"
      // '{"name":"O'Brien"}' fails on the " after Brien: the real slip is the apostrophe before it.
      const hint = c.writtenSoFar(i).includes("'")
        ? `${SINGLE_HINT} The ' before this quote probably ended a '…' early.`
        : DOUBLE_HINT;
      c.add('', i);
      let j = q + 1;
      let out = '';
      for (;;) {
        if (j >= text.length) throw unterminated(text, q, 'double quote', hint);
        const d = text.charAt(j);
        if (d === '"') break;
        if (d === '\\' && j + 1 < text.length) {
          const e = text.charAt(j + 1);
          const cont = e === '\n' || e === '\r' ? continuation(text, j + 1) : -1;
          if (cont >= 0) j += 1 + cont;
          else if ('$`"\\'.includes(e)) {
            out += e;
            j += 2;
          } else {
            out += d;
            j++;
          }
        } else {
          out += d;
          j++;
        }
      }
      c.add(out, i);
      i = j + 1;
    } else if (!c.inWord && ch === '#') {
      while (i < text.length && text.charAt(i) !== '\n') i++;
    } else {
      const op = c.inWord ? null : matchOperator(text, i, POSIX_OPS);
      if (op) {
        c.operator(op, i);
        i += op.length;
      } else {
        c.add(ch, i);
        i++;
      }
    }
  }
  c.end(text.length);
  return c.words;
}

/**
 * Splits `text` into shell words. `auto` picks the style from the line continuations. Throws
 * DeskError('parse') for an unterminated quote, naming its kind, line and column.
 */
export function shellWords(text: string, style: ShellStyle | 'auto' = 'auto'): ShellWords {
  const s = style === 'auto' ? detectStyle(text) : style;
  const words = s === 'cmd' ? cmdWords(text) : s === 'powershell' ? powershellWords(text) : posixWords(text);
  return { words, style: s };
}
