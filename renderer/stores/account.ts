// The Account view's state: one workspace's Harness connection, the browser (org → project →
// pipelines and their custom triggers) and the last import's report. Every failure is kept beside
// the part the user acted on (`errors`), in the backend's plain words.
import { create } from 'zustand';
import type {
  AccountConnection,
  AccountOrg,
  AccountPipeline,
  AccountProject,
  AccountTest,
  ImportReport,
  RemoteTriggerList,
} from '../../shared/account-model';
import type { Reply } from '../../shared/errors';
import { desk, errorText, request } from '../bridge';
import { showToast } from './toasts';
import { replaceTrigger } from './workspaces';

/** Where a failure is shown: the form, the test, the browser, the import. */
export type AccountPart = 'connect' | 'test' | 'browse' | 'import';

/** What is being imported: a project's triggers, a pipeline's, or one trigger. */
export interface ImportScope {
  pipelineIdentifier?: string;
  triggerIdentifier?: string;
}

interface AccountState {
  workspaceId: string | null;
  /** undefined: not loaded yet; null: this workspace has no connection. */
  connection: AccountConnection | null | undefined;
  test: AccountTest | null;
  busy: Partial<Record<AccountPart, boolean>>;
  errors: Partial<Record<AccountPart, string | undefined>>;
  orgs: AccountOrg[] | null;
  org: string | null;
  projects: AccountProject[] | null;
  project: string | null;
  pipelines: AccountPipeline[] | null;
  remote: RemoteTriggerList | null;
  /** The import that runs (a key of `importKey`), and the backend's progress words while it does. */
  importing: string | null;
  progress: string | null;
  report: ImportReport | null;
}

const EMPTY_BROWSER = {
  orgs: null,
  org: null,
  projects: null,
  project: null,
  pipelines: null,
  remote: null,
  report: null,
} as const;

/** The state of a workspace just opened (or of none yet): nothing loaded. */
function opened(workspaceId: string | null): AccountState {
  return {
    workspaceId,
    connection: undefined,
    test: null,
    busy: {},
    errors: {},
    importing: null,
    progress: null,
    ...EMPTY_BROWSER,
  };
}

export const useAccount = create<AccountState>(() => opened(null));

function setBusy(part: AccountPart, busy: boolean, error?: string): void {
  useAccount.setState((s) => ({ busy: { ...s.busy, [part]: busy }, errors: { ...s.errors, [part]: error } }));
}

/** True when the answer is for the workspace still shown (a slow answer for another one is dropped). */
function current(workspaceId: string): boolean {
  return useAccount.getState().workspaceId === workspaceId;
}

/**
 * One request on behalf of a part: the part is busy meanwhile and a failure is kept beside it. Answers
 * the reply's value, or null when it failed or is stale (another workspace shown, or `stillWanted` false).
 */
async function ask<T>(
  part: AccountPart,
  workspaceId: string,
  send: () => Promise<Reply<T>>,
  stillWanted: () => boolean = () => true,
): Promise<{ value: T } | null> {
  setBusy(part, true);
  const reply = await send();
  if (!current(workspaceId) || !stillWanted()) return null;
  if (!reply.ok) {
    setBusy(part, false, errorText(reply.error));
    return null;
  }
  setBusy(part, false);
  return { value: reply.value };
}

export function importKey(scope: ImportScope): string {
  return `${scope.pipelineIdentifier ?? '*'}/${scope.triggerIdentifier ?? '*'}`;
}

export async function openAccount(workspaceId: string): Promise<void> {
  useAccount.setState(opened(workspaceId));
  const reply = await request('account:get', { workspaceId });
  if (!current(workspaceId)) return;
  if (!reply.ok) {
    useAccount.setState({ connection: null, errors: { connect: errorText(reply.error) } });
    return;
  }
  useAccount.setState({ connection: reply.value, test: reply.value?.lastTest ?? null });
  if (reply.value?.key) void loadOrgs();
}

/** Saves base URL, account and (when typed) a new key, then tests the connection at once. */
export async function connect(o: { baseUrl: string; accountIdentifier: string; apiKey: string }): Promise<boolean> {
  const workspaceId = useAccount.getState().workspaceId;
  if (!workspaceId) return false;
  const args = {
    workspaceId,
    accountIdentifier: o.accountIdentifier.trim(),
    ...(o.baseUrl.trim() === '' ? {} : { baseUrl: o.baseUrl.trim() }),
    ...(o.apiKey === '' ? {} : { apiKey: o.apiKey }),
  };
  const reply = await ask('connect', workspaceId, () => request('account:connect', args));
  if (!reply) return false;
  useAccount.setState({ connection: reply.value });
  await testConnection();
  return true;
}

export async function testConnection(): Promise<void> {
  const workspaceId = useAccount.getState().workspaceId;
  if (!workspaceId) return;
  const reply = await ask('test', workspaceId, () => request('account:test', { workspaceId }));
  if (!reply) return;
  useAccount.setState({ test: reply.value });
  if (reply.value.ok && useAccount.getState().orgs === null) void loadOrgs();
}

