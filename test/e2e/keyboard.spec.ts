// The desktop feel: Ctrl+Enter fires, Ctrl+I imports, Ctrl+K filters, Ctrl+, opens settings,
// Delete on a focused trigger deletes it with Undo.
import { expect, screenshot, sidebarTrigger, test } from './fixtures';
import { setPayload } from './composer-editor';
import { example } from './sandbox-curl';

interface Received {
  method: string;
  path: string;
  body: string;
}

test('Ctrl+Enter fires once, with live progress, sending the payload byte for byte', async ({ desk: page, host }) => {
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${base}/_sandbox/${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response.json();
  };
  await control('DELETE', 'received');
  // Slow enough to see the progress text, and for the second press to land while the first is in
  // flight even on a loaded machine (at 1.5 s a press delayed by load came after the answer).
  await control('POST', 'faults', { delayMs: 5000 });

  const plain = example('plain');
  await sidebarTrigger(page, plain.name).click();
  const payload = page.getByRole('main').getByLabel('Payload body');
  const text = '{"tag": "v2.0.1", "note": "naïve ✓"}';
  await setPayload(payload, text);
  await page.keyboard.press('Control+Enter');
  const result = page.getByRole('region', { name: 'Fire result' });
  await expect(result.getByRole('status')).toContainText(`Sending to ${new URL(base).host}…`);
  await expect(page.getByRole('main').getByRole('button', { name: /^Sending/ })).toBeDisabled();
  await page.keyboard.press('Control+Enter'); // a second press while one is in flight sends nothing
  await expect(result.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
  await control('POST', 'faults', { delayMs: 0 });

  const received = (await control('GET', 'received')) as Received[];
  const fires = received.filter((r) => r.method === 'POST' && r.path.includes('/webhook/custom/'));
  expect(fires).toHaveLength(1);
  expect(Buffer.from(fires[0]?.body ?? '', 'base64').toString('utf8')).toBe(text);
});

test('Ctrl+I, Ctrl+K, Ctrl+, and Delete with Undo', async ({ desk: page }) => {
  await page.keyboard.press('Control+i');
  const dialog = page.getByRole('dialog', { name: 'Import a trigger' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('cURL command from Harness')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await expect(settings.getByLabel('Total timeout (seconds)')).toHaveValue('30');
  await screenshot(page, 'settings', []);
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await expect(settings).toBeHidden();

  await page.keyboard.press('Control+k');
  const filter = page.getByLabel('Filter triggers');
  await expect(filter).toBeFocused();
  const nightly = example('fails');
  await page.keyboard.type('nightly');
  const rows = page.getByRole('complementary').getByRole('listitem');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(nightly.name);

  // Down from the filter reaches the rows; Delete removes the focused one, Undo brings it back.
  await page.keyboard.press('ArrowDown');
  await expect(rows.first().getByRole('button')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(rows).toHaveCount(0);
  await page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(1);
});
