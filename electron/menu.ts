// The application menu: the standard roles (so copy/paste, undo, zoom and window shortcuts work
// as on every other app of the platform), developer tools only when not packaged.
import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';

const HARNESS_DOCS = 'https://developer.harness.io/docs/platform/triggers/trigger-deployments-using-custom-triggers/';

/** Builds the menu and makes it the application's menu. */
export function installMenu(): void {
  const isMac = process.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Harness custom triggers (documentation)',
          click: () => {
            void shell.openExternal(HARNESS_DOCS);
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
