// Editor states per trigger and payload, kept in memory so undo history, folds and the cursor
// survive switching triggers; and the live views, so the composer's tools (format, jump to a
// path, insert a skeleton, import a file) can act on the editor a payload is shown in.
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Analysis } from './analysis';

export const savedStates = new Map<string, EditorState>();
export const liveViews = new Map<string, EditorView>();

/** Replaces the whole text as one undoable change. */
export function replaceText(key: string, text: string): boolean {
  const view = liveViews.get(key);
  if (!view) return false;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.replace', scrollIntoView: true });
  return true;
}

export function currentText(key: string): string | null {
  return liveViews.get(key)?.state.doc.toString() ?? null;
}

/** Selects a range, scrolls it to the middle and gives the editor the keyboard. */
export function selectRange(key: string, from: number, to: number): void {
  const view = liveViews.get(key);
  if (!view) return;
  const end = Math.min(to, view.state.doc.length);
  const start = Math.min(from, end);
  view.dispatch({ selection: { anchor: start, head: end }, effects: EditorView.scrollIntoView(start, { y: 'center' }) });
  view.focus();
}

/** Shows an analysis as lint marks, if it is about the text the editor holds now. */
export function showDiagnostics(key: string, a: Analysis): void {
  const view = liveViews.get(key);
  if (!view || view.state.doc.length !== a.length) return;
  const diagnostics: Diagnostic[] = [];
  if (a.error && !a.empty) {
    const from = Math.min(a.error.offset, view.state.doc.length);
    const to = Math.min(from + 1, view.state.doc.length);
    diagnostics.push({ from, to, severity: 'error', message: `Line ${a.error.line}, column ${a.error.column}: ${a.error.message}` });
  }
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
