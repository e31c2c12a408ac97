// The event open in the Inspector: what was asked for, Harness's answer in plain words, and the
// support report (Markdown, redacted by the backend) once made.
import { create } from 'zustand';
import type { Args } from '../../shared/api';
import type { InspectResult } from '../../shared/watch-model';
import { errorText, request } from '../bridge';
import { showView } from './ui';

export type InspectTarget = Args<'inspect:open'>;

interface InspectorState {
  target: InspectTarget | null;
  result: InspectResult | null;
  loading: boolean;
  error: string | null;
  report: string | null;
  reportError: string | null;
}

export const useInspector = create<InspectorState>(() => ({
  target: null,
  result: null,
  loading: false,
  error: null,
  report: null,
  reportError: null,
}));

/** Counts requests so a slow answer to an earlier open never replaces a later one. */
let generation = 0;

export async function inspect(target: InspectTarget): Promise<void> {
  const mine = ++generation;
  useInspector.setState({ target, loading: true, error: null, report: null, reportError: null });
  const reply = await request('inspect:open', target);
  if (mine !== generation) return;
  if (reply.ok) useInspector.setState({ result: reply.value, loading: false });
  else useInspector.setState({ result: null, loading: false, error: errorText(reply.error) });
}

/** Opens the Inspector view on an event (from a watch, from history, or a pasted address). */
export function openInspector(target: InspectTarget): void {
  showView('inspector');
  void inspect(target);
}

export async function refreshInspector(): Promise<void> {
  const target = useInspector.getState().target;
  if (target) await inspect(target);
}

export async function makeReport(): Promise<string | null> {
  const target = useInspector.getState().target;
  if (!target) return null;
  const reply = await request('inspect:report', target);
  if (!reply.ok) {
    useInspector.setState({ reportError: errorText(reply.error) });
    return null;
  }
  useInspector.setState({ report: reply.value.markdown, reportError: null });
  return reply.value.markdown;
}
