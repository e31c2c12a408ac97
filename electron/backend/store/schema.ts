// What the store files hold, and the JSON schemas conf checks them against on every read and
// write. The same schemas check each item when a file is damaged: the items that pass are kept, the
// others are reported and the file is kept aside as it was (store.ts, docs/ARCHITECTURE.md).
import type { Chain, ChainRun } from '../../../shared/chain-model';
import type { Sample } from '../../../shared/conditions-model';
import type { Settings, Trigger, Workspace } from '../../../shared/model';
import type { AccountConnection, AccountTest } from '../../../shared/account-model';

export type StoredWorkspace = Workspace & { deletedAt: number | null };
export type StoredTrigger = Trigger & { deletedAt: number | null };

export type Meta = {
  /** When the sandbox workspace was seeded (null: not yet). */
  seededAt: number | null;
  sandboxWorkspaceId: string | null;
  /** Where the sandbox answered last time, so its triggers can follow it to a new port. */
  sandboxBaseUrl: string | null;
  /** Vault id of the manual proxy's password (the settings file keeps the URL without it). */
  proxyPasswordId: string | null;
};

/** A workspace's Harness account connection (account/): the key itself is in the vault. */
export type StoredConnection = Omit<AccountConnection, 'origin' | 'lastTest'> & { lastTest: AccountTest | null };

export type DataDoc = {
  workspaces: StoredWorkspace[];
  triggers: StoredTrigger[];
  meta: Meta;
  /** Optional: files written before account connections have none. */
  connections?: StoredConnection[];
};

/** Settings as a plain object type (conf wants an index-compatible type; an interface is not). */
export type SettingsDoc = { [K in keyof Settings]: Settings[K] };

export const DEFAULT_SETTINGS: Settings = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  proxyMode: 'system',
  proxyUrl: '',
  extraCaPem: '',
  theme: 'system',
};

export function emptyData(): DataDoc {
  return {
    workspaces: [],
    triggers: [],
    meta: { seededAt: null, sandboxWorkspaceId: null, sandboxBaseUrl: null, proxyPasswordId: null },
    connections: [],
  };
}

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const time = { type: 'number', minimum: 0 } as const;
const nullableTime = { type: ['number', 'null'], minimum: 0 } as const;
const id = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;

const keyInfo = {
  type: 'object',
  required: ['id', 'label', 'last4'],
  properties: { id, label: str, last4: str },
} as const;

const triggerUrl = {
  type: 'object',
  required: [
    'url',
    'origin',
    'base',
    'form',
    'token',
    'accountIdentifier',
    'orgIdentifier',
    'projectIdentifier',
    'pipelineIdentifier',
    'triggerIdentifier',
  ],
  properties: {
    url: str,
    origin: str,
    base: str,
    form: { enum: ['v2', 'v3'] },
    token: nullableStr,
    accountIdentifier: str,
    orgIdentifier: str,
    projectIdentifier: str,
    pipelineIdentifier: nullableStr,
    triggerIdentifier: nullableStr,
  },
} as const;

const harnessOrigin = {
  type: 'object',
  required: [
    'origin',
    'accountIdentifier',
    'orgIdentifier',
    'projectIdentifier',
    'pipelineIdentifier',
    'triggerIdentifier',
    'yamlHash',
    'state',
    'checkedAt',
    'importedAt',
  ],
  properties: {
    origin: str,
    accountIdentifier: str,
    orgIdentifier: str,
    projectIdentifier: str,
    pipelineIdentifier: str,
    triggerIdentifier: str,
    yamlHash: str,
    state: { enum: ['current', 'changed', 'deleted'] },
    checkedAt: time,
    importedAt: time,
  },
} as const;

const connection = {
  type: 'object',
  required: ['workspaceId', 'baseUrl', 'accountIdentifier', 'key', 'createdAt', 'updatedAt', 'lastTest'],
  properties: {
    workspaceId: id,
    baseUrl: str,
    accountIdentifier: str,
    key: { anyOf: [keyInfo, { type: 'null' }] },
    createdAt: time,
    updatedAt: time,
    // The last test's answer, as shown (plain words; no secret in it).
    lastTest: { anyOf: [{ type: 'object' }, { type: 'null' }] },
  },
} as const;

const workspace = {
  type: 'object',
  required: ['id', 'name', 'kind', 'createdAt', 'deletedAt'],
  properties: { id, name: str, kind: { enum: ['sandbox', 'user'] }, createdAt: time, deletedAt: nullableTime },
} as const;

