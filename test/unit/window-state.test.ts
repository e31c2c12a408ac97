// The window-state file (electron/window-state.ts) on its own: what a damaged, mistyped or hostile
// file gives (the defaults, never a throw), and the view read from the page's address. The shell
// test (test/integration/electron-shell.test.ts) checks the same file through the built app.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWindowState, viewInAddress, type WindowState } from '../../electron/window-state';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function folder(content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'td-window-state-'));
  dirs.push(dir);
  if (content !== undefined) writeFileSync(join(dir, 'window-state.json'), content);
  return dir;
}

const DEFAULTS: WindowState = { bounds: null, maximized: false, view: null };
const PLACE = { x: -1200, y: 40, width: 1000, height: 700 };

describe('window state file', () => {
  it('gives the defaults on a first start, then what was saved', () => {
    const dir = folder();
    expect(openWindowState(dir).read()).toEqual(DEFAULTS);
    openWindowState(dir).save({ bounds: PLACE, maximized: true, view: 'history' });
    expect(openWindowState(dir).read()).toEqual({ bounds: PLACE, maximized: true, view: 'history' });
    expect(JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'))).toEqual({
      bounds: PLACE,
      maximized: true,
      view: 'history',
    });
  });

  it.each([
    ['not JSON', '{"bounds": {"x": 1'],
    ['empty', ''],
    ['null', 'null'],
    ['an array', '[1, 2]'],
    ['a mistyped size', JSON.stringify({ bounds: { ...PLACE, width: 'big' } })],
    ['a fractional place', JSON.stringify({ bounds: { ...PLACE, x: 0.5 } })],
    ['a huge size', JSON.stringify({ bounds: { ...PLACE, width: 1e9 } })],
    ['a zero size', JSON.stringify({ bounds: { ...PLACE, height: 0 } })],
    ['bounds with a key of their own', JSON.stringify({ bounds: { ...PLACE, z: 1 } })],
    ['a missing height', JSON.stringify({ bounds: { x: 1, y: 1, width: 900 } })],
    ['maximized as text', JSON.stringify({ maximized: 'yes' })],
    ['a view that is a path', JSON.stringify({ view: '../../etc/passwd' })],
    ['a key of its own', JSON.stringify({ bounds: PLACE, evil: true })],
    ['a prototype key', '{"__proto__": {"maximized": true}}'],
  ])('ignores a file with %s: the defaults, and the next save writes a good file', (_what, text) => {
    const dir = folder(text);
    const store = openWindowState(dir);
    expect(store.read()).toEqual(DEFAULTS);
    store.save({ bounds: PLACE, maximized: false, view: 'chains' });
    expect(openWindowState(dir).read()).toEqual({ bounds: PLACE, maximized: false, view: 'chains' });
  });

  it('never saves a view that is not a plain name', () => {
    const dir = folder();
    openWindowState(dir).save({ bounds: null, maximized: false, view: '../x' });
    expect(openWindowState(dir).read()).toEqual(DEFAULTS);
  });

  it('neither throws nor writes when the file cannot be read or written', () => {
    const blocked = folder();
    mkdirSync(join(blocked, 'window-state.json'));
    const store = openWindowState(blocked);
    expect(store.read()).toEqual(DEFAULTS);
    expect(() => store.save({ bounds: PLACE, maximized: false, view: null })).not.toThrow();

    // Root ignores file modes; the check means something only for an ordinary user.
    if (process.getuid?.() === 0) return;
    const readOnly = folder();
    chmodSync(readOnly, 0o500);
    expect(() => openWindowState(readOnly).save({ bounds: PLACE, maximized: false, view: null })).not.toThrow();
    chmodSync(readOnly, 0o700);
  });
});

describe('the view in a page address', () => {
  it.each([
    ['file:///app/index.html#view=history', 'history'],
    ['file:///app/index.html#token=abc&view=chains', 'chains'],
    ['file:///app/index.html', null],
    ['file:///app/index.html#view=', null],
    ['file:///app/index.html#view=../../x', null],
    ['file:///app/index.html#view=History', null],
    ['not a url', null],
  ])('%s → %s', (url, view) => {
    expect(viewInAddress(url)).toBe(view);
  });
});
