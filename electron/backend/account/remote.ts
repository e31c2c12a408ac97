// One Harness trigger's YAML and webhook URL (GET /triggers/{id} and /triggers/{id}/details), and
// the store's record of where an imported trigger came from.
import { createHash } from 'node:crypto';
import type { HarnessOrigin } from '../../../shared/account-model';
import { DeskError } from '../../../shared/errors';
import { findSecretInPayload } from '../../../shared/harness/payload-secrets';
import { parseTriggerYaml } from '../../../shared/harness/trigger-yaml';
import type { Client } from './client';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface RemoteId {
  org: string;
  project: string;
  pipeline: string;
  trigger: string;
}

export interface Fetched {
  name: string;
  yaml: string;
  webhookUrl: string;
}

export function yamlHash(yaml: string): string {
  return createHash('sha256').update(yaml).digest('hex');
}

function query(client: Client, id: RemoteId): Record<string, string> {
  return {
    accountIdentifier: client.target.accountIdentifier,
    orgIdentifier: id.org,
    projectIdentifier: id.project,
    targetIdentifier: id.pipeline,
  };
}

/** The YAML only (what "changed in Harness" compares); null when Harness no longer has the trigger. */
export async function fetchYaml(client: Client, id: RemoteId): Promise<{ name: string; yaml: string } | null> {
  try {
    const data = obj(
      await client.call({
        method: 'GET',
        path: `/pipeline/api/triggers/${encodeURIComponent(id.trigger)}`,
        query: query(client, id),
        what: `read the trigger ${id.trigger}`,
        permission: 'core_pipeline_view',
      }),
    );
    const yaml = str(data?.yaml);
    if (yaml.trim() === '')
      throw new DeskError('parse', `Harness answered without the YAML of the trigger ${id.trigger} (data.yaml).`);
    return { name: str(data?.name) || id.trigger, yaml };
  } catch (err) {
    if (err instanceof DeskError && err.code === 'not-found') return null;
    throw err;
  }
}

/** YAML and webhook URL; null when Harness no longer has the trigger. */
export async function fetchTrigger(client: Client, id: RemoteId): Promise<Fetched | null> {
  const got = await fetchYaml(client, id);
  if (got === null) return null;
  const details = obj(
    await client.call({
      method: 'GET',
      path: `/pipeline/api/triggers/${encodeURIComponent(id.trigger)}/details`,
      query: query(client, id),
      what: `read the details of the trigger ${id.trigger}`,
      permission: 'core_pipeline_view',
      unredacted: true,
    }),
  );
  const webhookUrl = str(details?.webhookUrl);
  if (webhookUrl === '')
    throw new DeskError('parse', `Harness answered without the webhook URL of the trigger ${id.trigger} (webhookUrl).`);
  return { ...got, webhookUrl };
}

/** The YAML as the store may keep it, or why not (it stays out; the trigger is still imported). */
export function storableYaml(yaml: string, secrets: readonly string[]): { yaml: string | null; why: string | null } {
  const spot = findSecretInPayload(yaml, secrets);
  if (spot)
    return {
      yaml: null,
      why: `its YAML holds something shaped like a key at line ${spot.line}, column ${spot.column}, so the YAML was not stored`,
    };
  try {
    parseTriggerYaml(yaml);
  } catch (err) {
    return { yaml: null, why: `its YAML could not be read (${err instanceof Error ? err.message : String(err)})` };
  }
  return { yaml, why: null };
}

export function originRecord(client: Client, id: RemoteId, hash: string, now: number, importedAt = now): HarnessOrigin {
  return {
    origin: client.target.origin,
    accountIdentifier: client.target.accountIdentifier,
    orgIdentifier: id.org,
    projectIdentifier: id.project,
    pipelineIdentifier: id.pipeline,
    triggerIdentifier: id.trigger,
    yamlHash: hash,
    state: 'current',
    checkedAt: now,
    importedAt,
  };
}