const trigger = {
  type: 'object',
  required: [
    'id',
    'workspaceId',
    'name',
    'parsed',
    'key',
    'headers',
    'contentType',
    'payloads',
    'production',
    'createdAt',
    'updatedAt',
    'deletedAt',
  ],
  properties: {
    id,
    workspaceId: id,
    name: str,
    parsed: triggerUrl,
    key: { anyOf: [keyInfo, { type: 'null' }] },
    headers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'value', 'secret'],
        properties: { name: str, value: str, secret: { anyOf: [keyInfo, { type: 'null' }] } },
      },
    },
    contentType: str,
    payloads: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'body', 'updatedAt'],
        properties: { id, name: str, body: str, updatedAt: time },
      },
    },
    production: { type: 'boolean' },
    // Optional: the trigger's YAML when known, and the last values of payload variables.
    yaml: str,
    variables: { type: 'object', additionalProperties: str },
    // Optional: payload variables kept in the vault (name → KeyInfo).
    secretVariables: { type: 'object', additionalProperties: keyInfo },
    // Optional: where an imported trigger came from (account/).
    harness: harnessOrigin,
    createdAt: time,
    updatedAt: time,
    deletedAt: nullableTime,
  },
} as const;

export const dataSchema = {
  workspaces: { type: 'array', items: workspace },
  triggers: { type: 'array', items: trigger },
  connections: { type: 'array', items: connection },
  meta: {
    type: 'object',
    required: ['seededAt', 'sandboxWorkspaceId', 'sandboxBaseUrl', 'proxyPasswordId'],
    properties: {
      seededAt: nullableTime,
      sandboxWorkspaceId: { anyOf: [id, { type: 'null' }] },
      sandboxBaseUrl: nullableStr,
      proxyPasswordId: { anyOf: [id, { type: 'null' }] },
    },
  },
} as const;

export const settingsSchema = {
  connectTimeoutMs: { type: 'integer', minimum: 500, maximum: 120_000 },
  totalTimeoutMs: { type: 'integer', minimum: 1000, maximum: 600_000 },
  proxyMode: { enum: ['system', 'manual', 'none'] },
  proxyUrl: str,
  extraCaPem: str,
  theme: { enum: ['system', 'light', 'dark'] },
} as const;

// --- samples.json: the condition lab's sample library ---
export type SamplesDoc = { samples: Sample[] };

export const samplesSchema = {
  samples: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'workspaceId', 'name', 'payload', 'headers', 'createdAt', 'updatedAt'],
      properties: {
        id,
        workspaceId: id,
        name: str,
        payload: str,
        headers: {
          type: 'array',
          items: { type: 'object', required: ['name', 'value'], properties: { name: str, value: str } },
        },
        createdAt: time,
        updatedAt: time,
      },
    },
  },
} as const;

// --- chains.json: saved chains and the record of their runs ---
export type ChainsDoc = { chains: Chain[]; runs: ChainRun[] };

const nullableNumber = { type: ['number', 'null'] } as const;
const chainStep = {
  type: 'object',
  required: ['triggerId', 'body', 'after'],
  properties: { triggerId: id, body: str, after: { enum: ['success', 'terminal'] } },
} as const;
const chainStepRun = {
  type: 'object',
  required: [
    'triggerId',
    'triggerName',
    'phase',
    'body',
    'historyId',
    'watchId',
    'planExecutionId',
    'status',
    'message',
  ],
  properties: {
    triggerId: str,
    triggerName: str,
    phase: { enum: ['waiting', 'firing', 'running', 'succeeded', 'ended', 'failed', 'skipped', 'stopped'] },
    body: nullableStr,
    historyId: nullableStr,
    watchId: nullableStr,
    planExecutionId: nullableStr,
    status: nullableStr,
    message: nullableStr,
  },
} as const;

export const chainsSchema = {
  chains: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'workspaceId', 'name', 'steps', 'createdAt', 'updatedAt'],
      properties: {
        id,
        workspaceId: id,
        name: str,
        steps: { type: 'array', items: chainStep },
        createdAt: time,
        updatedAt: time,
      },
    },
  },
  runs: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'chainId', 'chainName', 'state', 'steps', 'startedAt', 'endedAt', 'message', 'seq'],
      properties: {
        id,
        chainId: str,
        chainName: str,
        state: { enum: ['running', 'succeeded', 'failed', 'stopped'] },
        steps: { type: 'array', items: chainStepRun },
        startedAt: time,
        endedAt: nullableNumber,
        message: nullableStr,
        seq: { type: 'number' },
      },
    },
  },
} as const;
