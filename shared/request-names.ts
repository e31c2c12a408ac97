// Every request and event name of the contract, without zod: the bridges (Electron's preload and
// the page's web client) import this instead of api.ts, so zod stays out of the preload and the page.
// A missing or extra name is a compile error.
import type { EventName, RequestName } from './api';

export const REQUEST_NAMES: Readonly<Record<RequestName, true>> = {
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

export const EVENT_NAMES: Readonly<Record<EventName, true>> = { 'data:changed': true, 'vault:status': true };
