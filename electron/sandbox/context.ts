// What every route handler is given: the sandbox's state and one parsed request.
import type { Approvals } from './approvals';
import type { Events } from './events';
import type { World } from './world';

export interface Ctx {
  world: World;
  events: Events;
  /** The sandbox's own origin, e.g. http://127.0.0.1:PORT. */
  baseUrl: () => string;
  /** Where apiUrl points (the base unless options.apiUrlBase says otherwise). */
  apiUrlBase: () => string;
  /** Harness approval instances of the runs (approvals.ts). */
  approvals: Approvals;
  now: () => number;
}

export interface Req {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Lower-cased names, first value of each (what Harness's header conditions see). */
  headers: Record<string, string>;
  body: Buffer;
}
