// What the page must hear about that is not the answer to a request: store files kept aside and
// the items left out of them, history lines skipped, the sandbox on another port, no keychain.
// Gathered while the backend opens (and any time later), listed by `notices:list`, pushed on
// `notices:changed`, and gone once dismissed (for every window).
import type { Notify } from '../../shared/api';
import { redact } from '../../shared/harness/redact';
import type { Notice, NoticeSource } from '../../shared/model';
import { newId } from './ids';

export interface Notices {
  add(source: NoticeSource, text: string, level?: Notice['level']): void;
  list(): Notice[];
  /** Dismissing one that is already gone is not an error (another window may have done it). */
  dismiss(id: string): void;
}

export function createNotices(notify: Notify, now: () => number = Date.now): Notices {
  let all: Notice[] = [];
  const push = (): void => {
    try {
      notify('notices:changed', { notices: [...all] });
    } catch {
      // Nobody may be listening yet: the page asks notices:list when it opens.
    }
  };
  return {
    add(source, text, level = 'warning') {
      all = [...all, { id: newId(), source, level, text: redact(text), at: now() }];
      push();
    },
    list: () => [...all],
    dismiss(id) {
      const next = all.filter((n) => n.id !== id);
      if (next.length === all.length) return;
      all = next;
      push();
    },
  };
}
