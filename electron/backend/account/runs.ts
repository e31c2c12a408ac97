// A pipeline's recent runs (any trigger, any user) and following one of them in a watch. The watch
// polls GET /pipelines/execution/v2/{planExecutionId} (the view the fire watches and the inspector
// show); its key is the connection's, chosen by origin and account (watch/key.ts).
import type { RunStarter, RunSummary, RunsPage } from '../../../shared/account-model';
import { executionWords } from '../../../shared/harness/execution-status-words';
import type { WatchState } from '../../../shared/watch-model';
import type { Ctx } from '../context';
import type { WatchDesk } from '../fire/index';
import type { Client } from './client';
import { clientFor } from './connection';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const STARTERS: Record<string, string> = {
  MANUAL: 'Manual run',
  WEBHOOK_CUSTOM: 'Custom webhook trigger',
  WEBHOOK: 'Git webhook trigger',
  SCHEDULER_CRON: 'Scheduled trigger',
  ARTIFACT: 'Artifact trigger',
  MANIFEST: 'Manifest trigger',
};

export function starterOf(info: Json | null): RunStarter {
  const type = str(info?.triggerType) || 'UNKNOWN';
  const by = obj(info?.triggeredBy);
  const extra = obj(by?.extraInfo);
  const identifier = str(by?.triggerIdentifier) || str(by?.identifier) || null;
  const email = str(extra?.email) || null;
  const what = STARTERS[type] ?? type;
  const who = type === 'MANUAL' ? (email ?? identifier) : identifier;
  return { type, words: who ? `${what} ${type === 'MANUAL' ? 'by ' : ''}${who}` : what, identifier, email };
}

export function runOf(s: Json, fallback: { org: string; project: string }): RunSummary {
  const status = str(s.status) || 'NotStarted';
  return {
    planExecutionId: str(s.planExecutionId),
    pipelineIdentifier: str(s.pipelineIdentifier),
    name: str(s.name) || str(s.pipelineIdentifier),
    runSequence: num(s.runSequence),
    status: executionWords(status),
    startTs: num(s.startTs),
    endTs: num(s.endTs),
    startedBy: starterOf(obj(s.executionTriggerInfo)),
    waitingApproval: status === 'ApprovalWaiting',
    orgIdentifier: str(s.orgIdentifier) || fallback.org,
    projectIdentifier: str(s.projectIdentifier) || fallback.project,
  };
}

export async function listRuns(
  ctx: Ctx,
  a: {
    workspaceId: string;
    orgIdentifier: string;
    projectIdentifier: string;
    pipelineIdentifier: string;
    page?: number | undefined;
    size?: number | undefined;
  },
): Promise<RunsPage> {
  const { client } = await clientFor(ctx, a.workspaceId);
  const page = a.page ?? 0;
  const size = a.size ?? 20;
  const data = obj(
    await client.call({
      method: 'POST',
      path: '/pipeline/api/pipelines/execution/summary',
      query: {
        accountIdentifier: client.target.accountIdentifier,
        orgIdentifier: a.orgIdentifier,
        projectIdentifier: a.projectIdentifier,
        pipelineIdentifier: a.pipelineIdentifier,
        page,
        size,
      },
      body: { filterType: 'PipelineExecution' },
      what: `list the runs of pipeline ${a.pipelineIdentifier}`,
      permission: 'core_pipeline_view',
    }),
  );
  const content = Array.isArray(data?.content) ? data.content : [];
  const runs = content.flatMap((c) => {
    const s = obj(c);
    return s && str(s.planExecutionId) ? [runOf(s, { org: a.orgIdentifier, project: a.projectIdentifier })] : [];
  });
  return {
    runs,
    page: num(data?.pageIndex) ?? num(data?.number) ?? page,
    size,
    totalPages: num(data?.totalPages) ?? 1,
    totalItems: num(data?.totalItems) ?? num(data?.totalElements) ?? runs.length,
  };
}

export function executionUrl(client: Client, org: string, project: string, planExecutionId: string): string {
  const q = new URLSearchParams({
    accountIdentifier: client.target.accountIdentifier,
    orgIdentifier: org,
    projectIdentifier: project,
  });
  return `${client.target.baseUrl}/pipeline/api/pipelines/execution/v2/${encodeURIComponent(planExecutionId)}?${q.toString()}`;
}

/** The run's summary (execution/v2), or the refusal in plain words. */
export async function readExecution(client: Client, org: string, project: string, id: string): Promise<Json> {
  const data = obj(
    await client.call({
      method: 'GET',
      path: `/pipeline/api/pipelines/execution/v2/${encodeURIComponent(id)}`,
      query: { accountIdentifier: client.target.accountIdentifier, orgIdentifier: org, projectIdentifier: project },
      what: `read the run ${id}`,
      permission: 'core_pipeline_view',
    }),
  );
  return obj(data?.pipelineExecutionSummary) ?? {};
}

export async function watchRun(
  ctx: Ctx,
  desk: WatchDesk,
  a: { workspaceId: string; orgIdentifier: string; projectIdentifier: string; planExecutionId: string },
): Promise<WatchState> {
  const { client } = await clientFor(ctx, a.workspaceId);
  // Read once first: a refusal is said now, in words, rather than as a stopped watch.
  const s = await readExecution(client, a.orgIdentifier, a.projectIdentifier, a.planExecutionId);
  const seq = num(s.runSequence);
  const name = `${str(s.name) || str(s.pipelineIdentifier) || 'Run'}${seq === null ? '' : ` #${seq}`}`;
  const apiUrl = executionUrl(client, a.orgIdentifier, a.projectIdentifier, a.planExecutionId);
  const running = desk.watches.list().find((w) => w.apiUrl === apiUrl && w.ended === null);
  return running ?? desk.watches.start({ historyId: null, triggerId: null, triggerName: name, apiUrl });
}
