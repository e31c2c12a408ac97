// The store's own schema checker (electron/backend/store/validate.ts) against ajv, the JSON Schema
// validator conf used before: for every store schema, a valid document and every one-value change
// of it (each key and item set to a wrong type, out of range, removed) must pass or fail alike,
// with the same first reason, so no file is read more loosely than before.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  chainsSchema,
  compileSchema,
  dataSchema,
  describeProblem,
  samplesSchema,
  settingsSchema,
} from '../../electron/backend/store/index';

const ajv = new Ajv2020({ allowUnionTypes: true, strict: false });

/** ajv's first error in the words the store reports ("triggers.0.createdAt must be number"). */
function ajvReason(e: ErrorObject): string {
  const where = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const types: unknown = e.params.type;
  const list = Array.isArray(types) ? types.map(String) : typeof types === 'string' ? types.split(',') : null;
  const message = e.keyword === 'type' && list !== null ? `must be ${list.join(' or ')}` : (e.message ?? '');
  return where === '' ? message : `${where} ${message}`;
}

const keyInfo = { id: 'k1', label: 'Prod key', last4: 'abcd' };
const valid = {
  data: {
    workspaces: [{ id: 'w1', name: 'Prod', kind: 'user', createdAt: 1, deletedAt: null }],
    triggers: [
      {
        id: 't1',
        workspaceId: 'w1',
        name: 'Deploy',
        parsed: {
          url: 'https://app.harness.io/x',
          origin: 'https://app.harness.io',
          base: 'https://app.harness.io/gateway',
          form: 'v3',
          token: 'tok',
          accountIdentifier: 'acc',
          orgIdentifier: 'default',
          projectIdentifier: 'proj',
          pipelineIdentifier: 'pipe',
          triggerIdentifier: null,
        },
        key: keyInfo,
        headers: [{ name: 'X-A', value: '1', secret: null }],
        contentType: 'application/json',
        payloads: [{ id: 'p1', name: 'Main', body: '{}', updatedAt: 2 }],
        production: true,
        yaml: 'trigger: {}',
        variables: { env: 'prod' },
        secretVariables: { token: keyInfo },
        createdAt: 1,
        updatedAt: 2,
        deletedAt: null,
      },
    ],
    meta: { seededAt: 3, sandboxWorkspaceId: 'w1', sandboxBaseUrl: null, proxyPasswordId: null },
  },
  settings: {
    connectTimeoutMs: 10_000,
    totalTimeoutMs: 30_000,
    proxyMode: 'manual',
    proxyUrl: 'http://proxy:3128',
    extraCaPem: '',
    theme: 'dark',
  },
  samples: {
    samples: [
      {
        id: 's1',
        workspaceId: 'w1',
        name: 'Push',
        payload: '{}',
        headers: [{ name: 'X-B', value: '2' }],
        createdAt: 1,
        updatedAt: 1,
      },
    ],
  },
  chains: {
    chains: [
      {
        id: 'c1',
        workspaceId: 'w1',
        name: 'Release',
        steps: [{ triggerId: 't1', body: '{}', after: 'success' }],
        createdAt: 1,
        updatedAt: 1,
      },
    ],
    runs: [
      {
        id: 'r1',
        chainId: 'c1',
        chainName: 'Release',
        state: 'running',
        steps: [
          {
            triggerId: 't1',
            triggerName: 'Deploy',
            phase: 'firing',
            body: null,
            historyId: null,
            watchId: null,
            planExecutionId: null,
            status: null,
            message: null,
          },
        ],
        startedAt: 1,
        endedAt: null,
        message: null,
        seq: 1,
      },
    ],
  },
};

const schemas = {
  data: { type: 'object', required: ['workspaces', 'triggers', 'meta'], properties: dataSchema },
  settings: { type: 'object', properties: settingsSchema },
  samples: { type: 'object', properties: samplesSchema },
  chains: { type: 'object', properties: chainsSchema },
};

const REMOVE = Symbol('remove');
const WRONG: unknown[] = [
  REMOVE,
  null,
  5,
  -1,
  1.5,
  200_000,
  'x',
  'bad id with spaces',
  '',
  true,
  [],
  {},
  [5],
  { a: 1 },
];

/** Every document that differs from `doc` in one place (a key or item replaced or removed, an extra key). */
function* variants(doc: unknown): Generator {
  for (const w of WRONG) yield w === REMOVE ? undefined : w;
  if (Array.isArray(doc)) {
    const list = doc as unknown[];
    for (let i = 0; i < list.length; i++)
      for (const v of variants(list[i])) yield v === undefined ? list.filter((_, j) => j !== i) : list.with(i, v);
    yield [...list, 5];
  } else if (typeof doc === 'object' && doc !== null) {
    const obj = doc as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      for (const v of variants(obj[key])) {
        yield v === undefined
          ? Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key))
          : { ...obj, [key]: v };
      }
    }
    yield { ...obj, extra: 5 };
  }
}

describe('the store schema checker agrees with ajv', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`on ${name}: the valid document and every one-value change of it`, () => {
      const theirs = ajv.compile(schema);
      const ours = compileSchema(schema);
      const doc = valid[name as keyof typeof valid];
      expect(ours(doc)).toBeNull();
      let checked = 0;
      let failing = 0;
      for (const variant of variants(doc)) {
        if (variant === undefined) continue;
        const ok = theirs(variant);
        const problem = ours(variant);
        const theirReason = ok ? null : ajvReason(theirs.errors?.[0] as ErrorObject);
        expect(problem === null ? null : describeProblem(problem), JSON.stringify(variant).slice(0, 300)).toBe(
          theirReason,
        );
        checked++;
        if (!ok) failing++;
      }
      // The variants must reach deep and mostly fail, or this test proves little.
      expect(checked).toBeGreaterThan(name === 'data' ? 800 : 80);
      expect(failing / checked).toBeGreaterThan(0.7);
    });
  }

  it('refuses a schema keyword it does not know, rather than ignoring it', () => {
    expect(() => compileSchema({ type: 'string', maxLength: 3 })).toThrow(/unknown keyword "maxLength"/);
    expect(() => compileSchema({ type: 'object', properties: { a: { format: 'uri' } } })).toThrow(/a: unknown keyword/);
  });
});
