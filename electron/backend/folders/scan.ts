// The secret scan every write to a folder goes through: nothing shaped like a key or a token
// (shared/harness/redact.ts, the one definition of key shapes) and none of the vault's values may
// reach a file. A hit refuses the write, naming the file and the YAML / JSON path.
import YAML from 'yaml';
import { DeskError } from '../../../shared/errors';
import { holdsSecret } from '../../../shared/harness/redact';

export interface SecretHit {
  path: string;
  /** The field inside the file (e.g. `headers.1.value`), or `line N` for a text payload. */
  where: string;
}

function leaves(value: unknown, at: string[], out: { at: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ at: at.join('.'), text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...at, String(i)], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push({ at: [...at, k].join('.'), text: k });
      leaves(v, [...at, k], out);
    }
}

/**
 * The first secret found in `text` (a file of the folder), or null. `allowed`: exact values that may
 * be written (a workspace's own webhook tokens, when the team shares them).
 */
export function findSecret(
  path: string,
  text: string,
  secrets: readonly string[],
  allowed: readonly string[] = [],
): SecretHit | null {
  const clean = (s: string): string => allowed.reduce((acc, a) => acc.split(a).join(''), s);
  let value: unknown;
  let parsed = false;
  try {
    value = path.endsWith('.json') ? JSON.parse(text) : path.endsWith('.yaml') ? YAML.parse(text) : undefined;
    parsed = value !== undefined;
  } catch {
    parsed = false;
  }
  if (parsed) {
    const all: { at: string; text: string }[] = [];
    leaves(value, [], all);
    const hit = all.find((l) => holdsSecret(clean(l.text), secrets));
    if (hit) return { path, where: hit.at === '' ? 'the whole value' : hit.at };
  }
  const lines = text.split('\n');
  const i = lines.findIndex((l) => holdsSecret(clean(l), secrets));
  return i < 0 ? null : { path, where: `line ${i + 1}` };
}

/** Refuses (DeskError) when any file would carry a secret. */
export function checkNoSecrets(
  files: Iterable<[string, string]>,
  secrets: readonly string[],
  allowed: readonly string[] = [],
): void {
  for (const [path, text] of files) {
    const hit = findSecret(path, text, secrets, allowed);
    if (hit)
      throw new DeskError(
        'forbidden',
        `Nothing was written to the folder: ${hit.path} would hold something shaped like a key or token (at ${hit.where}).`,
        {
          hint: 'Keys and secret values belong in the keychain: mark the header or variable secret, or take the key out of the payload.',
        },
      );
  }
}
