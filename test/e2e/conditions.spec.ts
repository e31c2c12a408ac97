// The condition lab against the sandbox's conditional trigger: fetch its YAML with the stored key,
// a payload failing one condition (the row says why, the verdict names Harness's status), the fix
// (the run's inputs resolved), malformed YAML (line and column); the matrix and its CSV.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { DeskHost } from './fixtures';
import { expect, screenshot, test } from './fixtures';
import { KEYS, example } from './sandbox-curl';

async function triggerId(host: DeskHost, name: string): Promise<string> {
  const trigger = (await host.api('triggers:list', {})).find((t) => t.name === name);
  if (!trigger) throw new Error(`no trigger named ${name}`);
  return trigger.id;
}

async function openConditions(page: Page, how: 'click' | 'keyboard' = 'click'): Promise<void> {
  if (how === 'keyboard') await page.keyboard.press('Control+4');
  else await page.getByRole('tab', { name: 'Conditions' }).click();
  await expect(page.getByRole('tab', { name: 'Conditions' })).toHaveAttribute('aria-selected', 'true');
}

// A control line without a quoted name (as in a11y.spec.ts): `- button`, `- textbox: value`.
const UNNAMED =
  /^\s*- (?:button|textbox|checkbox|combobox|radio|searchbox|tab|spinbutton|switch|slider|link)(?:$|:|\s+\[)/;

async function unnamedControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  expect(tree).toMatch(/- button "/);
  return tree.split('\n').filter((line) => UNNAMED.test(line));
}

const MATCHING = '{"env": "qa", "image": "registry.example.com/shop/api", "tag": "v1.4.2"}';

test('lab: fetch the conditional trigger, a failing payload, the fix, malformed YAML', async ({ desk: page, host }) => {
  const conditional = example('conditional');
  await openConditions(page, 'keyboard');
  await page.getByLabel('Saved trigger').selectOption(await triggerId(host, conditional.name));
  await page.getByRole('button', { name: 'Fetch from Harness' }).click();
  const yaml = page.getByLabel('Trigger YAML');
  await expect(yaml).toHaveValue(/identifier: deploy_on_image/);

  await page.getByLabel('Payload', { exact: true }).fill(MATCHING.replace('"qa"', '"dev"'));
  await page.getByLabel(/^Headers/).fill('X-Source: jenkins');
  const table = page.getByRole('table', { name: 'Payload and header conditions' });
  const payloadRow = table.getByRole('row', { name: /^payload 1/ });
  await expect(payloadRow).toHaveAttribute('data-state', 'fail');
  await expect(payloadRow).toContainText('"dev"');
  await expect(payloadRow).toContainText('In');
  await expect(payloadRow.getByRole('cell').last()).not.toBeEmpty();
  await expect(table.getByRole('row', { name: /^header 1/ })).toContainText(/not reached \(would pass\)/);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText('Would not fire');
  await expect(verdict).toContainText('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS');
  await screenshot(page, 'conditions-fail-light', [KEYS.execute]);

  await page.getByLabel('Payload', { exact: true }).fill(MATCHING);
  await expect(verdict).toContainText('TARGET_EXECUTION_REQUESTED');
  await expect(payloadRow).toHaveAttribute('data-state', 'pass');
  const jexl = page.getByRole('table', { name: 'JEXL expressions and their values' });
  await expect(jexl).toContainText('<+trigger.payload.tag>');
  await expect(jexl).toContainText('v1.4.2');
  const inputs = page.getByLabel('inputYaml with the trigger expressions resolved');
  await expect(inputs).toContainText('value: registry.example.com/shop/api');
  await expect(inputs).toContainText('value: v1.4.2');
  await expect(inputs).not.toContainText('<+trigger');
  await expect(page.getByText('2 resolved, 0 unresolved')).toBeVisible();
  expect(await unnamedControls(page), 'condition lab').toEqual([]);
  await screenshot(page, 'conditions-fires-light', [KEYS.execute]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'conditions-fires-dark', [KEYS.execute]);
  await page.emulateMedia({ colorScheme: 'light' });

  // A missing header: the header row fails and the status says HEADER.
  await page.getByLabel(/^Headers/).fill('X-Source: github');
  await expect(verdict).toContainText('NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS');

  // Malformed YAML: line and column shown in place; the last readable trigger stays on screen.
  await yaml.fill('trigger:\n  name: broken\n  source: [unclosed\n  identifier: x\n');
  const status = page.getByTestId('yaml-status');
  await expect(status).toContainText(/line \d+, column \d+/);
  await expect(yaml).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Showing the last YAML that could be read')).toBeVisible();
  await expect(table).toBeVisible();
  await screenshot(page, 'conditions-yaml-error-light', [KEYS.execute]);

  // Not a custom webhook trigger: said which type it is.
  await yaml.fill('trigger:\n  name: nightly\n  source:\n    type: Scheduled\n    spec: {}\n');
  await expect(status).toContainText('This is a Scheduled (cron) trigger, not a custom webhook trigger');
  await expect(status).toContainText(/line 4, column \d+/);

  // A classic mistake: a header key without <+…> is compared as the literal text; warned in its row.
  await yaml.fill(`trigger:
  name: literal key
  identifier: literal_key
  source:
    type: Webhook
    spec:
      type: Custom
      spec:
        headerConditions:
          - key: X-Source
            operator: Equals
            value: jenkins
`);
  await expect(status).toHaveText('A custom webhook trigger.');
  await expect(table.getByRole('row', { name: /^header 1/ })).toHaveAttribute('data-state', 'fail');
  await expect(page.getByRole('list', { name: 'Warnings for header condition 1' })).toContainText(
    `<+trigger.header['X-Source']>`,
  );
  await expect(verdict).toContainText('NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS');

  // Open a file: read in the page, nothing sent anywhere.
  const served = (await host.api('triggers:list', {})).find((t) => t.name === conditional.name)?.yaml ?? '';
  expect(served).toContain('deploy_on_image');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'deploy_on_image.yaml', mimeType: 'text/yaml', buffer: Buffer.from(served) });
  await expect(yaml).toHaveValue(served);
  await expect(verdict).toContainText('NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS'); // X-Source is still github
});

