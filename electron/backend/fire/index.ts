// The fire path: the trigger, its secrets and the body resolved once, the POST sent once,
// the history entry recorded and the run followed by a watch.
// The only entry from outside this folder (a lint rule holds it).
export { createWatchDesk, watchHandlers } from './watch';
export type { WatchDesk } from './watch';
export { fireTrigger } from './request';
export type { FireInput } from './request';
