// Nothing a user types into the condition lab hangs the page: a catastrophic regex is answered by
// RE2 when it can be, otherwise checked in a worker and called "too long" past the deadline, while
// the page keeps answering.
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { customTriggerYaml, quoted } from '../fixtures/trigger-yaml';

const regexYaml = (pattern: string): string => `trigger:
  name: catastrophic
  identifier: catastrophic
  source:
    type: Webhook
    spec:
      type: Custom
      spec:
        payloadConditions:
          - key: <+trigger.payload.s>
            operator: Regex
            value: "${pattern}"
`;

async function openLab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Conditions' }).click();
  await expect(page.getByRole('tab', { name: 'Conditions' })).toHaveAttribute('aria-selected', 'true');
}

test('lab: a catastrophic regex gives a verdict and the page keeps answering', async ({ desk: page }) => {
  await openLab(page);
  const verdict = page.getByTestId('verdict');
  await page.getByLabel('Payload', { exact: true }).fill(JSON.stringify({ s: 'a'.repeat(30) }));

  // RE2 can take this one: a real answer at once.
  await page.getByLabel('Trigger YAML').fill(regexYaml('(a|a?)+b'));
  await expect(verdict).toContainText('Would not fire');
  await expect(verdict).toContainText('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS');

  // This one needs backtracking (the lookahead): it runs in a worker and is stopped at the deadline.
  await page.getByLabel('Trigger YAML').fill(regexYaml('(a|a?)+b(?=c)'));
  // The page answers while the worker runs: typing lands, a script runs.
  const headers = page.getByLabel(/^Headers/);
  await headers.pressSequentially('X-Still: typing', { delay: 5 });
  await expect(headers).toHaveValue('X-Still: typing');
  expect(await page.evaluate(() => document.title)).toBeTruthy();
  await expect(verdict).toContainText('Cannot tell: the pattern took too long (stopped after 100 ms): "(a|a?)+b(?=c)"');
  await screenshot(page, 'conditions-regex-too-long-light', []);

  // A pattern that needs backtracking but is quick gets its real answer from the worker.
  await page.getByLabel('Trigger YAML').fill(regexYaml('a+(?!b)'));
  await expect(verdict).toContainText('Would fire');
});

const GOOD_YAML = regexYaml('a+');

test('a view that crashes says what broke, the other views keep working, and it reloads', async ({
  desk: page,
  host,
}) => {
  const [workspace] = await host.api('workspaces:list', {});
  if (!workspace) throw new Error('no workspace');
  // The page receives a trigger whose YAML is not text (as a damaged answer would be): the matrix
  // cannot read it and the Conditions view crashes while rendering.
  let damaged = true;
  await page.route('**/api/triggers:list', async (route) => {
    const response = await route.fetch();
    const reply = (await response.json()) as { ok: boolean; value?: { yaml?: unknown }[] };
    if (damaged) for (const t of reply.value ?? []) if (t.yaml) t.yaml = 42;
    await route.fulfill({ response, json: reply });
  });
  const trigger = await host.api('triggers:create', {
    workspaceId: workspace.id,
    name: 'Crash test',
    url: 'http://127.0.0.1:9/gateway/pipeline/api/webhook/custom/abcdefghijklmnopqrstuv/v3?accountIdentifier=a&orgIdentifier=o&projectIdentifier=p&pipelineIdentifier=x&triggerIdentifier=t',
  });
  await host.api('triggers:setYaml', { id: trigger.id, yaml: GOOD_YAML });

  await openLab(page);
  await page.getByRole('tab', { name: 'Matrix' }).click();
  const crash = page.getByRole('alert').filter({ hasText: 'The Conditions view stopped working' });
  await expect(crash).toBeVisible();
  await expect(crash).toContainText('Something in this view failed: source is not a string');
  await expect(page.getByRole('button', { name: 'Reload the Conditions view' })).toBeVisible();
  await screenshot(page, 'view-crash-light', []);

  // The app bar and the other views still work.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  await expect(crash).toBeHidden();
  await page.getByRole('tab', { name: 'Triggers' }).click();
  await expect(page.getByText('Crash test').first()).toBeVisible();

  // Once the data is whole again, "Reload" brings the view back without reloading the app.
  await page.getByRole('tab', { name: 'Conditions' }).click();
  await expect(crash).toBeVisible();
  damaged = false;
  const reloaded = page.waitForResponse((r) => r.url().endsWith('/api/triggers:list'));
  await host.api('triggers:setYaml', { id: trigger.id, yaml: `${GOOD_YAML}# kept\n` });
  await reloaded;
  await expect(async () => {
    await page.getByRole('button', { name: 'Reload the Conditions view' }).click({ timeout: 1000 });
    await expect(crash).toBeHidden({ timeout: 1000 });
  }).toPass();
  await expect(page.getByRole('tab', { name: 'Matrix' })).toHaveAttribute('aria-selected', 'true');
  // The 7 sandbox examples (seeded with their YAML) and this one.
  await expect(page.getByText(/8 triggers × \d+ samples?/)).toBeVisible();
});

test('lab: a JEXL typo is a syntax error with its place in the YAML, and "Keep on trigger" refuses it', async ({
  desk: page,
  host,
}) => {
  await openLab(page);
  const saved = (await host.api('triggers:list', {}))[0];
  if (!saved) throw new Error('no trigger');
  await page.getByLabel('Saved trigger').selectOption(saved.id);
  const typo = customTriggerYaml({
    name: 'typo',
    identifier: 'typo',
    jexlCondition: quoted('<+trigger.payload.tag> == "v" ? true :'),
  });
  await page.getByLabel('Trigger YAML').fill(typo);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText('Would not fire');
  await expect(verdict).toContainText(
    'JEXL syntax error at line 9, column 63 of the YAML: the expression ends too early',
  );
  await expect(
    page.getByRole('note').filter({ hasText: 'Syntax error at line 9, column 63 of the YAML' }),
  ).toBeVisible();

  await page
    .getByLabel('Trigger YAML')
    .fill(typo.replace(`'<+trigger.payload.tag> == "v" ? true :'`, `<+trigger.header[]> == "x"`));
  await expect(verdict).toContainText(
    'JEXL syntax error at line 9, column 40 of the YAML: in <+trigger.header[]>: nothing between [ and ]',
  );

  await page.getByRole('button', { name: 'Keep on trigger' }).click();
  await expect(
    page.getByText(/The JEXL condition cannot be read: .*\(line 9, column 40 of the YAML\)/).first(),
  ).toBeVisible();
  expect((await host.api('triggers:list', {})).find((t) => t.id === saved.id)?.yaml ?? '').not.toContain(
    'trigger.header[]',
  );
});
