// The view travels in the page address (#view=…): a reload opens the view that was left, and the
// Electron shell saves the same fragment with the window's place (docs/ARCHITECTURE.md).
import { expect, test } from './fixtures';

test('the view is kept in the address, survives a reload, and an unknown view falls back to Triggers', async ({
  desk: page,
}) => {
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  await expect(tab('Triggers')).toHaveAttribute('aria-selected', 'true');
  await tab('History').click();
  await expect(tab('History')).toHaveAttribute('aria-selected', 'true');
  expect(new URL(page.url()).hash).toBe('#view=history');
  expect(page.url()).not.toContain('token=');

  await page.reload();
  await expect(tab('History')).toHaveAttribute('aria-selected', 'true');

  await page.goto(page.url().replace('#view=history', '#view=settings'));
  await page.reload();
  await expect(tab('Triggers')).toHaveAttribute('aria-selected', 'true');
});
