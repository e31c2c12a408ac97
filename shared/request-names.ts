// Every request and event name of the contract, without zod: the bridges (Electron's preload and
// the page's web client) import this instead of api.ts, so zod stays out of the preload and the page.
// A missing or extra name is a compile error.
import type { RequestName } from './api';
import type { EventName } from './events';

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
  // Watches, history and the inspector
  'watches:list': true,
  'watch:start': true,
  'watch:stop': true,
  'watch:dismiss': true,
  'watch:abort': true,
  'history:search': true,
  'history:get': true,
  'history:refire': true,
  'history:delete': true,
  'history:clear': true,
  'history:getRetention': true,
  'history:setRetention': true,
  'inspect:open': true,
  'inspect:report': true,
  // Payload composer
  'triggers:setYaml': true,
  'triggers:fetchYaml': true,
  'triggers:setHeaders': true,
  'triggers:setVariables': true,
  'triggers:setVariableSecret': true,
  // Condition lab and sample library
  'samples:list': true,
  'samples:save': true,
  'samples:delete': true,
  // Pipeline chains
  'chains:list': true,
  'chains:save': true,
  'chains:delete': true,
  'chains:run': true,
  'chains:stop': true,
  'chains:runs': true,
  'chains:notificationYaml': true,
  'notices:list': true,
  'notices:dismiss': true,
};

export const EVENT_NAMES: Readonly<Record<EventName, true>> = {
  'data:changed': true,
  'vault:status': true,
  'watch:update': true,
  'history:changed': true,
  'chain:update': true,
  'notices:changed': true,
};