export async function disconnect(): Promise<void> {
  const workspaceId = useAccount.getState().workspaceId;
  if (!workspaceId) return;
  const reply = await request('account:disconnect', { workspaceId });
  if (!reply.ok) {
    setBusy('connect', false, errorText(reply.error));
    return;
  }
  useAccount.setState({ connection: null, test: null, errors: {}, ...EMPTY_BROWSER });
  showToast('Disconnected: the account key is gone from the keychain; imported triggers stay.');
}

async function loadOrgs(): Promise<void> {
  const workspaceId = useAccount.getState().workspaceId;
  if (!workspaceId) return;
  const reply = await ask('browse', workspaceId, () => request('account:orgs', { workspaceId }));
  if (!reply) return;
  useAccount.setState({ orgs: reply.value });
  const only = reply.value.length === 1 ? reply.value[0] : undefined;
  if (only) await chooseOrg(only.identifier);
}

export async function chooseOrg(org: string): Promise<void> {
  const workspaceId = useAccount.getState().workspaceId;
  if (!workspaceId) return;
  useAccount.setState({ org, projects: null, project: null, pipelines: null, remote: null, report: null });
  if (org === '') return;
  const reply = await ask(
    'browse',
    workspaceId,
    () => request('account:projects', { workspaceId, orgIdentifier: org }),
    () => useAccount.getState().org === org,
  );
  if (!reply) return;
  useAccount.setState({ projects: reply.value });
}

export async function chooseProject(project: string): Promise<void> {
  useAccount.setState({ project, pipelines: null, remote: null, report: null });
  if (project !== '') await loadProject();
}

/** The project's pipelines and custom triggers, with what the workspace has of each. */
export async function loadProject(): Promise<void> {
  const { workspaceId, org, project } = useAccount.getState();
  if (!workspaceId || !org || !project) return;
  setBusy('browse', true);
  const scope = { workspaceId, orgIdentifier: org, projectIdentifier: project };
  const [pipelines, remote] = await Promise.all([
    request('account:pipelines', scope),
    request('account:triggers', scope),
  ]);
  const now = useAccount.getState();
  if (!current(workspaceId) || now.org !== org || now.project !== project) return;
  const failed = !pipelines.ok ? pipelines.error : !remote.ok ? remote.error : null;
  setBusy('browse', false, failed ? errorText(failed) : undefined);
  useAccount.setState({
    pipelines: pipelines.ok ? pipelines.value : null,
    remote: remote.ok ? remote.value : null,
  });
}

function outcomeText(report: ImportReport): string {
  const c = report.counts;
  const parts = [
    c.created > 0 ? `${c.created} new` : '',
    c.updated > 0 ? `${c.updated} updated` : '',
    c.unchanged > 0 ? `${c.unchanged} unchanged` : '',
    c.failed > 0 ? `${c.failed} failed` : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(', ') : 'nothing to import';
}

/** Imports the project's, a pipeline's or one trigger's custom triggers, each with its YAML. */
export async function importTriggers(scope: ImportScope): Promise<void> {
  const { workspaceId, org, project } = useAccount.getState();
  if (!workspaceId || !org || !project) return;
  useAccount.setState({ importing: importKey(scope), progress: null, report: null });
  const reply = await ask('import', workspaceId, () =>
    request('account:import', { workspaceId, orgIdentifier: org, projectIdentifier: project, ...scope }),
  );
  if (current(workspaceId)) useAccount.setState({ importing: null, progress: null });
  if (!reply) return;
  useAccount.setState({ report: reply.value });
  showToast(`Import from Harness: ${outcomeText(reply.value)}.`, {
    tone: reply.value.counts.failed > 0 ? 'error' : 'info',
  });
  await loadProject();
}

/** Compares every imported trigger of the workspace with Harness (marks changed / deleted). */
export async function checkImported(): Promise<void> {
  const workspaceId = useAccount.getState().workspaceId;
  if (!workspaceId) return;
  const reply = await ask('import', workspaceId, () => request('account:check', { workspaceId }));
  if (!reply) return;
  const changed = reply.value.items.filter((i) => i.state !== 'current').length;
  showToast(
    changed === 0
      ? `All ${reply.value.items.length} imported triggers match Harness.`
      : `${changed} of ${reply.value.items.length} imported triggers differ from Harness (marked).`,
  );
  await loadProject();
}

/** Takes a trigger's YAML, URL and name from Harness again. Answers the failure in plain words, or null. */
export async function refreshFromHarness(triggerId: string): Promise<string | null> {
  const reply = await request('account:refresh', { triggerId });
  if (!reply.ok) return errorText(reply.error);
  replaceTrigger(reply.value);
  showToast(`“${reply.value.name}” refreshed from Harness.`);
  if (useAccount.getState().remote) void loadProject();
  return null;
}

desk.on('account:progress', (p) => {
  if (current(p.workspaceId)) useAccount.setState({ progress: p.message });
});
