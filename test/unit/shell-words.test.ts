import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/errors';
import { detectStyle, lineColumn, shellWords, type ShellStyle } from '../../shared/harness/shell-words';

const values = (text: string, style: ShellStyle | 'auto' = 'auto') => shellWords(text, style).words.map((w) => w.value);

/** What bash itself makes of `text` as the arguments of a command. */
function bashWords(text: string): string[] {
  const out = spawnSync('bash', ['--norc', '-c', `f() { printf '%s\\0' "$@"; }; f ${text}`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' },
  });
  if (out.status !== 0) throw new Error(`bash failed on ${text}: ${out.stderr}`);
  return out.stdout === '' ? [] : out.stdout.slice(0, -1).split('\0');
}

function failure(text: string, style: ShellStyle | 'auto' = 'auto'): DeskError {
  try {
    shellWords(text, style);
  } catch (err) {
    if (err instanceof DeskError) return err;
    throw err;
  }
  throw new Error(`no error for ${text}`);
}

describe('posix words agree with bash', () => {
  const cases = [
    'a b  c\td',
    `'single quoted' "double quoted"`,
    `a'b'"c"d`,
    String.raw`"esc \" \\ \$ \` \n kept"`,
    String.raw`a\ b \'c \"d`,
    String.raw`-d '{"name": "O'\''Brien"}'`,
    String.raw`$'a\nb\tc\\d\'e\"f\x41\u00e9\101\q\U0001F600\e\a\r\v\f\b'`,
    String.raw`$'\x4' $'\cA' $'\0101'`,
    'one \\\n two',
    'ab\\\ncd',
    '"multi\nline"',
    '"cont\\\ninued"',
    `'' x ""`,
    'a#b # a comment\n',
    `$"locale text"`,
    `--header="X-A: b=c"`,
    String.raw`-d "{\"a\":[1,2]}"`,
    String.raw`-H 'content-type: application/json' --url 'https://h/x?a=1&b=2' -d '{"sample_key": "sample_value"}'`,
    String.raw`mixed"dq"'sq'$'\t'end`,
  ];
  it.each(cases)('%j', (text) => {
    expect(values(text, 'posix')).toEqual(bashWords(text));
  });
});

describe('posix words: what a paste needs beyond bash', () => {
  it.each([
    ['backslash + CRLF continues the line', 'curl \\\r\n  -X POST', ['curl', '-X', 'POST']],
    [
      'blanks after a continuation backslash are forgiven',
      'curl -X POST \\   \n  -d x',
      ['curl', '-X', 'POST', '-d', 'x'],
    ],
    ['CR alone is a blank', 'a\rb', ['a', 'b']],
    ['a non-breaking space separates words', 'curl\u00a0-X\u00a0POST', ['curl', '-X', 'POST']],
    ['& inside a word stays (an unquoted URL)', 'https://h/x?a=1&b=2', ['https://h/x?a=1&b=2']],
    ['a trailing backslash is dropped', 'a b\\', ['a', 'b']],
  ])('%s', (_name, text, want) => {
    expect(values(text, 'posix')).toEqual(want);
  });

  it('marks operators and words that start a new line', () => {
    const { words } = shellWords("curl -d '{}' x | jq . ; echo && next > out\nsecond", 'posix');
    expect(words.filter((w) => w.operator).map((w) => w.value)).toEqual(['|', ';', '&&', '>']);
    expect(words.find((w) => w.value === 'second')?.newLine).toBe(true);
    expect(words.find((w) => w.value === 'jq')?.newLine).toBe(false);
  });

  it("keeps each word's offset and raw text", () => {
    const text = `curl  -H "a: b" \\\n  'x y'`;
    const { words } = shellWords(text);
    expect(words.map((w) => [w.value, w.offset, w.raw])).toEqual([
      ['curl', 0, 'curl'],
      ['-H', 6, '-H'],
      ['a: b', 9, '"a: b"'],
      ['x y', 20, "'x y'"],
    ]);
    expect(text.slice(20, 25)).toBe("'x y'");
  });
});

