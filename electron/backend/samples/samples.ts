// The sample library: named payload + headers per workspace, for the condition lab and
// its matrix. Its own file, samples.json, beside data.json, opened like every store (store/store.ts:
// schema-checked, versioned, atomic writes, damaged items set aside), so the trigger store's format
// is untouched. Samples are plain text: anything shaped like a key is refused rather than written.
import { DeskError } from '../../../shared/errors';
import type { Sample, SampleHeader } from '../../../shared/conditions-model';
import { redact } from '../../../shared/harness/redact';
import { liveWorkspace, type Ctx } from '../context';
import { newId } from '../store/index';

/** Enough for a real library; a matrix of more is a load test, not a review. */
export const MAX_SAMPLES_PER_WORKSPACE = 500;

function refuseSecrets(ctx: Ctx, name: string, payload: string, headers: SampleHeader[]): void {
  const known = [...ctx.vault.knownSecrets()];
  for (const h of headers) {
    if (h.name.trim().toLowerCase() === 'x-api-key') {
      throw new DeskError(
        'invalid-args',
        `Sample "${name}": an X-Api-Key header does not belong in a sample (samples are plain text); the trigger's key is sent from the vault`,
      );
    }
    if (redact(h.value, known) !== h.value)
      throw new DeskError(
        'invalid-args',
        `Sample "${name}": the value of header ${h.name} looks like an API key or token; samples are stored as plain text, so it was not saved`,
      );
  }
  if (redact(payload, known) !== payload)
    throw new DeskError(
      'invalid-args',
      `Sample "${name}": the payload holds something shaped like an API key or token; samples are stored as plain text, so it was not saved`,
    );
}

export function listSamples(ctx: Ctx, a: { workspaceId: string }): Sample[] {
  liveWorkspace(ctx.data.read(), a.workspaceId);
  return ctx.samples.read().samples.filter((s) => s.workspaceId === a.workspaceId);
}

export function saveSample(
  ctx: Ctx,
  a: { workspaceId: string; id?: string | undefined; name: string; payload: string; headers: SampleHeader[] },
): Sample {
  liveWorkspace(ctx.data.read(), a.workspaceId);
  const headers = a.headers.map((h) => ({ name: h.name.trim(), value: h.value }));
  refuseSecrets(ctx, a.name, a.payload, headers);
  const all = ctx.samples.read().samples;
  const now = ctx.now();
  const mine = all.filter((s) => s.workspaceId === a.workspaceId);
  const existing = a.id === undefined ? undefined : mine.find((s) => s.id === a.id);
  if (a.id !== undefined && !existing)
    throw new DeskError('not-found', 'That sample does not exist (it may have been deleted).');
  if (mine.some((s) => s.id !== a.id && s.name.toLowerCase() === a.name.toLowerCase())) {
    throw new DeskError('invalid-args', `This workspace already has a sample named "${a.name}"`, {
      hint: 'Pick another name, or open that sample and save over it.',
    });
  }
  if (!existing && mine.length >= MAX_SAMPLES_PER_WORKSPACE)
    throw new DeskError('invalid-args', `A workspace keeps at most ${MAX_SAMPLES_PER_WORKSPACE} samples`);
  const sample: Sample = {
    id: existing?.id ?? newId(),
    workspaceId: a.workspaceId,
    name: a.name,
    payload: a.payload,
    headers,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  ctx.samples.update((doc) => {
    doc.samples = existing ? all.map((s) => (s.id === sample.id ? sample : s)) : [...all, sample];
  });
  return sample;
}

export function deleteSample(ctx: Ctx, a: { workspaceId: string; id: string }): void {
  const all = ctx.samples.read().samples;
  if (!all.some((s) => s.id === a.id && s.workspaceId === a.workspaceId))
    throw new DeskError('not-found', 'That sample does not exist (it may have been deleted).');
  ctx.samples.update((doc) => {
    doc.samples = all.filter((s) => s.id !== a.id);
  });
}
