// A store whose updates stay in memory until `commit` writes them in one go: a first launch seeds
// the sandbox workspace through the same functions a user's paste takes, which write data.json
// once each (18 flushed writes, most of what a first launch spent after the keychain probe).
import type { DocStore } from './store';

export function batchedDoc<T extends Record<string, unknown>>(store: DocStore<T>): DocStore<T> & { commit(): void } {
  let draft: T | null = null;
  const current = (): T => (draft ??= structuredClone(store.read()));
  return {
    path: store.path,
    read: current,
    update(change) {
      const next = structuredClone(current());
      const result = change(next);
      draft = next;
      return result;
    },
    /** One write of everything (checked against the schema as any write); nothing when nothing changed. */
    commit() {
      if (draft === null) return;
      const done = draft;
      store.update((doc) => void Object.assign(doc, done));
      draft = null;
    },
  };
}
