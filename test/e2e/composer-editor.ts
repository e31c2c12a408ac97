// Helpers for the CodeMirror payload editor in e2e specs: its text (a contenteditable has no
// .value) and the sandbox's record of what it received.
import type { Locator, Page } from '@playwright/test';

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
