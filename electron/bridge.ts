// Builds window.desk for Electron from two plain functions, so the preload stays a few lines and
// the bridge's shape (exactly the contract's request names, only the contract's events) is tested
// without Electron. No generic "send any channel": each name is its own function.
//
// The names are listed here as type-checked tables instead of imported from shared/api.ts: that
// module builds the zod schemas, which would put ~450 KB of zod into the sandboxed preload. A
// missing or extra name is a compile error (and test/integration/contract.test.ts checks again).
import type { DeskBridge, EventName, Events, RequestName } from '../shared/api';
import type { Reply } from '../shared/errors';

const REQUESTS: Readonly<Record<RequestName, true>> = {
  'app:info': true,
  'workspaces:list': true,
  'workspaces:create': true,
  'workspaces:rename': true,
  'workspaces:delete': true,
  'workspaces:restore': true,
  'triggers:list': true,
  'triggers:importCurl': true,
  'triggers:create': true,
  'triggers:update': true,
  'triggers:setKey': true,
  'triggers:duplicate': true,
  'triggers:delete': true,
  'triggers:restore': true,
  'triggers:fire': true,
  'triggers:exportCurl': true,
  'payloads:save': true,
  'payloads:delete': true,
  'settings:get': true,
  'settings:update': true,
  'shell:openExternal': true,
};
const EVENTS: Readonly<Record<EventName, true>> = { 'data:changed': true, 'vault:status': true };

export const bridgeRequestNames = Object.keys(REQUESTS) as RequestName[];
export const bridgeEventNames = Object.keys(EVENTS) as EventName[];

export type Invoke = (channel: string, args: unknown) => Promise<unknown>;
export type Subscribe = (channel: EventName, listener: (payload: unknown) => void) => () => void;

const LOST: Reply<never> = {
  ok: false,
  error: { code: 'internal', message: 'The request did not reach the Trigger Desk backend.' },
};

function isReply(value: unknown): value is Reply<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

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
