// The Harness account, end to end against the sandbox over real HTTP: connect a workspace with the
// sandbox's account and key, browse, import all custom triggers of a project (the condition lab's
// matrix fills with them), open the runs of a pipeline whose run waits for approval, approve it with
// a comment through the confirmation, and its watch ends in Success. A read-only key browses but may
// not approve, and the page says why. Screenshots light and dark at 1024×700.
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test, type DeskHost } from './fixtures';
import { ACCOUNT, KEYS, ORG, example } from './sandbox-curl';
import { OPEN_PROJECT } from '../../electron/sandbox/examples';

const SECRETS = [KEYS.execute, KEYS.viewOnly];

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
      `${name} (${scheme}): the page does not scroll sideways`,
    ).toBe(true);
    await screenshot(page, `${name}-${scheme}`, SECRETS);
  }
  await page.emulateMedia({ colorScheme: null });
}

/** A fresh user workspace (the Sandbox one keeps its examples apart) and the page reloaded on it. */
async function workspace(page: Page, host: DeskHost, name: string): Promise<string> {
  const created = await host.api('workspaces:create', { name });
  await page.reload();
  await expect(page.getByRole('button', { name: `Rename workspace ${name}` })).toBeAttached();
  return created.id;
}

/** Connects the workspace from the Account view (Ctrl+6) with the sandbox's base URL and account. */
async function connect(page: Page, host: DeskHost, name: string, key: string): Promise<void> {
  const info = await host.api('app:info', {});
  await page.keyboard.press('Control+6');
  const view = page.getByRole('main', { name: 'Harness account' });
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: name });
  await view.getByLabel('Harness base URL').fill(info.sandboxBaseUrl ?? 'missing sandbox');
  await view.getByLabel('Account id').fill(ACCOUNT);
  await view.getByLabel('API key').fill(key);
  await view.getByRole('button', { name: 'Connect' }).click();
  // The key left the field at once; from now on only its last four show.
  await expect(view.getByLabel('API key')).toHaveValue('');
  await expect(view.getByTestId('account-key')).toContainText(`••••${key.slice(-4)}`);
}

/** A trigger's row in one workspace's list (the Sandbox workspace has triggers of the same names). */
function triggerIn(page: Page, workspaceName: string, name: string): Locator {
  return page
    .getByRole('list', { name: `Triggers in ${workspaceName}` })
    .getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });
}

