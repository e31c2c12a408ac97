// The history list with 10,000 entries, measured in Chromium: React commit + style + layout of the
// real HistoryList, on a fresh page each run, against the floor: the same rows it puts in the DOM as
// a plain React list (no app component), on a fresh page too (test/pages/history-render-check.tsx).
import { chromium } from '@playwright/test';
import { historyRenderPage, type RenderFigures } from '../fixtures/history-render-page';
import { figure, median, vsFloor, type Figure } from './figures';
import { chromiumArgs } from './startup.bench';

const ENTRIES = 10_000;
const RUNS = 7;
/** The target, as a ratio to the plain list of the same run. */
export const HISTORY_RENDER_MAX_RATIO = 3;

export async function run(): Promise<Figure[]> {
  const html = await historyRenderPage();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const results: RenderFigures[] = [];
  const floors: number[] = [];
  type RenderWindow = {
    renderHistory: (n: number) => Promise<RenderFigures>;
    renderPlainList: (n: number, visible: number) => number;
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.setContent(html);
      const r = await page.evaluate((n) => (window as unknown as RenderWindow).renderHistory(n), ENTRIES);
      results.push(r);
      await page.close();
      const plain = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await plain.setContent(html);
      floors.push(
        await plain.evaluate(([n, visible]) => (window as unknown as RenderWindow).renderPlainList(n, visible), [
          ENTRIES,
          r.rowsInDom,
        ] as const),
      );
      await plain.close();
    }
  } finally {
    await browser.close();
  }
  return [
    vsFloor(
      `history list render, ${ENTRIES.toLocaleString('en')} entries (median of ${RUNS}; floor: plain list of the same rows)`,
      median(results.map((r) => r.ms)),
      median(floors),
      'ms',
      HISTORY_RENDER_MAX_RATIO,
    ),
    figure('history list rows in the DOM', Math.max(...results.map((r) => r.rowsInDom)), 'rows', { max: 60 }),
    figure('history list jump to the last entry (to next frame)', median(results.map((r) => r.scrollMs)), 'ms', {
      max: 100,
    }),
  ];
}
