// The payload editor: one CodeMirror view whose state is swapped per trigger and payload (undo
// survives switching). Each edit is handed on after a frame: saved as a draft (so a crash loses
// nothing) and sent to the analysis worker (so a 5 MB payload never blocks typing).
// The status line is a live region: aria-describedby cannot point out of the editor's shadow root.
import { EditorState, StateEffect } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { PayloadPath } from '../../../shared/harness/payload-paths';
import { setAnalysis } from '../../stores/composer';
import { onAnalysis, requestAnalysis } from './analysis-client';
import { editorExtensions } from './editor-setup';
import { liveViews, savedStates, showDiagnostics } from './editor-registry';
import { registerLiveText } from './live-text';

export interface JsonEditorProps {
  editorKey: string;
  /** A key whose saved state to adopt when `editorKey` has none (a first payload just got its id). */
  adoptKey?: string;
  /** The text to show when this key has no saved state (or its text changed elsewhere). */
  text: string;
  json: boolean;
  paths: PayloadPath[];
  onText: (text: string) => void;
}

const COMMIT_DELAY_MS = 16;
/** The key of an editor that had the keyboard when it closed, so the one adopting its state takes it. */
let focusedAtClose: string | null = null;

export function JsonEditor(p: JsonEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const props = useRef(p);
  props.current = p;

  // A layout effect: its cleanup runs before React detaches the DOM, so focus can still be read.
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const key = p.editorKey;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const analyse = (text: string): void => {
      const { json, paths } = props.current;
      requestAnalysis(key, text, json, paths);
    };
    const commit = (): void => {
      timer = undefined;
      const text = view.state.doc.toString();
      props.current.onText(text);
      analyse(text);
    };
    const extensions = editorExtensions({
      label: 'Payload body',
      json: props.current.json,
      onDocChanged: () => { clearTimeout(timer); timer = setTimeout(commit, COMMIT_DELAY_MS); },
    });
    const adopt = props.current.adoptKey;
    const saved = savedStates.get(key) ?? (adopt === undefined ? undefined : savedStates.get(adopt));
    if (adopt !== undefined) savedStates.delete(adopt);
    let state = saved ? saved.update({ effects: StateEffect.reconfigure.of(extensions) }).state : EditorState.create({ doc: props.current.text, extensions });
    if (saved && state.doc.toString() !== props.current.text) {
      // Changed elsewhere (another window, a reload): take it as one undoable change.
      state = state.update({ changes: { from: 0, to: state.doc.length, insert: props.current.text } }).state;
    }
    // In a shadow root CodeMirror's styles go into constructable style sheets, which the strict
    // CSP (style-src 'self', no inline <style>) allows; colours still come through CSS variables.
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    const mount = document.createElement('div');
    mount.style.height = '100%';
    shadow.append(mount);
    const view = new EditorView({ state, parent: mount, root: shadow });
    liveViews.set(key, view);
    if (adopt !== undefined && focusedAtClose === adopt) view.focus(); // typing goes on after the first save
    focusedAtClose = null;
    const unregister = registerLiveText(key, () => view.state.doc.toString());
    const stop = onAnalysis(key, (a) => {
      setAnalysis(a);
      showDiagnostics(key, a);
    });
    return () => {
      unregister();
      if (timer !== undefined) { clearTimeout(timer); commit(); }
      stop();
      savedStates.set(key, view.state);
      focusedAtClose = view.hasFocus ? key : null;
      if (liveViews.get(key) === view) liveViews.delete(key);
      view.destroy();
    };
    // The view is made once per key; later prop changes are read through `props`.
  }, [p.editorKey]);

  // New paths (the YAML changed) or content type: analyse again.
  useEffect(() => {
    const view = liveViews.get(p.editorKey);
    if (view) requestAnalysis(p.editorKey, view.state.doc.toString(), p.json, p.paths);
  }, [p.editorKey, p.json, p.paths]);

  return <div className="cm-host" ref={host} data-testid="payload-editor" />;
}
