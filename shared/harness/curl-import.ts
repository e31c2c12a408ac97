// Reads Harness's "Copy as cURL" and the variants people paste (docs/harness-protocol.md §1) into the parts of a
// trigger. Never loses the URL or the body: what it cannot import it refuses with the word and
// where it is. A text that starts with a URL or an option is read as curl's arguments. The secrets
// the command names are found first, so every message masks them (then cuts) wherever they sit.
import { DeskError } from '../errors';
import type { TriggerUrl } from '../model';
import { closestLong, lookupLong, SHORT, takesValue } from './curl-options';
import { isCurl, Reader } from './curl-reader';
import { excerpt, namedSecrets, redact, redactUrl } from './redact';
import { lineColumn, positionText, shellWords, type ShellWord } from './shell-words';
import { parseTriggerUrl } from './urls';

export interface CurlImport {
  url: string;
  parsed: TriggerUrl;
  /** As curl would send it: -X, else HEAD for -I, GET for -G, POST with a body, GET without. */
  method: string;
  /** Every -H (and -A / -e) except content-type and x-api-key, in order, names as written. */
  headers: { name: string; value: string }[];
  /** The X-Api-Key value; null when absent, empty, or only a variable / placeholder. */
  apiKey: string | null;
  contentType: string | null;
  body: string | null;
  bodyIsJson: boolean;
  notes: string[];
}

const PROMPTS = new Set(['$', '%', '>', 'PS>']);
const SMART_QUOTES = /^[“”„‘’‚]/;

