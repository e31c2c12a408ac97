// A workspace connected to the sandbox's Harness account, over real HTTP: the key's permissions in
// words (read-only key), browsing across pages, importing a project twice (no duplicates), a trigger
// changed and one deleted "in Harness", a 429 waited out and said, a 403 explained, the key kept to
// its origin, and a run waiting for a Harness approval approved from the app until its watch ends
// Success. One sandbox for the file. Under with-keyring.sh.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountProgress } from '../../shared/account-model';
import { dispatch } from '../../electron/dispatch';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import { isEnded, openDesk, type Desk } from './watch-helpers';

let sandbox: Sandbox;
let desk: Desk;
let workspaceId: string;
let recorder: Server;
let recorderUrl: string;
const recorded: { url: string; headers: IncomingMessage['headers'] }[] = [];
const ACCOUNT = 'sbxAcct-7Qm2xZpA1wE9rT';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20 });
  desk = await openDesk();
  workspaceId = (await desk.backend.handlers['workspaces:create']({ name: 'Harness account' })).id;
  // A second local server: anything the app sends it is recorded.
  recorder = createServer((req, res) => {
    recorded.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"ERROR","code":"X","message":"no"}');
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  const address = recorder.address();
  recorderUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await desk.close();
  await sandbox.close();
  await new Promise<void>((resolve) => recorder.close(() => resolve()));
});

const h = () => desk.backend.handlers;
const connect = (apiKey: string) =>
  h()['account:connect']({ workspaceId, baseUrl: sandbox.baseUrl, accountIdentifier: ACCOUNT, apiKey });

