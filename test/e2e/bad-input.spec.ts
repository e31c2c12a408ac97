// Bad input gets a clear message where the user is looking, and nothing already saved is lost.
import { expect, screenshot, sidebarTrigger, test } from './fixtures';
import { payloadText, setPayload } from './composer-editor';
import { KEYS, example, exampleUrl, harnessCurl } from './sandbox-curl';

test('an invalid cURL shows the message with its position and saves nothing', async ({ desk: page, host }) => {
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  const before = await host.api('triggers:list', {});
  await page.keyboard.press('Control+i');
  const dialog = page.getByRole('dialog', { name: 'Import a trigger' });
  const area = dialog.getByLabel('cURL command from Harness');
  // An unterminated single quote in the body.
  await area.fill(`curl -X POST -H 'content-type: application/json' --url '${exampleUrl(base, 'plain')}' -d '{"a": 1}`);
  const error = dialog.getByTestId('parse-error');
  await expect(error).toContainText(/line 1, column \d+/i);
  await expect(error).toContainText(/quote/i);
  await expect(dialog.getByRole('button', { name: 'Import trigger' })).toBeDisabled();
  await screenshot(page, 'import-parse-error', [KEYS.execute]);

  // A remote http:// URL is refused in plain words.
  await area.fill(
    harnessCurl(
      'http://harness.example.com/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=a&orgIdentifier=o&projectIdentifier=p',
      null,
    ),
  );
  await expect(dialog.getByTestId('parse-error')).toContainText(/https/);
  await expect(dialog.getByRole('button', { name: 'Import trigger' })).toBeDisabled();
  await dialog.getByRole('tab', { name: 'URL + key' }).click();
  await dialog
    .getByLabel('Trigger URL')
    .fill(
      'http://harness.example.com/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=a&orgIdentifier=o&projectIdentifier=p',
    );
  await expect(dialog.getByTestId('parse-error')).toContainText(/https/);
  await expect(dialog.getByRole('button', { name: 'Create trigger' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Nothing saved was lost or added.
  const after = await host.api('triggers:list', {});
  expect(after.map((t) => t.id)).toEqual(before.map((t) => t.id));
});

test('an empty key and a key with spaces are refused and the saved key is kept', async ({ desk: page }) => {
  const secured = example('authorized');
  await sidebarTrigger(page, secured.name).click();
  const main = page.getByRole('main');
  const state = main.getByTestId('key-state');
  const before = await state.textContent();

  await main.getByRole('button', { name: 'Replace key' }).click();
  const field = main.getByLabel('New API key');
  await main.getByRole('button', { name: 'Save key' }).click();
  await expect(main.getByRole('alert')).toContainText('The key is empty');

  await field.fill('   ');
  await main.getByRole('button', { name: 'Save key' }).click();
  await expect(main.getByRole('alert')).toContainText('The key is empty');

  await field.fill('pat.abc def.0123');
  await main.getByRole('button', { name: 'Save key' }).click();
  await expect(main.getByRole('alert')).toContainText('spaces');
  await expect(field).toHaveValue('');
  await expect(state).toHaveText(before ?? '');
});

test('a payload that is not JSON is flagged, and sent only after confirming; it stays as typed', async ({
  desk: page,
}) => {
  const plain = example('plain');
  await sidebarTrigger(page, plain.name).click();
  const main = page.getByRole('main');
  const payload = main.getByLabel('Payload body');
  const text = '{\n  "tag": "v1",\n  "env": qa\n}';
  await setPayload(payload, text);
  await expect(main.getByTestId('payload-status')).toContainText('Not JSON: line 3, column 10.');

  // Fire is held back with the reason; "Send anyway…" asks first.
  await expect(main.getByRole('button', { name: /^Fire/ })).toBeDisabled();
  await main.getByRole('button', { name: 'Send anyway…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Send a payload that is not JSON?' });
  await expect(confirm).toContainText('Line 3, column 10');
  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await expect(confirm).toBeHidden();
  const result = page.getByRole('region', { name: 'Fire result' });
  await expect(result.getByTestId('http-status')).toHaveCount(0);

  await main.getByRole('button', { name: 'Send anyway…' }).click();
  await page
    .getByRole('dialog', { name: 'Send a payload that is not JSON?' })
    .getByRole('button', { name: 'Send anyway' })
    .click();
  await expect(result.getByTestId('http-status')).toHaveText('HTTP 200');
  expect(await payloadText(page)).toBe(text);

  // A rename to an empty name is refused; the name is kept.
  await main.getByRole('button', { name: /^Rename trigger/ }).click();
  const nameField = main.getByLabel(/^New name for trigger/);
  await nameField.fill('  ');
  await nameField.press('Enter');
  await expect(main.getByRole('alert')).toContainText('cannot be empty');
  await nameField.press('Escape');
  await expect(main.getByRole('heading', { name: plain.name })).toBeVisible();
});
