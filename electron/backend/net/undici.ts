// undici (about 0.7 MB of code, a third of the web host) is loaded at the first request, not at
// start-up: nothing before the first screen sends one (docs/ARCHITECTURE.md, "Speed").
import type * as Parts from './undici-parts';

export type UndiciModule = typeof Parts;

let loaded: UndiciModule | null = null;
let loading: Promise<UndiciModule> | null = null;

/** The module when it is loaded already: then a request leaves without an await. */
export function undiciLoaded(): UndiciModule | null {
  return loaded;
}

export function loadUndici(): Promise<UndiciModule> {
  loading ??= import('./undici-parts').then((m) => (loaded = m));
  return loading;
}
