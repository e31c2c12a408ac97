// Follows every change under a folder: one plain (non-recursive) fs.watch per directory. Node 20's
// recursive watch on Linux watches each file by itself, so a file replaced by rename (the app's own
// atomic writes) is never reported again after it: a git pull changing a payload the app had saved
// went unseen. A directory's watch reports its files by name whatever replaced them. Directories
// made or removed later are followed on the next event.
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface TreeWatcher {
  close(): void;
}

function directories(root: string, rel = ''): string[] {
  const out = [rel];
  let entries: { name: string; isDirectory(): boolean }[] = [];
  try {
    entries = readdirSync(join(root, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries)
    if (e.isDirectory() && !e.name.startsWith('.git'))
      out.push(...directories(root, rel === '' ? e.name : `${rel}/${e.name}`));
  return out;
}

/** `onChange` gets the changed path relative to `root` (forward slashes); `onError` when the root cannot be followed. */
export function watchTree(root: string, onChange: (path: string) => void, onError: () => void): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const refresh = (): void => {
    if (closed) return;
    const now = new Set(directories(root));
    for (const [rel, w] of watchers)
      if (!now.has(rel)) {
        w.close();
        watchers.delete(rel);
      }
    for (const rel of now) {
      if (watchers.has(rel)) continue;
      try {
        const w = watch(join(root, rel), (_event, file) => {
          const name = typeof file === 'string' ? file : '';
          refresh();
          onChange(rel === '' ? name : `${rel}/${name}`);
        });
        w.on('error', () => {
          w.close();
          watchers.delete(rel);
          if (rel === '') onError();
        });
        watchers.set(rel, w);
      } catch {
        if (rel === '') throw new Error(`cannot watch ${root}`);
      }
    }
  };
  refresh();
  return {
    close: () => {
      closed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
