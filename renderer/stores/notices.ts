// What the backend found while opening the data folder (damaged files kept aside and what was left
// out of them, history lines skipped, the sandbox on another port, no keychain), until dismissed.
// The list comes from notices:list and is replaced whole on every notices:changed event.
import { create } from 'zustand';
import type { Notice } from '../../shared/model';
import { desk, errorText, request } from '../bridge';

interface NoticesState {
  notices: Notice[];
  /** Why the list could not be loaded or a dismissal failed, in plain words. */
  error: string | null;
}

export const useNotices = create<NoticesState>(() => ({ notices: [], error: null }));

let started = false;

/** Loads the list once and follows the backend's changes (another window may dismiss one too). */
export function startNotices(): void {
  if (started) return;
  started = true;
  desk.on('notices:changed', ({ notices }) => {
    useNotices.setState({ notices });
  });
  // Once the first screen is up: listing opens the stores not opened yet, which must not delay it.
  requestIdleCallback(
    () => {
      void request('notices:list', {}).then((reply) => {
        if (reply.ok) useNotices.setState({ notices: reply.value, error: null });
        else useNotices.setState({ error: `The notices could not be loaded: ${errorText(reply.error)}` });
      });
    },
    { timeout: 2000 },
  );
}

export async function dismissNotice(id: string): Promise<void> {
  // Gone from this window at once; the backend's answer (and its event) confirm it for every window.
  useNotices.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  const reply = await request('notices:dismiss', { id });
  if (!reply.ok) useNotices.setState({ error: `The notice could not be dismissed: ${errorText(reply.error)}` });
}

export async function dismissAllNotices(): Promise<void> {
  for (const n of useNotices.getState().notices) await dismissNotice(n.id);
}
