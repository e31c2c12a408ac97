// The main window's place (bounds, maximized) and the view it showed, kept in window-state.json in
// the data folder through conf, the library the backend's stores use: a JSON schema checked on
// every read and write, atomic writes. Not electron-store: its constructor answers an IPC channel
// of its own (docs/ARCHITECTURE.md). Nothing here is the user's work, so a damaged, unreadable or
// unwritable file costs only the defaults, never the start-up.
import Conf from 'conf';
import type { Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle | null;
  maximized: boolean;
  /** The renderer's view name (the page checks it against its own list). */
  view: string | null;
}

export interface WindowStateStore {
  read(): WindowState;
  save(state: WindowState): void;
}

/** The file's shape. Every key optional: an empty file is a valid first start. */
type StateDoc = { bounds?: Rectangle; maximized?: boolean; view?: string };

const VIEW = '^[a-z]{1,32}$';
const VIEW_PATTERN = new RegExp(VIEW);
/** Far beyond any display; keeps a hand-edited 1e9 from becoming a window size. */
const COORD = { type: 'integer', minimum: -100_000, maximum: 100_000 } as const;
const SIZE = { type: 'integer', minimum: 1, maximum: 100_000 } as const;

const schema = {
  bounds: {
    type: 'object',
    properties: { x: COORD, y: COORD, width: SIZE, height: SIZE },
    required: ['x', 'y', 'width', 'height'],
    additionalProperties: false,
  },
  maximized: { type: 'boolean' },
  view: { type: 'string', pattern: VIEW },
} as const;

export const WINDOW_STATE_FILE = 'window-state';

const DEFAULTS: WindowState = { bounds: null, maximized: false, view: null };

export function openWindowState(dir: string): WindowStateStore {
  let conf: Conf<StateDoc> | null = null;
  try {
    conf = new Conf<StateDoc>({
      cwd: dir,
      configName: WINDOW_STATE_FILE,
      schema,
      rootSchema: { additionalProperties: false },
      // A file that is not JSON or breaks the schema is replaced by an empty one.
      clearInvalidConfig: true,
      configFileMode: 0o600,
    });
  } catch {
    // Unreadable (a folder of that name, no permission): the defaults, and nothing is saved.
  }
  return {
    read() {
      try {
        const doc = conf?.store ?? {};
        return { bounds: doc.bounds ?? null, maximized: doc.maximized ?? false, view: doc.view ?? null };
      } catch {
        return { ...DEFAULTS };
      }
    },
    save(state) {
      const doc: StateDoc = { maximized: state.maximized };
      if (state.bounds !== null) doc.bounds = state.bounds;
      if (state.view !== null && VIEW_PATTERN.test(state.view)) doc.view = state.view;
      try {
        if (conf !== null) conf.store = doc;
      } catch {
        // A full disk or a read-only folder: the window's place is not worth an error dialog.
      }
    },
  };
}

/** The view named in a page address's fragment (`…/index.html#view=history`), if any. */
export function viewInAddress(url: string): string | null {
  let hash: string;
  try {
    hash = new URL(url).hash;
  } catch {
    return null;
  }
  const view = new URLSearchParams(hash.slice(1)).get('view');
  return view !== null && VIEW_PATTERN.test(view) ? view : null;
}
