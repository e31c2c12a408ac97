// A status in plain words, coloured by tone, with Harness's own value beside it for searchability.
import type { ReactNode } from 'react';
import type { StatusWords } from '../../../shared/watch-model';

export function StatusBadge({ status, verbatim = true }: { status: StatusWords; verbatim?: boolean }): ReactNode {
  const words = status.words || status.status;
  return (
    <span className={`status status-${status.tone}`} data-status={status.status}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-words">{words}</span>
      {verbatim && words !== status.status && <code className="status-code">{status.status}</code>}
    </span>
  );
}