/** A small RFC 4180 reader, to check the export's quoting. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text.charAt(i + 1) === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

test('matrix: the 7 seeded triggers × 3 samples, reasons on hover, CSV export', async ({ desk: page, host }) => {
  const conditional = example('conditional');
  const plain = example('plain');
  await host.api('triggers:fetchYaml', { id: await triggerId(host, conditional.name) });
  await host.api('triggers:fetchYaml', { id: await triggerId(host, plain.name) });
  const workspaceId = (await host.api('workspaces:list', {}))[0]?.id ?? '';
  await host.api('samples:save', {
    workspaceId,
    name: 'dev from jenkins',
    payload: MATCHING.replace('"qa"', '"dev"'),
    headers: [{ name: 'X-Source', value: 'jenkins' }],
  });
  await host.api('samples:save', {
    workspaceId,
    name: 'prod, from "github"',
    payload: MATCHING.replace('"qa"', '"prod"'),
    headers: [{ name: 'X-Source', value: 'github' }],
  });

  // The third sample is saved from the lab.
  await openConditions(page);
  await page.getByLabel('Payload', { exact: true }).fill(MATCHING);
  await page.getByLabel(/^Headers/).fill('X-Source: jenkins');
  await page.getByLabel('Sample name').fill('qa from jenkins');
  await page.getByRole('button', { name: 'Save sample' }).click();
  await expect(page.getByLabel('Saved sample')).toHaveValue(/.+/);
  expect((await host.api('samples:list', { workspaceId })).map((s) => s.name).sort()).toEqual([
    'dev from jenkins',
    'prod, from "github"',
    'qa from jenkins',
  ]);

  await page.getByRole('tab', { name: 'Matrix' }).click();
  const matrix = page.getByRole('table', { name: 'Triggers × samples' });
  await expect(matrix.getByRole('columnheader')).toHaveText([
    'Trigger \\ sample',
    'dev from jenkins',
    'prod, from "github"',
    'qa from jenkins',
  ]);
  const rows = matrix.locator('tbody tr');
  // Every sandbox example arrives with its YAML: 7 rows.
  await expect(rows).toHaveCount(7);
  const onImage = matrix.getByRole('row', { name: new RegExp(`^${conditional.name.replace(/[()]/g, '\\$&')}`) });
  const cells = onImage.getByRole('cell');
  await expect(cells).toHaveCount(3);
  await expect(cells.nth(0)).toHaveAttribute('data-outcome', 'does-not-fire');
  await expect(cells.nth(0)).toHaveAttribute('title', /NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS.*"dev"/);
  await expect(cells.nth(0)).toHaveAccessibleDescription(/NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS/);
  await expect(cells.nth(1)).toHaveAttribute('title', /NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS/);
  await expect(cells.nth(2)).toHaveAttribute('data-outcome', 'fires');
  const plainCells = matrix.getByRole('row', { name: new RegExp(`^${plain.name}`) }).getByRole('cell');
  for (let i = 0; i < 3; i++) await expect(plainCells.nth(i)).toHaveAttribute('data-outcome', 'fires');
  // 5 enabled triggers without conditions fire on all 3, the conditional on 1, the disabled one on none.
  await expect(page.getByText(/16 of 21 would fire/)).toBeVisible();
  expect(await unnamedControls(page), 'condition matrix').toEqual([]);
  await screenshot(page, 'conditions-matrix-light', [KEYS.execute]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'conditions-matrix-dark', [KEYS.execute]);

  // A cell opens its trigger and sample in the lab.
  await cells.nth(0).getByRole('button').click();
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Sample name')).toHaveValue('dev from jenkins');
  await expect(page.getByTestId('verdict')).toContainText('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS');
  await page.getByRole('tab', { name: 'Matrix' }).click();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^trigger-matrix-Sandbox-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('"prod, from ""github"""');
  const csv = readCsv(text);
  expect(csv[0]).toEqual(['trigger', 'trigger identifier', 'sample', 'outcome', 'harness status', 'reason']);
  expect(csv).toHaveLength(22);
  const cell = csv.find((r) => r[1] === 'deploy_on_image' && r[2] === 'dev from jenkins');
  expect(cell?.slice(3, 5)).toEqual(['does not fire', 'NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS']);
  expect(cell?.[5]).toBe(await cells.nth(0).getAttribute('title'));
  expect(csv.filter((r) => r[3] === 'fires')).toHaveLength(16);
});
