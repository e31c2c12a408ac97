// Where a trigger stands against its Harness account, in words: new there, imported, changed in
// Harness, deleted in Harness. The same mark in the browser, the sidebar and the trigger view.
import type { ReactNode } from 'react';
import type { RemoteState } from '../../../shared/account-model';
import './remote-mark.css';

export type MarkState = RemoteState | 'new';

const WORDS: Record<MarkState, { text: string; title: string }> = {
  new: { text: 'new', title: 'In Harness, not imported into this workspace yet' },
  current: { text: 'imported', title: 'Imported; matches Harness as last checked' },
  changed: {
    text: 'changed in Harness',
    title: 'Its YAML changed in Harness since the import: Refresh takes it again',
  },
  deleted: { text: 'deleted in Harness', title: 'Harness no longer has it; kept here, never removed silently' },
};

export function RemoteMark({ state }: { state: MarkState }): ReactNode {
  const w = WORDS[state];
  return (
    <span className={`badge remote-mark remote-${state}`} title={w.title} data-testid="remote-mark">
      {w.text}
    </span>
  );
}
