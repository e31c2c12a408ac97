// Typing on a slow machine: Chromium's CPU throttled 6× through the DevTools protocol. Whatever the
// timing of the autosaves (the first one creating the payload, one held in flight while the user
// switches payloads and triggers, one that fails), every keystroke is kept, in order: the editor
// text and the body read back from the backend are compared byte for byte.
import type { Page, Route } from '@playwright/test';
import { expect, screenshot, sidebarTrigger, test, type DeskHost } from './fixtures';
import { holdSaves, isSave, payloadText, setPayload } from './composer-editor';
import { example } from './sandbox-curl';

const THROTTLE = 6;

async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
}

/** Types the pieces one after another, pausing past the autosave delay between them, so saves land while typing goes on. */
async function typeInBursts(page: Page, pieces: string[], pauseMs: number, delay = 15): Promise<string> {
  for (const [i, piece] of pieces.entries()) {
    await page.keyboard.type(piece, { delay });
    if (i < pieces.length - 1) await page.waitForTimeout(pauseMs);
  }
  return pieces.join('');
}

async function savedBodies(host: DeskHost, triggerName: string): Promise<[string, string][]> {
  const trigger = (await host.api('triggers:list', {})).find((t) => t.name === triggerName);
  return (trigger?.payloads ?? []).map((p) => [p.name, p.body]);
}

async function emptyTrigger(host: DeskHost, name: string): Promise<void> {
  const workspace = (await host.api('workspaces:list', {}))[0];
  const base = (await host.api('app:info', {})).sandboxBaseUrl ?? '';
  await host.api('triggers:create', {
    workspaceId: workspace?.id ?? '',
    name,
    url: `${base}/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=a&orgIdentifier=o&projectIdentifier=p`,
  });
}

