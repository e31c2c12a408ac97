// History: every fire listed newest first, search by correlation id, keyboard to open an entry,
// date filter, re-fire as a new fire after confirmation (typed name for production), retention.
import type { DeskHost } from './fixtures';
import { expect, screenshot, test } from './fixtures';
import { KEYS, example } from './sandbox-curl';

async function triggerId(host: DeskHost, name: string): Promise<string> {
  const trigger = (await host.api('triggers:list', {})).find((t) => t.name === name);
  if (!trigger) throw new Error(`no trigger named ${name}`);
  return trigger.id;
}

test('fires are listed, found by correlation id, opened from the keyboard and re-fired', async ({
  desk: page,
  host,
}) => {
  const plain = example('plain');
  const fails = example('fails');
  const first = await host.api('triggers:fire', { id: await triggerId(host, plain.name) });
  const second = await host.api('triggers:fire', { id: await triggerId(host, fails.name) });
  const firstId = first.event?.eventCorrelationId ?? '';
  expect(firstId).toMatch(/^[0-9a-f]{24}$/);

  await page.keyboard.press('Control+2');
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  const list = page.getByRole('listbox', { name: 'Fires, newest first' });
  const rows = list.getByRole('option');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(fails.name); // newest first
  await expect(rows.first()).toContainText(second.event?.eventCorrelationId ?? 'missing');
  await expect(page.getByTestId('history-count')).toHaveText('2 fires');

  // Search by the correlation id finds exactly that fire.
  const search = page.getByLabel('Search by trigger, status, payload text or correlation id');
  await search.fill(firstId);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(plain.name);

  // Keyboard: focus the list, arrow to the row, Enter opens it.
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: 'Fire details' });
  await expect(details.getByTestId('history-event-id')).toHaveText(firstId);
  await expect(details.getByRole('region', { name: 'Payload sent' })).toContainText('sample_value');
  await expect(details.getByRole('region', { name: 'Live watch' })).toBeVisible();
  await screenshot(page, 'history-light', [KEYS.execute]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'history-dark', [KEYS.execute]);
  await page.emulateMedia({ colorScheme: 'light' });

  // A date filter from tomorrow matches nothing.
  const tomorrow = new Date(Date.now() + 86_400_000);
  const ymd = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
  await page.getByLabel('From').fill(ymd);
  await expect(page.getByText('No fire matches this search.')).toBeVisible();
  await page.getByLabel('From').fill('');
  await search.fill('');
  await expect(rows).toHaveCount(2);

  // Re-fire: asks first, then a NEW fire (a third entry), nothing sent on Cancel.
  await details.getByRole('button', { name: 'Re-fire…' }).click();
  const confirm = page.getByRole('dialog', { name: `Fire “${plain.name}” again?` });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(rows).toHaveCount(2);
  await details.getByRole('button', { name: 'Re-fire…' }).click();
  await confirm.getByRole('button', { name: 'Fire', exact: true }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('history-count')).toHaveText('3 fires');
  await expect(details.getByTestId('history-event-id')).not.toHaveText(firstId);
});

test('re-firing a production trigger wants its name typed; retention is a setting', async ({ desk: page, host }) => {
  const plain = example('plain');
  const id = await triggerId(host, plain.name);
  await host.api('triggers:fire', { id });
  await host.api('triggers:update', { id, production: true });
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByRole('listbox', { name: 'Fires, newest first' }).getByRole('option').first().click();
  await page.getByRole('region', { name: 'Fire details' }).getByRole('button', { name: 'Re-fire…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Fire a production trigger again?' });
  const fire = confirm.getByRole('button', { name: 'Fire', exact: true });
  await expect(fire).toBeDisabled();
  await confirm.getByLabel(`Type “${plain.name}” to confirm`).fill(plain.name);
  await fire.click();
  await expect(page.getByTestId('history-count')).toHaveText('2 fires');

  await page.getByRole('button', { name: 'Retention…' }).click();
  const dialog = page.getByRole('dialog', { name: 'History retention' });
  await dialog.getByLabel('Keep at most this many entries').fill('5');
  await dialog.getByRole('button', { name: 'Save retention' }).click();
  await expect(dialog.getByRole('alert')).toContainText('from 10');
  await dialog.getByLabel('Keep at most this many entries').fill('500');
  await dialog.getByLabel('Remove entries older than (days)').fill('30');
  await dialog.getByRole('button', { name: 'Save retention' }).click();
  await expect(dialog).toBeHidden();
  const saved = await host.api('history:getRetention', {});
  expect([saved.maxEntries, saved.maxAgeDays]).toEqual([500, 30]);
});

test('the History and Inspector views name every control and switch with Ctrl+1…3', async ({ desk: page, host }) => {
  const CONTROL =
    /^\s*- (?:button|textbox|checkbox|combobox|radio|searchbox|tab|spinbutton|switch|slider|link|option|listbox)(?:$|:|\s+\[)/;
  const unnamed = async (): Promise<string[]> =>
    (await page.locator('body').ariaSnapshot()).split('\n').filter((line) => CONTROL.test(line));
  await host.api('triggers:fire', { id: await triggerId(host, example('plain').name) });

  await page.keyboard.press('Control+2');
  const list = page.getByRole('listbox', { name: 'Fires, newest first' });
  await list.getByRole('option').first().click();
  await expect(page.getByRole('region', { name: 'Fire details' })).toBeVisible();
  expect(await unnamed(), 'history').toEqual([]);

  await page.keyboard.press('Control+3');
  await expect(page.getByRole('main', { name: 'Inspector' })).toBeVisible();
  expect(await unnamed(), 'inspector').toEqual([]);

  // Arrow keys move between the tabs; Ctrl+1 is back to the triggers.
  await page.getByRole('tab', { name: 'Inspector' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'History' })).toBeFocused();
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('list', { name: /^Triggers in / }).first()).toBeVisible();
});
