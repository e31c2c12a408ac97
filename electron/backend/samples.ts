// The sample library (issue 4): named payload + headers per workspace, for the condition lab and
// its matrix. Its own conf file, samples.json, beside data.json (schema-checked, versioned, atomic
// writes), so the trigger store's format is untouched. Samples are plain text: anything shaped like
// a key is refused rather than written to disk.
import { dirname, join } from 'node:path';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Conf from 'conf';
import { DeskError } from '../../shared/errors';
import type { Sample, SampleHeader } from '../../shared/conditions-model';
import { redact } from '../../shared/harness/redact';
import { liveWorkspace, type Ctx } from './context';
import { newId } from './ids';

export const SAMPLES_FORMAT = '1.0.0';
/** Enough for a real library; a matrix of more is a load test, not a review. */
export const MAX_SAMPLES_PER_WORKSPACE = 500;

type SamplesDoc = { samples: Sample[] };

const str = { type: 'string' } as const;
const time = { type: 'number', minimum: 0 } as const;
const schema = {
  samples: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'workspaceId', 'name', 'payload', 'headers', 'createdAt', 'updatedAt'],
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
        workspaceId: str,
        name: str,
        payload: str,
        headers: { type: 'array', items: { type: 'object', required: ['name', 'value'], properties: { name: str, value: str } } },
        createdAt: time,
        updatedAt: time,
      },
    },
  },
} as const;

/** One conf per data folder (the backend, its tests and the CLI may each open one). */
const opened = new WeakMap<object, Conf<SamplesDoc>>();

function openSamples(dataDir: string): Conf<SamplesDoc> {
  const options = {
    cwd: dataDir,
    configName: 'samples',
    projectVersion: SAMPLES_FORMAT,
    migrations: {},
    defaults: { samples: [] },
    schema,
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    serialize: (value: unknown) => JSON.stringify(value, undefined, 2),
  };
  try {
    return new Conf<SamplesDoc>(options);
  } catch (err) {
    // Unreadable: kept aside byte for byte, a fresh library started (as store.ts does for data.json).
    const path = join(dataDir, 'samples.json');
    if (!existsSync(path)) throw err;
    const aside = join(dataDir, `samples.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(aside, readFileSync(path), { mode: 0o600, flag: 'wx' });
    rmSync(path, { force: true });
    process.stderr.write(`trigger-desk: the sample library ${path} could not be read; it was kept as ${aside}.\n`);
    return new Conf<SamplesDoc>(options);
  }
}

function conf(ctx: Ctx): Conf<SamplesDoc> {
  let c = opened.get(ctx.data);
  if (!c) {
    c = openSamples(dirname(ctx.data.path));
    opened.set(ctx.data, c);
  }
  return c;
}

function refuseSecrets(ctx: Ctx, name: string, payload: string, headers: SampleHeader[]): void {
  const known = [...ctx.vault.knownSecrets()];
  for (const h of headers) {
    if (h.name.trim().toLowerCase() === 'x-api-key') {
      throw new DeskError('invalid-args', `Sample "${name}": an X-Api-Key header does not belong in a sample (samples are plain text); the trigger's key is sent from the vault`);
    }
    if (redact(h.value, known) !== h.value) throw new DeskError('invalid-args', `Sample "${name}": the value of header ${h.name} looks like an API key or token; samples are stored as plain text, so it was not saved`);
  }
  if (redact(payload, known) !== payload) throw new DeskError('invalid-args', `Sample "${name}": the payload holds something shaped like an API key or token; samples are stored as plain text, so it was not saved`);
}

export function listSamples(ctx: Ctx, a: { workspaceId: string }): Sample[] {
  liveWorkspace(ctx.data.read(), a.workspaceId);
  return conf(ctx).store.samples.filter((s) => s.workspaceId === a.workspaceId);
}

export function saveSample(ctx: Ctx, a: { workspaceId: string; id?: string | undefined; name: string; payload: string; headers: SampleHeader[] }): Sample {
  liveWorkspace(ctx.data.read(), a.workspaceId);
  const headers = a.headers.map((h) => ({ name: h.name.trim(), value: h.value }));
  refuseSecrets(ctx, a.name, a.payload, headers);
  const c = conf(ctx);
  const all = c.store.samples;
  const now = ctx.now();
  const mine = all.filter((s) => s.workspaceId === a.workspaceId);
  const existing = a.id === undefined ? undefined : mine.find((s) => s.id === a.id);
  if (a.id !== undefined && !existing) throw new DeskError('not-found', 'That sample does not exist (it may have been deleted).');
  if (mine.some((s) => s.id !== a.id && s.name.toLowerCase() === a.name.toLowerCase())) {
    throw new DeskError('invalid-args', `This workspace already has a sample named "${a.name}"`, { hint: 'Pick another name, or open that sample and save over it.' });
  }
  if (!existing && mine.length >= MAX_SAMPLES_PER_WORKSPACE) throw new DeskError('invalid-args', `A workspace keeps at most ${MAX_SAMPLES_PER_WORKSPACE} samples`);
  const sample: Sample = {
    id: existing?.id ?? newId(), workspaceId: a.workspaceId, name: a.name, payload: a.payload, headers,
    createdAt: existing?.createdAt ?? now, updatedAt: now,
  };
  c.store = { samples: existing ? all.map((s) => (s.id === sample.id ? sample : s)) : [...all, sample] };
  return sample;
}

export function deleteSample(ctx: Ctx, a: { workspaceId: string; id: string }): void {
  const c = conf(ctx);
  const all = c.store.samples;
  if (!all.some((s) => s.id === a.id && s.workspaceId === a.workspaceId)) throw new DeskError('not-found', 'That sample does not exist (it may have been deleted).');
  c.store = { samples: all.filter((s) => s.id !== a.id) };
}
