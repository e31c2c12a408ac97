// The state of one cURL import: what each option adds to the request, and errors that name the
// word and its line and column. Every piece of the text a message quotes is masked first and cut
// after (`show`), against the key shapes and the secrets the command names.
import { DeskError } from '../errors';
import { HEADER_OF, type OptionInfo } from './curl-options';
import { excerpt, redactUrl } from './redact';
import { lineColumn, positionText, type ShellWord } from './shell-words';

const VARIABLE =
  /^(?:\$\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-?=+][^}]*)?\}?|\$env:[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|\$\(.*\))$/is;
const PLACEHOLDER = /^<[^<>]*>$/;
/** `$(…)` or a backtick: a command makes the value, and its text may hold the secret itself. */
const COMMAND = /^\s*(?:\$\(|`)/;

export function isCurl(word: string): boolean {
  return /(?:^|[\\/])curl(?:\.exe)?$/i.test(word);
}

export class Reader {
  method: { value: string; word: ShellWord } | null = null;
  get: ShellWord | null = null;
  head: ShellWord | null = null;
  readonly headers: { name: string; value: string }[] = [];
  apiKey: string | null = null;
  keySeen = false;
  contentType: string | null = null;
  readonly data: { text: string; json: boolean }[] = [];
  url: { value: string; word: ShellWord } | null = null;
  readonly notes: string[] = [];

  /** `secrets`: what the command names as credentials (redact.ts namedSecrets), masked in every message. */
  constructor(
    private readonly text: string,
    readonly secrets: readonly string[] = [],
  ) {}

  /** A piece of the command for a message: masked, then cut to `max` characters. */
  show(piece: string, max = 60): string {
    return excerpt(piece, max, this.secrets);
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  fail(message: string, word: ShellWord, hint?: string): DeskError {
    const { line, column } = lineColumn(this.text, word.offset);
    const where = { line, column, offset: word.offset, token: this.show(word.raw, 80) };
    return new DeskError(
      'parse',
      `${message} (line ${line}, column ${column})`,
      hint === undefined ? { where } : { where, hint },
    );
  }

  addUrl(value: string, word: ShellWord): void {
    const looksLikeUrl =
      /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(?:\[|localhost\b|[^\s/.-][^\s/]*\.[^\s/]+)/i.test(value);
    if (!looksLikeUrl) {
      const method = /^(?:POST|GET|PUT|PATCH|DELETE|HEAD)$/i.test(value);
      throw this.fail(
        `Unexpected word "${this.show(value)}": curl would read it as a URL, and it is not one`,
        word,
        method
          ? `To set the method, write -X ${value.toUpperCase()}.`
          : 'Quote values that contain spaces, and check each option has its value.',
      );
    }
    if (this.url) {
      throw this.fail(
        `A second URL, "${this.show(redactUrl(value))}": a trigger has one URL, and the first is at ${positionText(this.text, this.url.word.offset)}`,
        word,
        'Import one trigger at a time: remove the other URL.',
      );
    }
    this.url = { value, word };
  }

  header(value: string, option: string, word: ShellWord): void {
    if (value.startsWith('@')) {
      throw this.fail(
        `${option} ${this.show(value)} reads headers from a file, which cannot be imported: paste them as -H 'Name: value' instead`,
        word,
      );
    }
    const colon = value.indexOf(':');
    const semicolon = /^([^\s:;]+);$/.exec(value.trim()); // curl's way to send an empty header
    if (colon <= 0 && !semicolon) {
      const what = colon === 0 ? 'has no name before its colon' : 'has no colon';
      throw this.fail(
        `The header "${this.show(value)}" ${what}`,
        word,
        "Write a header as -H 'Name: value', for example -H 'X-Source: jenkins'.",
      );
    }
    const name = semicolon ? (semicolon[1] ?? '') : value.slice(0, colon).trim();
    const headerValue = semicolon ? '' : value.slice(colon + 1).trim();
    if (/\s/.test(name))
      throw this.fail(
        `The header name "${this.show(name)}" has a space in it`,
        word,
        'Header names are letters, digits and - (for example Content-Type).',
      );
    const lower = name.toLowerCase();
    if (lower === 'x-api-key') {
      this.key(headerValue, word);
      return;
    }
    if (lower === 'content-type') {
      this.contentType = headerValue === '' ? null : headerValue;
      return;
    }
    if (headerValue === '' && !semicolon) return; // `Name:` removes a header in curl
    if (VARIABLE.test(headerValue))
      this.note(
        `The ${this.show(name, 40)} header is ${this.variable(headerValue)}, not a value: set its value on the trigger.`,
      );
    this.headers.push({ name, value: headerValue });
  }

  /** How a variable-made value is named in a note: a command's text is never quoted (it may carry the secret). */
  private variable(value: string): string {
    return COMMAND.test(value) ? 'made by a shell command ($(…))' : `the shell variable ${this.show(value, 40)}`;
  }

  key(value: string, word: ShellWord): void {
    if (this.keySeen) {
      this.note(
        `The command has more than one X-Api-Key header (again at ${positionText(this.text, word.offset)}); the first one was kept.`,
      );
      return;
    }
    this.keySeen = true;
    if (VARIABLE.test(value)) {
      this.note(
        `The X-Api-Key header is ${this.variable(value)}, not the key itself: add the key to the trigger (its API key panel, “Set key”).`,
      );
    } else if (PLACEHOLDER.test(value)) {
      this.note(
        `The X-Api-Key header holds the placeholder ${this.show(value, 40)}: add your API key to the trigger (its API key panel, “Set key”).`,
      );
    } else if (value !== '') {
      this.apiKey = value;
    }
  }

  body(info: OptionInfo, option: string, value: string, word: ShellWord): void {
    if (info.kind !== 'data-raw' && value.startsWith('@')) {
      const what = value === '@-' ? 'reads standard input' : 'reads a file';
      throw this.fail(
        `${option} ${this.show(value)} ${what}, which cannot be imported: paste the JSON instead`,
        word,
        `Replace ${this.show(value)} with the JSON itself, for example ${option} '{"key": "value"}'.`,
      );
    }
    if (/^\s*(?:\$\(|`)/.test(value)) {
      throw this.fail(
        `${option} "${this.show(value)}" runs a command to make the body, which cannot be imported: paste the JSON instead`,
        word,
      );
    }
    let text = value;
    if (info.kind === 'data-urlencode') {
      // content, =content, name=content (name@file was refused above only when it starts with @)
      const at = /^([^=@]*)@/.exec(value);
      if (at)
        throw this.fail(
          `${option} ${this.show(value)} reads a file, which cannot be imported: paste the value instead`,
          word,
        );
      const eq = value.indexOf('=');
      text =
        eq < 0
          ? encodeURIComponent(value)
          : `${value.slice(0, eq)}${eq > 0 ? '=' : ''}${encodeURIComponent(value.slice(eq + 1))}`;
    }
    this.data.push({ text, json: info.kind === 'json' });
  }

  apply(
    name: string,
    info: OptionInfo,
    option: string,
    value: string | null,
    word: ShellWord,
    valueWord: ShellWord,
  ): void {
    if (info.note !== undefined) this.note(info.note);
    const v = value ?? '';
    switch (info.kind) {
      case 'method':
        this.method = { value: v, word: valueWord };
        return;
      case 'header': {
        const fixed = HEADER_OF[name];
        if (fixed) this.headers.push({ name: fixed, value: v });
        else this.header(v, option, valueWord);
        return;
      }
      case 'data':
      case 'data-raw':
      case 'data-urlencode':
      case 'json':
        this.body(info, option, v, valueWord);
        return;
      case 'url':
        this.addUrl(v, valueWord);
        return;
      case 'get':
        this.get = word;
        return;
      case 'head':
        this.head = word;
        return;
      case 'form':
        throw this.fail(
          `${option} sends a multipart form, which Harness custom triggers do not read`,
          word,
          "Send the payload as JSON with -d '{…}' instead.",
        );
      case 'upload':
        throw this.fail(
          `${option} ${this.show(v)} uploads a file, which cannot be imported: paste the JSON with -d instead`,
          word,
        );
      case 'config':
        throw this.fail(
          `${option} ${this.show(v)} reads options from a file, which cannot be imported: paste the whole command instead`,
          word,
        );
      case 'skip':
      case 'flag':
        return;
    }
  }
}
