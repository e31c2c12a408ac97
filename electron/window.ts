// The main window, created with the hardened webPreferences, and its size and place remembered
// in a small JSON file next to the stores. A saved place is used only if it is still on a screen
// (a monitor may have been unplugged since).
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT_SIZE = { width: 1200, height: 800 };
const MIN_SIZE = { width: 760, height: 480 };
/** At least this much of the window must overlap a display for the saved place to be used. */
const MIN_VISIBLE = 64;

function isRect(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

export function readWindowState(file: string): WindowState | null {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { bounds?: unknown; maximized?: unknown };
    if (!isRect(raw.bounds)) return null;
    return { bounds: raw.bounds, maximized: raw.maximized === true };
  } catch {
    return null;
  }
}

function writeWindowState(file: string, state: WindowState): void {
  try {
    // Written beside and renamed, so a crash mid-write never leaves half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(state), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  } catch {
    // Losing the window's place is not worth bothering anyone about.
  }
}

export function isVisibleOn(bounds: Rectangle, areas: Rectangle[]): boolean {
  return areas.some((a) => {
    const w = Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x);
    const h = Math.min(bounds.y + bounds.height, a.y + a.height) - Math.max(bounds.y, a.y);
    return w >= MIN_VISIBLE && h >= MIN_VISIBLE;
  });
}

export function createMainWindow(o: { stateFile: string; preload: string; title: string }): BrowserWindow {
  const saved = readWindowState(o.stateFile);
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const place = saved && isVisibleOn(saved.bounds, areas) ? saved.bounds : DEFAULT_SIZE;

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
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: NodeJS.Timeout | null = null;
  const save = (): void => {
    if (win.isDestroyed()) return;
    writeWindowState(o.stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const saveSoon = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', () => {
    if (timer !== null) clearTimeout(timer);
    save();
  });
  return win;
}
