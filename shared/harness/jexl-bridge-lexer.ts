// Tokens of a JEXL 3 script (Harness's dialect), with offsets for error positions. `<+...>` blocks
// become placeholder tokens; one inside a string literal makes the literal a template.

import type { Block } from './expressions';
import { JDouble } from './jexl-bridge-values';

export type TokKind = 'num' | 'str' | 'tpl' | 'ident' | 'op' | 'ph';
export interface Tok {
  kind: TokKind;
  text: string;
  start: number;
  end: number;
  value?: unknown;
  /** Template literal parts: text, or the index of a placeholder block. */
  parts?: (string | number)[];
  ph?: number;
}

/** A syntax error (Harness fails too) or a construct the preview refuses (`unsupported`). */
export class JexlSyntax extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly unsupported = false,
  ) {
    super(message);
  }
}

const OPS = [
  '...',
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '=~',
  '!~',
  '=^',
  '!^',
  '=$',
  '!$',
  '??',
  '?:',
  '?.',
  '?[',
  '->',
  '=>',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<',
  '>>',
  '++',
  '--',
  '..',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '=',
  '!',
  '?',
  ':',
  '.',
  ',',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ';',
  '&',
  '|',
  '^',
  '~',
  '@',
  '#',
];
const NUMBER = /(0[xX][0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)([lLhHiIdDfFbB])?/y;
const IDENT = /[\p{L}_$][\p{L}\p{Nd}_$]*/uy;

export function lexJexl(src: string, blocks: readonly Block[]): Tok[] {
  const toks: Tok[] = [];
  const blockAt = new Map(blocks.map((b, index) => [b.start, { index, end: b.end }]));
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    const block = blockAt.get(i);
    if (block) {
      toks.push({ kind: 'ph', text: src.slice(i, block.end), start: i, end: block.end, ph: block.index });
      i = block.end;
    } else if (/\s/.test(c)) i++;
    else if (src.startsWith('//', i) || src.startsWith('##', i)) {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl + 1;
    } else if (src.startsWith('/*', i)) {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) throw new JexlSyntax('unclosed /* comment', i);
      i = close + 2;
    } else if (c === '"' || c === "'") i = readString(src, i, blockAt, toks);
    else if (c === '`') throw new JexlSyntax('template strings (`...`) are not supported by the preview', i, true);
    else if (/\d/.test(c)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src);
      const lit = m?.[1] ?? c;
      const end = i + (m?.[0].length ?? 1);
      if (/[\p{L}\d_$]/u.test(src.charAt(end)))
        throw new JexlSyntax(`malformed number ${JSON.stringify(src.slice(i, end + 1))}`, i);
      let value: number | JDouble = /^0[xX]/.test(lit)
        ? parseInt(lit, 16)
        : /^0[0-7]+$/.test(lit)
          ? parseInt(lit, 8)
          : Number(lit);
      if (Number.isInteger(value) && (/[.eE]/.test(lit) || /[dDfF]/.test(m?.[2] ?? ''))) value = new JDouble(value);
      toks.push({ kind: 'num', text: src.slice(i, end), start: i, end, value });
      i = end;
    } else {
      IDENT.lastIndex = i;
      const id = IDENT.exec(src);
      if (id) {
        toks.push({ kind: 'ident', text: id[0], start: i, end: i + id[0].length });
        i += id[0].length;
        continue;
      }
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new JexlSyntax(`unexpected character ${JSON.stringify(c)}`, i);
      toks.push({ kind: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  return toks;
}

/** JEXL 3 strings: only \\ \' \" and \uXXXX are escapes; any other backslash stays (so "\d" is \d). */
function readString(
  src: string,
  start: number,
  blockAt: Map<number, { index: number; end: number }>,
  toks: Tok[],
): number {
  const quote = src.charAt(start);
  const parts: (string | number)[] = [];
  let buf = '';
  let i = start + 1;
  for (;;) {
    if (i >= src.length) throw new JexlSyntax('unterminated string', start);
    const c = src.charAt(i);
    const block = blockAt.get(i);
    if (block) {
      parts.push(buf, block.index);
      buf = '';
      i = block.end;
      continue;
    }
    if (c === quote) break;
    if (c === '\\') {
      const n = src.charAt(i + 1);
      const hex = /^u([0-9a-fA-F]{4})/.exec(src.slice(i + 1, i + 6));
      if (hex?.[1]) {
        buf += String.fromCharCode(parseInt(hex[1], 16));
        i += 6;
        continue;
      }
      buf += n === '\\' || n === '"' || n === "'" ? n : `\\${n}`;
      i += 2;
      continue;
    }
    buf += c;
    i++;
  }
  const end = i + 1;
  if (parts.length === 0) toks.push({ kind: 'str', text: src.slice(start, end), start, end, value: buf });
  else toks.push({ kind: 'tpl', text: src.slice(start, end), start, end, parts: [...parts, buf] });
  return end;
}