test.describe('typing with the CPU throttled 6×', () => {
  test.setTimeout(180_000);

  test('the first autosave creates the payload: no keystroke is dropped or reordered', async ({ desk: page, host }) => {
    await emptyTrigger(host, 'Fresh one');
    await sidebarTrigger(page, 'Fresh one').click();
    const editor = page.getByRole('main').getByLabel('Payload body');
    await editor.click();
    await throttle(page);
    // The creating save is answered a little late, so its answer lands in the middle of the typing.
    await page.route(
      isSave,
      async (route) => {
        await new Promise((r) => setTimeout(r, 300));
        await route.continue();
      },
      { times: 1 },
    );
    const typed = await typeInBursts(
      page,
      ['{"image": "lib', 'rary/nginx", "tag": "1.27", "replicas": 3, "note": "first save"}'],
      650,
      0,
    );
    await expect(editor).toBeFocused();
    await expect.poll(() => savedBodies(host, 'Fresh one'), { timeout: 30_000 }).toEqual([['Default', typed]]);
    await expect.poll(() => payloadText(page)).toBe(typed);
  });

  test('bursts of typing, each starting while the previous burst is being saved, arrive whole', async ({
    desk: page,
    host,
  }) => {
    await emptyTrigger(host, 'Bursty one');
    await sidebarTrigger(page, 'Bursty one').click();
    const editor = page.getByRole('main').getByLabel('Payload body');
    await editor.click();
    await throttle(page);
    // Pauses a little past the 600 ms autosave delay: each burst starts while a save is on its way.
    const typed = await typeInBursts(
      page,
      ['{"image": "lib', 'rary/nginx", ', '"tag": "1.27', '", "replicas": 3', ', "note": "bursts"}'],
      650,
    );
    await expect.poll(() => savedBodies(host, 'Bursty one'), { timeout: 30_000 }).toEqual([['Default', typed]]);
    await expect.poll(() => payloadText(page)).toBe(typed);
  });

  test('switching payloads and triggers while a save is in flight keeps every text where it was typed', async ({
    desk: page,
    host,
  }) => {
    await emptyTrigger(host, 'Held one');
    const other = example('plain');
    await sidebarTrigger(page, 'Held one').click();
    const main = page.getByRole('main');
    const editor = main.getByLabel('Payload body');
    await editor.click();
    await throttle(page);
    const saves = await holdSaves(page);
    const first = await typeInBursts(page, ['{"a": "first', ' burst"'], 700);
    await expect.poll(saves.held, { timeout: 20_000 }).toBeGreaterThan(0); // the creating save is in flight
    // Away to another trigger, typed there, and back, all while the first save is held.
    await sidebarTrigger(page, other.name).click();
    await expect(main.getByRole('heading', { name: other.name })).toBeVisible();
    await setPayload(editor, '{"other": true}');
    await sidebarTrigger(page, 'Held one').click();
    await expect.poll(() => payloadText(page)).toBe(first);
    await editor.click();
    await page.keyboard.press('End');
    const more = await typeInBursts(page, [', "b": 2', '}'], 700);
    await saves.release();
    const text = first + more;
    await expect.poll(() => savedBodies(host, 'Held one'), { timeout: 30_000 }).toEqual([['Default', text]]);
    await expect
      .poll(async () => (await savedBodies(host, other.name))[0]?.[1], { timeout: 30_000 })
      .toBe('{"other": true}');
    expect(await payloadText(page)).toBe(text);

    // A second named payload, then switching between the two while a save of each is held.
    await main.getByRole('button', { name: 'New payload' }).click();
    await main.getByLabel('Name of the new payload').fill('second');
    await main.getByLabel('Name of the new payload').press('Enter');
    await expect(main.getByLabel('Saved payload').locator('option:checked')).toHaveText('second');
    const held = await holdSaves(page);
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' ', { delay: 15 });
    await expect.poll(held.held, { timeout: 20_000 }).toBeGreaterThan(0);
    await main.getByLabel('Saved payload').selectOption({ label: 'Default' });
    await expect.poll(() => payloadText(page)).toBe(text);
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('  ', { delay: 15 });
    await main.getByLabel('Saved payload').selectOption({ label: 'second' });
    await expect.poll(() => payloadText(page)).toBe(`${text} `);
    await held.release();
    await expect
      .poll(() => savedBodies(host, 'Held one'), { timeout: 30_000 })
      .toEqual([
        ['Default', `${text}  `],
        ['second', `${text} `],
      ]);
    expect(await payloadText(page)).toBe(`${text} `);
  });

  test('a save that fails keeps the text in the editor and saves it once the backend answers again', async ({
    desk: page,
    host,
  }) => {
    await emptyTrigger(host, 'Failing one');
    await sidebarTrigger(page, 'Failing one').click();
    const main = page.getByRole('main');
    const editor = main.getByLabel('Payload body');
    await editor.click();
    await throttle(page);
    const typed = await typeInBursts(page, ['{"kept": "one"', ', "two": 2}'], 700);
    await expect.poll(() => savedBodies(host, 'Failing one'), { timeout: 30_000 }).toEqual([['Default', typed]]);

    // The backend refuses the next saves: the text stays, and the refusal is said in plain words.
    const refused = (route: Route): Promise<void> =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'store', message: 'The data folder is full.' } }),
      });
    await page.route(isSave, refused);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    const edited = `${typed.slice(0, -1)}, "three": 3}`;
    await page.keyboard.type(', "three": 3', { delay: 15 });
    const refusal = main.getByRole('alert').filter({ hasText: 'The data folder is full.' });
    await expect(refusal).toContainText('Not saved: The data folder is full. The text stays in the editor', {
      timeout: 30_000,
    });
    expect(await payloadText(page)).toBe(edited);
    expect(await savedBodies(host, 'Failing one')).toEqual([['Default', typed]]);
    await refusal.scrollIntoViewIfNeeded();
    await screenshot(page, 'composer-save-failed-light', []);

    // The backend is back: the next keystroke saves everything, the refused part included.
    await page.unroute(isSave, refused);
    await page.keyboard.press('End');
    await page.keyboard.type(' ', { delay: 15 });
    await expect.poll(() => savedBodies(host, 'Failing one'), { timeout: 30_000 }).toEqual([['Default', `${edited} `]]);
    expect(await payloadText(page)).toBe(`${edited} `);
    await expect(refusal).toHaveCount(0);
  });

  test('a change made elsewhere shows when nothing typed here is unsaved, and never replaces what is', async ({
    desk: page,
    host,
  }) => {
    await emptyTrigger(host, 'Shared one');
    await sidebarTrigger(page, 'Shared one').click();
    const editor = page.getByRole('main').getByLabel('Payload body');
    await editor.click();
    await throttle(page);
    const typed = await typeInBursts(page, ['{"mine": 1}'], 0);
    await expect.poll(() => savedBodies(host, 'Shared one'), { timeout: 30_000 }).toEqual([['Default', typed]]);

    // Another window (here the contract itself) saves a new body: the editor shows it.
    const trigger = (await host.api('triggers:list', {})).find((t) => t.name === 'Shared one');
    const elsewhere = { triggerId: trigger?.id ?? '', id: trigger?.payloads[0]?.id ?? '', name: 'Default' };
    await host.api('payloads:save', { ...elsewhere, body: '{"theirs": 2}' });
    await expect.poll(() => payloadText(page), { timeout: 30_000 }).toBe('{"theirs": 2}');

    // Typed here and not saved yet (the save is held): a change made elsewhere meanwhile is not shown over it.
    const held = await holdSaves(page);
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' ', { delay: 15 });
    await expect.poll(held.held, { timeout: 20_000 }).toBeGreaterThan(0);
    const reloaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/triggers:list');
    await host.api('payloads:save', { ...elsewhere, body: '{"elsewhere": 3}' });
    await reloaded;
    await page.waitForTimeout(1000); // time for the page to take the reloaded list in
    expect(await payloadText(page)).toBe('{"theirs": 2} ');
    await held.release();
    await expect
      .poll(() => savedBodies(host, 'Shared one'), { timeout: 30_000 })
      .toEqual([['Default', '{"theirs": 2} ']]);
    expect(await payloadText(page)).toBe('{"theirs": 2} ');
  });
});
