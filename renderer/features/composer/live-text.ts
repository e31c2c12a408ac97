// The text each open editor holds right now, without loading CodeMirror: the fire path reads the
// editor itself rather than the draft store, which trails typing by a frame.
const getters = new Map<string, () => string>();

export function registerLiveText(key: string, get: () => string): () => void {
  getters.set(key, get);
  return () => { if (getters.get(key) === get) getters.delete(key); };
}

export function liveText(key: string): string | null {
  return getters.get(key)?.() ?? null;
}
