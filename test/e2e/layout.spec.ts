// Every view at 1024×700 and 1440×900, light and dark: nothing is cut or hidden and the page never
// scrolls sideways (docs/ARCHITECTURE.md, "Everyday friction"). Screenshots of each view.
import type { Page } from '@playwright/test';
import type { DeskHost } from './fixtures';
import { expect, screenshot, sidebarTrigger, test } from './fixtures';
import { KEYS, example } from './sandbox-curl';

/**
 * What is cut or hidden: the page scrolling sideways, a region scrolling sideways (editors and
 * typed fields aside), a read-only field whose value does not fit, a labelled value overlapped by
 * its neighbour, a control covered by something painted over it.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      out.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    const name = (el: Element): string =>
      `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').replace(/\s+/g, '.')}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''}`;
    const shown = (el: HTMLElement): boolean =>
      el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (!shown(el) || el.closest('.cm-editor, .visually-hidden')) continue;
      if (el instanceof HTMLTextAreaElement && !el.readOnly) continue;
      const style = getComputedStyle(el);
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (scrolls && el.scrollWidth > el.clientWidth + 1)
        out.push(`${name(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
      const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
      if (field?.readOnly && (field.scrollWidth > field.clientWidth + 1 || field.scrollHeight > field.clientHeight + 1))
        out.push(`read-only field ${name(el)} cuts "${field.value}"`);
    }
    // A value and the button beside it never overlap (the event id and its Copy button).
    for (const value of Array.from(document.querySelectorAll<HTMLElement>('[data-testid$="event-id"]'))) {
      const button = value.parentElement?.querySelector('button');
      if (!button) continue;
      const a = value.getBoundingClientRect();
      const b = button.getBoundingClientRect();
      if (a.right > b.left + 1 && a.left < b.right && a.bottom > b.top && a.top < b.bottom)
        out.push(`${name(value)} runs under its button`);
    }
    // Controls are not covered by something else (a sticky bar over the production switch).
    // Under a modal dialog only the dialog counts.
    const within = document.querySelector('dialog[open]') ? 'dialog[open]' : 'main';
    const controls = document.querySelectorAll<HTMLElement>(`${within} input[type="checkbox"], ${within} button`);
    for (const control of Array.from(controls)) {
      if (!shown(control)) continue;
      const r = control.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) continue;
      let outside = false; // scrolled out of a scrolling region: not on screen, nothing to check
      for (let up = control.parentElement; up; up = up.parentElement) {
        const overflowY = getComputedStyle(up).overflowY;
        if (overflowY !== 'auto' && overflowY !== 'scroll') continue;
        const s = up.getBoundingClientRect();
        if (y < s.top || y > s.bottom) outside = true;
      }
      if (outside) continue;
      const top = document.elementFromPoint(x, y);
      if (top && top !== control && !control.contains(top) && !top.closest('.toasts'))
        out.push(`${name(control)} "${control.textContent}" is covered by ${name(top)}`);
    }
    return out;
  });
}

async function check(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await layoutProblems(page), `${name} (${scheme})`).toEqual([]);
    await screenshot(page, `${name}-${scheme}`, [KEYS.execute]);
  }
}

async function triggerIds(host: DeskHost): Promise<(name: string) => string> {
  const list = await host.api('triggers:list', {});
  return (name) => list.find((t) => t.name === name)?.id ?? `missing ${name}`;
}

for (const size of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  test(`every view at ${size.width}×${size.height}: nothing cut or hidden, no sideways scroll`, async ({
    desk: page,
    host,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const id = await triggerIds(host);
    // A refused fire (Harness's long message) and an accepted one, for History.
    await host.api('triggers:fire', { id: id(example('disabled').name) });
    const accepted = await host.api('triggers:fire', { id: id(example('plain').name) });
    const at = `layout-${size.width}`;

    await sidebarTrigger(page, example('plain').name).click();
    const main = page.getByRole('main');
    await main.getByRole('button', { name: /^Fire/ }).click();
    await expect(page.getByTestId('event-id')).toHaveText(/^[0-9a-f]{24}$/);
    await check(page, `${at}-trigger`);
    await main.locator('.main-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await check(page, `${at}-trigger-end`);

    await page.keyboard.press('Control+2');
    const rows = page.getByRole('listbox', { name: 'Fires, newest first' }).getByRole('option');
    await expect(rows).toHaveCount(3);
    const refused = rows.filter({ hasText: example('disabled').name });
    // The row keeps time, name and a short status; the long message is cut with "…".
    await expect(refused.locator('.hrow-trigger')).toHaveText(example('disabled').name);
    await expect(refused.locator('.hrow-status')).toHaveText('Refused · HTTP 400');
    const message = refused.locator('.hrow-message');
    await expect(message).toContainText('No enabled custom trigger found');
    expect(await message.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
    for (const part of ['.hrow-when', '.hrow-trigger', '.hrow-status']) {
      expect(
        await refused.locator(part).evaluate((el) => el.scrollWidth <= el.clientWidth),
        `${part} shown whole`,
      ).toBe(true);
    }
    await refused.click();
    const details = page.getByRole('region', { name: 'Fire details' });
    await expect(details.locator('blockquote')).toContainText('No enabled custom trigger found for the used custom');
    await check(page, `${at}-history-refused`);
    await rows.filter({ hasText: accepted.event?.eventCorrelationId ?? 'missing' }).click();
    await expect(details.getByTestId('history-event-id')).toHaveText(accepted.event?.eventCorrelationId ?? '');
    await check(page, `${at}-history`);

    await page.keyboard.press('Control+3');
    const inspector = page.getByRole('main', { name: 'Inspector' });
    await inspector.getByRole('textbox', { name: 'apiUrl' }).fill(accepted.event?.apiUrl ?? '');
    await inspector.getByRole('button', { name: 'Open event' }).click();
    await expect(inspector.getByRole('region', { name: 'Processing details' })).toBeVisible();
    await check(page, `${at}-inspector`);

    await page.keyboard.press('Control+4');
    await page.getByLabel('Saved trigger').selectOption(id(example('conditional').name));
    await expect(page.getByLabel('Trigger YAML')).toHaveValue(/identifier: deploy_on_image/);
    await page
      .getByLabel('Payload', { exact: true })
      .fill('{"env": "dev", "image": "registry.example.com/shop/api", "tag": "v1.4.2"}');
    const table = page.getByRole('table', { name: 'Payload and header conditions' });
    await expect(table.getByRole('row', { name: /^payload 1/ })).toHaveAttribute('data-state', 'fail');
    const why = table
      .getByRole('row', { name: /^payload 1/ })
      .getByRole('cell')
      .last();
    await expect(why).toBeInViewport({ ratio: 1 });
    await check(page, `${at}-lab`);
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await check(page, `${at}-matrix`);

    await page.keyboard.press('Control+5');
    await expect(page.getByRole('region', { name: 'Chain editor' })).toBeVisible();
    await check(page, `${at}-chains`);

    await page.keyboard.press('Control+6');
    await expect(page.getByRole('main', { name: 'Harness account' }).getByLabel('Account id')).toBeVisible();
    await check(page, `${at}-account`);

    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+i');
    const dialog = page.getByRole('dialog', { name: 'Import a trigger' });
    await expect(dialog).toBeVisible();
    await check(page, `${at}-import`);
  });
}
