// The plain words of a folder's notices: "3 files", "triggers/x.yaml line 4, column 1".
import type { FolderProblem } from '../../../shared/folder-model';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function place(p: FolderProblem): string {
  return p.line === null ? p.path : `${p.path} line ${p.line}, column ${p.column ?? 1}`;
}
