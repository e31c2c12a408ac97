// Key-shaped values outside the secret slots, in the page: a header value shaped like a key moves to
// the keychain by itself (and the page says so); a payload holding one is refused naming its field
// and the way out; a variable marked "Secret" keeps its value in the keychain and is sent at fire time.
import { expect, readAllFiles, screenshot, sidebarTrigger, test } from './fixtures';
import { receivedFires, sandboxControl, setPayload } from './composer-editor';
import { example, runtimePat } from './sandbox-curl';

test('a key in a header, a payload or a variable never stays in plain text', async ({ desk: page, host }) => {
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  const headerKey = runtimePat();
  const payloadKey = runtimePat();
  await sidebarTrigger(page, example('plain').name).click();
  const main = page.getByRole('main');
  const toasts = page.getByRole('status', { name: 'Notifications' });

  // 1. A plain header whose value is shaped like a key.
  await main.getByRole('button', { name: 'Add header' }).click();
  await main.getByLabel('Header 1 name').fill('X-Deploy');
  await main.getByLabel('Header 1 value').fill(headerKey);
  await main.getByRole('button', { name: 'Save headers' }).click();
  await expect(toasts).toContainText(
    'The value of X-Deploy looks like an API key or token, so it was moved to the keychain',
  );
  await expect(main.getByLabel('Header 1 value')).toHaveAttribute(
    'placeholder',
    `in the vault (…${headerKey.slice(-4)}); type to replace`,
  );

  // 2. A payload holding a key: refused, naming the field and the way out.
  const editor = main.getByLabel('Payload body');
  await setPayload(editor, `{\n  "deploy": {\n    "token": "${payloadKey}"\n  }\n}`);
  // The refusal shows under the editor (not as a passing toast): the field, and the way out.
  const notSaved = main.locator('.save-error');
  await expect(notSaved).toContainText('$.deploy.token (line 3, column 14)');
  await expect(notSaved).toContainText('Replace the value with {{deploy_token}} and mark that variable secret');
  // (The key typed in the editor is the user's own text: it stays there, unsaved.)
  await screenshot(page, 'key-shaped-payload-refused', [headerKey]);

  // 3. The way out: a secret variable, its value in the keychain, put in when firing.
  await setPayload(editor, '{\n  "deploy": {\n    "token": "{{deploy_token}}"\n  }\n}');
  const value = main.getByLabel('Value for {{deploy_token}}');
  await value.fill(payloadKey);
  await expect(main.getByText('This looks like an API key or token, so it is not saved as plain text')).toBeVisible();
  await page.waitForTimeout(700); // past the save delay of variable values: nothing is sent, nothing refused
  await expect(toasts).not.toContainText('Could not remember the variable values');
  await main.getByLabel('Keep {{deploy_token}} secret in the keychain').check();
  await expect(value).toHaveAttribute('placeholder', `in the keychain: …${payloadKey.slice(-4)}`);
  await expect(value).toHaveValue('');
  await expect(main.getByTestId('preview-body')).toContainText('{{deploy_token}}');
  await screenshot(page, 'key-shaped-secret-variable', [headerKey, payloadKey]);
  await sandboxControl(base, 'DELETE', 'received');
  await main.getByRole('button', { name: /^Fire/ }).click();
  await expect(page.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
  const fires = await receivedFires(base);
  expect(JSON.parse(Buffer.from(fires[0]?.body ?? '', 'base64').toString('utf8'))).toEqual({
    deploy: { token: payloadKey },
  });
  expect(Buffer.from(fires[0]?.body ?? '', 'base64').toString('utf8')).toContain(payloadKey);

  // Nowhere in the page or the data folder.
  expect(await page.content()).not.toContain(payloadKey.slice(0, -4));
  expect(await page.content()).not.toContain(headerKey.slice(0, -4));
  for (const { path, bytes } of readAllFiles(host.dataDir)) {
    for (const secret of [headerKey, payloadKey])
      expect(bytes.includes(Buffer.from(secret.slice(0, -4))), `key in ${path}`).toBe(false);
  }
});