test('connect, import a whole project, the matrix fills; approve a waiting run and its watch ends in Success', async ({
  desk: page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  const acmeId = await workspace(page, host, 'Acme');
  await host.api('samples:save', {
    workspaceId: acmeId,
    name: 'push to main',
    payload: '{"ref": "refs/heads/main", "env": "prod", "image": "registry.example.com/shop/api", "tag": "v1.4.2"}',
    headers: [],
  });
  // A run of "Release with approval" that waits for a person (fired from the Sandbox workspace).
  const sandboxTriggers = await host.api('triggers:list', {});
  const approvalExample = sandboxTriggers.find((t) => t.name === example('approval').name);
  await host.api('triggers:fire', { id: approvalExample?.id ?? 'missing' });

  await connect(page, host, 'Acme', KEYS.execute);
  const view = page.getByRole('main', { name: 'Harness account' });
  const status = view.getByRole('status', { name: 'Connection status' });
  const permissions = status.getByRole('list', { name: 'What the key may do' });
  await expect(permissions.getByRole('listitem')).toHaveCount(3);
  await expect(permissions.getByRole('listitem', { name: /^View pipelines: / })).toBeVisible();
  await expect(permissions.locator('.permission-yes')).toHaveCount(3);

  // Browse: the org, then the project; every custom trigger is new to this workspace.
  await view.getByRole('combobox', { name: 'Organization' }).selectOption(ORG);
  await view.getByRole('combobox', { name: 'Project' }).selectOption(OPEN_PROJECT);
  const release = view.getByRole('region', { name: 'Pipeline Release with approval' });
  await expect(release.getByRole('listitem').filter({ hasText: 'release_approval' })).toContainText('new');
  await shoot(page, 'account-browse');

  await view.getByRole('button', { name: /^Import all \d+ custom triggers of the project$/ }).click();
  const result = view.getByRole('region', { name: 'Import result' });
  await expect(result.getByRole('listitem').first()).toBeVisible();
  const imported = await result.locator('li[data-outcome="created"]').count();
  expect(imported, 'triggers imported').toBeGreaterThan(2);
  await expect(result.locator('li[data-outcome="failed"]')).toHaveCount(0);
  await expect(release.getByRole('listitem').filter({ hasText: 'release_approval' })).toContainText('imported');
  await shoot(page, 'account-imported');

  // Importing again updates in place: nothing new, no duplicates.
  await view.getByRole('button', { name: /^Import all \d+ custom triggers of the project$/ }).click();
  await expect(result.locator('li[data-outcome="unchanged"]')).toHaveCount(imported);

  // The condition lab's matrix has every imported trigger (each came with its YAML) × the sample.
  await page.keyboard.press('Control+4');
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Acme' });
  await page.getByRole('tab', { name: 'Matrix' }).click();
  const matrix = page.getByRole('table', { name: 'Triggers × samples' });
  await expect(matrix.locator('tbody tr')).toHaveCount(imported);
  await expect(matrix.locator('td[data-outcome]')).toHaveCount(imported);

  // The imported approval trigger: the runs of its pipeline, the waiting one first.
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('list', { name: 'Triggers in Acme' }).getByRole('listitem')).toHaveCount(imported);
  await triggerIn(page, 'Acme', example('approval').name).click();
  const main = page.getByRole('main', { name: /^Trigger / });
  const runs = main.getByRole('list', { name: 'Runs of release_with_approval, newest first' });
  const waiting = runs.getByRole('listitem').filter({ has: page.locator('[data-status="ApprovalWaiting"]') });
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText(/webhook|trigger/i);
  await waiting.getByRole('button').click();
  // The run opens in the Result column: its approval, then its live watch.
  const detail = page.getByRole('region', { name: /^Run #\d+ of Release with approval$/ });
  const approval = detail.getByRole('group', { name: /^Approval\b.* in stage Approve release$/ });
  await approval.getByLabel(/^Comment/).fill('Ship it: checked on staging.');
  const watch = detail.getByRole('region', { name: 'Live watch' });
  await expect(watch.getByRole('list', { name: 'Stage timeline' })).toBeVisible();
  await shoot(page, 'account-runs-waiting');

  await approval.getByRole('button', { name: 'Approve…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve in Harness?' });
  await expect(confirm).toContainText('Approve release');
  await expect(confirm).toContainText('Release with approval');
  await expect(confirm).toContainText('Ship it: checked on staging.');
  await shoot(page, 'account-approve-confirm');
  await confirm.getByRole('button', { name: 'Approve', exact: true }).click();

  await expect(watch.locator('.run-summary [data-status]').first()).toHaveAttribute('data-status', 'Success', {
    timeout: 45_000,
  });
  await expect(watch.getByRole('listitem', { name: 'Stage Approve release: Succeeded' })).toBeVisible();
  // The runs list catches up with the watch, and the approval is gone.
  await expect(runs.locator('.run-row').first()).toHaveAttribute('data-status', 'Success');
  await expect(approval).toHaveCount(0);
  await shoot(page, 'account-run-success');
});

test('a read-only key browses but may not approve, and a wrong key is said in plain words', async ({
  desk: page,
  host,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  await workspace(page, host, 'Audit');
  const sandboxTriggers = await host.api('triggers:list', {});
  const approvalExample = sandboxTriggers.find((t) => t.name === example('approval').name);
  await host.api('triggers:fire', { id: approvalExample?.id ?? 'missing' });

  // A key Harness does not know: the test says so where the user acted.
  await connect(page, host, 'Audit', 'sat.sandbox.not-a-key.Aa1Bb2Cc3Dd4Ee5Ff6Gg');
  const view = page.getByRole('main', { name: 'Harness account' });
  const status = view.getByRole('status', { name: 'Connection status' });
  await expect(status).toContainText(/Harness refused the key/);
  await expect(view.getByRole('region', { name: 'Browse and import' })).toContainText('Harness refused the connection');
  await shoot(page, 'account-wrong-key');

  // The read-only key: it may view, not execute or approve.
  await view.getByLabel('API key').fill(KEYS.viewOnly);
  await view.getByRole('button', { name: 'Save and test' }).click();
  const permissions = status.getByRole('list', { name: 'What the key may do' });
  await expect(permissions.locator('.permission-yes')).toHaveCount(1);
  await expect(permissions.getByRole('listitem', { name: /^Approve or reject: / })).toHaveClass(/permission-no/);
  await view.getByRole('combobox', { name: 'Organization' }).selectOption(ORG);
  await view.getByRole('combobox', { name: 'Project' }).selectOption(OPEN_PROJECT);
  await view.getByRole('button', { name: /^Import the \d+ custom triggers of Release with approval$/ }).click();
  await expect(view.getByRole('region', { name: 'Import result' }).locator('li[data-outcome="created"]')).toHaveCount(
    1,
  );

  await page.keyboard.press('Control+1');
  await triggerIn(page, 'Audit', example('approval').name).click();
  const main = page.getByRole('main', { name: /^Trigger / });
  const runs = main.getByRole('list', { name: 'Runs of release_with_approval, newest first' });
  await runs.locator('.run-row[data-status="ApprovalWaiting"]').first().getByRole('button').click();
  const detail = page.getByRole('region', { name: /^Run #\d+ of Release with approval$/ });
  const approve = detail.getByRole('button', { name: 'Approve…' });
  await expect(approve).toBeDisabled();
  await approve.scrollIntoViewIfNeeded();
  // The reason sits beside the buttons, in Harness's words, and names the button's description.
  const why = await approve.getAttribute('aria-describedby');
  await expect(detail.locator(`[id="${why ?? 'none'}"]`)).not.toBeEmpty();
  await shoot(page, 'account-readonly-approval');
});
