// One guard for every webContents the app creates, and one for the session, in the spirit of
// Signal-Desktop: the window shows our bundled page and nothing else. Links go to the system
// browser only through the backend's checked `shell:openExternal` request.
import { app, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './web/csp';
import { isAppPage } from './app-page';

export function guardWebContents(contents: WebContents, appIndexUrl: string): void {
  // Leaving the app's own index.html (a dropped file, a link, a script) is never wanted.
  contents.on('will-navigate', (event) => {
    if (!isAppPage(event.url, appIndexUrl)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppPage(event.url, appIndexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url, appIndexUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  // window.open and target=_blank: denied. The page opens links with shell:openExternal instead.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** What the app's own page may use: writing to the clipboard ("Copy" buttons) and a desktop
 * notification when a watched run ends. Everything else (reading the clipboard, camera, ...) is refused. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'notifications']);

/** Deny every permission except ALLOWED_PERMISSIONS, and those only to the app's own page. */
export function guardSession(ses: Session, appIndexUrl: string): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppPage(details.requestingUrl, appIndexUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) => {
    return ALLOWED_PERMISSIONS.has(permission) && isAppPage(details.requestingUrl ?? '', appIndexUrl);
  });
  // file:// answers carry no headers, so renderer/index.html repeats this policy as a meta tag;
  // any other response the session sees gets it as a header.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.on('will-download', (event) => {
    event.preventDefault();
  });
}

/** Installs guardWebContents on every webContents, including ones created later. */
export function installGuards(appIndexUrl: string): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, appIndexUrl);
  });
}
