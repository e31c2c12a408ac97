// A folder workspace on disk: the files it is made of, read at once; written atomically (beside,
// then renamed over), so a teammate's editor or git never sees half a file.
import {
  type Dirent,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** Files larger than this are not read (a folder workspace holds text, not builds). */
const MAX_FILE_BYTES = 11 * 1024 * 1024;

function isOurs(path: string): boolean {
  return (
    path === 'workspace.yaml' ||
    /^triggers\/[^/]+\.ya?ml$/.test(path) ||
    /^triggers\/[^/]+\/[^/]+$/.test(path) ||
    /^(samples|chains)\/[^/]+\.ya?ml$/.test(path)
  );
}

function list(dir: string, rel: string, depth: number, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(dir, rel), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.endsWith('.td-tmp')) continue;
    const path = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) {
      if (depth > 0) list(dir, path, depth - 1, out);
    } else if (e.isFile()) out.push(path);
  }
}

/** Every file of the layout (workspace.yaml, triggers/…, samples/…, chains/…), path → text. README.md and anything else are left out. */
export function readFolderFiles(dir: string): Map<string, string> {
  const paths: string[] = [];
  list(dir, '', 2, paths);
  const files = new Map<string, string>();
  for (const path of paths.filter(isOurs).sort()) {
    try {
      const buf = readFileSync(join(dir, path));
      if (buf.length <= MAX_FILE_BYTES) files.set(path, buf.toString('utf8'));
    } catch {
      // A folder, or a file gone between the listing and the read: the next read sees the truth.
    }
  }
  return files;
}

export function readOne(dir: string, path: string): string | null {
  try {
    return readFileSync(join(dir, path), 'utf8');
  } catch {
    return null;
  }
}

/** Writes beside, then renames over. */
export function writeAtomic(dir: string, path: string, text: string): void {
  const full = join(dir, path);
  mkdirSync(dirname(full), { recursive: true });
  const tmp = `${full}.${process.pid}.td-tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, full);
}

/** Removes a file, and its folder when that is left empty (a trigger's payload folder). */
export function removeFile(dir: string, path: string): void {
  const full = join(dir, path);
  rmSync(full, { force: true });
  const parent = dirname(full);
  if (parent !== dir && existsSync(parent) && readdirSync(parent).length === 0) {
    try {
      rmdirSync(parent);
    } catch {
      // Someone put something there meanwhile: leave it.
    }
  }
}

/** Nothing there, or only dot-files (a fresh git repository) and a README. */
export function isEmptyFolder(dir: string): boolean {
  if (!existsSync(dir)) return true;
  return readdirSync(dir).every((n) => n.startsWith('.') || n === 'README.md');
}
