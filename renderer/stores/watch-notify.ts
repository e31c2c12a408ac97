// Desktop notifications when a run ends. Permission is asked once, politely, from a button the user
// presses (never on load); a "no" is remembered and the question is not asked again.
import { create } from 'zustand';
import type { WatchState } from '../../shared/watch-model';

const ASKED_KEY = 'trigger-desk:notifications-asked';

type Permission = NotificationPermission | 'unsupported';

function currentPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

function askedBefore(): boolean {
  try {
    return localStorage.getItem(ASKED_KEY) === '1';
  } catch {
    return false;
  }
}

interface NotifyState {
  permission: Permission;
  asked: boolean;
}

export const useNotify = create<NotifyState>(() => ({ permission: currentPermission(), asked: askedBefore() }));

/** Whether to offer the "tell me when runs end" question: not yet answered, not asked before. */
export function shouldOffer(state: NotifyState): boolean {
  return state.permission === 'default' && !state.asked;
}

function remember(): void {
  try {
    localStorage.setItem(ASKED_KEY, '1');
  } catch {
    // unavailable storage: the question may come back next launch, no harm
  }
}

export async function askPermission(): Promise<void> {
  remember();
  useNotify.setState({ asked: true });
  if (typeof Notification === 'undefined') return;
  const permission = await Notification.requestPermission();
  useNotify.setState({ permission });
}

export function declineNotifications(): void {
  remember();
  useNotify.setState({ asked: true });
}

export function endedText(watch: WatchState): { title: string; body: string } {
  const status = watch.execution?.status ?? watch.processing?.status;
  const title = `${watch.triggerName}: ${status ? status.words : watch.headline}`;
  const body = watch.failureMessages[0] ?? watch.ended?.reason ?? watch.headline;
  return { title, body };
}

export function notifyEnded(watch: WatchState): void {
  if (currentPermission() !== 'granted') return;
  const { title, body } = endedText(watch);
  try {
    // A tag per watch: a second end of the same watch replaces, never stacks.
    new Notification(title, { body, tag: `watch-${watch.id}` });
  } catch {
    // Some hosts (Electron without a handler) refuse at construction; the panel still shows the end.
  }
}
