// A workspace shared through git as a folder of plain files, driven through the page against the web
// host and the sandbox: saved to a folder, edits write the files, a teammate's change on disk shows
// up with a notice while typing loses nothing (and a payload changed under unsaved edits asks Keep
// mine / Take theirs), a damaged file is shown with its path, line and column while the rest fires,
// and what one person must supply (the webhook token, a keychain value) is asked for right there.
// After each test the folder is searched for key-shaped text, the sandbox keys and webhook tokens.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { folderFiles, secretsIn } from '../helpers/folder-scan';
import { holdSaves, payloadText, setPayload } from './composer-editor';
import { expect, screenshot, sidebarTrigger, test, type DeskHost } from './fixtures';
import { KEYS, example, exampleUrl } from './sandbox-curl';
import { EXAMPLES } from '../../electron/sandbox/examples';

const KEY_VALUES = [KEYS.execute, KEYS.viewOnly];
const TOKENS = EXAMPLES.flatMap((e) => (e.token ? [e.token] : []));

/** No file of the folder holds a key, a webhook token or anything key-shaped (the shared folder scan). */
function expectNoSecrets(folder: string): void {
  expect(folderFiles(folder).size).toBeGreaterThan(3);
  expect(secretsIn([folder], KEY_VALUES, TOKENS)).toEqual([]);
}

function tempFolder(): string {
  return join(mkdtempSync(join(tmpdir(), 'td-folder-')), 'team-triggers');
}

/**
 * Runs a test's body on a fresh folder (removed afterwards, whatever happens) in a 1024×700 page,
 * with the sidebar that lists the workspaces.
 */
async function inTempFolder(page: Page, body: (folder: string, sidebar: Locator) => Promise<void>): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 700 });
  const folder = tempFolder();
  try {
    await body(folder, page.getByRole('complementary', { name: 'Workspaces and triggers' }));
  } finally {
    rmSync(join(folder, '..'), { recursive: true, force: true });
  }
}

const read = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

async function sandboxWorkspace(host: DeskHost): Promise<string> {
  const ws = (await host.api('workspaces:list', {})).find((w) => w.kind === 'sandbox');
  if (!ws) throw new Error('no sandbox workspace');
  return ws.id;
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
    true,
  );
}

