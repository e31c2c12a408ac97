// What the page must hear about that is not the answer to a request: store files kept aside and
// the items left out of them, history lines skipped, the sandbox on another port, no keychain.
// Gathered while the backend opens (and any time later), listed by `notices:list`, pushed on
// `notices:changed`, and gone once dismissed (for every window).
import type { Notify } from '../../shared/api';
import { redact } from '../../shared/harness/redact';
import type { Notice, NoticeSource } from '../../shared/model';
import { newId } from './store/index';

export interface Notices {
  /** `key`: a notice with the same source and key replaces the earlier one (one "changed on disk" per folder). */
  add(source: NoticeSource, text: string, level?: Notice['level'], key?: string): void;
  list(): Notice[];
  /** Dismissing one that is already gone is not an error (another window may have done it). */
  dismiss(id: string): void;
}

export interface NoticesOptions {
  /** Also writes each notice there as it comes (stderr: a terminal, the CLI). */
  echo?: (text: string) => void;
  /** Runs before the list is answered: opens the stores not opened yet, so their notices are in it. */
  beforeList?: () => void;
  now?: () => number;
}

export function createNotices(notify: Notify, o: NoticesOptions = {}): Notices {
  const now = o.now ?? Date.now;
  let all: Notice[] = [];
  const keys = new Map<string, string>();
  const push = (): void => {
    try {
      notify('notices:changed', { notices: [...all] });
    } catch {
      // Nobody may be listening yet: the page asks notices:list when it opens.
    }
  };
  return {
    add(source, text, level = 'warning', key) {
      const notice: Notice = { id: newId(), source, level, text: redact(text), at: now() };
      const replaced = key === undefined ? undefined : keys.get(`${source}\n${key}`);
      if (key !== undefined) keys.set(`${source}\n${key}`, notice.id);
      all = [...all.filter((n) => n.id !== replaced), notice];
      o.echo?.(notice.text);
      push();
    },
    list: () => {
      try {
        o.beforeList?.();
      } catch {
        // A store that cannot open reports it when it is used; the list is answered either way.
      }
      return [...all];
    },
    dismiss(id) {
      const next = all.filter((n) => n.id !== id);
      if (next.length === all.length) return;
      all = next;
      push();
    },
  };
}
