// Java (java.util.regex) patterns translated to JavaScript RegExps with Java's meaning, or an explicit
// "cannot evaluate"; the same translator also writes RE2 syntax (for re2js, linear time) when the
// pattern needs no backtracking (java-regex-run.ts compiles and runs both; java-regex-model.ts holds the
// types). Whole-match via anchoring, DOTALL, inline flags, possessive quantifiers and
// atomic groups (emulated exactly with a lookahead capture + backreference), \A \Z \z, Java's
// ASCII \s \d \w, POSIX \p{Alpha} classes, class union/intersection/nested negation.
// Known, documented differences: a backreference to a group that did not take part matches the
// empty string in JS but fails in Java; \b uses Java 17's Unicode letters and digits.

import { NotLinear, RegexFail } from './java-regex-model';
import type { Flags } from './java-regex-model';
import { classText, foldAscii, javaProperty, literalText, PREDEFINED } from './java-regex-class';
import type { CharSet } from './java-regex-class';
import { parseClass } from './java-regex-charclass';
import { readClassEscape, readSimpleEscape } from './java-regex-escape';

interface Atom {
  text: string;
  quantifiable: boolean;
  tail?: number;
}

// Private-use markers: literals are always emitted escaped, so these never occur otherwise.
const USER = '\uE001';
const ATOMIC = '\uE002';
const MARK = '\uE003';
/** A `$` (or `\Z`) at the very end of the pattern: `\z` for a whole match, the line terminator consumed for find. */
export const DOLLAR = '\uE004';
const ANY = '[\\s\\S]';
const START = '(?<![\\s\\S])';
const END = '(?![\\s\\S])';
const WORD = '[\\p{L}\\p{Nd}_]';
const cp = (ch: string): number => ch.codePointAt(0) ?? 0;
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

export class Translator {
  readonly cps: number[];
  readonly offs: number[];
  pos = 0;
  flags: Flags;
  private groups = 0;
  private readonly names = new Set<string>();
  private atomics = 0;
  private globalCaseFold = false;
  readonly notes: string[] = [];

  /** `linear`: emit RE2 syntax (for re2js) and throw NotLinear for what only backtracking can do. */
  constructor(
    readonly pattern: string,
    dotAll: boolean,
    readonly linear = false,
  ) {
    this.cps = [];
    this.offs = [];
    let off = 0;
    for (const ch of pattern) {
      this.cps.push(cp(ch));
      this.offs.push(off);
      off += ch.length;
    }
    this.offs.push(off);
    this.flags = { i: false, s: dotAll, m: false, x: false, d: false, u: false };
  }

  fail(kind: 'invalid' | 'unsupported', msg: string, at = this.pos): RegexFail {
    const index = this.offs[Math.min(at, this.cps.length)] ?? this.pattern.length;
    return new RegexFail(kind, kind === 'invalid' ? `${msg} near index ${index}` : `${msg} (at index ${index})`, index);
  }

  peek(ahead = 0): number | undefined {
    return this.cps[this.pos + ahead];
  }

  is(ch: string, ahead = 0): boolean {
    return this.peek(ahead) === cp(ch);
  }

  translate(): { body: string; flags: string } {
    const raw = this.parseSeq(0);
    const userOut: number[] = [];
    const atomicOut: number[] = [];
    let n = 0;
    for (const ch of raw) {
      if (ch === USER) userOut.push(++n);
      else if (ch === ATOMIC) atomicOut.push(++n);
    }
    const body = raw
      .replace(/[\uE001\uE002]/g, '')
      .replace(/\uE003([UA])(\d+)\uE003/g, (_m, kind: string, num: string) => {
        const out = (kind === 'U' ? userOut : atomicOut)[Number(num) - 1];
        return out === undefined ? '(?!)' : `(?:\\${out})`;
      });
    return { body, flags: this.globalCaseFold ? 'iu' : 'u' };
  }

