// Dark mode follows the OS, the theme setting overrides it; screenshots of both.
import type { Page } from '@playwright/test';
import { expect, screenshot, sidebarTrigger, test } from './fixtures';
import { KEYS, example } from './sandbox-curl';

/** Relative luminance (0 = black, 1 = white) of an element's computed background. */
async function backgroundLuminance(page: Page, selector: string): Promise<number> {
  const color = await page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  const lin = (c = 0): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

test('the window follows the OS colour scheme and the theme setting overrides it', async ({ desk: page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await backgroundLuminance(page, 'body')).toBeGreaterThan(0.8);
  await screenshot(page, 'welcome-light', [KEYS.execute]);

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await backgroundLuminance(page, 'body')).toBeLessThan(0.05);
  expect(await backgroundLuminance(page, '.sidebar')).toBeLessThan(0.05);
  await screenshot(page, 'welcome-dark', [KEYS.execute]);

  // Fire once so the dark screenshot shows a result too.
  await sidebarTrigger(page, example('plain').name).click();
  await page.getByRole('main').getByRole('button', { name: /^Fire/ }).click();
  await expect(page.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
  await screenshot(page, 'fired-dark', [KEYS.execute]);

  // Theme "Light" wins over the OS's dark.
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Theme').selectOption('light');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await expect.poll(() => backgroundLuminance(page, 'body')).toBeGreaterThan(0.8);
});
