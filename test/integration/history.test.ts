// The history file: crash safety (a process killed during 1,000 appends loses no acknowledged
// entry and the file still opens), a torn last line, damaged lines skipped (each line checked
// against its schema; the file kept aside, never emptied), a retention read from the file held to
// the rules of history:setRetention, compaction, retention and search. The fuzzing is in
// history-fuzz.test.ts.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHistory, type HistoryService } from '../../electron/backend/history/index';
import { HISTORY_FILE } from '../../electron/backend/history/index';
import type { FireResult } from '../../shared/model';

const HISTORY_MODULE = fileURLToPath(new URL('../../electron/backend/history/index.ts', import.meta.url));
let dir: string;
const START = Date.UTC(2026, 0, 10);
let clock = START;

function open(): HistoryService {
  return openHistory({
    dataDir: dir,
    now: () => clock,
    secrets: () => ['super-secret-value'],
    onChange: () => undefined,
  });
}

let n = 0;
function fire(o: Partial<FireResult> = {}): FireResult {
  n++;
  return {
    id: `fire${String(n)}`,
    triggerId: 'trgA',
    at: clock,
    durationMs: 12.3,
    request: {
      method: 'POST',
      url: 'https://h.example/gateway/pipeline/api/webhook/custom/…(redacted)…/v3',
      headers: { 'content-type': 'application/json' },
      bodyBytes: 2,
      bodyIsJson: true,
    },
    outcome: 'accepted',
    response: { status: 200, contentType: 'application/json', body: '{}' },
    event: {
      eventCorrelationId: `ev${String(n).padStart(22, '0')}`,
      apiUrl: `https://h.example/gateway/pipeline/api/webhook/triggerExecutionDetails/ev${String(n)}?accountIdentifier=A`,
      uiUrl: '',
      uiSetupUrl: '',
    },
    harness: { status: 'SUCCESS', code: '', message: '', correlationId: `corr-${String(n)}` },
    explanation: null,
    notes: [],
    ...o,
  };
}

