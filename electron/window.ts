// The main window, created with the hardened webPreferences, opened where it was left (size, place,
// maximized, view: window-state.ts). A saved place is used only if it is still on a screen (a
// monitor may have been unplugged since).
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { viewInAddress, type WindowState, type WindowStateStore } from './window-state';

const DEFAULT_SIZE = { width: 1200, height: 800 };
const MIN_SIZE = { width: 760, height: 480 };
/** At least this much of the window must overlap a display for the saved place to be used. */
const MIN_VISIBLE = 64;

export function isVisibleOn(bounds: Rectangle, areas: Rectangle[]): boolean {
  return areas.some((a) => {
    const w = Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x);
    const h = Math.min(bounds.y + bounds.height, a.y + a.height) - Math.max(bounds.y, a.y);
    return w >= MIN_VISIBLE && h >= MIN_VISIBLE;
  });
}

export interface MainWindow {
  win: BrowserWindow;
  /** Loading the page, at the view it showed last. */
  loaded: Promise<void>;
}

export function createMainWindow(o: {
  state: WindowStateStore;
  page: string;
  preload: string;
  title: string;
}): MainWindow {
  const saved = o.state.read();
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const place = saved.bounds && isVisibleOn(saved.bounds, areas) ? saved.bounds : DEFAULT_SIZE;

  const win = new BrowserWindow({
    ...place,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: o.title,
    show: false,
    webPreferences: {
      preload: o.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (saved.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  // The page keeps its view in the address fragment (#view=history); the last one seen is saved.
  let view = saved.view;
  const current = (): WindowState => ({ bounds: win.getNormalBounds(), maximized: win.isMaximized(), view });
  let timer: NodeJS.Timeout | null = null;
  const saveSoon = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!win.isDestroyed()) o.state.save(current());
    }, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.webContents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
    if (!isMainFrame) return;
    view = viewInAddress(url) ?? view;
    saveSoon();
  });
  win.on('close', () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!win.webContents.isDestroyed()) view = viewInAddress(win.webContents.getURL()) ?? view;
    o.state.save(current());
  });
  const loaded = win.loadFile(o.page, view === null ? undefined : { hash: `view=${view}` });
  return { win, loaded };
}
