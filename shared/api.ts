// The one contract between the page and the backend. Electron's ipc.ts registers exactly these
// requests, the preload exposes exactly these, the web host routes exactly these. Every request's
// arguments are checked against its schema at the boundary (see `parseArgs`). Two parts live in their
// own files and are spread in here: the Harness account (api-account.ts) and folder workspaces
// (api-folders.ts); the shapes they share are in api-fields.ts.
import { z } from 'zod';
import type { AppInfo, FireResult, Notice, Payload, Settings, Trigger, Workspace } from './model';
import { DeskError, type Reply } from './errors';
import type { HistoryEntry, HistoryPage, HistoryRetention, InspectResult, WatchState } from './watch-model';
import type { Sample } from './conditions-model';
import type { ChainRun, ChainView } from './chain-model';
import type { NotificationRuleOutput } from './harness/notification-rules';
import type { EventName, Events } from './events';
import { apiKey, body, id, MAX_BODY_BYTES, name, none, variableName } from './api-fields';
import { accountRequests, type AccountResults } from './api-account';
import { folderRequests, type FolderResults } from './api-folders';

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
  'triggers:importCurl': z.strictObject({
    workspaceId: id,
    text: z
      .string()
      .min(1)
      .max(MAX_BODY_BYTES + 65536),
    name: name.optional(),
  }),
  /** The plain form: a URL and an optional key. */
  'triggers:create': z.strictObject({
    workspaceId: id,
    name,
    url: z.string().min(1).max(8192),
    apiKey: apiKey.optional(),
  }),
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
  /** `headers`: sent with this fire only, after the saved ones (the CLI's --header); never saved. */
  'triggers:fire': z.strictObject({
    id,
    body: body.optional(),
    payloadId: id.optional(),
    headers: z
      .array(z.strictObject({ name: z.string().min(1).max(256), value: z.string().max(8192), secret: z.boolean() }))
      .max(50)
      .optional(),
  }),
  /** The key is written as $HARNESS_API_KEY, never its value; `withSecrets` (only with `confirm: true`)
   * puts the real key and secret header values in: Electron copies that to the clipboard itself and
   * answers the redacted command; the browser has no such power, so the page receives it. */
  'triggers:exportCurl': z
    .strictObject({
      id,
      body: body.optional(),
      shell: z.enum(['bash', 'powershell']).optional(),
      withSecrets: z.literal(true).optional(),
      confirm: z.literal(true).optional(),
    })
    .refine((a) => a.withSecrets !== true || a.confirm === true, {
      message: 'withSecrets needs confirm: true',
      path: ['confirm'],
    }),

  'payloads:save': z.strictObject({ triggerId: id, id: id.optional(), name, body }),
  'payloads:delete': z.strictObject({ triggerId: id, id }),

  'settings:get': none,
  'settings:update': z.strictObject({
    connectTimeoutMs: z.number().int().min(500).max(120_000).optional(),
    totalTimeoutMs: z.number().int().min(1000).max(600_000).optional(),
    proxyMode: z.enum(['system', 'manual', 'none']).optional(),
    proxyUrl: z.string().max(2048).optional(),
    extraCaPem: z
      .string()
      .max(1024 * 1024)
      .optional(),
    theme: z.enum(['system', 'light', 'dark']).optional(),
  }),

  /** Opens an https URL of the trigger's own host in the system browser; anything else is refused. */
  'shell:openExternal': z.strictObject({ url: z.string().min(1).max(8192), triggerId: id }),

  // --- Live watches, history, inspector, abort (shared/watch-model.ts) ---
  /** Every watch the backend holds (live ones and those ended in this session), newest first. */
  'watches:list': none,
  /** Starts a watch on an apiUrl (one starts by itself after every accepted fire). */
  'watch:start': z.strictObject({ apiUrl: z.string().min(1).max(8192), triggerId: id.optional() }),
  /** Stops following (the run goes on in Harness). */
  'watch:stop': z.strictObject({ watchId: id }),
  /** Forgets an ended watch (the history keeps the record). */
  'watch:dismiss': z.strictObject({ watchId: id }),
  /** AbortAll on the run (docs/harness-protocol.md §8); the page confirms first. */
  'watch:abort': z.strictObject({ watchId: id }),
  /** Paged, newest first. `text` searches payload, trigger name, event / correlation / execution ids. */
  'history:search': z.strictObject({
    text: z.string().max(500).optional(),
    triggerId: id.optional(),
    group: z.enum(['success', 'failed', 'live', 'not-started', 'rejected', 'network-error', 'stopped']).optional(),
    from: z.number().int().min(0).optional(),
    to: z.number().int().min(0).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  'history:get': z.strictObject({ id }),
  /** A NEW fire with the entry's payload through the normal fire path (the page confirms as for any fire). */
  'history:refire': z.strictObject({ id }),
  'history:delete': z.strictObject({ id }),
  'history:clear': z.strictObject({ triggerId: id.optional() }),
  'history:getRetention': none,
  'history:setRetention': z.strictObject({
    maxEntries: z.number().int().min(10).max(1_000_000).nullable().optional(),
    maxAgeDays: z.number().int().min(1).max(3650).nullable().optional(),
  }),
  /** Open any event: an apiUrl, or an eventCorrelationId + account (+ base, default the sandbox or app.harness.io), or a history entry. */
  'inspect:open': z.strictObject({
    apiUrl: z.string().min(1).max(8192).optional(),
    eventCorrelationId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an event id')
      .optional(),
    accountIdentifier: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an account id')
      .optional(),
    base: z.string().min(1).max(2048).optional(),
    historyId: id.optional(),
  }),
  /** The same target as inspect:open; Markdown with keys and tokens redacted. */
  'inspect:report': z.strictObject({
    apiUrl: z.string().min(1).max(8192).optional(),
    eventCorrelationId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an event id')
      .optional(),
    accountIdentifier: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an account id')
      .optional(),
    base: z.string().min(1).max(2048).optional(),
    historyId: id.optional(),
  }),

  // --- Payload composer (trigger YAML, extra headers, variable values) ---
  /** Stores the trigger YAML as copied from Harness ('' forgets it); the composer and the condition lab read it. */
  'triggers:setYaml': z.strictObject({ id, yaml: z.string().max(1024 * 1024, 'the YAML is over 1 MB') }),
  /** Fetches the trigger YAML from the trigger's own host (GET /pipeline/api/triggers/{id}, with its key) and stores it. */
  'triggers:fetchYaml': z.strictObject({ id }),
  /** Replaces the extra headers. `secret`: the value goes to the vault; an empty value with `keepSecretId` keeps the stored one.
   * A value shaped like a key or token goes to the vault even when not marked secret (the reply's notes say so). */
  'triggers:setHeaders': z.strictObject({
    id,
    headers: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1, 'must not be empty').max(256),
          value: z.string().max(8192),
          secret: z.boolean(),
          keepSecretId: id.optional(),
        }),
      )
      .max(50),
  }),
  /** The values last given for the payload variables ({{tag}}), remembered per trigger; a key-shaped one is refused. */
  'triggers:setVariables': z.strictObject({
    id,
    values: z.record(variableName, z.string().max(65536)),
  }),
  /** Marks a payload variable secret (its value, or the plain one last given, goes to the vault; the backend
   * fills it in when firing) or plain again (the vault entry is dropped; the value is not shown again). */
  'triggers:setVariableSecret': z.strictObject({
    id,
    name: variableName,
    secret: z.boolean(),
    value: z.string().max(65536).optional(),
  }),

  // --- Condition lab, sample library (shared/conditions-model.ts) ---
  'samples:list': z.strictObject({ workspaceId: id }),
  /** Creates, or replaces the sample `id`. Names are unique per workspace; key-shaped text is refused (plain-text file). */
  'samples:save': z.strictObject({
    workspaceId: id,
    id: id.optional(),
    name,
    payload: z.string().max(1024 * 1024, 'a sample payload is over 1 MB'),
    headers: z
      .array(
        z.strictObject({ name: z.string().trim().min(1, 'must not be empty').max(256), value: z.string().max(8192) }),
      )
      .max(50),
  }),
  'samples:delete': z.strictObject({ workspaceId: id, id }),

  // --- Pipeline chains (shared/chain-model.ts) and the Harness notification recipe ---
  'chains:list': z.strictObject({ workspaceId: id }),
  /** Creates, or replaces the chain `id`; saved even with problems, which come back per step. */
  'chains:save': z.strictObject({
    workspaceId: id,
    id: id.optional(),
    name,
    steps: z
      .array(z.strictObject({ triggerId: id, body, after: z.enum(['success', 'terminal']) }))
      .min(1, 'a chain needs at least one step')
      .max(20),
  }),
  'chains:delete': z.strictObject({ workspaceId: id, id }),
  /** Checks the chain (nothing fires when it has a problem), fires step 1 and answers at once; progress comes as `chain:update`. */
  'chains:run': z.strictObject({ id }),
  'chains:stop': z.strictObject({ runId: id }),
  /** Recorded runs, newest first (each step names its history entry). */
  'chains:runs': z.strictObject({ chainId: id.optional() }),
  'chains:notificationYaml': z.strictObject({
    name,
    events: z
      .array(
        z.strictObject({
          type: z.enum([
            'AllEvents',
            'PipelineStart',
            'PipelineSuccess',
            'PipelineFailed',
            'PipelineEnd',
            'PipelinePaused',
            'StageStart',
            'StageSuccess',
            'StageFailed',
            'StepFailed',
          ]),
          forStages: z.array(z.string().max(128)).max(50).optional(),
        }),
      )
      .min(1, 'choose at least one event')
      .max(10),
    /** B: a stored trigger (its URL is used), or a URL given as is. */
    triggerId: id.optional(),
    webhookUrl: z.string().max(4096).optional(),
    secretId: z.string().max(200).nullable(),
    source: z
      .strictObject({
        accountIdentifier: z.string().max(128),
        orgIdentifier: z.string().max(128),
        projectIdentifier: z.string().max(128),
        pipelineIdentifier: z.string().max(128),
        pipelineName: z.string().max(200),
      })
      .partial()
      .optional(),
  }),

  ...accountRequests,

  // --- Notices: damaged files kept aside, history lines skipped, sandbox and keychain notes ---
  /** What the backend found while opening (and since), oldest first, until dismissed. */
  'notices:list': none,
  /** Dismisses one notice for every window; an id already gone is not an error. */
  'notices:dismiss': z.strictObject({ id }),

  ...folderRequests,
} as const;

