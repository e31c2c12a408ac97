// Browsing the account: organizations → projects → pipelines → their custom webhook triggers, every
// page read. Triggers are listed per pipeline (Harness's trigger list is per target pipeline), and
// only custom webhooks are kept (type Webhook, webhookDetails.webhookSourceRepo CUSTOM).
import type {
  AccountOrg,
  AccountPipeline,
  AccountProject,
  RemoteTrigger,
  RemoteTriggerList,
} from '../../../shared/account-model';
import type { Ctx } from '../context';
import type { StoredTrigger } from '../store/index';
import type { Client } from './client';
import { clientFor } from './connection';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

export async function listOrgs(client: Client): Promise<AccountOrg[]> {
  const items = await client.all(
    {
      method: 'GET',
      path: '/ng/api/organizations',
      query: { accountIdentifier: client.target.accountIdentifier },
      what: 'list the organizations',
    },
    'ng',
  );
  return items.flatMap((c) => {
    const o = obj(obj(c)?.organization);
    const identifier = str(o?.identifier);
    return identifier ? [{ identifier, name: str(o?.name, identifier) }] : [];
  });
}

export async function listProjects(client: Client, orgIdentifier: string): Promise<AccountProject[]> {
  const items = await client.all(
    {
      method: 'GET',
      path: '/ng/api/projects',
      query: { accountIdentifier: client.target.accountIdentifier, orgIdentifier },
      what: `list the projects of ${orgIdentifier}`,
    },
    'ng',
  );
  return items.flatMap((c) => {
    const p = obj(obj(c)?.project);
    const identifier = str(p?.identifier);
    return identifier
      ? [{ orgIdentifier: str(p?.orgIdentifier, orgIdentifier), identifier, name: str(p?.name, identifier) }]
      : [];
  });
}

export async function listPipelines(client: Client, org: string, project: string): Promise<AccountPipeline[]> {
  const items = await client.all(
    {
      method: 'POST',
      path: '/pipeline/api/pipelines/list',
      query: { accountIdentifier: client.target.accountIdentifier, orgIdentifier: org, projectIdentifier: project },
      body: { filterType: 'PipelineSetup' },
      what: `list the pipelines of ${org}/${project}`,
      permission: 'core_pipeline_view',
    },
    'pipeline',
  );
  return items.flatMap((c) => {
    const p = obj(c);
    const identifier = str(p?.identifier);
    return identifier
      ? [{ orgIdentifier: org, projectIdentifier: project, identifier, name: str(p?.name, identifier) }]
      : [];
  });
}

export interface ListedTrigger {
  pipeline: AccountPipeline;
  identifier: string;
  name: string;
  enabled: boolean;
}

function isCustomWebhook(t: Json): boolean {
  return str(t.type) === 'Webhook' && str(obj(t.webhookDetails)?.webhookSourceRepo).toUpperCase() === 'CUSTOM';
}

/** The custom webhook triggers of the given pipelines, and how many other triggers were left out. */
export async function listCustomTriggers(
  client: Client,
  pipelines: AccountPipeline[],
): Promise<{ triggers: ListedTrigger[]; others: number }> {
  const triggers: ListedTrigger[] = [];
  let others = 0;
  for (const pipeline of pipelines) {
    const items = await client.all(
      {
        method: 'GET',
        path: '/pipeline/api/triggers',
        query: {
          accountIdentifier: client.target.accountIdentifier,
          orgIdentifier: pipeline.orgIdentifier,
          projectIdentifier: pipeline.projectIdentifier,
          targetIdentifier: pipeline.identifier,
        },
        what: `list the triggers of pipeline ${pipeline.name}`,
        permission: 'core_pipeline_view',
      },
      'pipeline',
    );
    for (const item of items) {
      const t = obj(item);
      const identifier = str(t?.identifier);
      if (!t || !identifier) continue;
      if (!isCustomWebhook(t)) {
        others++;
        continue;
      }
      triggers.push({ pipeline, identifier, name: str(t.name, identifier), enabled: t.enabled !== false });
    }
  }
  return { triggers, others };
}

/** The pipelines in view: one (looked up for its name) or all of the project. */
export async function pipelinesInView(
  client: Client,
  org: string,
  project: string,
  pipeline: string | undefined,
): Promise<AccountPipeline[]> {
  const all = await listPipelines(client, org, project);
  if (pipeline === undefined) return all;
  return [
    all.find((p) => p.identifier === pipeline) ?? {
      orgIdentifier: org,
      projectIdentifier: project,
      identifier: pipeline,
      name: pipeline,
    },
  ];
}

/** The live trigger of the workspace imported from this Harness trigger, if any. */
export function importedMatch(
  triggers: StoredTrigger[],
  workspaceId: string,
  id: { origin: string; account: string; org: string; project: string; pipeline: string; trigger: string },
): StoredTrigger | undefined {
  return triggers.find(
    (t) =>
      t.workspaceId === workspaceId &&
      t.deletedAt === null &&
      t.harness !== undefined &&
      t.harness.origin === id.origin &&
      t.harness.accountIdentifier === id.account &&
      t.harness.orgIdentifier === id.org &&
      t.harness.projectIdentifier === id.project &&
      t.harness.pipelineIdentifier === id.pipeline &&
      t.harness.triggerIdentifier === id.trigger,
  );
}

export async function remoteTriggers(
  ctx: Ctx,
  a: { workspaceId: string; orgIdentifier: string; projectIdentifier: string; pipelineIdentifier?: string | undefined },
): Promise<RemoteTriggerList> {
  const { client } = await clientFor(ctx, a.workspaceId);
  const pipelines = await pipelinesInView(client, a.orgIdentifier, a.projectIdentifier, a.pipelineIdentifier);
  const { triggers, others } = await listCustomTriggers(client, pipelines);
  const stored = ctx.data.read().triggers;
  const list: RemoteTrigger[] = triggers.map((t) => {
    const mine = importedMatch(stored, a.workspaceId, {
      origin: client.target.origin,
      account: client.target.accountIdentifier,
      org: a.orgIdentifier,
      project: a.projectIdentifier,
      pipeline: t.pipeline.identifier,
      trigger: t.identifier,
    });
    return {
      orgIdentifier: a.orgIdentifier,
      projectIdentifier: a.projectIdentifier,
      pipelineIdentifier: t.pipeline.identifier,
      pipelineName: t.pipeline.name,
      identifier: t.identifier,
      name: t.name,
      enabled: t.enabled,
      imported: mine?.harness ? { triggerId: mine.id, name: mine.name, state: mine.harness.state } : null,
    };
  });
  return { triggers: list, otherTriggers: others, notes: [...client.notes] };
}
