// Live JSON validity for the payload editor, with the line and column of the first problem in
// plain words. JSON.parse is the fast path; on failure a small scanner finds where and why
// (engines word and place their errors differently, and some give no position at all).

export type JsonCheck =
  { ok: true } | { ok: false; empty: boolean; message: string; line: number; column: number; offset: number };

class JsonProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function show(c: string | undefined): string {
  if (c === undefined) return 'the end';
  if (c === '\n') return 'a line break';
  if (c === '\t') return 'a tab';
  return `“${c}”`;
}

function scan(text: string): void {
  let i = 0;
  // Annotated so TypeScript knows a call never returns (narrowing after `fail(...)`).
  const fail: (message: string, at?: number) => never = (message, at = i) => {
    throw new JsonProblem(at, message);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const expect = (c: string, message: string): void => {
    if (text[i] !== c) fail(message);
    i++;
  };
  const string = (): void => {
    const start = i;
    i++; // opening quote
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('This string is never closed: a double quote (") is missing.', start);
      else if (c === '"') {
        i++;
        return;
      } else if (c === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by 4 hex digits.');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail(`${show(next)} cannot follow a backslash in JSON (write \\\\ for a backslash).`);
      } else if (c.charCodeAt(0) < 0x20)
        fail(`${c === '\n' ? 'A line break' : 'A control character'} inside a string must be escaped (\\n, \\t).`);
      else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === '}') fail('A comma before “}” is not allowed in JSON.');
        if (text[i] !== '"') fail(`Expected a property name in double quotes, found ${show(text[i])}.`);
        string();
        ws();
        expect(':', `Expected “:” after the property name, found ${show(text[i])}.`);
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`Expected “,” or “}” after a property value, found ${show(text[i])}.`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('A comma before “]” is not allowed in JSON.');
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`Expected “,” or “]” after an item, found ${show(text[i])}.`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === "'") fail('JSON strings use double quotes ("), not single quotes.');
    if (c === undefined) fail('The JSON ends too early: a value is missing.');
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = i;
    if (c === '-' || (c >= '0' && c <= '9')) {
      if (!number.test(text)) fail('This number is not written the JSON way.');
      i = number.lastIndex;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    const token = /^[^\s,:{}[\]"]+/.exec(text.slice(i, i + 40))?.[0] ?? c;
    fail(
      `Unexpected “${token}”: JSON values are strings in double quotes, numbers, true, false, null, objects or arrays.`,
    );
  };
  value();
  ws();
  if (i < text.length) fail(`Unexpected ${show(text[i])} after the end of the JSON value.`);
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function checkJson(text: string): JsonCheck {
  if (text.trim() === '')
    return { ok: false, empty: true, message: 'The payload is empty.', line: 1, column: 1, offset: 0 };
  try {
    JSON.parse(text);
    return { ok: true };
  } catch {
    // locate it below
  }
  try {
    scan(text);
  } catch (error) {
    if (error instanceof JsonProblem)
      return {
        ok: false,
        empty: false,
        message: error.message,
        offset: error.offset,
        ...lineColumn(text, error.offset),
      };
  }
  return { ok: false, empty: false, message: 'This is not valid JSON.', line: 1, column: 1, offset: 0 };
}
