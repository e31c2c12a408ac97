// The Chains view: build a two-step chain in the UI (a {{prev.*}} problem shown on its step first),
// run it, and watch both runs reach Success, the second fed with the first run's id; the Harness
// recipe panel gives the notificationRules YAML.
import { expect, screenshot, test } from './fixtures';
import { example } from './sandbox-curl';

test('build a 2-step chain, run it, both runs reach Success', async ({ page, host }) => {
  test.setTimeout(90_000);
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Chains' }).click();
  const editor = page.getByRole('region', { name: 'Chain editor' });
  await editor.getByLabel('Chain name').fill('Push then legacy');

  await editor.getByRole('button', { name: 'Add step' }).click();
  const step1 = editor.getByRole('listitem', { name: 'Step 1' });
  await step1.getByLabel('Trigger').selectOption({ label: example('plain').name });
  // The first step has no previous run: the problem is shown on that step, before anything fires.
  await step1.getByLabel('Payload').fill('{"tag":"{{prev.status}}"}');
  await expect(step1.getByRole('alert')).toContainText('Step 1: {{prev.status}}');
  await step1.getByLabel('Payload').fill('{"tag":"v7"}');
  await expect(step1.getByRole('alert')).toHaveCount(0);

  await editor.getByRole('button', { name: 'Add step' }).click();
  const step2 = editor.getByRole('listitem', { name: 'Step 2' });
  await step2.getByLabel('Trigger').selectOption({ label: example('v2').name });
  await step2.getByLabel('Payload').fill('{"after":"{{prev.planExecutionId}}","tag":"{{prev.payload.tag}}"}');
  await expect(editor.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Run chain' }).click();
  const run = page.getByRole('region', { name: 'Chain run' });
  await expect(run.getByTestId('chain-state')).toHaveText('Chain Running');
  await expect(run.getByRole('region', { name: 'Live watch' }).first()).toBeVisible({ timeout: 15_000 });
  await expect(run.getByTestId('chain-state')).toHaveText('Chain Succeeded', { timeout: 75_000 });
  await expect(run.getByRole('listitem', { name: 'Run of step 1' })).toHaveAttribute('data-phase', 'succeeded');
  await expect(run.getByRole('listitem', { name: 'Run of step 2' })).toHaveAttribute('data-phase', 'succeeded');
  await expect(run.getByRole('region', { name: 'Live watch' })).toHaveCount(2);
  const sent = await run.getByLabel('Payload sent by step 2').textContent();
  const body = JSON.parse(sent ?? '') as { tag: string; after: string };
  expect(body.tag).toBe('v7');
  expect(body.after).toMatch(/\S{6,}/);
  await screenshot(page, 'chains-succeeded-light', []);

  // The chain was saved; the recipe panel writes the YAML for pipeline A.
  const setup = page.getByRole('region', { name: 'Set it up in Harness' });
  await expect(setup.getByLabel('notificationRules YAML', { exact: true })).toContainText('type: PipelineSuccess');
  await expect(setup.getByLabel('notificationRules YAML', { exact: true })).toContainText(
    '<+secrets.getValue("b_api_key")>',
  );
  await setup.getByRole('checkbox', { name: 'PipelineEnd' }).check();
  await expect(setup.getByRole('note')).toContainText('B runs twice');
  await setup.scrollIntoViewIfNeeded();
  await screenshot(page, 'chains-harness-setup-light', []);
});
