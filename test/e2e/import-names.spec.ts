// Import: the cURL tab offers a Name (the identifiers made readable, free in the workspace), says
// when the URL is already saved and opens that trigger, and masks the pasted key at once.
import { expect, screenshot, test } from './fixtures';
import { KEYS, example, exampleUrl, harnessCurl } from './sandbox-curl';

test('the cURL tab names the import, masks the key, warns of a saved URL and a taken name', async ({
  desk: page,
  host,
}) => {
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  const curl = harnessCurl(exampleUrl(base, 'authorized'), KEYS.execute);
  const seeded = example('authorized').name;
  const openImport = async () => {
    await page.keyboard.press('Control+i');
    const dialog = page.getByRole('dialog', { name: 'Import a trigger' });
    await expect(dialog).toBeVisible();
    return dialog;
  };

  let dialog = await openImport();
  const area = dialog.getByLabel('cURL command from Harness');
  await area.fill(curl);
  // The key is masked in the field as soon as it is recognised; the rest of the text stays.
  await expect(area).toHaveValue(new RegExp(`X-Api-Key: ••••••••${KEYS.execute.slice(-4)}'`));
  expect(await area.inputValue()).not.toContain(KEYS.execute);
  expect(await area.inputValue()).toContain(exampleUrl(base, 'authorized'));
  await expect(dialog.getByLabel('Name')).toHaveValue('Build and deploy / Secured deploy');
  await expect(dialog.getByTestId('already-saved')).toContainText(`already saved as “${seeded}” in Sandbox`);
  await screenshot(page, 'import-masked-light', [KEYS.execute]);
  await dialog.getByRole('button', { name: 'Import trigger' }).click();
  await expect(dialog).toBeHidden();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Build and deploy / Secured deploy' })).toBeVisible();
  // The real key reached the vault (masking changed only what the field shows).
  await expect(main.getByTestId('key-state')).toContainText(`…${KEYS.execute.slice(-4)}`);
  await main.getByRole('button', { name: /^Fire/ }).click();
  await expect(page.getByTestId('http-status')).toHaveText('HTTP 200');

  // Again: the next free name; a taken name is refused in place; "Open" shows the saved trigger.
  dialog = await openImport();
  await dialog.getByLabel('cURL command from Harness').fill(curl);
  const name = dialog.getByLabel('Name');
  await expect(name).toHaveValue('Build and deploy / Secured deploy (2)');
  await name.fill(seeded.toUpperCase());
  await expect(dialog.getByText(`This workspace already has a trigger named “${seeded}”`)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import trigger' })).toBeDisabled();
  await dialog.getByRole('button', { name: `Open “${seeded}”` }).click();
  await expect(dialog).toBeHidden();
  await expect(main.getByRole('heading', { name: seeded })).toBeVisible();
  const names = (await host.api('triggers:list', {})).map((t) => t.name);
  expect(names.filter((n) => n.toLowerCase() === seeded.toLowerCase())).toHaveLength(1);
});
