// The history list is windowed: 10,000 entries render only the rows in view, in Chromium.
// (A page test: the real list component with synthetic entries; the figure itself is in
// test/bench/history-render.bench.ts.)
import { expect, test } from '@playwright/test';
import { historyRenderPage, type RenderFigures } from '../fixtures/history-render-page';

test('10,000 history entries render windowed, and the end of the list is reachable', async ({ page }) => {
  await page.setContent(await historyRenderPage());
  const figures = await page.evaluate(() =>
    (window as unknown as { renderHistory: (n: number) => Promise<RenderFigures> }).renderHistory(10_000),
  );
  // 700 px of 46 px rows is 16 rows, plus 6 either side.
  expect(figures.rowsInDom).toBeGreaterThan(10);
  expect(figures.rowsInDom).toBeLessThan(40);
  expect(figures.rowsAfterScroll).toBeLessThan(40);
  expect(figures.lastRowText).toContain('"build": 9999'); // the last entry, reached by scrolling
  expect(figures.lastRowText).toContain('Trigger 3'); // 9999 % 7
  // How fast is the bench's business (a ratio to a plain list, test/bench/history-render.bench.ts), not this test's.
  const listbox = page.getByRole('listbox', { name: 'Fires, newest first' });
  await expect(listbox.getByRole('option').last()).toHaveAttribute('aria-posinset', '10000');
  await expect(listbox.getByRole('option').last()).toHaveAttribute('aria-setsize', '10000');
});
