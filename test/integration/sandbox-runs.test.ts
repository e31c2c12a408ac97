// Following an event through apiUrl (docs/harness-protocol.md §3) over real HTTP, on a clock the test moves:
// queued (400), processing details, then a run through its stages in graph order to each end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, startSandbox, type ExampleKind, type Sandbox } from '../../electron/sandbox';

interface Node {
  nodeType: string;
  nodeIdentifier: string;
  nodeUuid: string;
  status: string;
  startTs: number | null;
  endTs: number | null;
  edgeLayoutList: { currentNodeChildren: string[]; nextIds: string[] };
  failureInfo: { message: string };
}
interface Summary {
  status: string;
  planExecutionId: string;
  startingNodeId: string;
  startTs: number;
  endTs: number | null;
  runSequence: number;
  layoutNodeMap: Record<string, Node>;
  failureInfo: { message: string };
  successfulStagesCount: number;
  runningStagesCount: number;
  failedStagesCount: number;
  totalStagesCount: number;
  executionTriggerInfo: unknown;
}
interface Details {
  webhookProcessingDetails: { status: string; pipelineExecutionId: string | null; payload: string };
  executionDetails: { pipelineExecutionSummary: Summary; executionGraph: null } | null;
}

const T0 = 1_700_000_000_000;
let t = T0;
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ now: () => t, stageMs: 1000, queueMs: 600 });
});
afterAll(() => sb.close());

async function fire(kind: ExampleKind, body = '{"sample_key": "v1"}'): Promise<{ id: string; apiUrl: string }> {
  const ex = sb.examples.find((e) => e.kind === kind);
  if (!ex) throw new Error(kind);
  const res = await fetch(ex.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ex.apiKey ? { 'x-api-key': ex.apiKey } : {}) },
    body,
  });
  const json = (await res.json()) as { data: { eventCorrelationId: string; apiUrl: string } };
  return { id: json.data.eventCorrelationId, apiUrl: json.data.apiUrl };
}

async function details(apiUrl: string): Promise<Details> {
  const res = await fetch(apiUrl);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: Details }).data;
}

async function summary(apiUrl: string): Promise<Summary> {
  const s = (await details(apiUrl)).executionDetails?.pipelineExecutionSummary;
  if (!s) throw new Error('no run yet');
  return s;
}

/** "id:status" per stage in graph order, parallel stages joined with "|". */
function timeline(s: Summary): string[] {
  const out: string[] = [];
  let id: string | undefined = s.startingNodeId;
  while (id !== undefined) {
    const node: Node | undefined = s.layoutNodeMap[id];
    if (!node) throw new Error(`dangling ${id}`);
    const kids = node.edgeLayoutList.currentNodeChildren.map((k) => s.layoutNodeMap[k]);
    out.push(
      node.nodeType === 'parallel'
        ? kids.map((k) => `${k?.nodeIdentifier ?? '?'}:${k?.status ?? '?'}`).join('|')
        : `${node.nodeIdentifier}:${node.status}`,
    );
    id = node.edgeLayoutList.nextIds[0];
  }
  return out;
}

function stage(s: Summary, identifier: string): Node {
  const n = Object.values(s.layoutNodeMap).find((x) => x.nodeIdentifier === identifier);
  if (!n) throw new Error(identifier);
  return n;
}

