// Short notices at the bottom of the window, some with an Undo that calls the backend's restore.
import { create } from 'zustand';
import type { Reply } from '../../shared/errors';
import { errorText } from '../bridge';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
  undo?: () => Promise<Reply<unknown>>;
}

interface ToastState {
  toasts: Toast[];
}

export const useToasts = create<ToastState>(() => ({ toasts: [] }));

let nextId = 1;
const LIFETIME_MS = 8000;

export function dismissToast(id: number): void {
  useToasts.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

export function showToast(
  text: string,
  options: { tone?: Toast['tone']; undo?: () => Promise<Reply<unknown>> } = {},
): number {
  const id = nextId++;
  const toast: Toast = { id, text, tone: options.tone ?? 'info' };
  if (options.undo) toast.undo = options.undo;
  // Keep the last few only: a burst of deletes should not bury the window.
  useToasts.setState((s) => ({ toasts: [...s.toasts.slice(-3), toast] }));
  setTimeout(
    () => {
      dismissToast(id);
    },
    options.undo ? LIFETIME_MS * 2 : LIFETIME_MS,
  );
  return id;
}

/** A failure in plain words: a Reply's error, or a problem found in the page. */
export function showError(error: unknown, prefix?: string): void {
  showToast(prefix ? `${prefix}: ${errorText(error)}` : errorText(error), { tone: 'error' });
}

export async function undoToast(id: number): Promise<void> {
  const toast = useToasts.getState().toasts.find((t) => t.id === id);
  dismissToast(id);
  if (!toast?.undo) return;
  const reply = await toast.undo();
  if (!reply.ok) showError(reply.error, 'Undo failed');
}
