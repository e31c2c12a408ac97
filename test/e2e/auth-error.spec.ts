// A project that mandates authorization, fired without a key: Harness's message verbatim, then the
// plain explanation and what to do; adding the key through the key editor makes the fire pass.
import { expect, screenshot, sidebarTrigger, test } from './fixtures';
import { payloadText, setPayload } from './composer-editor';
import { ACCOUNT, KEYS, ORG, example } from './sandbox-curl';

test('mandatory authorization without a key shows Harness’s message, the explanation and the action', async ({
  desk: page,
}) => {
  const secured = example('authorized');
  await sidebarTrigger(page, secured.name).click();
  const main = page.getByRole('main');
  const payload = main.getByLabel('Payload body');
  await setPayload(payload, '{"tag": "v1.2.3",\n "env": "qa"}');

  // The seeded trigger carries the sandbox key: remove it (asks first).
  await main.getByRole('button', { name: 'Remove key' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove the API key?' });
  await confirm.getByRole('button', { name: 'Remove key' }).click();
  await expect(main.getByTestId('key-state')).toContainText('No API key');

  await main.getByRole('button', { name: /^Fire/ }).click();
  const result = page.getByRole('region', { name: 'Fire result' });
  await expect(result.getByTestId('http-status')).toHaveText('HTTP 400');
  await expect(result.getByTestId('harness-message')).toHaveText(
    `Invalid request: Authorization is mandatory for custom triggers in ${ACCOUNT}:${ORG}:${secured.projectIdentifier ?? ''}. Please add X-Api-Key header in the request`,
  );
  const explanation = result.getByTestId('explanation');
  await expect(explanation).toBeVisible();
  await expect(explanation).toContainText('What to do:');
  await expect(explanation).toContainText(/key/i);
  await expect(result.getByTestId('event-id')).toHaveCount(0);
  // The user's payload is untouched by the failure.
  expect(await payloadText(page)).toBe('{"tag": "v1.2.3",\n "env": "qa"}');
  await screenshot(page, 'auth-error-light', [KEYS.execute]);

  // Add the key: the field is emptied as soon as it is sent, and the fire now passes.
  await main.getByRole('button', { name: 'Set key' }).click();
  const keyField = main.getByRole('textbox', { name: 'API key', exact: true });
  await keyField.fill(KEYS.execute);
  await main.getByRole('button', { name: 'Save key' }).click();
  await expect(main.getByTestId('key-state')).toContainText(`…${KEYS.execute.slice(-4)}`);
  await expect(keyField).toHaveCount(0);
  await main.getByRole('button', { name: /^Fire/ }).click();
  await expect(result.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
  expect(await payloadText(page)).toBe('{"tag": "v1.2.3",\n "env": "qa"}');
});