describe('phases of a plain run', () => {
  it('queued → requested → stages in graph order → Success', async () => {
    t = T0;
    const ev = await fire('plain');
    const pending = await fetch(ev.apiUrl);
    expect(pending.status).toBe(400);
    expect(await pending.json()).toMatchObject({
      status: 'ERROR',
      code: 'INVALID_REQUEST',
      message: `Invalid request: Trigger event history doesn't exist for event with eventId ${ev.id}`,
    });
    const processing = await fetch(
      `${sb.baseUrl}/gateway/pipeline/api/webhook/triggerProcessingDetails?accountIdentifier=${ACCOUNT}&eventId=${ev.id}`,
    );
    expect(await processing.json()).toMatchObject({
      data: { status: 'QUEUED', message: 'Trigger execution is queued.' },
    });
    t = T0 + 599;
    expect((await fetch(ev.apiUrl)).status).toBe(400);

    t = T0 + 600;
    const requested = await details(ev.apiUrl);
    expect(requested.webhookProcessingDetails).toEqual({
      eventFound: true,
      eventId: ev.id,
      accountIdentifier: ACCOUNT,
      orgIdentifier: 'default',
      projectIdentifier: 'Sandbox',
      triggerIdentifier: 'deploy_on_push',
      pipelineIdentifier: 'build_and_deploy',
      pipelineExecutionId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) as unknown,
      exceptionOccured: false,
      status: 'TARGET_EXECUTION_REQUESTED',
      message: 'Pipeline execution was requested successfully',
      warningMsg: null,
      payload: '{"sample_key": "v1"}',
      eventCreatedAt: T0,
      runtimeInput: expect.stringContaining('<+trigger.payload.sample_key>') as unknown,
    });
    expect(requested.executionDetails).toBeNull();

    t = T0 + 600 + 167;
    let s = await summary(ev.apiUrl);
    expect(s.planExecutionId).toBe(requested.webhookProcessingDetails.pipelineExecutionId);
    expect(s.status).toBe('Running');
    expect(timeline(s)).toEqual([
      'build:Running',
      'deploy_qa:NotStarted|deploy_staging:NotStarted',
      'deploy_prod:NotStarted',
    ]);
    expect(s).toMatchObject({
      totalStagesCount: 4,
      runningStagesCount: 1,
      successfulStagesCount: 0,
      endTs: null,
      executionTriggerInfo: {
        triggerType: 'WEBHOOK_CUSTOM',
        triggeredBy: { extraInfo: { eventCorrelationId: ev.id } },
      },
    });
    const start = s.startTs;

    t = start + 1000;
    s = await summary(ev.apiUrl);
    expect(timeline(s)).toEqual([
      'build:Success',
      'deploy_qa:Running|deploy_staging:Running',
      'deploy_prod:NotStarted',
    ]);
    expect(s.runningStagesCount).toBe(2);
    t = start + 1700;
    expect(timeline(await summary(ev.apiUrl))).toEqual([
      'build:Success',
      'deploy_qa:Running|deploy_staging:Success',
      'deploy_prod:NotStarted',
    ]);
    t = start + 2000;
    expect(timeline(await summary(ev.apiUrl))).toEqual([
      'build:Success',
      'deploy_qa:Success|deploy_staging:Success',
      'deploy_prod:Running',
    ]);
    t = start + 3000;
    s = await summary(ev.apiUrl);
    expect(s).toMatchObject({
      status: 'Success',
      endTs: start + 3000,
      successfulStagesCount: 4,
      runningStagesCount: 0,
      failedStagesCount: 0,
      failureInfo: { message: '' },
    });
    expect(stage(s, 'deploy_staging')).toMatchObject({ startTs: start + 1000, endTs: start + 1700 });
    const second = await fire('plain');
    t += 5000;
    expect((await summary(second.apiUrl)).runSequence).toBe(s.runSequence + 1);
  });
});

