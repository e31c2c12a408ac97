// Windows shells: cmd.exe (its ^ escapes, then the C runtime's argv rules curl.exe applies) and PowerShell.
import {
  BLANK,
  CMD_OPS,
  Collector,
  PS_OPS,
  SINGLE_HINT,
  continuation,
  matchOperator,
  unterminated,
  type ShellWord,
} from './shell-words-core';

/** cmd.exe first (^ escapes and continuations, outside its own "…"), then curl.exe's argv rules. */
export function cmdWords(text: string): ShellWord[] {
  // Pass 1: cmd.exe. Each surviving character keeps its source offset and whether ^ escaped it.
  const chars: { ch: string; at: number; esc: boolean }[] = [];
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (!inQuote && ch === '^') {
      const cont = continuation(text, i + 1);
      if (cont >= 0) i += cont;
      else if (i + 1 < text.length) chars.push({ ch: text.charAt(++i), at: i, esc: true });
      continue;
    }
    if (ch === '"') inQuote = !inQuote;
    chars.push({ ch, at: i, esc: false });
  }
  // Pass 2: the Microsoft C runtime's argv splitting (what curl.exe sees).
  const c = new Collector(text);
  let q = false;
  let qAt = 0;
  let k = 0;
  while (k < chars.length) {
    const { ch, at: src, esc } = chars[k] ?? { ch: '', at: 0, esc: false };
    if (ch === '\\') {
      let n = 0;
      while (chars[k + n]?.ch === '\\') n++;
      if (chars[k + n]?.ch === '"') {
        c.add('\\'.repeat(Math.floor(n / 2)), src);
        k += n;
        if (n % 2 === 1) {
          c.add('"', src);
          k++;
        }
      } else {
        c.add('\\'.repeat(n), src);
        k += n;
      }
    } else if (ch === '"') {
      if (q && chars[k + 1]?.ch === '"') {
        c.add('"', src);
        k += 2;
        continue;
      }
      if (!q) qAt = src;
      q = !q;
      c.add('', src);
      k++;
    } else if (!q && BLANK.has(ch)) {
      if (ch === '\n' && !esc) c.lineBreak(src);
      else c.end(src);
      k++;
    } else if (!q && !c.inWord && ch === "'" && !esc) {
      // Not a quote to curl.exe, but people paste bash-quoted words with ^ continuations: read them as meant.
      let e = k + 1;
      while (e < chars.length && chars[e]?.ch !== "'") e++;
      if (e >= chars.length) throw unterminated(text, src, 'single quote', SINGLE_HINT);
      c.add(
        chars
          .slice(k + 1, e)
          .map((x) => x.ch)
          .join(''),
        src,
      );
      k = e + 1;
    } else {
      const op =
        q || esc || c.inWord
          ? null
          : matchOperator(
              chars
                .slice(k, k + 2)
                .map((x) => x.ch)
                .join(''),
              0,
              CMD_OPS,
            );
      if (op) {
        c.operator(op, src);
        k += op.length;
      } else {
        c.add(ch, src);
        k++;
      }
    }
  }
  if (q)
    throw unterminated(
      text,
      qAt,
      'double quote',
      'Every " needs a closing "; in cmd, write a quote inside "…" as \\" or "".',
    );
  c.end(text.length);
  return c.words;
}

const PS_ESCAPES: Record<string, string> = {
  'n': '\n',
  't': '\t',
  'r': '\r',
  '0': '\0',
  'a': '\x07',
  'b': '\b',
  'f': '\f',
  'v': '\v',
  'e': '\x1b',
};

export function powershellWords(text: string): ShellWord[] {
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
    } else if (ch === '`') {
      const cont = continuation(text, i + 1);
      if (cont >= 0) i += 1 + cont;
      else {
        c.add(text.charAt(i + 1), i);
        i += 2;
      }
    } else if (ch === "'") {
      let j = i + 1;
      let out = '';
      for (;;) {
        const close = text.indexOf("'", j);
        if (close < 0)
          throw unterminated(text, i, 'single quote', "Every ' needs a closing '; inside '…', write a quote as ''.");
        out += text.slice(j, close);
        if (text.charAt(close + 1) !== "'") {
          j = close + 1;
          break;
        }
        out += "'";
        j = close + 2;
      }
      c.add(out, i);
      i = j;
    } else if (ch === '"') {
      let j = i + 1;
      let out = '';
      for (;;) {
        if (j >= text.length)
          throw unterminated(
            text,
            i,
            'double quote',
            'Every " needs a closing "; inside "…", write a quote as `" or "".',
          );
        const d = text.charAt(j);
        if (d === '"' && text.charAt(j + 1) === '"') {
          out += '"';
          j += 2;
        } else if (d === '"') break;
        else if (d === '`' && j + 1 < text.length) {
          const e = text.charAt(j + 1);
          out += PS_ESCAPES[e] ?? e;
          j += 2;
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
      const op = c.inWord ? null : matchOperator(text, i, PS_OPS);
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
