// Where a payload path sits in the JSON text, for "jump to": the property name (or the list item)
// as offsets. One pass that skips the subtrees off the path, so a 5 MB payload stays quick.

export interface Span {
  start: number;
  end: number;
}

/** Offsets of the value at `segments` (its key for an object member); null when absent or not JSON. */
export function locatePath(text: string, segments: readonly (string | number)[]): Span | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const str = (): string | null => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) return null;
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return null;
    }
  };
  // Skips one value; false when the text is not JSON here.
  const skip = (): boolean => {
    ws();
    const c = text[i];
    if (c === '"') return str() !== null;
    if (c === '{' || c === '[') {
      let depth = 0;
      while (i < text.length) {
        const d = text[i];
        if (d === '"') {
          if (str() === null) return false;
          continue;
        }
        if (d === '{' || d === '[') depth++;
        else if (d === '}' || d === ']') {
          depth--;
          if (depth === 0) {
            i++;
            return true;
          }
        }
        i++;
      }
      return false;
    }
    const m = /^(?:-?[0-9][0-9.eE+-]*|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  let keySpan: Span | null = null;
  for (const seg of segments) {
    ws();
    const open = text[i];
    if (typeof seg === 'string' && open === '{') {
      i++;
      for (;;) {
        ws();
        if (text[i] !== '"') return null;
        const start = i;
        const key = str();
        if (key === null) return null;
        const end = i;
        ws();
        if (text[i] !== ':') return null;
        i++;
        if (key === seg) {
          keySpan = { start, end };
          break;
        }
        if (!skip()) return null;
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        return null;
      }
    } else if (typeof seg === 'number' && open === '[') {
      i++;
      for (let n = 0; n < seg; n++) {
        ws();
        if (text[i] === ']') return null;
        if (!skip()) return null;
        ws();
        if (text[i] !== ',') return null;
        i++;
      }
      ws();
      if (text[i] === ']') return null;
      const start = i;
      if (!skip()) return null;
      keySpan = { start, end: i };
      i = start;
    } else return null;
  }
  return keySpan;
}
