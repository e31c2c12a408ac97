// Format and minify (keeping {{variables}} that stand for whole values), skeletons for missing
// paths, and payload files in and out. Each returns new text, or throws DeskError in plain words.
import { DeskError } from '../../../shared/errors';
import { insertSkeleton } from '../../../shared/harness/payload-paths';
import { formatBytes, MAX_PAYLOAD_BYTES } from '../../../shared/harness/request-preview';
import { findVariables } from '../../../shared/harness/variables';
import { checkJson } from '../../json-check';

const SENTINEL = (name: string): string => `\u2063td-var:${name}\u2063`;

/** Parses a payload whose whole-value variables are swapped for sentinel strings. */
function parseTemplate(text: string): unknown {
  let out = '';
  let at = 0;
  for (const u of findVariables(text, true)) {
    if (u.inString) continue;
    out += text.slice(at, u.start) + JSON.stringify(SENTINEL(u.name));
    at = u.end;
  }
  out += text.slice(at);
  try {
    return JSON.parse(out) as unknown;
  } catch {
    const c = checkJson(text);
    const where = c.ok ? '' : ` (line ${c.line}, column ${c.column}: ${c.message})`;
    throw new DeskError('parse', `The payload is not valid JSON${where}`, {
      hint: 'Fix it first; format and skeletons need valid JSON.',
    });
  }
}

function print(value: unknown, indent: number): string {
  return JSON.stringify(value, null, indent).replace(/"\u2063td-var:([A-Za-z_][A-Za-z0-9_.-]*)\u2063"/g, '{{$1}}');
}

export function formatJson(text: string): string {
  return print(parseTemplate(text), 2);
}

export function minifyJson(text: string): string {
  return print(parseTemplate(text), 0);
}

/** The payload with "" at the path (formatted); an empty payload becomes a new object. */
export function withSkeleton(text: string, segments: readonly (string | number)[]): string {
  const value = text.trim() === '' ? {} : parseTemplate(text);
  return print(insertSkeleton(value, segments), 2);
}

/** Reads a file chosen by the user as a payload; over 10 MB is refused with its size. */
export async function readPayloadFile(file: File): Promise<string> {
  if (file.size > MAX_PAYLOAD_BYTES) {
    throw new DeskError('invalid-args', `“${file.name}” is ${formatBytes(file.size)}; a payload can be at most 10 MB`, {
      hint: 'A trigger payload is a few fields, not a file.',
    });
  }
  return file.text();
}

/** A download of the payload as a .json file, named after the trigger and payload. */
export function savePayloadFile(text: string, name: string): void {
  const safe = name.replace(/[^\w .-]+/g, '_').trim() || 'payload';
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = safe.endsWith('.json') ? safe : `${safe}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
