// Builds window.desk for Electron from two plain functions, so the preload stays a few lines and
// the bridge's shape (exactly the contract's request names, only the contract's events) is tested
// without Electron. No generic "send any channel": each name is its own function.
// The names come from shared/request-names.ts (zod-free, so the preload stays small).
import { EVENT_NAMES, REQUEST_NAMES } from '../shared/request-names';
import type { DeskBridge, RequestName } from '../shared/api';
import type { EventName, Events } from '../shared/events';
import { isReply, type Reply } from '../shared/errors';

const REQUESTS = REQUEST_NAMES;
const EVENTS = EVENT_NAMES;

export const bridgeRequestNames = Object.keys(REQUESTS) as RequestName[];
export const bridgeEventNames = Object.keys(EVENTS) as EventName[];

export type Invoke = (channel: string, args: unknown) => Promise<unknown>;
export type Subscribe = (channel: EventName, listener: (payload: unknown) => void) => () => void;

const LOST: Reply<never> = {
  ok: false,
  error: { code: 'internal', message: 'The request did not reach the Trigger Desk backend.' },
};

export function createBridge(invoke: Invoke, subscribe: Subscribe): DeskBridge {
  const request = Object.fromEntries(
    bridgeRequestNames.map((name) => [
      name,
      async (args: unknown): Promise<Reply<unknown>> => {
        try {
          const reply = await invoke(name, args);
          return isReply(reply) ? reply : LOST;
        } catch {
          return LOST;
        }
      },
    ]),
  ) as unknown as DeskBridge['request'];
  return {
    mode: 'electron',
    request: Object.freeze(request),
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      if (!Object.hasOwn(EVENTS, event)) throw new Error(`Unknown event "${event}".`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      return subscribe(event, (payload) => listener(payload as Events[E]));
    },
  };
}