async function shots(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await noSidewaysScroll(page);
    await screenshot(page, `${name}-${scheme}`, [KEYS.execute, KEYS.viewOnly]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('save to a folder; edits write the files; a change on disk shows with a notice and typing loses nothing', async ({
  desk: page,
  host,
}) => {
  test.setTimeout(90_000);
  await inTempFolder(page, async (folder, sidebar) => {
    await sidebar.getByRole('button', { name: 'Save workspace Sandbox to folder…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save “Sandbox” to a folder' });
    await expect(dialog.getByRole('checkbox', { name: 'Share webhook tokens in the folder' })).not.toBeChecked();
    await dialog.getByLabel('Folder (its full path on this computer)').fill(folder);
    await shots(page, 'folder-save-dialog');
    await dialog.getByRole('button', { name: 'Save to folder' }).click();
    await expect(dialog).toBeHidden();
    await expect(sidebar.getByTestId('folder-path')).toHaveText(folder);

    const plain = example('plain');
    const triggerFile = join(folder, 'triggers', 'deploy-on-push.yaml');
    expect(read(join(folder, 'workspace.yaml'))).toContain('name: Sandbox');
    expect(read(triggerFile)).toContain(`name: ${plain.name}`);
    const payloadDir = join(folder, 'triggers', 'deploy-on-push');
    const payloadFile = join(payloadDir, readdirSync(payloadDir).find((f) => f.endsWith('.json')) ?? 'missing.json');
    expect(read(payloadFile)).not.toBe('');

    // An edit in the app writes the payload's file.
    await sidebarTrigger(page, plain.name).click();
    const editor = page.getByRole('main').getByLabel('Payload body');
    await setPayload(editor, '{"env": "qa", "note": ""}');
    await expect.poll(() => read(payloadFile)).toBe('{"env": "qa", "note": ""}');

    // A teammate renames another trigger on disk (a git pull) while the user types inside "note":
    // the list shows it with a notice, and every typed character stays.
    const conditional = example('conditional');
    const otherFile = join(folder, 'triggers', 'deploy-on-image-conditions.yaml');
    await editor.press('End');
    await editor.press('ArrowLeft');
    await editor.press('ArrowLeft');
    const typing = page.keyboard.type('abcdefghijklmnopqrstuvwxyz', { delay: 40 });
    writeFileSync(otherFile, read(otherFile).replace(`name: ${conditional.name}`, 'name: Deploy on image (team)'));
    await typing;
    await expect(sidebarTrigger(page, 'Deploy on image (team)')).toBeVisible();
    await expect(page.getByRole('region', { name: /Folder workspaces|Trigger Desk found/ })).toContainText(
      /changed on disk/,
    );
    const typed = '{"env": "qa", "note": "abcdefghijklmnopqrstuvwxyz"}';
    expect(await payloadText(page)).toBe(typed);
    await expect.poll(() => read(payloadFile)).toBe(typed);
    await shots(page, 'folder-changed-on-disk');

    // The payload's own file changes on disk while an edit here is not saved yet: both texts are
    // kept until the user chooses.
    const saves = await holdSaves(page);
    await page.keyboard.type('-mine');
    const mine = '{"env": "qa", "note": "abcdefghijklmnopqrstuvwxyz-mine"}';
    await expect.poll(() => saves.held()).toBeGreaterThan(0);
    writeFileSync(payloadFile, '{"env": "theirs"}');
    await expect
      .poll(async () => (await host.api('triggers:list', {})).find((t) => t.name === plain.name)?.payloads[0]?.body)
      .toBe('{"env": "theirs"}');
    const conflict = page.getByTestId('payload-conflict');
    await expect(conflict).toContainText('changed outside this window');
    expect(await payloadText(page)).toBe(mine);
    await shots(page, 'folder-payload-conflict');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await saves.release();
    await expect(conflict).toBeHidden();
    await expect.poll(() => read(payloadFile)).toBe(mine);
    expect(await payloadText(page)).toBe(mine);

    // Again, and this time theirs is taken: the typed text's save already on its way does not land over it.
    const again = await holdSaves(page);
    await editor.press('End');
    await editor.press('ArrowLeft');
    await editor.press('ArrowLeft');
    await page.keyboard.type('-again');
    await expect.poll(() => again.held()).toBeGreaterThan(0);
    writeFileSync(payloadFile, '{"env": "theirs", "n": 2}');
    await conflict.getByRole('button', { name: 'Take theirs' }).click();
    await again.release();
    await expect(conflict).toBeHidden();
    await expect.poll(() => payloadText(page)).toBe('{"env": "theirs", "n": 2}');
    await expect.poll(() => read(payloadFile)).toBe('{"env": "theirs", "n": 2}');

    expectNoSecrets(folder);
  });
});

test('a damaged file shows its path, line and column while the rest fires; a missing token and key are asked for', async ({
  desk: page,
  host,
}) => {
  test.setTimeout(90_000);
  await inTempFolder(page, async (folder, sidebar) => {
    await host.api('folders:link', { workspaceId: await sandboxWorkspace(host), dir: folder });
    await expect(sidebar.getByTestId('folder-path')).toHaveText(folder);

    // A damaged trigger file: path, line and column in the page; the other triggers still fire.
    const damagedFile = join(folder, 'triggers', 'deploy-on-image-conditions.yaml');
    const good = read(damagedFile);
    writeFileSync(damagedFile, good.replace(/^name: .*$/m, 'name: [unclosed'));
    const problems = sidebar.getByRole('list', { name: 'Files that do not parse' });
    await expect(problems).toContainText(/triggers\/deploy-on-image-conditions\.yaml, line \d+, column \d+/);
    await sidebarTrigger(page, example('plain').name).click();
    const main = page.getByRole('main');
    await main.getByRole('button', { name: /^Fire/ }).click();
    await expect(page.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
    await shots(page, 'folder-damaged-file');

    // A teammate adds a trigger whose token is not in the folder and whose key is named by a keychain
    // reference this person does not have yet: Fire is off with the reason, the actions are right there.
    const plainFile = join(folder, 'triggers', 'deploy-on-push.yaml');
    const teamFile = read(plainFile)
      .replace(/^id: .*$/m, 'id: team-deploy-1')
      .replace(/^name: .*$/m, 'name: Team deploy')
      .replace(/^apiKey: .*$/m, 'apiKey:\n  keychain: team-deploy-key');
    writeFileSync(join(folder, 'triggers', 'team-deploy.yaml'), teamFile);
    await expect(sidebarTrigger(page, 'Team deploy')).toContainText('needs setup');
    await sidebarTrigger(page, 'Team deploy').click();
    await expect(main.getByTestId('key-state')).toContainText('not in your keychain yet');
    const needs = main.getByRole('region', { name: 'Needed before this trigger can fire' });
    await expect(needs).toContainText('Needs the webhook token');
    await expect(needs).toContainText('Needs key team-deploy-key');
    const fire = main.getByRole('button', { name: /^Fire/ });
    await expect(fire).toBeDisabled();
    await expect(page.getByTestId('fire-reason')).toContainText('needs the webhook token');
    await shots(page, 'folder-needs');

    await needs.getByRole('button', { name: 'Paste URL or cURL' }).click();
    const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
    await needs.getByLabel('The trigger’s webhook URL or cURL').fill(exampleUrl(base, 'plain'));
    await needs.getByRole('button', { name: 'Use it' }).click();
    await expect(needs).not.toContainText('Needs the webhook token');
    await needs.getByRole('button', { name: 'Set key team-deploy-key' }).click();
    await needs.getByLabel('Value of team-deploy-key').fill(KEYS.execute);
    await needs.getByRole('button', { name: 'Save to keychain' }).click();
    await expect(needs).toBeHidden();
    await expect(sidebarTrigger(page, 'Team deploy')).not.toContainText('needs setup');
    await expect(fire).toBeEnabled();
    await fire.click();
    await expect(page.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);

    // Mended on disk: the problem goes away by itself.
    writeFileSync(damagedFile, good);
    await expect(problems).toBeHidden();

    // Sharing tokens asks first and says what it means; turned off again, no token stays in the folder.
    await sidebar.getByRole('button', { name: 'Folder settings for Sandbox' }).click();
    const settings = page.getByRole('dialog', { name: 'Folder of “Sandbox”' });
    await settings.getByRole('checkbox', { name: 'Share webhook tokens in the folder' }).click();
    const confirm = page.getByRole('dialog', { name: 'Write webhook tokens into the folder?' });
    await expect(confirm).toContainText('can then fire these triggers');
    await confirm.getByRole('button', { name: 'Share tokens' }).click();
    await expect(settings.getByRole('checkbox', { name: 'Share webhook tokens in the folder' })).toBeChecked();
    await expect.poll(() => read(plainFile)).toContain(example('plain').token ?? 'missing');
    await shots(page, 'folder-settings-shared');
    await settings.getByRole('checkbox', { name: 'Share webhook tokens in the folder' }).click();
    await expect(settings.getByRole('checkbox', { name: 'Share webhook tokens in the folder' })).not.toBeChecked();
    await expect.poll(() => read(plainFile)).not.toContain(example('plain').token ?? 'missing');
    await settings.getByRole('button', { name: 'Done' }).click();

    expectNoSecrets(folder);
  });
});

test('a folder opened from the page is kept in step; imported, it is a personal copy', async ({ desk: page, host }) => {
  await inTempFolder(page, async (folder, sidebar) => {
    const sandboxId = await sandboxWorkspace(host);
    await host.api('folders:export', { workspaceId: sandboxId, dir: folder });
    await expect(sidebar.getByTestId('folder-path')).toHaveCount(0); // an export is a copy: nothing kept in step

    const openDialog = async (): Promise<Locator> => {
      await sidebar.getByRole('button', { name: 'Open folder as workspace…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Open folder as workspace' });
      await dialog.getByLabel('Folder (its full path on this computer)').fill(folder);
      return dialog;
    };

    // A relative path is refused in plain words, and nothing is opened.
    const first = await openDialog();
    await first.getByLabel('Folder (its full path on this computer)').fill('team-triggers');
    await first.getByRole('button', { name: 'Open folder', exact: true }).click();
    await expect(first.getByRole('alert')).toContainText('must be an absolute path');
    await first.getByLabel('Folder (its full path on this computer)').fill(folder);
    await shots(page, 'folder-open-dialog');
    await first.getByRole('button', { name: 'Open folder', exact: true }).click();
    await expect(first).toBeHidden();
    // The folder holds this data folder's own Sandbox: that workspace is now kept in step with it.
    await expect(sidebar.getByTestId('folder-path')).toHaveText(folder);
    expect((await host.api('workspaces:list', {})).find((w) => w.id === sandboxId)?.folder).toBe(folder);

    const second = await openDialog();
    await second.getByRole('radio', { name: /Import a copy/ }).check();
    await second.getByRole('button', { name: 'Import copy' }).click();
    await expect(second).toBeHidden();
    const copy = (await host.api('workspaces:list', {})).find((w) => w.id !== sandboxId);
    expect(copy?.folder).toBeUndefined();
    await expect(sidebar.getByRole('heading', { name: copy?.name ?? 'missing' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Imported a copy');
    await expect(sidebar.getByTestId('folder-path')).toHaveCount(1);

    expectNoSecrets(folder);
  });
});
