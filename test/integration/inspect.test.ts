// The inspector against the real sandbox: open an event from a pasted apiUrl, from an
// eventCorrelationId + account, from a history entry; the key only to a stored trigger's origin;
// the support report carries no key or token. Also re-fire from the history. Under with-keyring.sh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { startSandbox } from '../../electron/sandbox';
import type { Sandbox } from '../../electron/sandbox/types';
import { example, isEnded, openDesk, type Desk } from './watch-helpers';

let sandbox: Sandbox;
let desk: Desk;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, speed: 20 });
  desk = await openDesk();
});
afterAll(async () => {
  await desk.close();
  await sandbox.close();
});

async function fireToEnd(kind: string, body: string) {
  const t = await desk.importExample(sandbox, example(sandbox, kind));
  const fired = await desk.backend.handlers['triggers:fire']({ id: t.id, body });
  const w = (await desk.backend.handlers['watches:list']({})).find((x) => x.historyId === fired.id);
  const end = await desk.until(w?.id ?? '', isEnded);
  return { t, fired, end };
}

describe('inspector', () => {
  it('opens a pasted apiUrl with every status explained, the payload and the runtime input', async () => {
    const { fired, t } = await fireToEnd('fails', '{"suite":"nightly"}');
    const r = await desk.backend.handlers['inspect:open']({ apiUrl: fired.event?.apiUrl ?? '' });
    expect(r.httpStatus).toBe(200);
    expect(r.execution?.status.status).toBe('Failed');
    // The headline names the failing stage; Open in Harness links the execution (uiUrl form + planExecutionId).
    expect(r.headline).toBe('Failed in Integration tests: Shell Script execution failed. Please check execution logs.');
    expect(r.harnessLink).toEqual({
      url: `${fired.event?.uiUrl.split('/deployments')[0] ?? ''}/pipelines/${r.execution?.pipelineIdentifier ?? ''}/executions/${r.execution?.planExecutionId ?? ''}/pipeline`,
      triggerId: t.id,
    });
    expect(r.fields.find((f) => f.name === 'exceptionOccured')?.meaning).toMatch(/no run was started for this event/);
    expect(r.payload).toBe('{"suite":"nightly"}');
    expect(r.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['status', 'message', 'eventCreatedAt', 'pipelineExecutionId']),
    );
    expect(r.fields.every((f) => f.meaning.length > 0)).toBe(true);
    expect(r.statuses.map((s) => s.status)).toEqual(
      expect.arrayContaining(['TARGET_EXECUTION_REQUESTED', 'Failed', 'Success']),
    );
    expect(JSON.parse(r.raw)).toMatchObject({ status: 'SUCCESS' });
    expect(r.steps.length).toBeGreaterThan(1);
  });

  it('opens by eventCorrelationId + account (+ base), and from a history entry', async () => {
    const { fired } = await fireToEnd('plain', '{}');
    const ev = fired.event;
    const account = example(sandbox, 'plain').accountIdentifier;
    const byId = await desk.backend.handlers['inspect:open']({
      eventCorrelationId: ev?.eventCorrelationId ?? '',
      accountIdentifier: account,
      base: sandbox.baseUrl,
    });
    expect(byId.execution?.status.status).toBe('Success');
    const fromHistory = await desk.backend.handlers['inspect:open']({ historyId: fired.id });
    expect(fromHistory.execution?.planExecutionId).toBe(byId.execution?.planExecutionId);
    expect(await dispatch(desk.backend.handlers, 'inspect:open', {}, desk.backend.log)).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
  });

  it('says "queued" for an event Harness has not processed, and explains a refusal', async () => {
    const account = example(sandbox, 'plain').accountIdentifier;
    const unknown = await desk.backend.handlers['inspect:open']({
      eventCorrelationId: '0123456789abcdef01234567',
      accountIdentifier: account,
      base: sandbox.baseUrl,
    });
    expect(unknown.phase).toBe('pending');
    // Never fired from this app: "doesn't exist" may mean a wrong id or account, or an old event.
    expect(unknown.explanation?.title).toBe('Queued, or not there');
    expect(unknown.explanation?.detail).toMatch(/event id or the account may be wrong, or the event too old/);
    expect(unknown.headline).toMatch(/^Harness has no history for this event/);
    expect(unknown.harnessLink).toBeNull();
    const noAccount = await desk.backend.handlers['inspect:open']({
      apiUrl: `${sandbox.baseUrl}/gateway/pipeline/api/webhook/triggerExecutionDetails/abc`,
    });
    expect(noAccount.httpStatus).toBe(400);
    expect(noAccount.explanation?.title).toMatch(/cannot show/);
  });

  it('sends the key only when the apiUrl has a stored trigger’s origin', async () => {
    const { fired } = await fireToEnd('authorized', '{}');
    const key = example(sandbox, 'authorized').apiKey ?? '';
    sandbox.clearReceived();
    const own = await desk.backend.handlers['inspect:open']({ apiUrl: fired.event?.apiUrl ?? '' });
    expect(own.keySent).toBe(true);
    expect(sandbox.received.at(-1)?.headers['x-api-key']).toBe(key);
    sandbox.clearReceived();
    const foreign = (fired.event?.apiUrl ?? '').replace('127.0.0.1', 'localhost');
    const other = await desk.backend.handlers['inspect:open']({ apiUrl: foreign });
    expect(other.keySent).toBe(false);
    expect(sandbox.received.length).toBeGreaterThan(0);
    for (const r of sandbox.received) expect(r.headers['x-api-key']).toBeUndefined();
  });

  it("never sends a trigger's key for an event of another account on the same host", async () => {
    // app.harness.io hosts every account: the origin alone does not make an event the trigger's.
    const { t, fired } = await fireToEnd('authorized', '{}');
    const otherAccount = (fired.event?.apiUrl ?? '').replace(
      /accountIdentifier=[^&]+/,
      'accountIdentifier=someoneElse',
    );
    sandbox.clearReceived();
    const pasted = await desk.backend.handlers['inspect:open']({ apiUrl: otherAccount });
    expect(pasted.keySent).toBe(false);
    const started = await desk.backend.handlers['watch:start']({ apiUrl: otherAccount, triggerId: t.id });
    const gets = () => sandbox.received.filter((r) => r.method === 'GET');
    for (let i = 0; i < 200 && gets().length < 3; i++) await new Promise((r) => setTimeout(r, 25));
    await desk.backend.handlers['watch:stop']({ watchId: started.id });
    expect(gets().length).toBeGreaterThanOrEqual(3);
    for (const r of gets()) expect(r.headers['x-api-key'], r.url).toBeUndefined();
  });

  it('copies a support report with no key or token in it', async () => {
    const { fired } = await fireToEnd('authorized', '{"tag":"v9"}');
    const key = example(sandbox, 'authorized').apiKey ?? '';
    const token = /custom\/([^/]+)\/v3/.exec(example(sandbox, 'authorized').url)?.[1] ?? '';
    expect(token).toHaveLength(22);
    const { markdown } = await desk.backend.handlers['inspect:report']({ historyId: fired.id });
    expect(markdown).toContain('## Execution');
    expect(markdown).toContain('## The fire');
    expect(markdown).not.toContain(key);
    expect(markdown).not.toContain(token);
  });
});

describe('re-fire from the history', () => {
  it('sends a NEW fire with the same payload, recorded and watched as any fire', async () => {
    const { fired } = await fireToEnd('plain', '{"image":"app:7"}');
    sandbox.clearReceived();
    const again = await desk.backend.handlers['history:refire']({ id: fired.id });
    expect(again.id).not.toBe(fired.id);
    expect(again.outcome).toBe('accepted');
    const posts = sandbox.received.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.toString()).toBe('{"image":"app:7"}');
    const page = await desk.backend.handlers['history:search']({ text: 'app:7' });
    expect(page.total).toBe(2);
    expect(page.entries[0]?.id).toBe(again.id);
    const w = (await desk.backend.handlers['watches:list']({})).find((x) => x.historyId === again.id);
    expect(w).toBeDefined();
  });
});