describe('Harness account connection', () => {
  it('tests a read-only key and a full key, and says in words what each may do', async () => {
    const conn = await connect(sandbox.keys.viewOnly);
    expect(conn).toMatchObject({ origin: sandbox.baseUrl, accountIdentifier: ACCOUNT, lastTest: null });
    expect(conn.key?.last4).toBe(sandbox.keys.viewOnly.slice(-4));
    expect(JSON.stringify(await h()['account:get']({ workspaceId }))).not.toContain(sandbox.keys.viewOnly);

    const readOnly = await h()['account:test']({ workspaceId });
    expect(readOnly.ok).toBe(true);
    expect(readOnly.summary).toBe(
      `Connected to account ${ACCOUNT} with a read-only key: it may view pipelines but not execute or approve them.`,
    );
    expect(readOnly.permissions.view).toMatchObject({ allowed: true, known: true });
    expect(readOnly.permissions.execute).toMatchObject({ allowed: false, known: true });
    expect(readOnly.permissions.execute.words).toContain('core_pipeline_execute');
    expect(readOnly.permissions.approve).toMatchObject({ allowed: false, known: true });
    expect(readOnly.scope).toEqual({ orgIdentifier: 'default', projectIdentifier: 'Sandbox' });

    const wrong = await connect('sat.sandbox.wrong.Zz9Zz9Zz9Zz9Zz9Zz9Zz');
    const refused = await h()['account:test']({ workspaceId });
    expect(refused.ok).toBe(false);
    expect(refused.summary).toMatch(/Harness refused the key for account .*HTTP 401 INVALID_TOKEN/);
    expect(wrong.lastTest).toBeNull();

    const full = await connect(sandbox.keys.execute);
    expect(full.lastTest).toBeNull();
    const all = await h()['account:test']({ workspaceId });
    expect(all.permissions.execute.allowed).toBe(true);
    expect(all.permissions.approve.allowed).toBe(true);
    expect((await h()['account:get']({ workspaceId }))?.lastTest?.summary).toBe(all.summary);
  });

  it('browses organizations, projects and pipelines across pages', async () => {
    sandbox.clearReceived();
    const orgs = await h()['account:orgs']({ workspaceId });
    expect(orgs.map((o) => o.identifier)).toEqual(['default', 'platform', 'data_team']);
    // The sandbox answers two per page: the second page was asked for.
    expect(sandbox.received.some((r) => r.path === '/ng/api/organizations' && r.url.includes('pageIndex=1'))).toBe(
      true,
    );
    expect(sandbox.received.every((r) => r.headers['x-api-key'] === sandbox.keys.execute)).toBe(true);
    expect(await h()['account:projects']({ workspaceId, orgIdentifier: 'default' })).toEqual([
      { orgIdentifier: 'default', identifier: 'Sandbox', name: 'Sandbox' },
      { orgIdentifier: 'default', identifier: 'Secured', name: 'Secured' },
    ]);
    const pipelines = await h()['account:pipelines']({
      workspaceId,
      orgIdentifier: 'default',
      projectIdentifier: 'Sandbox',
    });
    expect(pipelines.map((p) => p.identifier)).toEqual([
      'build_and_deploy',
      'legacy_deploy',
      'nightly_checks',
      'release_with_approval',
    ]);
  });

  it('imports a project in one step, again without duplicates, and marks changes and deletions', async () => {
    const scope = { workspaceId, orgIdentifier: 'platform', projectIdentifier: 'payments' };
    const listed = await h()['account:triggers'](scope);
    expect(listed.triggers.map((t) => [t.pipelineName, t.name, t.imported])).toEqual([
      ['Payments API', 'Deploy payments API', null],
      ['Payments API', 'Hotfix payments API', null],
      ['Payments worker', 'Deploy worker', null],
    ]);
    const changedEvents = () => desk.events.filter((e) => e.name === 'data:changed').length;
    const before = changedEvents();
    const first = await h()['account:import'](scope);
    expect(first.items.map((i) => i.detail)).toEqual([null, null, null]);
    expect(first.counts).toEqual({ created: 3, updated: 0, unchanged: 0, failed: 0 });
    expect(changedEvents() - before).toBe(1);
    expect(
      first.items.every((i) => i.url?.includes('/webhook/custom/') && !i.url.includes('PaymEntsAp1DepL0yXq7Zw')),
    ).toBe(true);
    const second = await h()['account:import'](scope);
    expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: 3, failed: 0 });
    const mine = await h()['triggers:list']({ workspaceId });
    expect(mine.map((t) => t.name).sort()).toEqual(['Deploy payments API', 'Deploy worker', 'Hotfix payments API']);
    const hotfix = mine.find((t) => t.name === 'Hotfix payments API');
    expect(hotfix?.yaml).toContain('hotfix-');
    expect(hotfix?.key?.last4).toBe(sandbox.keys.execute.slice(-4));
    expect(hotfix?.harness).toMatchObject({ pipelineIdentifier: 'payments_api', state: 'current' });

    // Changed in Harness → marked → refreshed.
    const ref = { orgIdentifier: 'platform', projectIdentifier: 'payments', pipelineIdentifier: 'payments_api' };
    expect(sandbox.editTrigger({ ...ref, identifier: 'hotfix_payments_api' }, { description: 'Now reviewed.' })).toBe(
      true,
    );
    const check = await h()['account:check']({ workspaceId });
    expect(check.items.find((i) => i.triggerId === hotfix?.id)).toMatchObject({ state: 'changed' });
    expect(check.items.filter((i) => i.state === 'current')).toHaveLength(2);
    const refreshed = await h()['account:refresh']({ triggerId: hotfix?.id ?? '' });
    expect(refreshed.yaml).toContain('Now reviewed.');
    expect(refreshed.harness?.state).toBe('current');

    // Deleted in Harness → marked, never removed.
    expect(sandbox.deleteTrigger({ ...ref, identifier: 'deploy_payments_api' })).toBe(true);
    const third = await h()['account:import'](scope);
    expect(third.markedDeleted.map((d) => d.name)).toEqual(['Deploy payments API']);
    const after = await h()['triggers:list']({ workspaceId });
    expect(after).toHaveLength(3);
    expect(after.find((t) => t.name === 'Deploy payments API')?.harness?.state).toBe('deleted');
    const rechecked = await h()['account:check']({ workspaceId });
    expect(rechecked.items.find((i) => i.name === 'Deploy payments API')).toMatchObject({ state: 'deleted' });
    expect((await h()['account:triggers'](scope)).triggers.map((t) => t.imported?.state)).toEqual([
      'current',
      'current',
    ]);
  });

  it('waits out a 429 and says so; names an unknown approval; keeps the key to its origin', async () => {
    sandbox.setFaults({ rateLimit: 1 });
    const listed = await h()['account:triggers']({
      workspaceId,
      orgIdentifier: 'default',
      projectIdentifier: 'Secured',
    });
    expect(listed.triggers.map((t) => t.identifier)).toEqual(['secured_deploy']);
    expect(listed.notes.join(' ')).toMatch(/Harness asked to slow down \(HTTP 429\).*waited 1 s and tried again/);
    const progress = desk.events.filter((e) => e.name === 'account:progress').map((e) => e.payload as AccountProgress);
    expect(progress.at(-1)?.message).toMatch(/HTTP 429.*waiting 1 s/);

    await connect(sandbox.keys.viewOnly);
    const denied = await dispatch(
      h(),
      'account:approve',
      { workspaceId, approvalInstanceId: 'unknownApproval', action: 'APPROVE', comments: 'ok', confirm: true },
      desk.backend.log,
    );
    // Unknown instance first: Harness says it does not exist.
    expect(denied).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // Another origin never gets the stored key: moving the connection needs the key again...
    const moved = await dispatch(
      h(),
      'account:connect',
      { workspaceId, baseUrl: recorderUrl, accountIdentifier: ACCOUNT },
      desk.backend.log,
    );
    expect(moved).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    // ...and a watch on another origin naming the account goes without it.
    const w = await h()['watch:start']({
      apiUrl: `${recorderUrl}/pipeline/api/pipelines/execution/v2/abc?accountIdentifier=${ACCOUNT}`,
    });
    await desk.until(w.id, isEnded);
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.every((r) => r.headers['x-api-key'] === undefined)).toBe(true);
    await connect(sandbox.keys.execute);
  });

  it('approves a run waiting for a Harness approval: the watch ends Success; a read-only key is refused in words', async () => {
    const scope = { workspaceId, orgIdentifier: 'default', projectIdentifier: 'Sandbox' };
    const report = await h()['account:import']({ ...scope, pipelineIdentifier: 'release_with_approval' });
    const release = report.items[0];
    expect(release).toMatchObject({ name: 'Release (waits for approval)', outcome: 'created' });
    const fired = await h()['triggers:fire']({ id: release?.triggerId ?? '', body: '{"version":"1.2.3"}' });
    expect(fired.outcome).toBe('accepted');

    const runsArgs = { ...scope, pipelineIdentifier: 'release_with_approval' };
    let waiting = (await h()['account:runs'](runsArgs)).runs[0];
    for (let i = 0; i < 100 && !waiting?.waitingApproval; i++) {
      await new Promise((r) => setTimeout(r, 50));
      waiting = (await h()['account:runs'](runsArgs)).runs[0];
    }
    expect(waiting).toMatchObject({ waitingApproval: true, status: { status: 'ApprovalWaiting' } });
    expect(waiting?.startedBy).toMatchObject({ type: 'WEBHOOK_CUSTOM', identifier: 'release_approval' });

    const run = { ...scope, planExecutionId: waiting?.planExecutionId ?? '' };
    const watch = await h()['account:watchRun'](run);
    expect(watch.apiUrl).toContain('/pipelines/execution/v2/');
    const [approval] = await h()['account:approvals'](run);
    expect(approval).toMatchObject({
      status: 'WAITING',
      pipelineName: 'Release with approval',
      stageName: 'Approve release',
      canAct: { allowed: true },
    });

    await connect(sandbox.keys.viewOnly);
    expect((await h()['account:approvals'](run))[0]?.canAct.allowed).toBe(false);
    const refused = await dispatch(
      h(),
      'account:approve',
      {
        workspaceId,
        approvalInstanceId: approval?.approvalInstanceId,
        action: 'APPROVE',
        comments: 'ok',
        confirm: true,
      },
      desk.backend.log,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(refused)).toContain('it lacks the permission core_pipeline_execute');

    await connect(sandbox.keys.execute);
    const done = await h()['account:approve']({
      workspaceId,
      approvalInstanceId: approval?.approvalInstanceId ?? '',
      action: 'APPROVE',
      comments: 'Ship it',
      confirm: true,
    });
    expect(done).toMatchObject({ accepted: true, status: 'APPROVED' });
    const end = await desk.until(watch.id, isEnded);
    expect(end.execution?.status.status).toBe('Success');
    const [after] = await h()['account:approvals'](run);
    expect(after?.activities).toEqual([expect.objectContaining({ action: 'APPROVE', comments: 'Ship it' })]);

    // A second run, rejected: it ends ApprovalRejected.
    await h()['triggers:fire']({ id: release?.triggerId ?? '', body: '{"version":"1.2.4"}' });
    let next = (await h()['account:runs'](runsArgs)).runs[0];
    for (let i = 0; i < 100 && !(next?.waitingApproval && next.planExecutionId !== run.planExecutionId); i++) {
      await new Promise((r) => setTimeout(r, 50));
      next = (await h()['account:runs'](runsArgs)).runs[0];
    }
    const second = { ...scope, planExecutionId: next?.planExecutionId ?? '' };
    const secondWatch = await h()['account:watchRun'](second);
    const [pending] = await h()['account:approvals'](second);
    const rejected = await h()['account:approve']({
      workspaceId,
      approvalInstanceId: pending?.approvalInstanceId ?? '',
      action: 'REJECT',
      comments: 'Not today',
      confirm: true,
    });
    expect(rejected).toMatchObject({ accepted: true, status: 'REJECTED' });
    expect((await desk.until(secondWatch.id, isEnded)).execution?.status.status).toBe('ApprovalRejected');
  });
});
