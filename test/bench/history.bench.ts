// The history with 10,000 entries. Appending one must stay under 5 ms (it is one line
// added to history.jsonl, never a rewrite), a search under 50 ms (a scan of the in-memory index).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHistory, type HistoryService } from '../../electron/backend/history/index';
import { HISTORY_FILE } from '../../electron/backend/history/index';
import type { FireResult } from '../../shared/model';
import { figure, median, percentile, type Figure } from './figures';

const ENTRIES = 10_000;
const TRIGGERS = ['Deploy to prod', 'Nightly checks', 'Release approval', 'Deploy on push', 'Legacy v2'];

function fireResult(i: number, at: number): FireResult {
  const ev = i.toString(16).padStart(24, '0');
  return {
    id: `bench${String(i)}`,
    triggerId: `trg${String(i % TRIGGERS.length)}`,
    at,
    durationMs: 20 + (i % 7),
    request: {
      method: 'POST',
      url: 'https://app.harness.io/gateway/pipeline/api/webhook/custom/…(redacted)…/v3?accountIdentifier=A',
      headers: { 'content-type': 'application/json', 'X-Api-Key': 'sat.…(redacted)…abcd' },
      bodyBytes: 300,
      bodyIsJson: true,
    },
    outcome: i % 10 === 0 ? 'rejected' : 'accepted',
    response: {
      status: 200,
      contentType: 'application/json',
      body: `{"status":"SUCCESS","data":{"eventCorrelationId":"${ev}"}}`,
    },
    event: {
      eventCorrelationId: ev,
      apiUrl: `https://app.harness.io/gateway/pipeline/api/webhook/triggerExecutionDetails/${ev}?accountIdentifier=A`,
      uiUrl: '',
      uiSetupUrl: '',
    },
    harness: {
      status: 'SUCCESS',
      code: '',
      message: '',
      correlationId: `c0ffee00-${String(i).padStart(4, '0')}-4000-8000-000000000000`,
    },
    explanation: null,
    notes: [],
  };
}

function payload(i: number): string {
  return JSON.stringify({
    image: 'registry.example.com/team/service',
    tag: `v1.${String(i % 500)}.${String(i)}`,
    branch: i % 97 === 0 ? `hotfix-${String(i)}` : 'main',
    env: ['qa', 'staging', 'prod'][i % 3],
    commit: (i * 2654435761).toString(16).padStart(40, '0').slice(0, 40),
    author: `user${String(i % 40)}@example.com`,
  });
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function run(): Promise<Figure[]> {
  await Promise.resolve();
  const dir = mkdtempSync(join(tmpdir(), 'td-bench-history-'));
  const start = Date.now() - ENTRIES * 60_000;
  let h: HistoryService = openHistory({ dataDir: dir, now: Date.now, secrets: () => [], onChange: () => undefined });
  try {
    h.setRetention({ maxEntries: null, maxAgeDays: null });
    const fill = time(() => {
      for (let i = 0; i < ENTRIES; i++)
        h.record({
          fire: fireResult(i, start + i * 60_000),
          triggerName: TRIGGERS[i % TRIGGERS.length] ?? '',
          payload: payload(i),
          watchId: null,
        });
    });
    h.close();
    const bytes = statSync(join(dir, HISTORY_FILE)).size;
    const openMs = time(() => {
      h = openHistory({ dataDir: dir, now: Date.now, secrets: () => [], onChange: () => undefined });
    });
    if (h.size() !== ENTRIES)
      throw new Error(`bench: history holds ${String(h.size())} entries, not ${String(ENTRIES)}`);

    const appends: number[] = [];
    for (let i = ENTRIES; i < ENTRIES + 300; i++) {
      const f = fireResult(i, Date.now());
      const p = payload(i);
      appends.push(time(() => h.record({ fire: f, triggerName: 'Deploy to prod', payload: p, watchId: null })));
    }
    const queries = [
      { text: '"hotfix-970"' },
      { text: 'c0ffee00-0042' },
      { text: 'user7@example.com' },
      { triggerId: 'trg2', group: 'rejected' as const },
      { from: start + 2000 * 60_000, to: start + 2500 * 60_000 },
      { text: 'no such text anywhere' },
    ];
    const searches: number[] = [];
    for (let round = 0; round < 20; round++) for (const q of queries) searches.push(time(() => h.search(q)));
    if (h.search({ text: '"hotfix-970"' }).total !== 1) throw new Error('bench: the search found the wrong entries');
    return [
      figure('history: append one entry at 10,000, median', median(appends), 'ms', { max: 5 }),
      figure('history: append one entry at 10,000, p95', percentile(appends, 95), 'ms', { max: 5 }),
      figure('history: search over 10,000, median', median(searches), 'ms', { max: 50 }),
      figure('history: search over 10,000, p95', percentile(searches, 95), 'ms', { max: 50 }),
      figure('history: open a 10,000-entry file', openMs, 'ms'),
      figure('history: file size at 10,000 entries', bytes / 1048576, 'MB'),
      figure('history: 10,000 appends, total', fill, 'ms'),
    ];
  } finally {
    h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
