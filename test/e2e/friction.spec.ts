// Everyday friction (docs/ARCHITECTURE.md): keyboard (every shortcut on the welcome screen, the
// trigger list as one Tab stop, Enter in the filter, Ctrl+3 into the inspector's input), the
// production dialog saying why Fire stays off, toasts saying what happened, chains (defaults, no
// error on a fresh form, the token masked, the open chain kept across a reload), the keychain banner.
import type { Locator } from '@playwright/test';
import { expect, screenshot, sidebarTrigger, test } from './fixtures';
import { setPayload } from './composer-editor';
import { example } from './sandbox-curl';

test('keyboard: every shortcut listed, one Tab stop for the list, Enter opens the first match, Ctrl+3 types into the inspector', async ({
  desk: page,
}) => {
  const list = page.getByLabel('Keyboard shortcuts');
  const views = ['Triggers', 'History', 'Inspector', 'Conditions', 'Chains'];
  for (const [i, view] of views.entries()) {
    await expect(list.locator('dt').nth(await indexOf(list, `${view} view`))).toHaveText(`Ctrl+${i + 1}`);
  }
  await expect(list).toContainText('Ctrl+Enter');
  await expect(list).toContainText('In the filter: open the first match');

  // One Tab stop: a single row is in the Tab order; arrows, Home and End move inside; Tab leaves.
  const sidebar = page.getByRole('complementary', { name: 'Workspaces and triggers' });
  await expect(sidebar.locator('.trigger-row[tabindex="0"]')).toHaveCount(1);
  await expect(sidebar.locator('.trigger-row[tabindex="-1"]')).toHaveCount(6);
  const filter = page.getByLabel('Filter triggers');
  await filter.focus();
  await page.keyboard.press('ArrowDown');
  await expect(sidebarTrigger(page, example('plain').name)).toBeFocused();
  await page.keyboard.press('End');
  await expect(sidebarTrigger(page, example('conditional').name)).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(sidebarTrigger(page, example('authorized').name)).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('trigger-row'))).toBe(false);

  // Enter in the filter opens the first match.
  await filter.fill('legacy');
  await filter.press('Enter');
  await expect(page.getByRole('main').getByRole('heading', { name: example('v2').name })).toBeVisible();
  await expect(sidebarTrigger(page, example('v2').name)).toBeFocused();

  // Ctrl+3: the cursor is in the inspector's input.
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('main', { name: 'Inspector' }).getByRole('textbox', { name: 'apiUrl' })).toBeFocused();
});

async function indexOf(list: Locator, what: string): Promise<number> {
  const texts = await list.locator('dd').allTextContents();
  const i = texts.indexOf(what);
  expect(i, `"${what}" is listed`).toBeGreaterThanOrEqual(0);
  return i;
}

