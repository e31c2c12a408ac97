// The condition lab and matrix: sandbox examples arrive with their YAML, a paste for a trigger
// without one is kept (when it names that trigger), "Keep on trigger" warns of another identifier,
// YAML no trigger keeps joins the matrix as an ad-hoc row, an edited saved sample is marked, and
// the trigger dropdown shows whole names.
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { example } from './sandbox-curl';

async function paste(page: Page, field: ReturnType<Page['getByLabel']>, text: string): Promise<void> {
  await field.fill('');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await field.focus();
  await page.keyboard.press('Control+V');
}

test('lab: seeded YAML, paste kept, identifier warning, ad-hoc matrix row, unsaved sample mark, whole names', async ({
  desk: page,
  host,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const all = await host.api('triggers:list', {});
  const plain = all.find((t) => t.name === example('plain').name);
  const seededYaml = plain?.yaml ?? '';
  expect(seededYaml).toContain('identifier: deploy_on_push');
  const long = 'Nightly deploy of the shop to staging';
  const url = (plain?.parsed.url ?? '').replace('triggerIdentifier=deploy_on_push', 'triggerIdentifier=fresh_one');
  const fresh = await host.api('triggers:create', { workspaceId: plain?.workspaceId ?? '', name: long, url });

  await page.keyboard.press('Control+4');
  const source = page.getByLabel('Saved trigger');
  const yaml = page.getByLabel('Trigger YAML');
  // A sandbox example comes with its YAML.
  await source.selectOption({ label: example('plain').name });
  await expect(yaml).toHaveValue(/identifier: deploy_on_push/);

  // The dropdown shows the whole name of the chosen trigger.
  await source.selectOption(fresh.id);
  const fits = await source.evaluate((el: HTMLSelectElement) => {
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(el).font;
    probe.style.whiteSpace = 'pre';
    probe.textContent = el.selectedOptions[0]?.textContent ?? '';
    document.body.append(probe);
    const wide = probe.getBoundingClientRect().width;
    probe.remove();
    return wide + 24 <= el.clientWidth; // the arrow takes ~20px
  });
  expect(fits, 'the whole trigger name shows in the dropdown').toBe(true);

  // A YAML for another trigger: a warning, nothing kept, and it joins the matrix as an ad-hoc row.
  const other = seededYaml.replace('identifier: deploy_on_push', 'identifier: other_one');
  await paste(page, yaml, other);
  await expect(page.getByTestId('yaml-mismatch')).toContainText(
    `This YAML is for the trigger “other_one”, but “${long}” is “fresh_one”`,
  );
  await expect(page.getByRole('button', { name: 'Keep on trigger anyway' })).toBeEnabled();
  expect((await host.api('triggers:list', {})).find((t) => t.id === fresh.id)?.yaml).toBeUndefined();

  // A saved sample, then edited: marked unsaved until saved again.
  await page.getByLabel('Payload', { exact: true }).fill('{"tag": "v1"}');
  await page.getByLabel('Sample name').fill('tagged');
  await page.getByRole('button', { name: 'Save sample' }).click();
  await expect(page.getByLabel('Saved sample')).toHaveValue(/.+/);
  await expect(page.getByTestId('sample-unsaved')).toHaveCount(0);
  await page.getByLabel('Payload', { exact: true }).fill('{"tag": "v2"}');
  await expect(page.getByTestId('sample-unsaved')).toHaveText('● Unsaved changes');
  await expect(page.getByLabel('Saved sample').locator('option:checked')).toHaveText('tagged (edited)');
  await screenshot(page, 'lab-unsaved-mismatch-light', []);

  await page.getByRole('tab', { name: 'Matrix' }).click();
  const matrix = page.getByRole('table', { name: 'Triggers × samples' });
  await expect(matrix.getByRole('rowheader', { name: `${long} (as in the Lab, not kept)` })).toBeVisible();
  await expect(matrix.getByRole('rowheader', { name: example('plain').name, exact: true })).toBeVisible();
  await screenshot(page, 'matrix-ad-hoc-light', []);

  // Back in the lab, save the sample; paste the YAML that names this trigger: kept at once.
  await page.getByRole('tab', { name: 'Lab' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('sample-unsaved')).toHaveCount(0);
  const own = seededYaml.replace('identifier: deploy_on_push', 'identifier: fresh_one');
  await paste(page, yaml, own);
  await expect(page.getByTestId('yaml-mismatch')).toHaveCount(0);
  await expect.poll(async () => (await host.api('triggers:list', {})).find((t) => t.id === fresh.id)?.yaml).toBe(own);
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await expect(matrix.getByRole('rowheader', { name: long, exact: true })).toBeVisible();
  await expect(matrix.getByRole('rowheader', { name: /not kept/ })).toHaveCount(0);
});
