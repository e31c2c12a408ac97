// Workspaces: create, rename, delete with Undo; triggers: duplicate, delete with Undo.
import { expect, screenshot, test } from './fixtures';
import { KEYS, example, exampleUrl } from './sandbox-curl';

test('workspace create, rename, delete and undo', async ({ desk: page, host }) => {
  const sidebar = page.getByRole('complementary', { name: 'Workspaces and triggers' });
  await sidebar.getByLabel('New workspace name').fill('Prod account');
  await sidebar.getByRole('button', { name: 'Create workspace' }).click();
  await expect(sidebar.getByRole('heading', { name: 'Prod account' })).toBeVisible();

  // A trigger made elsewhere (here through the contract) shows up through the pushed events.
  const created = (await host.api('workspaces:list', {})).find((w) => w.name === 'Prod account');
  expect(created).toBeDefined();
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  await host.api('triggers:create', {
    workspaceId: created?.id ?? '',
    name: 'Prod deploy',
    url: exampleUrl(base, 'plain'),
  });
  const prodList = sidebar.getByRole('list', { name: 'Triggers in Prod account' });
  await expect(prodList.getByRole('button', { name: /Prod deploy/ })).toBeVisible();

  await sidebar.getByRole('button', { name: 'Rename workspace Prod account' }).click();
  const nameField = sidebar.getByLabel('New name for workspace Prod account');
  await nameField.fill('Prod EU');
  await nameField.press('Enter');
  await expect(sidebar.getByRole('heading', { name: 'Prod EU' })).toBeVisible();
  expect((await host.api('workspaces:list', {})).map((w) => w.name)).toContain('Prod EU');

  await sidebar.getByRole('button', { name: 'Delete workspace Prod EU' }).click();
  await expect(sidebar.getByRole('heading', { name: 'Prod EU' })).toBeHidden();
  const notice = page.getByRole('status', { name: 'Notifications' });
  await expect(notice).toContainText('Deleted workspace “Prod EU”');
  await screenshot(page, 'workspace-deleted-undo', [KEYS.execute]);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(sidebar.getByRole('heading', { name: 'Prod EU' })).toBeVisible();
  await expect(
    sidebar.getByRole('list', { name: 'Triggers in Prod EU' }).getByRole('button', { name: /Prod deploy/ }),
  ).toBeVisible();
});

test('trigger duplicate, delete and undo', async ({ desk: page, host }) => {
  const plain = example('plain');
  const sidebar = page.getByRole('complementary', { name: 'Workspaces and triggers' });
  const rows = sidebar.getByRole('listitem');
  const count = await rows.count();
  await sidebar.getByRole('button', { name: plain.name }).click();
  const main = page.getByRole('main');
  await main.getByRole('button', { name: `Duplicate trigger ${plain.name}` }).click();
  await expect(rows).toHaveCount(count + 1);
  const copy = (await host.api('triggers:list', {})).find(
    (t) => t.name !== plain.name && t.name.startsWith(plain.name),
  );
  expect(copy).toBeDefined();
  const copyName = copy?.name ?? '';
  await expect(main.getByRole('heading', { name: copyName })).toBeVisible();

  await main.getByRole('button', { name: `Delete trigger ${copyName}` }).click();
  await expect(rows).toHaveCount(count);
  const notice = page.getByRole('status', { name: 'Notifications' });
  await expect(notice).toContainText(`Deleted trigger “${copyName}”`);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(count + 1);
  await expect(main.getByRole('heading', { name: copyName })).toBeVisible();
  expect((await host.api('triggers:list', {})).some((t) => t.id === copy?.id)).toBe(true);
});