// Each test starts from the same clock and fire numbers, whatever the tests before it did.
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'td-history-'));
  clock = START;
  n = 0;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('history file', () => {
  it('keeps every acknowledged entry when the process is killed during 1,000 appends', async () => {
    const code = `
      import { openHistory } from ${JSON.stringify(HISTORY_MODULE)};
      const h = openHistory({ dataDir: ${JSON.stringify(dir)}, now: Date.now, secrets: () => [], onChange: () => {} });
      for (let i = 0; i < 1000; i++) {
        const id = 'e' + i;
        h.record({ fire: { id, triggerId: 't', at: Date.now(), durationMs: 1, request: { method: 'POST', url: 'u', headers: {}, bodyBytes: 1, bodyIsJson: true }, outcome: 'rejected', response: null, event: null, harness: null, explanation: null, notes: [] }, triggerName: 'T', payload: '{"n":' + i + ',"pad":"' + 'x'.repeat(500) + '"}', watchId: null });
        process.stdout.write('ack ' + id + '\\n');
        await new Promise((r) => setTimeout(r, 1));
      }
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: string[] = [];
    await new Promise<void>((resolve) => {
      let buf = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buf += chunk.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const l of lines) if (l.startsWith('ack ')) acked.push(l.slice(4));
        if (acked.length >= 300 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(acked.length).toBeGreaterThanOrEqual(300);
    expect(acked.length).toBeLessThan(1000);
    const h = open();
    for (const id of acked) expect(h.find(id), id).not.toBeNull();
    expect(h.retention().notices.filter((t) => t.includes('moved aside'))).toEqual([]);
    h.close();
  }, 60_000);

  it('skips a torn last line, reports it, and appends after it cleanly', () => {
    const h = open();
    h.record({ fire: fire(), triggerName: 'Deploy', payload: '{"a":1}', watchId: null });
    h.close();
    appendFileSync(join(dir, HISTORY_FILE), '{"t":"add","e":{"id":"half');
    const h2 = open();
    expect(h2.size()).toBe(1);
    expect(h2.retention().notices.join(' ')).toMatch(/last history line was incomplete/);
    h2.record({ fire: fire(), triggerName: 'Deploy', payload: '{"a":2}', watchId: null });
    h2.close();
    const h3 = open();
    expect(h3.size()).toBe(2);
    expect(h3.retention().notices).toEqual([]);
    h3.close();
  });

  it('skips a damaged line, keeps the file as it was aside, and keeps what could be read', () => {
    const h = open();
    for (let i = 0; i < 3; i++)
      h.record({ fire: fire(), triggerName: 'Deploy', payload: `{"i":${String(i)}}`, watchId: null });
    h.close();
    const path = join(dir, HISTORY_FILE);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.splice(2, 0, '\u0000\u0000garbage{{{');
    const original = lines.join('\n');
    writeFileSync(path, original);
    const h2 = open();
    const notice = h2.retention().notices.join(' ');
    expect(notice).toMatch(
      /had 1 damaged line \(first at line 3: not JSON\), which were skipped\. The 3 entries that could be read were kept; the file as it was is kept as/,
    );
    const aside = readdirSync(dir).find((f) => f.startsWith(`${HISTORY_FILE}.corrupt-`));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside ?? ''), 'utf8')).toBe(original);
    expect(h2.size()).toBe(3);
    h2.close();
    const h3 = open();
    expect(h3.size()).toBe(3);
    h3.close();
  });

  it('redacts secrets in the payload and marks it so a refire is refused', () => {
    const h = open();
    const e = h.record({
      fire: fire(),
      triggerName: 'Deploy',
      payload: '{"token":"super-secret-value"}',
      watchId: null,
    });
    expect(e.payload).not.toContain('super-secret-value');
    expect(e.payloadRedacted).toBe(true);
    expect(readFileSync(join(dir, HISTORY_FILE), 'utf8')).not.toContain('super-secret-value');
    h.close();
  });

  it('compacts at startup when update lines dominate, keeping the final state', () => {
    const h = open();
    const e = h.record({ fire: fire(), triggerName: 'Deploy', payload: '{}', watchId: 'w1' });
    const base = {
      id: 'w1',
      historyId: e.id,
      triggerId: 'trgA',
      triggerName: 'Deploy',
      apiUrl: e.apiUrl ?? '',
      eventCorrelationId: '',
      startedAt: clock,
      updatedAt: clock,
      connectionTrouble: null,
      polls: 1,
      nextPollAt: null,
      canAbort: false,
    };
    const view = {
      phase: 'running' as const,
      processing: null,
      steps: [],
      needsPerson: null,
      terminal: false,
      headline: '',
    };
    for (let i = 0; i < 50; i++) {
      h.updateFromWatch({ ...base, ...view, ended: null, failureMessages: [`m${String(i)}`], execution: null });
    }
    const execution = {
      planExecutionId: 'p1',
      name: 'P',
      pipelineIdentifier: 'P',
      runSequence: 1,
      status: { status: 'Success', words: 'Succeeded', tone: 'good' as const },
      startTs: clock,
      endTs: clock + 5,
      durationMs: 5,
      failureMessage: null,
      stageCounts: { successful: 1, running: 0, failed: 0, total: 1 },
      orgIdentifier: 'o',
      projectIdentifier: 'p',
    };
    clock += 5000;
    h.updateFromWatch({
      ...base,
      ...view,
      phase: 'ended',
      terminal: true,
      ended: { at: clock, reason: 'Succeeded' },
      failureMessages: [],
      execution,
    });
    h.close();
    const before = readFileSync(join(dir, HISTORY_FILE), 'utf8').trim().split('\n').length;
    expect(before).toBeGreaterThan(50);
    const h2 = open();
    const after = readFileSync(join(dir, HISTORY_FILE), 'utf8').trim().split('\n').length;
    expect(after).toBeLessThan(5);
    expect(h2.get(e.id)).toMatchObject({ group: 'success', live: false, runMs: 5000, status: { status: 'Success' } });
    h2.close();
  });
});

describe('history search and retention', () => {
  it('searches by text, trigger, status group and date range, newest first, paged', () => {
    const h = open();
    const t0 = clock;
    for (let i = 0; i < 30; i++) {
      clock = t0 + i * 60_000;
      const rejected = i % 3 === 0;
      h.record({
        fire: fire({
          triggerId: i % 2 ? 'trgA' : 'trgB',
          ...(rejected ? { outcome: 'rejected' as const, event: null } : {}),
        }),
        triggerName: i % 2 ? 'Deploy' : 'Nightly',
        payload: JSON.stringify({ image: `app:${String(i)}`, branch: i === 7 ? 'hotfix-42' : 'main' }),
        watchId: null,
      });
    }
    expect(h.search({}).total).toBe(30);
    const page = h.search({ limit: 10, offset: 10 });
    expect(page.entries).toHaveLength(10);
    expect(page.entries[0]?.at).toBeGreaterThan(page.entries[9]?.at ?? Infinity);
    expect(h.search({ text: 'HOTFIX-42' }).entries.map((e) => e.payloadPreview)).toEqual([
      expect.stringContaining('hotfix-42') as unknown,
    ]);
    expect(h.search({ triggerId: 'trgB' }).total).toBe(15);
    expect(h.search({ group: 'rejected' }).total).toBe(10);
    expect(h.search({ from: t0 + 10 * 60_000, to: t0 + 19 * 60_000 }).total).toBe(10);
    const one = h.search({ text: 'app:12' }).entries[0];
    expect(h.search({ text: one?.correlationId ?? 'x' }).total).toBe(1);
    expect(h.search({ text: one?.eventCorrelationId ?? 'x' }).total).toBe(1);
    h.close();
  });

  it('keeps at most maxEntries and drops entries older than maxAgeDays, across restarts', () => {
    const h = open();
    for (let i = 0; i < 30; i++) h.record({ fire: fire(), triggerName: 'Deploy', payload: '{}', watchId: null });
    expect(h.setRetention({ maxEntries: 20 })).toMatchObject({ maxEntries: 20 });
    expect(h.size()).toBe(20);
    h.close();
    clock += 40 * 24 * 3600_000;
    const h2 = open();
    expect(h2.retention().maxEntries).toBe(20);
    h2.record({ fire: fire(), triggerName: 'Deploy', payload: '{}', watchId: null });
    h2.setRetention({ maxAgeDays: 30 });
    expect(h2.size()).toBe(1);
    h2.close();
    expect(existsSync(join(dir, HISTORY_FILE))).toBe(true);
  });
});

describe('damaged lines never stop the history from opening', () => {
  function write(lines: unknown[]): void {
    writeFileSync(
      join(dir, HISTORY_FILE),
      lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n',
    );
  }
  function entriesOf(n: number): { t: 'add'; e: unknown }[] {
    const h = open();
    const out = Array.from({ length: n }, (_, i) =>
      h.record({ fire: fire(), triggerName: 'Deploy', payload: `{"i":${String(i)}}`, watchId: null }),
    );
    h.close();
    return out.map((e) => ({ t: 'add', e }));
  }

  it.each([
    ['a del line whose ids are not a list', { t: 'del', ids: 7 }, 'ids: '],
    ['an add line with no entry', { t: 'add' }, 'e: '],
    ['an add line whose entry has a wrong-typed field', { t: 'add', e: { id: 'x1', payload: 5 } }, 'e.'],
    ['an upd line without its changes', { t: 'upd', id: 'fire1' }, 'p: '],
    ['an upd line changing a field to the wrong type', { t: 'upd', id: 'fire1', p: { live: 'yes' } }, 'p.live: '],
    ['a line of an unknown kind', { t: 'zap' }, 't: '],
    ['a line that is not an object', [1, 2, 3], ''],
    ['a head line with a wrong version', { t: 'head', v: 'one' }, 'v: '],
  ])('opens with %s, skipping and counting it, and keeps every valid entry', (_what, badLine, problem) => {
    const adds = entriesOf(3);
    write([{ t: 'head', v: 1 }, ...adds.slice(0, 2), badLine, adds[2]]);
    const h = open();
    expect(h.size()).toBe(3);
    for (const a of adds) expect(h.find((a.e as { id: string }).id)).not.toBeNull();
    const notice = h.retention().notices.join(' ');
    expect(notice).toContain(`had 1 damaged line (first at line 4: ${problem}`);
    h.close();
    // The readable lines were written anew: the next start has nothing to report.
    const again = open();
    expect(again.size()).toBe(3);
    expect(again.retention().notices).toEqual([]);
    again.close();
  });

  it.each([
    ['zero', 0],
    ['negative', -5],
    ['not a number', 'all'],
    ['fractional', 12.5],
  ])('ignores a %s retention limit read from the file: nothing is deleted, and it says so', (_what, limit) => {
    const adds = entriesOf(30);
    write([{ t: 'head', v: 1 }, ...adds, { t: 'cfg', c: { maxEntries: limit } }]);
    const h = open();
    expect(h.size()).toBe(30);
    expect(h.retention().maxEntries).toBe(10_000);
    expect(h.retention().notices.join(' ')).toMatch(/had 1 damaged line \(first at line 32: c\.maxEntries: /);
    h.close();
    // Compaction did not make anything permanent: all 30 are still there after a restart.
    const again = open();
    expect(again.size()).toBe(30);
    again.close();
  });

  it('never deletes on open without a notice: a valid limit that removes entries is reported', () => {
    const adds = entriesOf(30);
    write([{ t: 'head', v: 1 }, ...adds, { t: 'cfg', c: { maxEntries: 20 } }]);
    const h = open();
    expect(h.size()).toBe(20);
    expect(h.openNotices()).toEqual([
      {
        level: 'info',
        text: expect.stringMatching(
          /^10 history entries were removed at start: the history keeps at most 20 entries, none older than 90 days \(History → Retention… changes it\)\.$/,
        ) as unknown,
      },
    ]);
    h.close();
  });
});
