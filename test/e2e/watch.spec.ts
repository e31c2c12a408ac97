// Fire → the live watch: phases, the stage timeline in graph order (parallel stages side by side),
// live durations, the end, the window title, the desktop notification; a failed stage's message.
import type { Page } from '@playwright/test';
import { expect, screenshot, sidebarTrigger, test } from './fixtures';
import { KEYS, example } from './sandbox-curl';

/** Records every Notification the page creates (the real one still shows; this only listens). */
async function spyOnNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Real = window.Notification;
    const seen: { title: string; body: string }[] = [];
    (window as unknown as { __notifications: typeof seen }).__notifications = seen;
    class Spied extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        seen.push({ title, body: options?.body ?? '' });
      }
    }
    window.Notification = Spied;
  });
}

function notifications(page: Page): Promise<{ title: string; body: string }[]> {
  return page.evaluate(
    () => (window as unknown as { __notifications: { title: string; body: string }[] }).__notifications,
  );
}

test('fire → the watch follows the run to Success with its stage timeline, then notifies', async ({
  page,
  host,
  context,
}) => {
  await context.grantPermissions(['notifications']);
  await spyOnNotifications(page);
  await page.goto(host.url);
  const plain = example('plain');
  await sidebarTrigger(page, plain.name).click();
  await page.getByRole('main').getByRole('button', { name: /^Fire/ }).click();

  const result = page.getByRole('region', { name: 'Fire result' });
  const watch = result.getByRole('region', { name: 'Live watch' });
  await expect(watch).toBeVisible();
  await expect.poll(() => page.title()).toBe('Trigger Desk — 1 running');
  await expect(page.getByRole('tab', { name: 'History 1 running' })).toBeVisible();
  const phases = watch.getByRole('list', { name: 'Event phases' });
  await expect(phases.getByRole('listitem')).toHaveCount(4);

  // While it runs: a stage with a live duration, the run's running time.
  const timeline = watch.getByRole('list', { name: 'Stage timeline' });
  await expect(timeline.getByRole('listitem', { name: /^Stage Build: / })).toBeVisible({ timeout: 15_000 });
  await expect(watch.getByTestId('run-time')).toHaveText(/\d/);
  await screenshot(page, 'watch-running-light', [KEYS.execute]);

  // Graph order, parallel stages side by side in one step.
  const stages = timeline.locator('[data-stage]');
  await expect(stages).toHaveCount(4);
  expect(await stages.evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')))).toEqual([
    'build',
    'deploy_qa',
    'deploy_staging',
    'deploy_prod',
  ]);
  const parallel = timeline.getByRole('list', { name: /2 stages in parallel/ });
  await expect(parallel.getByRole('listitem')).toHaveCount(2);
  const [qa, staging] = await Promise.all([
    parallel.locator('[data-stage="deploy_qa"]').boundingBox(),
    parallel.locator('[data-stage="deploy_staging"]').boundingBox(),
  ]);
  expect(qa && staging && Math.abs(qa.y - staging.y) < 2 && staging.x > qa.x).toBe(true);

  // The end: Success, every stage succeeded with a duration, the watch over, the title back.
  await expect(watch.locator('.run-summary [data-status="Success"]')).toBeVisible({ timeout: 30_000 });
  // Said once: "Succeeded", never "Succeeded Success"; Harness's own word is in the tooltip.
  await expect(watch.locator('.run-summary [data-status="Success"]')).toHaveText('Succeeded');
  await expect(watch.locator('.run-summary [data-status="Success"]')).toHaveAttribute('title', 'Harness: Success');
  await expect(watch.getByTestId('watch-ended')).toBeVisible();
  for (const id of ['build', 'deploy_qa', 'deploy_staging', 'deploy_prod']) {
    await expect(timeline.locator(`[data-stage="${id}"] [data-status="Success"]`)).toBeVisible();
    await expect(timeline.locator(`[data-stage="${id}"] .stage-duration`)).toHaveText(/^\d+(\.\d)? (ms|s)$/);
  }
  await expect.poll(() => page.title()).toBe('Trigger Desk');
  await expect(page.getByRole('tab', { name: 'History', exact: true })).toBeVisible();
  await expect.poll(async () => (await notifications(page)).length).toBe(1);
  expect((await notifications(page))[0]?.title).toContain(plain.name);
  await screenshot(page, 'watch-success-light', [KEYS.execute]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'watch-success-dark', [KEYS.execute]);
});

