// A data folder whose data.json, history.jsonl, samples.json, chains.json and settings.json are
// each damaged in one item or line: the web host starts, the page lists one notice per file in
// plain words, every valid item is there, and a dismissed notice stays dismissed after a reload.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { damagedDataFolder } from '../fixtures/damaged-data';
import { expect, screenshot, sidebarTrigger, test } from './fixtures';

test.use({
  hostData: {
    fill(dir: string) {
      damagedDataFolder(dir);
      writeFileSync(
        join(dir, 'settings.json'),
        JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, theme: 'purple' }),
      );
    },
  },
});

test('every store’s notice reaches the page, with the items that survived', async ({ desk: page }) => {
  const panel = page.getByRole('region', { name: 'While starting, Trigger Desk found:' });
  await expect(panel).toBeVisible();
  const notices = panel.getByRole('list', { name: 'Notices' }).getByRole('listitem');
  await expect(notices).toHaveCount(5);
  await expect(notices.filter({ hasText: /^Workspaces and triggers/ })).toContainText(
    'had 2 damaged items, left out: workspace "Broken workspace" (createdAt must be number); trigger "Broken trigger" (payloads must be array)',
  );
  await expect(notices.filter({ hasText: /^Workspaces and triggers/ })).toContainText(
    /The file as it was is kept as .*data\.corrupt-.*\.json/,
  );
  await expect(notices.filter({ hasText: /^Settings/ })).toContainText(
    'left out: theme (must be equal to one of the allowed values; back to its default)',
  );
  await expect(notices.filter({ hasText: /^Sample library/ })).toContainText(
    'left out: sample "Broken sample" (payload must be string)',
  );
  await expect(notices.filter({ hasText: /^Chains/ })).toContainText(
    'left out: chain "Broken chain" (steps must be array)',
  );
  await expect(notices.filter({ hasText: /^History/ })).toContainText(
    'The history file had 2 damaged lines (first at line 3: ids:',
  );
  await expect(notices.filter({ hasText: /^History/ })).toContainText('The 2 entries that could be read were kept');
  await screenshot(page, 'notices-damaged-files', []);

  // What validated is all there: the trigger, the history entries, the sample and the chain.
  await expect(sidebarTrigger(page, 'Deploy service')).toBeVisible();
  await expect(sidebarTrigger(page, 'Broken trigger')).toHaveCount(0);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('listbox', { name: 'Fires, newest first' }).getByRole('option')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Chains' }).click();
  await expect(page.getByRole('combobox', { name: 'Chain', exact: true }).getByRole('option')).toHaveText([
    '(new chain)',
    'Release train',
  ]);
  await page.getByRole('tab', { name: 'Conditions' }).click();
  await expect(page.getByRole('combobox', { name: 'Saved sample' }).getByRole('option')).toHaveText([
    '(unsaved sample)',
    'Push to main',
  ]);

  // Dismissed in the backend, not only in this page: still gone after a reload (back on the
  // Triggers view: a reload keeps the view it was on).
  await page.getByRole('tab', { name: 'Triggers' }).click();
  await notices
    .filter({ hasText: /^Chains/ })
    .getByRole('button', { name: 'Dismiss the chains notice' })
    .click();
  await expect(notices).toHaveCount(4);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Notices' }).getByRole('listitem')).toHaveCount(4);
  await page.getByRole('button', { name: 'Dismiss all' }).click();
  await expect(panel).toHaveCount(0);
  await page.reload();
  await expect(sidebarTrigger(page, 'Deploy service')).toBeVisible();
  await expect(page.getByRole('region', { name: 'While starting, Trigger Desk found:' })).toHaveCount(0);
});