export type RequestName = keyof typeof requests;
export type Args<K extends RequestName> = z.infer<(typeof requests)[K]>;

/** What each request answers; the account's and the folders' answers are in their own files. */
export interface Results extends AccountResults, FolderResults {
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
  /** `copied`: the backend put the command on the clipboard itself (Electron), and `command` is the redacted text. */
  'triggers:exportCurl': { command: string; copied: boolean };
  'payloads:save': Payload;
  'payloads:delete': null;
  'settings:get': Settings;
  'settings:update': Settings;
  /** `openInPage`: the web host cannot open the system browser, so the page opens the (checked) URL itself. */
  'shell:openExternal': { opened: boolean; openInPage: boolean; url: string };
  // Watches, history and the inspector
  'watches:list': WatchState[];
  'watch:start': WatchState;
  'watch:stop': WatchState;
  'watch:dismiss': null;
  /** `accepted`: Harness took the interrupt; the watch shows the run reaching Aborted. */
  'watch:abort': { accepted: boolean; message: string };
  'history:search': HistoryPage;
  'history:get': HistoryEntry;
  /** The new fire; its history entry and watch start as for any fire. */
  'history:refire': FireResult;
  'history:delete': null;
  'history:clear': { removed: number };
  'history:getRetention': HistoryRetention;
  'history:setRetention': HistoryRetention;
  'inspect:open': InspectResult;
  'inspect:report': { markdown: string };
  // Payload composer
  'triggers:setYaml': Trigger;
  'triggers:fetchYaml': { yaml: string };
  /** `notes`: plain words for what the backend decided, e.g. a key-shaped value moved to the keychain. */
  'triggers:setHeaders': { trigger: Trigger; notes: string[] };
  'triggers:setVariables': Trigger;
  'triggers:setVariableSecret': Trigger;
  // Condition lab and sample library
  'samples:list': Sample[];
  'samples:save': Sample;
  'samples:delete': null;
  // Pipeline chains
  'chains:list': ChainView[];
  'chains:save': ChainView;
  'chains:delete': null;
  'chains:run': ChainRun;
  'chains:stop': ChainRun;
  'chains:runs': ChainRun[];
  'chains:notificationYaml': NotificationRuleOutput;
  'notices:list': Notice[];
  'notices:dismiss': null;
}

export type Result<K extends RequestName> = Results[K];

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

/** Secrets a request carries in its own arguments, for redaction: the key of triggers:create / setKey, the value of a variable being made secret, and folders:setSecret's value. */
export function requestSecrets(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const { apiKey, value, secret, ref } = raw as { apiKey?: unknown; value?: unknown; secret?: unknown; ref?: unknown };
  const given = [apiKey, secret === true || typeof ref === 'string' ? value : undefined].filter(
    (v): v is string => typeof v === 'string' && v.trim().length > 0,
  );
  return given.flatMap((v) => [v, v.trim()]);
}

export type Handlers = { [K in RequestName]: (args: Args<K>) => Promise<Result<K>> };
export type Notify = <E extends EventName>(event: E, payload: Events[E]) => void;

/** What the preload (Electron) or the web client (browser) puts on `window.desk`. */
export interface DeskBridge {
  mode: 'electron' | 'web';
  request: { [K in RequestName]: (args: Args<K>) => Promise<Reply<Result<K>>> };
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
