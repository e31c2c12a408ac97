// The payload editor: a CodeMirror view of one document of the payload store (stores/payloads.ts).
// Every change the user makes is handed to the store in the same step (CodeMirror's immutable
// text, so no copy), and a text the store changes (a tool, a change made elsewhere) is shown as
// one undoable change. The view is made once per document; its undo history and cursor are kept
// in the store across switches. The text goes to the analysis worker after a pause, so a 5 MB
// payload never blocks typing. The status line is a live region: aria-describedby cannot point
// out of the editor's shadow root.
import { Annotation, EditorState, StateEffect } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { PayloadPath } from '../../../shared/harness/payload-paths';
import type { Trigger } from '../../../shared/model';
import { setAnalysis } from '../../stores/composer';
import { setText } from '../../stores/payload-actions';
import {
  fullText,
  keepEditorState,
  keptEditorState,
  openDoc,
  usePayloads,
  type PayloadText,
} from '../../stores/payloads';
import { onAnalysis, requestAnalysis } from './analysis-client';
import { editorExtensions } from './editor-setup';
import { liveViews, showDiagnostics } from './editor-registry';

export interface JsonEditorProps {
  trigger: Trigger;
  docKey: string;
  json: boolean;
  paths: PayloadPath[];
}

const ANALYSIS_DELAY_MS = 16;
/** Marks a change that came from the store, so it is not handed back to it. */
const fromStore = Annotation.define<boolean>();

function replaceAll(
  state: EditorState,
  text: PayloadText,
): { changes: { from: number; to: number; insert: string }; annotations: Annotation<boolean> } {
  return { changes: { from: 0, to: state.doc.length, insert: fullText(text) }, annotations: fromStore.of(true) };
}

export function JsonEditor(p: JsonEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const props = useRef(p);
  props.current = p;

  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const key = p.docKey;
    const doc = openDoc(props.current.trigger, key);
    /** The store text the view shows: its own last change, or the store's last one it took. */
    let synced: PayloadText = doc.text;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const analyse = (): void => {
      timer = undefined;
      const { json, paths } = props.current;
      requestAnalysis(key, view.state.doc.toString(), json, paths);
    };
    const extensions = editorExtensions({
      label: 'Payload body',
      json: props.current.json,
      onDocChanged: (update) => {
        if (!update.transactions.some((tr) => tr.annotation(fromStore))) {
          synced = update.state.doc;
          setText(key, update.state.doc);
        }
        clearTimeout(timer);
        timer = setTimeout(analyse, ANALYSIS_DELAY_MS);
      },
    });
    const kept = keptEditorState(key);
    let state = kept
      ? kept.state.update({ effects: StateEffect.reconfigure.of(extensions) }).state
      : EditorState.create({ doc: fullText(doc.text), extensions });
    if (kept && kept.text !== doc.text) state = state.update(replaceAll(state, doc.text)).state; // changed while not shown
    // In a shadow root CodeMirror's styles go into constructable style sheets, which the strict
    // CSP (style-src 'self', no inline <style>) allows; colours still come through CSS variables.
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    const mount = document.createElement('div');
    mount.style.height = '100%';
    shadow.append(mount);
    const view = new EditorView({ state, parent: mount, root: shadow });
    liveViews.set(key, view);
    // The store's text changed by other means than this view: show it.
    const unsubscribe = usePayloads.subscribe((s) => {
      const text = s.docs[key]?.text;
      if (text === undefined || text === synced) return;
      synced = text;
      view.dispatch({ ...replaceAll(view.state, text), userEvent: 'input.replace', scrollIntoView: true });
    });
    const stop = onAnalysis(key, (a) => {
      setAnalysis(a);
      showDiagnostics(key, a);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
      stop();
      keepEditorState(key, view.state, synced);
      if (liveViews.get(key) === view) liveViews.delete(key);
      view.destroy();
    };
    // The view is made once per document; later prop changes are read through `props`.
  }, [p.docKey]);

  // New paths (the YAML changed) or content type: analyse again.
  useEffect(() => {
    const view = liveViews.get(p.docKey);
    if (view) requestAnalysis(p.docKey, view.state.doc.toString(), p.json, p.paths);
  }, [p.docKey, p.json, p.paths]);

  return <div className="cm-host" ref={host} data-testid="payload-editor" />;
}