test('a failed stage shows its message; notifications are offered once, politely', async ({ desk: page }) => {
  const fails = example('fails');
  await sidebarTrigger(page, fails.name).click();
  await page.getByRole('main').getByRole('button', { name: /^Fire/ }).click();
  const watch = page.getByRole('region', { name: 'Live watch' });

  // Permission is not asked by itself: the panel offers it, "No thanks" is remembered.
  const offer = watch.getByRole('group', { name: 'Desktop notifications' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'No thanks' }).click();
  await expect(offer).toBeHidden();

  const failed = watch.locator('[data-stage="integration_tests"]');
  await expect(failed.locator('[data-status="Failed"]')).toBeVisible({ timeout: 30_000 });
  await expect(failed.getByRole('note')).toHaveText('Shell Script execution failed. Please check execution logs.');
  await expect(watch.locator('.run-summary [data-status="Failed"]')).toBeVisible();
  await expect(watch.getByRole('group', { name: 'Failure messages' })).toContainText('Shell Script execution failed');
  // Steps after the failure never start, and once the run has ended they say so in a neutral tone.
  await expect(watch.getByTestId('watch-ended')).toBeVisible();
  const report = watch.locator('[data-stage="report"] [data-status="NotStarted"]');
  await expect(report).toHaveText('Not run');
  await expect(report).toHaveClass(/status-neutral/);
  // A run's status is said once, in words ("Failed"), not beside its code; the code is in the tooltip.
  await expect(watch.locator('.run-summary [data-status="Failed"] .status-code')).toHaveCount(0);
  await screenshot(page, 'watch-failed-light', [KEYS.execute]);
  await page.reload();
  await sidebarTrigger(page, fails.name).click();
  await expect(page.getByRole('group', { name: 'Desktop notifications' })).toHaveCount(0);
});

test('a run waiting for approval says it needs a person, and Abort asks first', async ({ desk: page }) => {
  const approval = example('approval');
  await sidebarTrigger(page, approval.name).click();
  await page.getByRole('main').getByRole('button', { name: /^Fire/ }).click();
  const watch = page.getByRole('region', { name: 'Live watch' });
  await expect(watch.getByRole('note', { name: 'Needs a person' })).toBeVisible({ timeout: 30_000 });
  await watch.getByRole('button', { name: 'Abort run…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Abort this run?' });
  await confirm.getByRole('button', { name: 'Keep it running' }).click();
  await expect(confirm).toBeHidden();
  await expect(watch.getByRole('note', { name: 'Needs a person' })).toBeVisible();
  await watch.getByRole('button', { name: 'Abort run…' }).click();
  await confirm.getByRole('button', { name: 'Abort run' }).click();
  await expect(watch.locator('.run-summary [data-status="Aborted"]')).toBeVisible({ timeout: 30_000 });
  await expect(watch.getByTestId('watch-ended')).toBeVisible();
});

test('a 5xx storm mid-run is connection trouble, not a failure, and the watch carries on', async ({
  desk: page,
  host,
}) => {
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  const faults = (body: unknown): Promise<Response> =>
    fetch(`${base}/_sandbox/faults`, { method: 'POST', body: JSON.stringify(body) });
  await sidebarTrigger(page, example('plain').name).click();
  await page.getByRole('main').getByRole('button', { name: /^Fire/ }).click();
  const watch = page.getByRole('region', { name: 'Live watch' });
  await expect(watch.getByRole('listitem', { name: /^Stage Build: / })).toBeVisible({ timeout: 15_000 });
  await faults({ status5xx: 503 });
  try {
    const trouble = watch.getByRole('note', { name: 'Connection trouble' });
    await expect(trouble).toBeVisible({ timeout: 15_000 });
    await expect(trouble).toContainText('503');
    await expect(watch.locator('.run-summary [data-status="Failed"]')).toHaveCount(0);
    await expect(watch.getByTestId('watch-ended')).toHaveCount(0);
    await screenshot(page, 'watch-connection-trouble', [KEYS.execute]);
  } finally {
    await faults({ status5xx: null });
  }
  await expect(watch.locator('.run-summary [data-status="Success"]')).toBeVisible({ timeout: 40_000 });
  await expect(watch.getByRole('note', { name: 'Connection trouble' })).toHaveCount(0);
});