/** The words after the program name: skips a shell prompt, requires `curl` unless the text starts with a URL or an option. */
function argumentsStart(words: ShellWord[], r: Reader): number {
  let i = 0;
  while (words[i] && PROMPTS.has(words[i]?.value ?? '') && words.length > i + 1) i++;
  const first = words[i];
  if (!first)
    throw new DeskError('parse', 'Nothing to import: paste the cURL command from Harness (trigger ⋮ → Copy as cURL)');
  if (isCurl(first.value)) return i + 1;
  if (first.value.startsWith('-') || /^https?:\/\//i.test(first.value)) return i;
  throw r.fail(
    `This is not a curl command: it starts with "${r.show(first.value, 30)}"`,
    first,
    'Paste the command from Harness: trigger ⋮ → Copy as cURL (it starts with curl).',
  );
}

function readOption(words: ShellWord[], i: number, r: Reader): number {
  const w = words[i] as ShellWord;
  const valueAfter = (option: string): { value: string; word: ShellWord } => {
    const next = words[i + 1];
    if (!next || next.operator) throw r.fail(`${option} needs a value, and the command ends here`, w);
    i++;
    return { value: next.value, word: next };
  };
  if (w.value.startsWith('--')) {
    let name = w.value.slice(2);
    let attached: string | null = null;
    let info = lookupLong(name);
    const eq = name.indexOf('=');
    if (!info && eq > 0 && lookupLong(name.slice(0, eq))) {
      attached = name.slice(eq + 1); // --header=value: not curl's syntax, but unambiguous
      name = name.slice(0, eq);
      info = lookupLong(name);
    }
    if (!info) {
      const near = closestLong(name);
      throw r.fail(
        `Unknown curl option --${r.show(name, 40)}`,
        w,
        near
          ? `Did you mean --${near}? Otherwise remove it and import again.`
          : "Trigger Desk knows curl's common options; remove this one and import again.",
      );
    }
    const option = `--${name}`;
    if (!takesValue(info)) r.apply(name, info, option, null, w, w);
    else if (attached !== null) r.apply(name, info, option, attached, w, w);
    else {
      const v = valueAfter(option);
      r.apply(name, info, option, v.value, w, v.word);
    }
    return i;
  }
  for (let j = 1; j < w.value.length; j++) {
    const letter = w.value.charAt(j);
    const name = SHORT[letter];
    const info = name === undefined ? null : lookupLong(name);
    if (name === undefined || !info) {
      const inside = w.value.length > 2 ? ` in ${r.show(w.value, 30)}` : '';
      throw r.fail(
        `Unknown curl option -${letter}${inside}`,
        w,
        "Trigger Desk knows curl's common options; remove this one and import again.",
      );
    }
    const option = `-${letter}`;
    if (!takesValue(info)) {
      r.apply(name, info, option, null, w, w);
      continue;
    }
    const rest = w.value.slice(j + 1); // -XPOST, -d'{…}', -sSXPOST
    if (rest !== '') r.apply(name, info, option, rest, w, w);
    else {
      const v = valueAfter(option);
      r.apply(name, info, option, v.value, w, v.word);
    }
    break;
  }
  return i;
}

function jsonProblem(body: string): string | null {
  try {
    JSON.parse(body);
    return null;
  } catch (err) {
    const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    if (!at) return '';
    const { line, column } = lineColumn(body, Number(at[1]));
    return ` (the JSON breaks at line ${line}, column ${column} of the body)`;
  }
}

/** The words of the command; an unterminated quote's excerpt is masked against the named secrets too. */
function wordsOf(text: string, secrets: readonly string[]): ShellWord[] {
  try {
    return shellWords(text).words;
  } catch (err) {
    const offset = err instanceof DeskError ? err.where?.offset : undefined;
    if (!(err instanceof DeskError) || offset === undefined || !err.where) throw err;
    throw new DeskError(err.code, err.message, {
      where: { ...err.where, token: excerpt(text.slice(offset), 20, secrets) },
      ...(err.hint === undefined ? {} : { hint: err.hint }),
    });
  }
}

/** Reads a pasted cURL command. Throws DeskError('parse' | 'insecure-url') naming the word and where it is. */
export function importCurl(text: string): CurlImport {
  const secrets = namedSecrets(text);
  try {
    return readCommand(text, secrets);
  } catch (err) {
    // Every piece was masked before it was cut; this catches a whole secret in any text added later.
    if (!(err instanceof DeskError)) throw err;
    const where =
      err.where?.token === undefined ? err.where : { ...err.where, token: redact(err.where.token, secrets) };
    throw new DeskError(err.code, redact(err.message, secrets), {
      ...(where ? { where } : {}),
      ...(err.hint === undefined ? {} : { hint: redact(err.hint, secrets) }),
    });
  }
}

function readCommand(text: string, secrets: readonly string[]): CurlImport {
  if (text.trim() === '')
    throw new DeskError('parse', 'Nothing to import: paste the cURL command from Harness (trigger ⋮ → Copy as cURL)');
  const words = wordsOf(text, secrets);
  const r = new Reader(text, secrets);
  // Checked before reading options, since such a word may be the value of one (-H “a: b”).
  const smart = words.find((w) => !w.operator && SMART_QUOTES.test(w.raw));
  if (smart) {
    throw r.fail(
      `Typographic quote ${smart.raw.charAt(0)} where a plain quote belongs`,
      smart,
      'The command went through an app that "prettified" its quotes: replace “ ” with " and ‘ ’ with \', or copy it again from Harness.',
    );
  }
  let options = true;
  let unjoined = false;
  for (let i = argumentsStart(words, r); i < words.length; i++) {
    const w = words[i] as ShellWord;
    if (w.operator) {
      if (w.value === '>' || w.value === '>>' || w.value === '<') {
        i++;
        continue;
      }
      r.note(`Ignored what follows "${w.value}" at ${positionText(text, w.offset)}: it is another command.`);
      break;
    }
    if (w.newLine && isCurl(w.value))
      throw r.fail('A second curl command starts here: import one command at a time', w);
    if (w.newLine) unjoined = true;
    if (options && w.value === '--') options = false;
    else if (options && w.value.length > 1 && w.value.startsWith('-')) i = readOption(words, i, r);
    else r.addUrl(w.value, w);
  }
  if (unjoined) r.note('Some lines did not end with a line continuation (\\, ^ or `); they were read as one command.');
  if (!r.url) {
    const end = lineColumn(text, text.trimEnd().length);
    throw new DeskError('parse', `The command has no URL (it ends at line ${end.line}, column ${end.column})`, {
      where: { ...end, offset: text.trimEnd().length },
      hint: "Add the trigger's webhook URL, as --url 'https://…' or on its own.",
    });
  }
  let parsed: TriggerUrl;
  try {
    parsed = parseTriggerUrl(r.url.value, secrets);
  } catch (err) {
    if (!(err instanceof DeskError)) throw err;
    const { line, column } = lineColumn(text, r.url.word.offset);
    throw new DeskError(err.code, `${err.message} (the URL at line ${line}, column ${column})`, {
      where: { line, column, offset: r.url.word.offset, token: r.show(redactUrl(r.url.word.raw), 80) },
      ...(err.hint === undefined ? {} : { hint: err.hint }),
    });
  }

  const body = r.data.length === 0 ? null : r.data.map((d) => d.text).join(r.data.every((d) => d.json) ? '' : '&');
  const method = r.method?.value ?? (r.head ? 'HEAD' : r.get ? 'GET' : body !== null ? 'POST' : 'GET');
  if (method !== 'POST') {
    const how = r.method
      ? ''
      : r.head
        ? ' (because of -I)'
        : r.get
          ? ' (because of -G)'
          : ' (it has no body and no -X POST)';
    r.note(
      `The command would send ${r.show(method, 20)}${how}; Harness custom triggers take POST, and Trigger Desk fires with POST.`,
    );
  }
  let contentType = r.contentType;
  if (contentType === null && r.data.some((d) => d.json)) contentType = 'application/json';
  if (contentType === null && body !== null) {
    r.note(
      'The command sets no content-type, so curl would send application/x-www-form-urlencoded; Trigger Desk sends application/json.',
    );
  }
  const problem = body === null || body.trim() === '' ? '' : jsonProblem(body);
  if (body !== null && body.trim() === '') r.note('The body is empty.');
  else if (problem !== null && body !== null)
    r.note(`The body is not JSON${problem}. Harness accepts it, but <+trigger.payload.x> will resolve to nothing.`);
  return {
    url: parsed.url,
    parsed,
    method,
    headers: r.headers,
    apiKey: r.apiKey,
    contentType,
    body,
    bodyIsJson: body !== null && problem === null,
    notes: r.notes,
  };
}
