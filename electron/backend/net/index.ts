// The one HTTP client: timeouts, proxy, extra certificate authorities, errors in plain words.
// The only entry from outside this folder (a lint rule holds it).
export { NetError } from './errors';
export { checkRequestUrl, createHttpClient } from './http';
export type { HttpClient, HttpClientOptions } from './http';
export { matchesNoProxy, routeFromPac } from './proxy';
export { parseCaPem } from './tls';
