// The Inspector: open an event from a pasted apiUrl (or its id and account), read it in plain words,
// search and copy the raw answer; the support report holds no key and no URL token.
import type { DeskHost } from './fixtures';
import { expect, screenshot, test } from './fixtures';
import { ACCOUNT, KEYS, example } from './sandbox-curl';

/** Fires a sandbox example through the contract and waits until its watch has ended. */
async function fireAndWait(host: DeskHost, name: string): Promise<{ apiUrl: string; eventId: string }> {
  const trigger = (await host.api('triggers:list', {})).find((t) => t.name === name);
  if (!trigger) throw new Error(`no trigger named ${name}`);
  const result = await host.api('triggers:fire', { id: trigger.id });
  const apiUrl = result.event?.apiUrl ?? '';
  expect(apiUrl).toContain('triggerExecutionDetails');
  await expect
    .poll(async () => (await host.api('watches:list', {})).find((w) => w.apiUrl === apiUrl)?.ended !== null, {
      timeout: 30_000,
    })
    .toBe(true);
  return { apiUrl, eventId: result.event?.eventCorrelationId ?? '' };
}

test('a pasted apiUrl opens the event: processing, run, stages, input, payload, statuses, raw JSON', async ({
  desk: page,
  host,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const plain = example('plain');
  const { apiUrl, eventId } = await fireAndWait(host, plain.name);

  await page.keyboard.press('Control+3');
  const inspector = page.getByRole('main', { name: 'Inspector' });
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await inspector.getByRole('textbox', { name: 'apiUrl' }).fill(apiUrl);
  await inspector.getByRole('button', { name: 'Open event' }).click();

  await expect(inspector.getByTestId('inspect-headline')).toBeVisible();
  const details = inspector.getByRole('region', { name: 'Processing details' });
  await expect(details.getByRole('row', { name: /eventId/ })).toContainText(eventId);
  await expect(details).toContainText('TARGET_EXECUTION_REQUESTED');
  const run = inspector.getByRole('region', { name: 'Pipeline run' });
  await expect(run.locator('[data-status="Success"]')).toBeVisible();
  await expect(inspector.getByRole('list', { name: 'Stage timeline' }).locator('[data-stage]')).toHaveCount(4);
  await expect(inspector.getByTestId('inspect-payload')).toContainText('sample_value');
  await expect(inspector.getByRole('region', { name: /^runtimeInput/ })).toBeVisible();
  const statuses = inspector.getByRole('region', { name: 'Every status, explained' });
  await expect(statuses).toContainText('TARGET_EXECUTION_REQUESTED');
  await expect(statuses).toContainText('Success');

  // Raw JSON: search marks every match and counts them; Copy puts the whole text on the clipboard.
  await inspector.getByLabel('Search the raw answer').fill('planExecutionId');
  await expect(inspector.getByText(/^\d+ match(es)?$/)).toBeVisible();
  expect(await inspector.locator('.raw-text mark').count()).toBeGreaterThan(0);
  await inspector.getByRole('button', { name: 'Copy raw answer' }).click();
  const raw = (await inspector.getByLabel('Raw answer', { exact: true }).textContent()) ?? '';
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(raw);
  expect(raw).toContain(eventId);
  await screenshot(page, 'inspector-light', [KEYS.execute]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'inspector-dark', [KEYS.execute]);

  // The same event by its id and account (the sandbox is the default address).
  await inspector.getByLabel('By event id and account').check();
  await inspector.getByLabel('eventCorrelationId').fill(eventId);
  await inspector.getByLabel('Account identifier').fill(ACCOUNT);
  await inspector.getByRole('button', { name: 'Open event' }).click();
  await expect(
    inspector.getByRole('region', { name: 'Processing details' }).getByRole('row', { name: /eventId/ }),
  ).toContainText(eventId);
});

test('the support report for a keyed trigger holds neither its key nor its URL token', async ({
  desk: page,
  host,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const secured = example('authorized');
  const { eventId } = await fireAndWait(host, secured.name);

  // From the history entry to the Inspector, then the report.
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByRole('listbox', { name: 'Fires, newest first' }).getByRole('option').first().click();
  await page.getByRole('region', { name: 'Fire details' }).getByRole('button', { name: 'Inspect event' }).click();
  const inspector = page.getByRole('main', { name: 'Inspector' });
  await expect(inspector.getByTestId('inspect-headline')).toBeVisible();
  await inspector.getByRole('button', { name: 'Copy support report' }).click();
  const report = inspector.getByTestId('support-report');
  await expect(report).toContainText(eventId);
  const text = (await report.textContent()) ?? '';
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  const token = secured.token ?? 'missing-token';
  for (const secret of [KEYS.execute, KEYS.execute.slice(0, 20), token]) expect(text).not.toContain(secret);
  expect(text).toMatch(/^#/m);
  await screenshot(page, 'support-report', [KEYS.execute, token]);
});
