// The CodeMirror 6 setup for payloads: JSON highlighting, line numbers, folding, bracket matching,
// search (Ctrl/Cmd+F), undo history, lint markers fed by the analysis worker, and colours from the
// app's CSS variables so light and dark both work. Ctrl/Cmd+Enter is left to the fire bar.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  bracketMatching,
  foldGutter,
  foldKeymap,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  type KeyBinding,
  type ViewUpdate,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--cm-property, #7a3e9d)' },
  { tag: tags.string, color: 'var(--cm-string, #1a7f37)' },
  { tag: tags.number, color: 'var(--cm-number, #b35900)' },
  { tag: [tags.bool, tags.null], color: 'var(--cm-keyword, #2459d6)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--text)', height: '100%', fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--accent-soft) 55%, transparent)',
  },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
  '.cm-matchingBracket': {
    backgroundColor: 'color-mix(in srgb, var(--ok) 25%, transparent)',
    outline: '1px solid var(--ok)',
  },
  '.cm-nonmatchingBracket': { backgroundColor: 'var(--danger-soft)', color: 'var(--danger)' },
  '.cm-panels': { backgroundColor: 'var(--surface-2)', color: 'var(--text)' },
  '.cm-panel input, .cm-panel button': { color: 'var(--text)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--danger)',
    textUnderlineOffset: '3px',
  },
});

/** Ctrl/Cmd+Enter fires (the window's shortcut listener): the editor must not insert a line for it. */
const editorKeys: readonly KeyBinding[] = defaultKeymap.filter((b) => b.key !== 'Mod-Enter');

export interface EditorOptions {
  label: string;
  json: boolean;
  /** Called synchronously after every change of the text, whatever made it. */
  onDocChanged: (update: ViewUpdate) => void;
}

export function editorExtensions(o: EditorOptions): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    foldGutter(),
    drawSelection(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    syntaxHighlighting(highlight),
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    lintGutter(),
    o.json ? json() : [],
    keymap.of([...editorKeys, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...lintKeymap, indentWithTab]),
    theme,
    EditorView.contentAttributes.of({
      'aria-label': o.label,
      'aria-multiline': 'true',
      'spellcheck': 'false',
      'autocorrect': 'off',
      'autocapitalize': 'off',
    }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) o.onDocChanged(u);
    }),
  ];
}
