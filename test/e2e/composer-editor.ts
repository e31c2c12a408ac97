// Helpers for the CodeMirror payload editor in e2e specs: its text (a contenteditable has no
// .value), the sandbox's record of what it received, and holding the page's payload saves.
import type { Locator, Page, Route } from '@playwright/test';

/**
 * Replaces the editor's text the way a paste does. Not locator.fill(): its execCommand path makes
 * Chromium write style attributes into CodeMirror's DOM, which the page's CSP then reports.
 */
export async function setPayload(editor: Locator, text: string): Promise<void> {
  await editor.click();
  await editor.press('ControlOrMeta+a');
  await editor.page().keyboard.insertText(text);
}

/** The editor's text, line by line as CodeMirror renders it (fine for payloads that fit the view). */
export async function payloadText(page: Page): Promise<string> {
  return page
    .getByRole('main')
    .locator('.cm-content')
    .evaluate((el) => Array.from(el.querySelectorAll('.cm-line'), (l) => l.textContent).join('\n'));
}

export interface Received {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export async function sandboxControl(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}/_sandbox/${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.json();
}

/** POSTs the sandbox received on its custom webhook URLs. */
export async function receivedFires(base: string): Promise<Received[]> {
  const all = (await sandboxControl(base, 'GET', 'received')) as Received[];
  return all.filter((r) => r.method === 'POST' && r.path.includes('/webhook/custom/'));
}

/** A request of the page that saves a payload. */
export const isSave = (url: URL): boolean => url.pathname === '/api/payloads:save';

/** Holds every payload save until released, so a save stays in flight as long as the test wants. */
export async function holdSaves(page: Page): Promise<{ release: () => Promise<void>; held: () => number }> {
  const waiting: Route[] = [];
  let released = false;
  const hold = async (route: Route): Promise<void> => {
    if (released) await route.continue();
    else waiting.push(route);
  };
  await page.route(isSave, hold);
  return {
    held: () => waiting.length,
    release: async () => {
      released = true;
      for (const route of waiting.splice(0)) await route.continue();
      await page.unroute(isSave, hold);
    },
  };
}
