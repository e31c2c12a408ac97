// A status in plain words, coloured by tone. Harness's processing codes (UPPER_SNAKE, e.g.
// NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS) are shown beside the words, since support people search
// for them; a run's status (Success, ApprovalWaiting) is only said in words, its code in the tooltip,
// so a badge never reads "Succeeded Success".
import type { ReactNode } from 'react';
import type { StatusWords } from '../../../shared/watch-model';

export function StatusBadge({ status, verbatim = true }: { status: StatusWords; verbatim?: boolean }): ReactNode {
  const words = status.words || status.status;
  const code = words !== status.status ? status.status : null;
  return (
    <span
      className={`status status-${status.tone}`}
      data-status={status.status}
      title={code === null ? undefined : `Harness: ${code}`}
    >
      <span className="status-dot" aria-hidden="true" />
      <span className="status-words">{words}</span>
      {verbatim && code !== null && code.includes('_') && <code className="status-code">{code}</code>}
    </span>
  );
}