  /** Java COMMENTS mode (?x): whitespace and #-comments are ignored outside classes. */
  private skipX(): void {
    if (!this.flags.x) return;
    for (;;) {
      const c = this.peek();
      if (c === undefined) return;
      if (/\s/.test(String.fromCodePoint(c))) this.pos++;
      else if (c === 0x23) {
        while (this.peek() !== undefined && this.peek() !== 0x0a) this.pos++;
      } else return;
    }
  }

  private parseSeq(depth: number): string {
    let out = '';
    let last: { start: number; quantifiable: boolean } | null = null;
    for (;;) {
      this.skipX();
      const c = this.peek();
      if (c === undefined) {
        if (depth > 0) throw this.fail('invalid', 'Unclosed group');
        return out;
      }
      const ch = String.fromCodePoint(c);
      if (ch === ')') {
        if (depth === 0) throw this.fail('invalid', "Unmatched closing ')'");
        return out;
      }
      if (ch === '|') {
        this.pos++;
        out += '|';
        last = null;
        continue;
      }
      if ('*+?{'.includes(ch)) {
        if (!last) throw this.fail('invalid', ch === '{' ? 'Illegal repetition' : `Dangling meta character '${ch}'`);
        if (!last.quantifiable) throw this.fail('unsupported', 'a quantifier on an anchor or lookaround');
        const atom = out.slice(last.start);
        out = out.slice(0, last.start) + this.quantify(atom);
        last = null;
        continue;
      }
      const atom = this.parseAtom();
      if (atom.text === '') continue;
      if (this.linear && atom.text.includes(DOLLAR)) {
        this.skipX();
        if (depth > 0 || !(this.peek() === undefined || this.is('|')))
          throw new NotLinear('a $ before the end of the pattern');
      }
      last = { start: out.length + (atom.tail ?? 0), quantifiable: atom.quantifiable };
      out += atom.text;
    }
  }