describe('ends other than Success', () => {
  it('a failing stage: Failed, with failureInfo.message on the stage and the run', async () => {
    const ev = await fire('fails');
    t += 10_000;
    const s = await summary(ev.apiUrl);
    expect(s.status).toBe('Failed');
    expect(timeline(s)).toEqual(['build:Success', 'unit_tests:Success|integration_tests:Failed', 'report:NotStarted']);
    const message = 'Shell Script execution failed. Please check execution logs.';
    expect(stage(s, 'integration_tests').failureInfo.message).toBe(message);
    expect(s.failureInfo.message).toBe(message);
    expect(s.failedStagesCount).toBe(1);
  });

  it('the failStage fault fails new runs only', async () => {
    const before = await fire('plain');
    sb.setFaults({ failStage: 'deploy_qa' });
    const after = await fire('plain');
    sb.setFaults({ failStage: null });
    t += 10_000;
    expect((await summary(before.apiUrl)).status).toBe('Success');
    const s = await summary(after.apiUrl);
    expect(s.status).toBe('Failed');
    expect(timeline(s)).toEqual(['build:Success', 'deploy_qa:Failed|deploy_staging:Success', 'deploy_prod:NotStarted']);
  });

  it('an approval waits, then goes on when approved or ends ApprovalRejected', async () => {
    const ev = await fire('approval');
    t += 60 * 60_000;
    let s = await summary(ev.apiUrl);
    expect(s.status).toBe('ApprovalWaiting');
    expect(timeline(s)).toEqual(['build:Success', 'approve_release:ApprovalWaiting', 'deploy_prod:NotStarted']);
    expect(s.runningStagesCount).toBe(1);
    expect(sb.approve(s.planExecutionId)).toBe(true);
    t += 1000;
    s = await summary(ev.apiUrl);
    expect(timeline(s)).toEqual(['build:Success', 'approve_release:Success', 'deploy_prod:Success']);
    expect(sb.approve(s.planExecutionId)).toBe(false);

    const other = await fire('approval');
    t += 5000;
    const id = (await summary(other.apiUrl)).planExecutionId;
    const reject = await fetch(`${sb.baseUrl}/_sandbox/approve/${id}`, { method: 'POST', body: '{"approved": false}' });
    expect(reject.status).toBe(200);
    s = await summary(other.apiUrl);
    expect(s.status).toBe('ApprovalRejected');
    expect(stage(s, 'approve_release').failureInfo.message).toBe('Approval Step has been Rejected');
  });

  it('AbortAll stops a waiting or running run; a finished one says so', async () => {
    const interrupt = (id: string, o: { project?: string; type?: string; key?: string } = {}) =>
      fetch(
        `${sb.baseUrl}/pipeline/api/pipeline/execute/interrupt/${id}?accountIdentifier=${ACCOUNT}&orgIdentifier=default&projectIdentifier=${o.project ?? 'Sandbox'}&interruptType=${o.type ?? 'AbortAll'}`,
        { method: 'PUT', headers: o.key ? { 'x-api-key': o.key } : {} },
      );
    const waiting = await fire('approval');
    t += 5000;
    const id = (await summary(waiting.apiUrl)).planExecutionId;
    const res = await interrupt(id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'SUCCESS', data: { type: 'AbortAll', planExecutionId: id } });
    const aborted = await summary(waiting.apiUrl);
    expect(aborted).toMatchObject({ status: 'Aborted', endTs: t });
    expect(timeline(aborted)).toEqual(['build:Success', 'approve_release:Aborted', 'deploy_prod:NotStarted']);
    expect((await interrupt(id)).status).toBe(400);

    const running = await fire('plain');
    t += 600 + 167 + 1200;
    const rid = (await summary(running.apiUrl)).planExecutionId;
    expect((await interrupt(rid, { type: 'Pause' })).status).toBe(400);
    expect((await interrupt('nope')).status).toBe(404);
    expect((await interrupt(rid, { project: 'Secured' })).status).toBe(401);
    expect((await interrupt(rid, { project: 'Secured', key: sb.keys.execute })).status).toBe(404);
    expect((await interrupt(rid, { key: sb.keys.viewOnly })).status).toBe(403);
    expect((await interrupt(rid)).status).toBe(200);
    t += 10_000;
    const s = await summary(running.apiUrl);
    expect(s.status).toBe('Aborted');
    expect(timeline(s)).toEqual([
      'build:Success',
      'deploy_qa:Aborted|deploy_staging:Aborted',
      'deploy_prod:NotStarted',
    ]);
  });
});

describe('the event as read by other routes', () => {
  it('GET /pipelines/execution/v2 gives the same summary; unknown ids are 404', async () => {
    const ev = await fire('plain', 'raw, not json');
    t += 10_000;
    const d = await details(ev.apiUrl);
    expect(d.webhookProcessingDetails.payload).toBe('raw, not json');
    const id = d.webhookProcessingDetails.pipelineExecutionId ?? '';
    const res = await fetch(
      `${sb.baseUrl}/gateway/pipeline/api/pipelines/execution/v2/${id}?accountIdentifier=${ACCOUNT}&orgIdentifier=default&projectIdentifier=Sandbox`,
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown }).data).toEqual(d.executionDetails);
    const missing = await fetch(
      `${sb.baseUrl}/pipeline/api/pipelines/execution/v2/nope?accountIdentifier=${ACCOUNT}&orgIdentifier=default&projectIdentifier=Sandbox`,
    );
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      code: 'RESOURCE_NOT_FOUND_EXCEPTION',
      message: 'Plan Execution Summary does not exist or has been deleted for planExecutionId: nope',
    });
  });

  it('apiUrl of another account is "doesn\'t exist"; a bad key is 401; none needed', async () => {
    const ev = await fire('plain');
    t += 10_000;
    expect((await fetch(ev.apiUrl.replace(ACCOUNT, 'otherAccount'))).status).toBe(400);
    expect((await fetch(ev.apiUrl, { headers: { 'x-api-key': 'wrong' } })).status).toBe(401);
    expect((await fetch(ev.apiUrl, { headers: { 'x-api-key': sb.keys.viewOnly } })).status).toBe(200);
  });
});
