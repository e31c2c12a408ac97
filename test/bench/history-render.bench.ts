// The history list with 10,000 entries renders in under 100 ms (virtualized), measured in
// Chromium: React commit + style + layout of the real HistoryList, on a fresh page each run.
import { chromium } from '@playwright/test';
import { historyRenderPage, type RenderFigures } from '../e2e/history-render-page';
import { figure, median, type Figure } from './figures';
import { chromiumArgs } from './startup.bench';

const ENTRIES = 10_000;
const RUNS = 7;

export async function run(): Promise<Figure[]> {
  const html = await historyRenderPage();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const results: RenderFigures[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.setContent(html);
      results.push(
        await page.evaluate(
          (n) => (window as unknown as { renderHistory: (n: number) => Promise<RenderFigures> }).renderHistory(n),
          ENTRIES,
        ),
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return [
    figure(
      `history list render, ${ENTRIES.toLocaleString('en')} entries (median of ${RUNS})`,
      median(results.map((r) => r.ms)),
      'ms',
      { max: 100 },
    ),
    figure('history list rows in the DOM', Math.max(...results.map((r) => r.rowsInDom)), 'rows', { max: 60 }),
    figure('history list jump to the last entry (to next frame)', median(results.map((r) => r.scrollMs)), 'ms', {
      max: 100,
    }),
  ];
}
