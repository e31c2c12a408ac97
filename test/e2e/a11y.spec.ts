// Every control on every screen has an accessible name (a label, aria-label or its text).
import type { Page } from '@playwright/test';
import { expect, sidebarTrigger, test } from './fixtures';
import { example } from './sandbox-curl';

// A control line without a quoted name: `- button`, `- button [disabled]`, `- textbox: value`.
const CONTROL =
  /^\s*- (?:button|textbox|checkbox|combobox|radio|searchbox|tab|spinbutton|switch|slider|link)(?:$|:|\s+\[)/;

async function unnamedControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  expect(tree, 'the tree lists named controls, so the check below has something to look at').toMatch(/- button "/);
  return tree.split('\n').filter((line) => CONTROL.test(line));
}

test('every control has an accessible name', async ({ desk: page }) => {
  expect(await unnamedControls(page), 'welcome').toEqual([]);

  await sidebarTrigger(page, example('plain').name).click();
  await page.getByRole('main').getByRole('button', { name: /^Fire/ }).click();
  await expect(page.getByTestId('event-id')).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Set key' }).click();
  await expect(page.getByLabel('API key', { exact: true }).and(page.getByRole('textbox'))).toBeVisible();
  expect(await unnamedControls(page), 'trigger view and result').toEqual([]);

  await page.keyboard.press('Escape');
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Import/ })
    .click();
  await expect(page.getByRole('dialog').getByLabel('cURL command from Harness')).toBeVisible();
  expect(await unnamedControls(page), 'import dialog, cURL tab').toEqual([]);
  await page.getByRole('tab', { name: 'URL + key' }).click();
  await expect(page.getByRole('dialog').getByLabel('Trigger URL')).toBeVisible();
  expect(await unnamedControls(page), 'import dialog, URL tab').toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  expect(await unnamedControls(page), 'settings').toEqual([]);
});
