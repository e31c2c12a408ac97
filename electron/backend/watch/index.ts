// Live watches: one scheduler polls every run's apiUrl; the key only to the trigger's own origin
// and account; abort.
// The only entry from outside this folder (a lint rule holds it).
export { belongsTo, keyForUrl, knownSecrets, originOf } from './key';
export { createScheduler, pollDelay, troubleDelay } from './poll';
export { createWatchService } from './watch';
export type { WatchService } from './watch';
