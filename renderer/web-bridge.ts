// The browser-mode DeskBridge: the same contract as Electron's preload, over the web host's HTTP
// protocol (docs/ARCHITECTURE.md, Processes): POST /api/<name> with the per-launch token, events streamed from /api/events.
import type { DeskBridge, RequestName } from '../shared/api';
import type { EventName, Events } from '../shared/events';
import { isReply, type ErrorShape, type Reply } from '../shared/errors';
import { REQUEST_NAMES } from '../shared/request-names';
import { readSse } from './sse';

const TOKEN_KEY = 'trigger-desk:token';

/** The token arrives once in the address (#token=…); it is kept for this tab and removed from the bar. */
export function takeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function failure(error: ErrorShape): Reply<never> {
  return { ok: false, error };
}

const NO_TOKEN: ErrorShape = {
  code: 'forbidden',
  message: 'This page has no access token for the Trigger Desk web host.',
  hint: 'Open the address that `npm run web` printed (it ends with #token=…).',
};

async function post(name: RequestName, args: unknown, token: string | null): Promise<Reply<unknown>> {
  if (!token) return failure(NO_TOKEN);
  let response: Response;
  let text: string;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-token': token },
      body: JSON.stringify(args ?? {}),
      cache: 'no-store',
    });
    text = await response.text();
  } catch {
    return failure({
      code: 'network',
      message: `Lost contact with the Trigger Desk web host at ${location.host}.`,
      hint: 'Is `npm run web` still running? Start it again and open the address it prints.',
    });
  }
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // handled below
  }
  if (isReply(parsed)) return parsed;
  if (response.status === 401 || response.status === 403) {
    return failure({
      ...NO_TOKEN,
      message: `The Trigger Desk web host refused the request (HTTP ${response.status}): the access token is missing or from an earlier launch.`,
    });
  }
  return failure({
    code: 'internal',
    message: `The Trigger Desk web host answered HTTP ${response.status} without a usable reply: ${text.slice(0, 200)}`,
  });
}

type Listener = (payload: unknown) => void;

export function createWebBridge(): DeskBridge {
  const token = takeToken();
  const listeners = new Map<EventName, Set<Listener>>();
  let streaming = false;

  const dispatch = (event: string, payload: unknown): void => {
    for (const listener of listeners.get(event as EventName) ?? []) listener(payload);
  };

  // One stream for all listeners, reconnecting with capped, jittered backoff. After a reconnect
  // every scope is reported changed, since events may have been missed while it was down.
  const stream = async (): Promise<void> => {
    let failures = 0;
    let connectedBefore = false;
    for (;;) {
      try {
        const response = await fetch('/api/events', {
          headers: { 'x-desk-token': token ?? '', 'accept': 'text/event-stream' },
          cache: 'no-store',
        });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        if (connectedBefore)
          for (const scope of ['workspaces', 'triggers', 'settings'] as const) dispatch('data:changed', { scope });
        connectedBefore = true;
        failures = 0;
        await readSse(response.body, (message) => {
          try {
            dispatch(message.event, JSON.parse(message.data));
          } catch {
            // A malformed event is dropped; the next data:changed reloads anyway.
          }
        });
      } catch {
        // fall through to the backoff
      }
      failures += 1;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6)) * (0.5 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };

  const request = Object.fromEntries(
    Object.keys(REQUEST_NAMES).map((name) => [name, (args: unknown) => post(name as RequestName, args, token)]),
  ) as unknown as DeskBridge['request'];

  return {
    mode: 'web',
    request,
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const wrapped = listener as Listener;
      set.add(wrapped);
      if (!streaming && token) {
        streaming = true;
        void stream();
      }
      return () => set.delete(wrapped);
    },
  };
}
