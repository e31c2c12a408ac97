// The live editor views by document key, for what only a view can do: select and scroll to a
// range, take the keyboard, show lint marks. The text itself is the payload store's
// (stores/payloads.ts): tools change it there and the view follows.
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import type { Analysis } from './analysis';

export const liveViews = new Map<string, EditorView>();

/** Selects a range, scrolls it to the middle and gives the editor the keyboard. */
export function selectRange(key: string, from: number, to: number): void {
  const view = liveViews.get(key);
  if (!view) return;
  const end = Math.min(to, view.state.doc.length);
  const start = Math.min(from, end);
  view.dispatch({
    selection: { anchor: start, head: end },
    effects: EditorView.scrollIntoView(start, { y: 'center' }),
  });
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
    diagnostics.push({
      from,
      to,
      severity: 'error',
      message: `Line ${a.error.line}, column ${a.error.column}: ${a.error.message}`,
    });
  }
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
