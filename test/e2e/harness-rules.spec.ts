// Harness's rules as the user sees them: the lab's "why" column for the git-only payload keys
// (flagged as classic mistakes) and the JEXL part that decided; the inspector's headline naming the
// failing stage, with Open in Harness for the execution.
import type { DeskHost } from './fixtures';
import { expect, screenshot, test } from './fixtures';
import { KEYS, example } from './sandbox-curl';

const yaml = (first: string, second: string): string => `trigger:
  name: Mistakes
  identifier: mistakes
  enabled: true
  orgIdentifier: default
  projectIdentifier: Sandbox
  pipelineIdentifier: deploy
  source:
    type: Webhook
    spec:
      type: Custom
      spec:
        payloadConditions:
          - key: ${first}
            operator: Equals
            value: src/app.ts
          - key: ${second}
            operator: Equals
            value: main
        jexlCondition: <+trigger.payload.tag>.startsWith("v") && <+trigger.payload.image> != null
`;

test('lab: the why column explains the git-only keys and the JEXL part that decided', async ({ desk: page }) => {
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('tab', { name: 'Conditions' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Trigger YAML').fill(yaml('changedFiles', 'sourceBranch'));
  await page.getByLabel('Payload', { exact: true }).fill('{"sourceBranch": "main", "tag": "1.2", "image": "x"}');

  const table = page.getByRole('table', { name: 'Payload and header conditions' });
  const dropped = table.getByRole('row', { name: /^payload 1/ });
  await expect(dropped).toHaveAttribute('data-state', 'dropped');
  await expect(dropped.getByRole('cell').last()).toContainText('never checked on a custom trigger');
  const git = table.getByRole('row', { name: /^payload 2/ });
  await expect(git).toHaveAttribute('data-state', 'error');
  await expect(git.getByRole('cell').last()).toContainText('parsed git event, which a custom webhook never has');
  for (const n of [1, 2])
    await expect(page.getByRole('list', { name: `Warnings for payload condition ${n}` })).toContainText(
      'Classic mistake:',
    );
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText('NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS');
  await screenshot(page, 'conditions-classic-mistakes', []);

  // A payload key instead: the JEXL condition decides, and the why names the part that was false.
  await page.getByLabel('Trigger YAML').fill(yaml('changedFiles', '<+trigger.payload.sourceBranch>'));
  await expect(verdict).toContainText('NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS');
  const jexl = page.getByRole('region', { name: /^JEXL condition/ });
  await expect(jexl).toContainText('`<+trigger.payload.tag>.startsWith("v")` was false: tag is "1.2"');
  await expect(verdict).toContainText('was false: tag is "1.2"');
  await screenshot(page, 'conditions-jexl-why', []);
});

async function fireAndWait(host: DeskHost, name: string): Promise<string> {
  const trigger = (await host.api('triggers:list', {})).find((t) => t.name === name);
  if (!trigger) throw new Error(`no trigger named ${name}`);
  const result = await host.api('triggers:fire', { id: trigger.id });
  const apiUrl = result.event?.apiUrl ?? '';
  await expect
    .poll(async () => (await host.api('watches:list', {})).find((w) => w.apiUrl === apiUrl)?.ended !== null, {
      timeout: 30_000,
    })
    .toBe(true);
  return apiUrl;
}

test('inspector: the headline names the failing stage; Open in Harness opens the execution', async ({
  desk: page,
  host,
  context,
}) => {
  const apiUrl = await fireAndWait(host, example('fails').name);
  await page.keyboard.press('Control+3');
  const inspector = page.getByRole('main', { name: 'Inspector' });
  await inspector.getByRole('textbox', { name: 'apiUrl' }).fill(apiUrl);
  await inspector.getByRole('button', { name: 'Open event' }).click();
  await expect(inspector.getByTestId('inspect-headline')).toHaveText(
    'Failed in Integration tests: Shell Script execution failed. Please check execution logs.',
  );
  const planExecutionId = (await inspector.locator('dt:text-is("Execution id") + dd code').textContent()) ?? '';
  expect(planExecutionId).not.toBe('');
  await screenshot(page, 'inspector-failed-stage', [KEYS.execute]);

  const popup = context.waitForEvent('page');
  await inspector.getByRole('button', { name: 'Open in Harness' }).click();
  const opened = await popup;
  await opened.waitForLoadState();
  expect(opened.url()).toMatch(
    new RegExp(
      `/ng/#/account/[^/]+/cd/orgs/default/projects/[^/]+/pipelines/[^/]+/executions/${planExecutionId}/pipeline$`,
    ),
  );
  await expect(opened.getByRole('heading', { name: 'Harness sandbox' })).toBeVisible();
  await opened.close();

  // The support report carries the same link.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await inspector.getByRole('button', { name: 'Copy support report' }).click();
  await expect(inspector.getByTestId('support-report')).toContainText(`/executions/${planExecutionId}/pipeline`);
});