describe('cmd words (cmd.exe, then curl.exe argv rules)', () => {
  it.each([
    [
      '^ continuations',
      'curl -X POST ^\n  -H "a: b" ^\n  https://h/x',
      ['curl', '-X', 'POST', '-H', 'a: b', 'https://h/x'],
    ],
    ['^ + CRLF, and blanks after ^', 'curl ^\r\n -d x ^  \r\n -k', ['curl', '-d', 'x', '-k']],
    ['\\" inside double quotes', String.raw`-d "{\"a\": \"b c\"}"`, ['-d', '{"a": "b c"}']],
    ['"" inside double quotes', '-d "say ""hi"""', ['-d', 'say "hi"']],
    ['backslashes before a quote halve', String.raw`"a\\" "b\\\"c" d\\e`, ['a\\', 'b\\"c', 'd\\\\e']],
    ['^ escapes outside quotes, literal inside', 'https://h/x?a=1^&b=2 "x^y"', ['https://h/x?a=1&b=2', 'x^y']],
    [
      'Chrome\'s ^"…^" quoting',
      String.raw`curl ^"https://h/x?a=1^&b=2^" ^` + '\n' + String.raw`  --data-raw ^"^{^\^"a^\^":1^}^"`,
      ['curl', 'https://h/x?a=1&b=2', '--data-raw', '{"a":1}'],
    ],
    ['^^ is a caret', 'a^^b', ['a^b']],
    [
      'bash single quotes pasted with ^ lines are read as meant',
      "curl ^\n -H 'content-type: application/json'",
      ['curl', '-H', 'content-type: application/json'],
    ],
  ])('%s', (_name, text, want) => {
    expect(values(text, 'cmd')).toEqual(want);
  });

  it('treats unquoted, unescaped & and | as operators', () => {
    const { words } = shellWords('curl x & echo | more ^& "a & b"', 'cmd');
    expect(words.map((w) => [w.value, w.operator])).toEqual([
      ['curl', false],
      ['x', false],
      ['&', true],
      ['echo', false],
      ['|', true],
      ['more', false],
      ['&', false],
      ['a & b', false],
    ]);
  });
});

describe('powershell words', () => {
  it.each([
    [
      'backtick continuations',
      "curl.exe -X POST `\n  -H 'a: b' `\r\n  https://h/x",
      ['curl.exe', '-X', 'POST', '-H', 'a: b', 'https://h/x'],
    ],
    ["'' inside single quotes", "-d '{\"it''s\": 1}'", ['-d', '{"it\'s": 1}']],
    ['`" and "" inside double quotes', '-d "a`"b""c"', ['-d', 'a"b"c']],
    ['backtick escapes in double quotes', '"x`ty`$z"', ['x\ty$z']],
    ['variables stay text', '-H "X-Api-Key: $env:HARNESS_API_KEY"', ['-H', 'X-Api-Key: $env:HARNESS_API_KEY']],
  ])('%s', (_name, text, want) => {
    expect(values(text, 'powershell')).toEqual(want);
  });
});

describe('detectStyle', () => {
  it.each([
    ['curl -X POST \\\n -d x', 'posix'],
    ['curl -X POST ^\n -d x', 'cmd'],
    ['curl -X POST ^\r\n -d x ^\r\n -k', 'cmd'],
    ['curl.exe -X POST `\n -d x', 'powershell'],
    [String.raw`curl ^"https://h/x^" --data-raw ^"^{^}^"`, 'cmd'],
    ['curl -X POST https://h/x', 'posix'],
    ["curl -d '^\"' \\\n x", 'posix'],
  ] as const)('%j → %s', (text, want) => {
    expect(detectStyle(text)).toBe(want);
    expect(shellWords(text).style).toBe(want);
  });
});

describe('unterminated quotes name their kind and where they start', () => {
  it.each([
    [
      'single quote',
      `curl -d '{"a":1}`,
      'auto',
      /^Unterminated single quote starting at line 1, column 9$/,
      1,
      9,
      /'\\''/,
    ],
    [
      'double quote on line 2',
      'curl \\\n  -d "abc',
      'auto',
      /^Unterminated double quote starting at line 2, column 6$/,
      2,
      6,
      /\\"/,
    ],
    ["$'…' quote", "curl -d $'abc", 'auto', /^Unterminated \$'…' quote starting at line 1, column 9$/, 1, 9, /\\'/],
    [
      'cmd double quote',
      'curl ^\n -H "a: b ^\n -k',
      'cmd',
      /^Unterminated double quote starting at line 2, column 5$/,
      2,
      5,
      /""/,
    ],
    [
      'powershell single quote',
      "curl.exe `\n -d 'x",
      'auto',
      /^Unterminated single quote starting at line 2, column 5$/,
      2,
      5,
      /''/,
    ],
    // bash fails the same way: the apostrophe ends the '…', and the " after Brien never closes.
    [
      'apostrophe inside single quotes',
      `curl -d '{"name":"O'Brien"}'`,
      'auto',
      /^Unterminated double quote starting at line 1, column 26$/,
      1,
      26,
      /O'\\''Brien.*ended a '…' early/,
    ],
  ] as const)('%s', (_name, text, style, message, line, column, hint) => {
    const err = failure(text, style);
    expect(err.code).toBe('parse');
    expect(err.message).toMatch(message);
    expect(err.where).toMatchObject({ line, column, offset: lineStartOffset(text, line) + column - 1 });
    expect(err.hint).toMatch(hint);
  });
});

function lineStartOffset(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at;
}

describe('lineColumn', () => {
  it.each([
    ['abc', 0, 1, 1],
    ['abc', 2, 1, 3],
    ['a\nbc', 2, 2, 1],
    ['a\r\nbc\nd', 6, 3, 1],
    ['a\nb', 3, 2, 2],
  ] as const)('%j @%i → %i:%i', (text, offset, line, column) => {
    expect(lineColumn(text, offset)).toEqual({ line, column });
  });
});
