// What counts as the app's own page in Electron: the bundled renderer's index.html loaded from a
// file: URL (any #fragment or ?query). Navigation, IPC senders and new windows are all judged by
// this one rule. Pure, so the tests check it without Electron.

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppPage(url: string, appIndexUrl: string): boolean {
  const page = parse(url);
  const app = parse(appIndexUrl);
  if (page === null || app === null || app.protocol !== 'file:') return false;
  return (
    page.protocol === 'file:' &&
    page.host === app.host &&
    decodeURIComponent(page.pathname) === decodeURIComponent(app.pathname)
  );
}

/** The frame an IPC call came from, as far as the checks need it. */
export interface SenderFrame {
  url: string;
  /** True only for the window's top frame (never an iframe, even a same-origin one). */
  isMainFrame: boolean;
}

export function isTrustedSender(frame: SenderFrame | null, appIndexUrl: string): boolean {
  return frame !== null && frame.isMainFrame && isAppPage(frame.url, appIndexUrl);
}

/** Links the page may hand to the OS: https only (the backend checks the host on top). */
export function isHttpsUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}

/** What main may hand to shell.openExternal: https, or the embedded sandbox's http://127.0.0.1 pages. */
export function isOpenableExternally(url: string): boolean {
  if (isHttpsUrl(url)) return true;
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === 'http:' &&
    (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost') &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
