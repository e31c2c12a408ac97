// An API key never reaches the page's DOM, its storage, or any file under the data folder: it goes
// to the keychain, and the page only ever learns its label and last four characters.
import type { Page } from '@playwright/test';
import { expect, readAllFiles, screenshot, sidebarTrigger, test } from './fixtures';
import { KEYS, example, exampleUrl, harnessCurl, runtimePat } from './sandbox-curl';

async function expectNowhereInPage(page: Page, secrets: string[]): Promise<void> {
  const html = await page.content();
  const storage = await page.evaluate(() => {
    const all: string[] = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i) ?? '';
        all.push(key, store.getItem(key) ?? '');
      }
    }
    return all.join('\n');
  });
  const fields = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input, textarea'), (e) => (e as HTMLInputElement).value).join('\n'),
  );
  for (const secret of secrets) {
    expect(html.includes(secret), 'key found in the DOM').toBe(false);
    expect(storage.includes(secret), 'key found in localStorage/sessionStorage').toBe(false);
    expect(fields.includes(secret), 'key left in a form field').toBe(false);
  }
}

test('keys stay out of the DOM, the page storage and the data folder', async ({ desk: page, host }) => {
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  const pasted = KEYS.execute;
  const typed = runtimePat();
  const formKey = runtimePat();
  const secrets = [pasted, typed, formKey];

  // The token left the address bar; the page keeps it for this tab only.
  expect(page.url()).not.toContain('token=');

  // 1. Pasted in a cURL command.
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Import/ })
    .click();
  let dialog = page.getByRole('dialog', { name: 'Import a trigger' });
  await dialog.getByLabel('cURL command from Harness').fill(harnessCurl(exampleUrl(base, 'authorized'), pasted));
  await expect(dialog.getByTestId('import-key-line')).toContainText(`…${pasted.slice(-4)}`);
  await dialog.getByRole('button', { name: 'Import trigger' }).click();
  await expect(dialog).toBeHidden();
  await expectNowhereInPage(page, secrets);

  // 2. Typed into the key editor of an existing trigger.
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Replace key' }).click();
  await main.getByLabel('New API key').fill(typed);
  await main.getByRole('button', { name: 'Save key' }).click();
  await expect(main.getByTestId('key-state')).toContainText(`…${typed.slice(-4)}`);
  await expectNowhereInPage(page, secrets);

  // 3. The plain "URL + key" form.
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Import/ })
    .click();
  dialog = page.getByRole('dialog', { name: 'Import a trigger' });
  await dialog.getByRole('tab', { name: 'URL + key' }).click();
  await dialog.getByLabel('Trigger URL').fill(exampleUrl(base, 'plain'));
  await dialog.getByLabel('Name').fill('Plain with a key');
  await dialog.getByLabel('API key (optional)').fill(formKey);
  await dialog.getByRole('button', { name: 'Create trigger' }).click();
  await expect(dialog).toBeHidden();
  await expect(main.getByTestId('key-state')).toContainText(`…${formKey.slice(-4)}`);
  await expectNowhereInPage(page, secrets);

  // Fire the seeded secured trigger (it holds the sandbox's key), so the fire path has run too.
  const seeded = example('authorized').name;
  await sidebarTrigger(page, seeded).click();
  await main.getByRole('button', { name: /^Fire/ }).click();
  await expect(page.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
  await page.reload();
  await expect(page.getByRole('list', { name: /^Triggers in / }).first()).toBeVisible();
  await expectNowhereInPage(page, secrets);
  await screenshot(page, 'after-keys', secrets);

  // Every file under the data folder, byte for byte, in plain text and base64.
  const files = readAllFiles(host.dataDir);
  expect(files.length).toBeGreaterThan(0);
  for (const { path, bytes } of files) {
    for (const secret of secrets) {
      expect(bytes.includes(Buffer.from(secret)), `key in ${path}`).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(secret).toString('base64'))), `base64 key in ${path}`).toBe(false);
    }
  }
  // And the keys are really kept (in the keychain): the backend still knows their last four.
  const triggers = await host.api('triggers:list', {});
  const last4s = triggers.map((t) => t.key?.last4);
  expect(last4s).toContain(pasted.slice(-4));
  expect(last4s).toContain(formKey.slice(-4));
});

test('an echoing Harness: the watch headline and the page show no key', async ({ desk: page, host }) => {
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  // The sandbox repeats every key it is sent in each free-text field; the failed stage's message is the headline.
  const faults = await fetch(`${base}/_sandbox/faults`, {
    method: 'POST',
    body: JSON.stringify({ echoSecrets: true, failStage: 'deploy_prod' }),
  });
  expect(faults.status).toBe(200);
  await sidebarTrigger(page, example('authorized').name).click();
  await page.getByRole('main').getByRole('button', { name: /^Fire/ }).click();
  const watch = page.getByRole('region', { name: 'Fire result' }).getByRole('region', { name: 'Live watch' });
  await expect(watch.getByTestId('watch-ended')).toBeVisible({ timeout: 30_000 });
  const headline = watch.getByTestId('watch-headline');
  await expect(headline).toContainText('[echo: ');
  await expect(headline).toContainText(`…${KEYS.execute.slice(-4)}`);
  await expect(headline).not.toContainText(KEYS.execute.slice(0, -4));
  await expectNowhereInPage(page, [KEYS.execute]);
  await screenshot(page, 'echo-headline', [KEYS.execute]);
});