  private quantify(atom: string): string {
    const start = this.pos;
    const ch = String.fromCodePoint(this.peek() ?? 0);
    let q = ch;
    this.pos++;
    if (ch === '{') {
      const m = /^(\d+)(,(\d*))?\}/.exec(String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 24)));
      if (!m?.[1]) throw this.fail('invalid', 'Illegal repetition', start);
      if (m[3] && Number(m[3]) < Number(m[1])) throw this.fail('invalid', 'Illegal repetition range', start);
      q = `{${m[1]}${m[2] ?? ''}}`;
      this.pos += m[0].length;
    }
    this.skipX();
    if (this.is('?')) {
      this.pos++;
      return `${atom}${q}?`;
    }
    if (this.is('+')) {
      this.pos++;
      return this.atomic(`${atom}${q}`);
    }
    return atom + q;
  }

  /** Atomic group (?>X) and possessive X*+ : a lookahead that captures, then the capture itself. */
  private atomic(inner: string): string {
    if (this.linear) throw new NotLinear('an atomic group or possessive quantifier');
    this.atomics++;
    return `${ATOMIC}(?=(${inner}))${MARK}A${this.atomics}${MARK}`;
  }

  private literal(c: number): string {
    if (this.flags.i && !this.globalCaseFold && isAsciiLetter(c))
      return classText({ ranges: foldAscii([[c, c]]), props: [] }, false);
    if (this.flags.i && this.flags.u && !this.globalCaseFold && c > 0x7f) {
      throw this.fail('unsupported', 'Unicode case-insensitive matching on part of the pattern');
    }
    return literalText(c);
  }

  private parseAtom(): Atom {
    const c = this.peek() ?? 0;
    const ch = String.fromCodePoint(c);
    if (ch === '(') return this.parseGroup();
    if (ch === '[') {
      const { set, negated } = parseClass(this);
      return { text: this.cls(set, negated), quantifiable: true };
    }
    this.pos++;
    const { s, m, d } = this.flags;
    if (ch === '.') return { text: s ? ANY : d ? '[^\\n]' : '[^\\n\\r\\u{85}\\u{2028}\\u{2029}]', quantifiable: true };
    if (ch === '^') {
      if (!m) return { text: this.linear ? '\\A' : START, quantifiable: false };
      if (this.linear) throw new NotLinear('a multi-line ^');
      const after = d ? '(?<=\\n)' : '(?<=[\\n\\u{85}\\u{2028}\\u{2029}]|\\r(?!\\n))';
      return { text: `(?:${START}|${after}(?=${ANY}))`, quantifiable: false };
    }
    if (ch === '$') return { text: this.dollar(m), quantifiable: false };
    if (ch === '\\') return this.parseEscape();
    return { text: this.literal(c), quantifiable: true };
  }

  private dollar(multiline: boolean): string {
    const { d } = this.flags;
    if (this.linear) {
      if (multiline) throw new NotLinear('a multi-line $');
      return `${DOLLAR}${d ? 'd' : 'n'}`;
    }
    if (multiline) return d ? `(?=\\n|${END})` : `(?=(?<!\\r)\\n|[\\r\\u{85}\\u{2028}\\u{2029}]|${END})`;
    return d ? `(?=\\n?${END})` : `(?=(?:\\r\\n|[\\n\\r\\u{85}\\u{2028}\\u{2029}])?${END})`;
  }

  private parseEscape(): Atom {
    const at = this.pos - 1;
    const c = this.peek();
    if (c === undefined) throw this.fail('invalid', 'Unexpected end of pattern after \\', at);
    const ch = String.fromCodePoint(c);
    if (ch >= '1' && ch <= '9') {
      this.pos++;
      let ref = Number(ch);
      while (
        this.peek() !== undefined &&
        /\d/.test(String.fromCodePoint(this.peek() ?? 0)) &&
        ref * 10 + Number(String.fromCodePoint(this.peek() ?? 0)) <= this.groups
      ) {
        ref = ref * 10 + Number(String.fromCodePoint(this.peek() ?? 0));
        this.pos++;
      }
      if (this.flags.i) throw this.fail('unsupported', 'a case-insensitive backreference', at);
      if (this.linear) throw new NotLinear('a backreference');
      this.notes.push('backreference: if its group did not take part, JavaScript matches empty where Java fails');
      return { text: `${MARK}U${ref}${MARK}`, quantifiable: true };
    }
    if (ch === 'k') {
      this.pos++;
      const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 40)));
      if (!m?.[1]) throw this.fail('invalid', '\\k is not followed by <name>', at);
      if (!this.names.has(m[1])) throw this.fail('invalid', `named capturing group <${m[1]}> does not exist`, at);
      if (this.flags.i) throw this.fail('unsupported', 'a case-insensitive backreference', at);
      if (this.linear) throw new NotLinear('a backreference');
      this.pos += m[0].length;
      return { text: `\\k<${m[1]}>`, quantifiable: true };
    }
    if (this.linear && (ch === 'b' || ch === 'B')) throw new NotLinear('a word boundary');
    const zeroWidth: Record<string, string> = {
      A: this.linear ? '\\A' : START,
      z: this.linear ? '\\z' : END,
      Z: this.dollar(false),
      G: this.linear ? '\\A' : START,
      b: `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`,
      B: `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
    };
    const zw = zeroWidth[ch];
    if (zw !== undefined) {
      this.pos++;
      if (ch === 'b' && this.is('{')) throw this.fail('unsupported', 'the \\b{g} grapheme boundary', at);
      return { text: zw, quantifiable: false };
    }
    if (ch === 'R') {
      this.pos++;
      return { text: '(?:\\r\\n|[\\n\\u{b}\\f\\r\\u{85}\\u{2028}\\u{2029}])', quantifiable: true };
    }
    if (ch === 'Q') {
      this.pos++;
      let text = '';
      let tail = 0;
      while (this.peek() !== undefined && !(this.is('\\') && this.is('E', 1))) {
        tail = text.length;
        text += this.literal(this.peek() ?? 0);
        this.pos++;
      }
      if (this.peek() !== undefined) this.pos += 2;
      return { text, quantifiable: true, tail };
    }
    const set = readClassEscape(this, at);
    if (set) return { text: this.cls(set, false), quantifiable: true };
    return { text: this.literal(readSimpleEscape(this, at)), quantifiable: true };
  }

  private parseGroup(): Atom {
    const at = this.pos;
    this.pos++;
    const saved = { ...this.flags };
    const body = (): string => {
      const inner = this.parseSeq(1);
      this.pos++; // the ')'
      this.flags = saved;
      return inner;
    };
    if (!this.is('?')) {
      this.groups++;
      return { text: this.linear ? `(?:${body()})` : `${USER}(${body()})`, quantifiable: true };
    }
    this.pos++;
    const ch = String.fromCodePoint(this.peek() ?? 0);
    if (ch === ':') {
      this.pos++;
      return { text: `(?:${body()})`, quantifiable: true };
    }
    if (this.linear && (ch === '=' || ch === '!' || ch === '>' || (ch === '<' && (this.is('=', 1) || this.is('!', 1)))))
      throw new NotLinear('a lookaround or atomic group');
    if (ch === '=' || ch === '!') {
      this.pos++;
      return { text: `(?${ch}${body()})`, quantifiable: false };
    }
    if (ch === '>') {
      this.pos++;
      return { text: this.atomic(body()), quantifiable: true };
    }
    if (ch === '<' && (this.is('=', 1) || this.is('!', 1))) {
      const kind = String.fromCodePoint(this.peek(1) ?? 0);
      this.pos += 2;
      return { text: `(?<${kind}${body()})`, quantifiable: false };
    }
    if (ch === '<') {
      const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 40)));
      if (!m?.[1]) throw this.fail('invalid', 'capturing group name does not start with a Latin letter', this.pos + 1);
      if (this.names.has(m[1]))
        throw this.fail('invalid', `Named capturing group <${m[1]}> is already defined`, this.pos);
      this.names.add(m[1]);
      this.groups++;
      this.pos += m[0].length;
      return { text: this.linear ? `(?:${body()})` : `${USER}(?<${m[1]}>${body()})`, quantifiable: true };
    }
    return this.parseFlags(at, body);
  }

  private parseFlags(at: number, body: () => string): Atom {
    const m = /^([idmsuxUc]*)(?:-([idmsuxUc]*))?([:)])/.exec(
      String.fromCodePoint(...this.cps.slice(this.pos, this.pos + 20)),
    );
    if (!m?.[3]) throw this.fail('invalid', 'Unknown inline modifier', this.pos);
    const on = m[1] ?? '';
    const off = m[2] ?? '';
    if (/[Uc]/.test(on + off)) throw this.fail('unsupported', `the inline flag (?${m[0].slice(0, -1)})`, at);
    const next = { ...this.flags };
    for (const f of on) next[f as keyof Flags] = true;
    for (const f of off) next[f as keyof Flags] = false;
    if (next.i && next.u && !(this.flags.i && this.flags.u)) {
      // Unicode case folding needs JS's global i flag: only possible for the whole pattern.
      if (at !== 0 || m[3] !== ')')
        throw this.fail('unsupported', 'Unicode case-insensitive matching on part of the pattern', at);
      if (this.linear) throw new NotLinear('Unicode case-insensitive matching');
      this.globalCaseFold = true;
    }
    if (this.globalCaseFold && !(next.i && next.u))
      throw this.fail('unsupported', 'turning (?iu) off inside the pattern', at);
    this.pos += m[0].length;
    if (m[3] === ')') {
      this.flags = next;
      return { text: '', quantifiable: false };
    }
    this.flags = next;
    return { text: `(?:${body()})`, quantifiable: true };
  }

  /** JS class text; a Unicode property has no exact RE2 form (its tables differ), so it needs backtracking. */
  private cls(set: CharSet, negated: boolean): string {
    if (this.linear && set.props.length) throw new NotLinear('a Unicode property');
    return classText(set, negated);
  }

  /** Java property \p{..}: exposed to the escape reader. */
  property(name: string, negated: boolean, at: number): CharSet {
    const p = javaProperty(name, negated);
    if ('unsupported' in p) throw this.fail('unsupported', p.unsupported, at);
    return this.flags.i && p.props.length === 0 ? { ranges: foldAscii(p.ranges), props: [] } : p;
  }

  predefined(letter: string): CharSet | null {
    const ranges = PREDEFINED[letter];
    return ranges ? { ranges, props: [] } : null;
  }
}
