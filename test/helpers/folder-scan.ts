// The secret scan the folder-workspace tests run after every test that touches a folder: no file
// may hold a key-shaped text (shared/harness/redact.ts), a vault value, or a webhook token.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { holdsSecret } from '../../shared/harness/redact';

export function folderFiles(dir: string, rel = ''): Map<string, string> {
  const out = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(join(dir, rel));
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const path = rel === '' ? name : `${rel}/${name}`;
    if (statSync(join(dir, path)).isDirectory()) for (const [p, t] of folderFiles(dir, path)) out.set(p, t);
    else out.set(path, readFileSync(join(dir, path), 'utf8'));
  }
  return out;
}

/** The files of `dirs` that hold a secret (empty when none): each with the secret's kind. */
export function secretsIn(dirs: Iterable<string>, secrets: readonly string[], tokens: readonly string[]): string[] {
  const found: string[] = [];
  for (const dir of dirs)
    for (const [path, text] of folderFiles(dir)) {
      if (holdsSecret(text, secrets)) found.push(`${dir}/${path}: key-shaped text or a vault value`);
      if (tokens.some((t) => text.includes(t))) found.push(`${dir}/${path}: a webhook token`);
    }
  return found;
}
