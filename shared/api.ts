// The one contract between the page and the backend. Electron's ipc.ts registers exactly these
// requests, the preload exposes exactly these, the web host routes exactly these. Every request's
// arguments are checked against its schema at the boundary (see `parseArgs`).
import { z } from 'zod';
import type { AppInfo, FireResult, Payload, Settings, Trigger, VaultStatus, Workspace } from './model';
import { DeskError, type Reply } from './errors';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be an id');
const name = z.string().trim().min(1, 'must not be empty').max(120);
/** Harness refuses nothing by size, but a 10 MB payload is a mistake, not a deployment. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const body = z.string().max(MAX_BODY_BYTES, 'payload is over 10 MB');
const apiKey = z.string().max(4096);
const none = z.strictObject({});

export const requests = {
  'app:info': none,

  'workspaces:list': none,
  'workspaces:create': z.strictObject({ name }),
  'workspaces:rename': z.strictObject({ id, name }),
  /** Soft delete: `workspaces:restore` undoes it. Deleting a workspace also hides its triggers. */
  'workspaces:delete': z.strictObject({ id }),
  'workspaces:restore': z.strictObject({ id }),

  'triggers:list': z.strictObject({ workspaceId: id.optional() }),
  /** Paste of Harness's "Copy as cURL" (or a variant): the key goes to the vault at once. */
  'triggers:importCurl': z.strictObject({ workspaceId: id, text: z.string().min(1).max(MAX_BODY_BYTES + 65536), name: name.optional() }),
  /** The plain form: a URL and an optional key. */
  'triggers:create': z.strictObject({ workspaceId: id, name, url: z.string().min(1).max(8192), apiKey: apiKey.optional() }),
  'triggers:update': z.strictObject({
    id,
    name: name.optional(),
    url: z.string().min(1).max(8192).optional(),
    production: z.boolean().optional(),
    workspaceId: id.optional(),
  }),
  /** `apiKey: null` removes the key from the vault. */
  'triggers:setKey': z.strictObject({ id, apiKey: apiKey.nullable(), label: z.string().max(80).optional() }),
  'triggers:duplicate': z.strictObject({ id }),
  'triggers:delete': z.strictObject({ id }),
  'triggers:restore': z.strictObject({ id }),
  /** Fires once. Never retried: a duplicate fire is a duplicate deployment. */
  'triggers:fire': z.strictObject({ id, body: body.optional(), payloadId: id.optional() }),
  /** The key is written as $HARNESS_API_KEY, never its value. */
  'triggers:exportCurl': z.strictObject({ id, body: body.optional() }),

  'payloads:save': z.strictObject({ triggerId: id, id: id.optional(), name, body }),
  'payloads:delete': z.strictObject({ triggerId: id, id }),

  'settings:get': none,
  'settings:update': z.strictObject({
    connectTimeoutMs: z.number().int().min(500).max(120_000).optional(),
    totalTimeoutMs: z.number().int().min(1000).max(600_000).optional(),
    proxyMode: z.enum(['system', 'manual', 'none']).optional(),
    proxyUrl: z.string().max(2048).optional(),
    extraCaPem: z.string().max(1024 * 1024).optional(),
    theme: z.enum(['system', 'light', 'dark']).optional(),
  }),

  /** Opens an https URL of the trigger's own host in the system browser; anything else is refused. */
  'shell:openExternal': z.strictObject({ url: z.string().min(1).max(8192), triggerId: id }),
} as const;

export type RequestName = keyof typeof requests;
export type Args<K extends RequestName> = z.infer<(typeof requests)[K]>;

export interface Results {
  'app:info': AppInfo;
  'workspaces:list': Workspace[];
  'workspaces:create': Workspace;
  'workspaces:rename': Workspace;
  'workspaces:delete': null;
  'workspaces:restore': Workspace;
  'triggers:list': Trigger[];
  'triggers:importCurl': { trigger: Trigger; notes: string[] };
  'triggers:create': Trigger;
  'triggers:update': Trigger;
  'triggers:setKey': Trigger;
  'triggers:duplicate': Trigger;
  'triggers:delete': null;
  'triggers:restore': Trigger;
  'triggers:fire': FireResult;
  'triggers:exportCurl': { command: string };
  'payloads:save': Payload;
  'payloads:delete': null;
  'settings:get': Settings;
  'settings:update': Settings;
  /** `openInPage`: the web host cannot open the system browser, so the page opens the (checked) URL itself. */
  'shell:openExternal': { opened: boolean; openInPage: boolean; url: string };
}

export type Result<K extends RequestName> = Results[K];

/** What the backend pushes to the page. */
export interface Events {
  /** Something in the stores changed (possibly from another window or the CLI): reload that part. */
  'data:changed': { scope: 'workspaces' | 'triggers' | 'settings' };
  'vault:status': VaultStatus;
}
export type EventName = keyof Events;
export const eventNames: readonly EventName[] = ['data:changed', 'vault:status'];

export const requestNames = Object.keys(requests) as RequestName[];

export function isRequestName(value: unknown): value is RequestName {
  return typeof value === 'string' && Object.hasOwn(requests, value);
}

/** Checks a request's arguments at a boundary; throws DeskError('invalid-args') naming the field. */
export function parseArgs<K extends RequestName>(name: K, raw: unknown): Args<K> {
  const parsed = requests[name].safeParse(raw ?? {});
  if (parsed.success) return parsed.data as Args<K>;
  const issue = parsed.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : 'arguments';
  throw new DeskError('invalid-args', `${name}: ${path} ${issue ? issue.message : 'are invalid'}`);
}

export type Handlers = { [K in RequestName]: (args: Args<K>) => Promise<Result<K>> };
export type Notify = <E extends EventName>(event: E, payload: Events[E]) => void;

/** What the preload (Electron) or the web client (browser) puts on `window.desk`. */
export interface DeskBridge {
  mode: 'electron' | 'web';
  request: { [K in RequestName]: (args: Args<K>) => Promise<Reply<Result<K>>> };
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