test('the production dialog says why a wrong name does nothing', async ({ desk: page }) => {
  const plain = example('plain').name;
  await sidebarTrigger(page, plain).click();
  const main = page.getByRole('main');
  await main.getByLabel(/^Production/).check();
  await main.getByRole('button', { name: /^Fire/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Fire a production trigger?' });
  await expect(confirm).toContainText('Fire stays off until the name matches exactly');
  const field = confirm.getByLabel(`Type “${plain}” to confirm`);
  const why = confirm.getByRole('status');
  await field.fill('Deploy on pull');
  await expect(why).toHaveText(/^Not yet: this is not the trigger’s name/);
  await field.fill(plain.toLowerCase());
  await expect(why).toHaveText('Not yet: letter case differs. Type the name exactly as shown.');
  await field.press('Enter');
  await expect(confirm).toBeVisible(); // Enter with a wrong name fires nothing
  await field.fill(plain);
  await expect(why).toHaveText('Name matches.');
  await screenshot(page, 'production-dialog-light', []);
});

test('toasts say what was copied, and fix texts name the control that exists', async ({
  desk: page,
  host,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const main = page.getByRole('main');
  await sidebarTrigger(page, example('plain').name).click();
  await main.getByRole('button', { name: 'Copy as cURL', exact: true }).click();
  await expect(page.getByText('Copied as cURL for bash.', { exact: true })).toBeVisible();
  await sidebarTrigger(page, example('authorized').name).click();
  await main.getByRole('button', { name: 'Copy as cURL', exact: true }).click();
  await expect(page.getByText('Copied as cURL for bash, with the key as $HARNESS_API_KEY.')).toBeVisible();

  // A trigger of the secured project without a key: the fix says "Set key", and that button is there.
  const secured = (await host.api('triggers:list', {})).find((t) => t.name === example('authorized').name);
  await host.api('triggers:create', {
    workspaceId: secured?.workspaceId ?? '',
    name: 'Secured without key',
    url: secured?.parsed.url ?? '',
  });
  await sidebarTrigger(page, 'Secured without key').click();
  await setPayload(main.getByLabel('Payload body'), '{}');
  await main.getByRole('button', { name: /^Fire/ }).click();
  await expect(page.getByRole('region', { name: 'Fire result' }).getByTestId('explanation')).toContainText(
    'Set an API key on the trigger (its API key panel, “Set key”)',
  );
  await expect(main.getByRole('button', { name: 'Set key', exact: true })).toBeVisible();
});

test('chains: no error on a fresh form, B defaults to the next step, the token masked, the chain kept across a reload', async ({
  desk: page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.keyboard.press('Control+5');
  const editor = page.getByRole('region', { name: 'Chain editor' });
  await expect(editor.getByTestId('chain-empty')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await editor.getByLabel('Chain name').fill('Push then nightly');
  await editor.getByRole('button', { name: 'Add step' }).click();
  await editor
    .getByRole('listitem', { name: 'Step 1' })
    .getByLabel('Trigger')
    .selectOption({ label: example('plain').name });
  await editor.getByRole('button', { name: 'Add step' }).click();
  await editor
    .getByRole('listitem', { name: 'Step 2' })
    .getByLabel('Trigger')
    .selectOption({ label: example('fails').name });

  const setup = page.getByRole('region', { name: 'Set it up in Harness' });
  await expect(setup.getByLabel('Trigger of pipeline B').locator('option:checked')).toHaveText(example('fails').name);
  await expect(setup.getByLabel('Pipeline A identifier (for the sample)')).toHaveValue(
    example('plain').pipelineIdentifier,
  );
  const token = example('fails').token ?? '';
  const yaml = setup.getByLabel('notificationRules YAML', { exact: true });
  await expect(yaml).toContainText(`••••••${token.slice(-4)}`);
  await expect(yaml).not.toContainText(token);
  await expect(setup.getByTestId('token-note')).toContainText(
    'Copy puts the whole YAML on the clipboard, token included',
  );
  await setup.getByRole('button', { name: 'Copy notificationRules YAML (with the webhook token)' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`/custom/${token}/v3`);
  await screenshot(page, 'chains-masked-light', [token]);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const chain = page.getByRole('combobox', { name: 'Chain', exact: true });
  await expect(chain.locator('option:checked')).toHaveText('Push then nightly');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Chains' })).toHaveAttribute('aria-selected', 'true');
  await expect(chain.locator('option:checked')).toHaveText('Push then nightly');
  await expect(editor.getByLabel('Chain name')).toHaveValue('Push then nightly');
});

test.describe('without a keychain', () => {
  test.use({ hostEnv: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/trigger-desk-no-bus' } });

  test('the keychain banner says how to get one here, and can be dismissed for the session', async ({ desk: page }) => {
    const banner = page.getByRole('alert').filter({ hasText: 'OS keychain unavailable' });
    await expect(banner).toContainText(
      'On Linux: install and unlock a Secret Service keychain (gnome-keyring, or KWallet',
    );
    await banner.getByRole('button', { name: 'Dismiss the keychain warning for this session' }).click();
    await expect(banner).toBeHidden();
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Triggers' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'OS keychain unavailable' })).toHaveCount(0);
  });
});
