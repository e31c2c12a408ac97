// Not part of the app: a page that renders the history list with N synthetic entries and reports
// how long the render took (React commit + style + layout) and how many rows reached the DOM; and,
// as the bench's floor, the same rows as a plain React list (no app component, no windowing code).
// Bundled by test/fixtures/history-render-page.ts for the page test and the render bench.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { HistorySummary, StatusWords } from '../../shared/watch-model';
import { HistoryList } from '../../renderer/features/history/HistoryList';
import '../../renderer/features/watch/watch.css';
import '../../renderer/features/history/history.css';

const STATUSES: StatusWords[] = [
  { status: 'Success', words: 'Succeeded', tone: 'good' },
  { status: 'Failed', words: 'Failed', tone: 'bad' },
  { status: 'Running', words: 'Running', tone: 'wait' },
  { status: 'ApprovalWaiting', words: 'Waiting for an approval', tone: 'person' },
];

export function syntheticRows(count: number, now = Date.now()): HistorySummary[] {
  return Array.from({ length: count }, (_, i): HistorySummary => ({
    id: `h${i}`,
    triggerId: `t${i % 7}`,
    triggerName: `Trigger ${i % 7}`,
    at: now - i * 60_000,
    outcome: 'accepted',
    group: 'success',
    status: STATUSES[i % STATUSES.length] ?? null,
    eventCorrelationId: i.toString(16).padStart(24, '0'),
    correlationId: null,
    planExecutionId: null,
    fireMs: 40,
    runMs: 5000 + i,
    endedAt: now - i * 60_000 + 5000,
    live: i % 4 === 2,
    watchId: null,
    payloadPreview: `{"build": ${i}, "branch": "main"}`,
  }));
}

export interface RenderFigures {
  ms: number;
  rowsInDom: number;
  scrollMs: number;
  rowsAfterScroll: number;
  lastRowText: string;
}

const nextFrame = (): Promise<void> =>
  new Promise((done) => {
    requestAnimationFrame(() => {
      done();
    });
  });

async function render(count: number): Promise<RenderFigures> {
  const host = document.getElementById('root');
  if (!host) throw new Error('no #root');
  host.style.cssText = 'height: 700px; display: flex; flex-direction: column;';
  const rows = syntheticRows(count); // the data exists before the render, as after a search
  const root = createRoot(host);
  const noop = (): void => undefined;
  const started = performance.now();
  flushSync(() => {
    root.render(
      <HistoryList count={rows.length} rowAt={(i) => rows[i]} activeIndex={null} onActiveChange={noop} onOpen={noop} />,
    );
  });
  host.getBoundingClientRect(); // forces style and layout: they count as part of the render
  const ms = performance.now() - started;
  const rowsInDom = host.querySelectorAll('[role="option"]').length;
  // Jump to the end: the window moves (on the browser's own scroll event), the DOM stays small.
  const list = host.querySelector<HTMLElement>('[role="listbox"]');
  const scrollStart = performance.now();
  if (list) list.scrollTop = list.scrollHeight;
  const last = (): Element | undefined => [...host.querySelectorAll('[role="option"]')].at(-1);
  while (performance.now() - scrollStart < 2000 && last()?.getAttribute('aria-posinset') !== String(count))
    await nextFrame();
  const scrollMs = performance.now() - scrollStart;
  return {
    ms,
    rowsInDom,
    scrollMs,
    rowsAfterScroll: host.querySelectorAll('[role="option"]').length,
    lastRowText: last()?.textContent ?? '',
  };
}

/**
 * The floor: the first `visible` of the same rows, each the same text in plain elements, in a
 * plain scrolling <ul> of the same height. What any list showing these rows must at least pay.
 */
function renderPlain(count: number, visible: number): number {
  const host = document.getElementById('root');
  if (!host) throw new Error('no #root');
  host.style.cssText = 'height: 700px; display: flex; flex-direction: column;';
  const rows = syntheticRows(count).slice(0, visible);
  const root = createRoot(host);
  const started = performance.now();
  flushSync(() => {
    root.render(
      <ul style={{ overflow: 'auto', margin: 0, padding: 0, listStyle: 'none' }}>
        {rows.map((row) => (
          <li key={row.id} style={{ height: 46 }}>
            <div>
              <span>{new Date(row.at).toLocaleTimeString()}</span> <span>{row.triggerName}</span>{' '}
              <span>{row.status?.words}</span> <span>{row.runMs}</span>
            </div>
            <div>
              <span>{row.eventCorrelationId}</span> <span>{row.payloadPreview}</span>
            </div>
          </li>
        ))}
      </ul>,
    );
  });
  host.getBoundingClientRect();
  return performance.now() - started;
}

Object.assign(window, { renderHistory: render, renderPlainList: renderPlain });
