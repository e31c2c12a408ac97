// Paste Harness's exact cURL → the parsed fields → fire at the sandbox → eventCorrelationId.
import { expect, screenshot, test } from './fixtures';
import { payloadText } from './composer-editor';
import { ACCOUNT, KEYS, example, exampleUrl, harnessCurl } from './sandbox-curl';

test('a pasted Harness cURL becomes a trigger that fires and shows the eventCorrelationId', async ({
  desk: page,
  host,
}) => {
  const info = await host.api('app:info', {});
  const base = info.sandboxBaseUrl ?? '';
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const secured = example('authorized');
  const curl = harnessCurl(exampleUrl(base, 'authorized'), KEYS.execute);

  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Import/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Import a trigger' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('cURL command from Harness').fill(curl);

  // The live preview: every part, the key only as its last four characters.
  const preview = dialog.getByRole('definition');
  await expect(dialog.getByText(base, { exact: true })).toBeVisible();
  await expect(preview.filter({ hasText: /^v3/ })).toBeVisible();
  for (const value of [
    ACCOUNT,
    'default',
    secured.projectIdentifier ?? '',
    secured.pipelineIdentifier,
    secured.identifier,
  ]) {
    await expect(preview.filter({ hasText: new RegExp(`^${value}$`) }).first()).toBeVisible();
  }
  await expect(dialog.getByTestId('import-key-line')).toHaveText(
    `API key: …${KEYS.execute.slice(-4)} will be stored in the keychain, never in a file.`,
  );
  await expect(dialog.getByText('{"sample_key": "sample_value"}')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import trigger' }).click();
  await expect(dialog).toBeHidden();

  // The trigger view: read-only labelled fields.
  const main = page.getByRole('main');
  await expect(main.getByLabel('Base URL')).toHaveValue(base);
  await expect(main.getByLabel('URL form')).toHaveValue(/v3/);
  await expect(main.getByLabel('Account')).toHaveValue(ACCOUNT);
  await expect(main.getByLabel('Organization')).toHaveValue('default');
  await expect(main.getByLabel('Project')).toHaveValue(secured.projectIdentifier ?? '');
  await expect(main.getByLabel('Pipeline')).toHaveValue(secured.pipelineIdentifier);
  await expect(main.getByLabel('Trigger identifier')).toHaveValue(secured.identifier);
  await expect(main.getByTestId('key-state')).toContainText(`…${KEYS.execute.slice(-4)}`);
  await expect(main.getByLabel('Payload body')).toBeVisible();
  expect(await payloadText(page)).toBe('{"sample_key": "sample_value"}');

  await main.getByRole('button', { name: /^Fire/ }).click();
  const result = page.getByRole('region', { name: 'Fire result' });
  await expect(result.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
  await expect(result.getByTestId('http-status')).toHaveText('HTTP 200');
  const eventId = (await result.getByTestId('event-id').textContent()) ?? '';
  await expect(result.getByText(/triggerExecutionDetails/)).toContainText(eventId);
  await screenshot(page, 'fired-light', [KEYS.execute]);

  // What reached the sandbox: the body as imported, the key from the keychain in X-Api-Key.
  const received = (await (await fetch(`${base}/_sandbox/received`)).json()) as {
    method: string;
    path: string;
    headers: Record<string, string>;
    body: string;
  }[];
  const fire = received
    .filter((r) => r.method === 'POST' && r.path.includes(`/custom/${secured.token ?? ''}/v3`))
    .at(-1);
  expect(fire?.headers['x-api-key']).toBe(KEYS.execute);
  expect(Buffer.from(fire?.body ?? '', 'base64').toString('utf8')).toBe('{"sample_key": "sample_value"}');

  // uiUrl opens through the backend's check; in the browser the page opens the checked URL itself.
  const popup = page.context().waitForEvent('page');
  await result.getByRole('button', { name: 'Open executions in Harness' }).click();
  const opened = await popup;
  expect(opened.url()).toContain(`${base}/ng/`);
  expect(opened.url()).toContain(ACCOUNT);
  await opened.close();
});

test('the import preview shows every part before anything is saved', async ({ desk: page, host }) => {
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  const before = (await host.api('triggers:list', {})).length;
  await page.keyboard.press('Control+i');
  const dialog = page.getByRole('dialog', { name: 'Import a trigger' });
  await dialog.getByLabel('cURL command from Harness').fill(harnessCurl(exampleUrl(base, 'plain'), null));
  await expect(dialog.getByTestId('import-key-line')).toContainText('No API key in this command');
  await expect(dialog.getByRole('definition').filter({ hasText: /^deploy_on_push$/ })).toBeVisible();
  await screenshot(page, 'import-preview', [KEYS.execute]);
  expect((await host.api('triggers:list', {})).length).toBe(before);
  await dialog.getByRole('button', { name: 'Import trigger' }).click();
  await expect(dialog).toBeHidden();
  await expect(dialog.getByLabel('cURL command from Harness')).toHaveCount(0);
  expect((await host.api('triggers:list', {})).length).toBe(before + 1);
});
