// The last import's result, trigger by trigger: created, updated (with what changed), unchanged or
// failed (with why), and the imported triggers Harness no longer has (marked, not removed).
import type { ReactNode } from 'react';
import type { ImportOutcome } from '../../../shared/account-model';
import { useAccount } from '../../stores/account';

const OUTCOME: Record<ImportOutcome, string> = {
  created: 'imported',
  updated: 'updated in place',
  unchanged: 'already up to date',
  failed: 'failed',
};

export function ImportReportView(): ReactNode {
  const report = useAccount((s) => s.report);
  if (!report) return null;
  return (
    <section className="import-report" aria-label="Import result">
      <ul>
        {report.items.map((item) => (
          <li key={`${item.pipelineIdentifier}/${item.identifier}`} data-outcome={item.outcome}>
            <span className="import-name">{item.name}</span>{' '}
            <span className={item.outcome === 'failed' ? 'field-error' : 'muted'}>{OUTCOME[item.outcome]}</span>
            {item.detail && <span className="muted small-text"> · {item.detail}</span>}
          </li>
        ))}
        {report.markedDeleted.map((t) => (
          <li key={t.triggerId} data-outcome="deleted">
            <span className="import-name">{t.name}</span>{' '}
            <span className="muted">marked deleted in Harness (kept)</span>
          </li>
        ))}
      </ul>
      {report.notes.map((n) => (
        <p key={n} className="muted small-text">
          {n}
        </p>
      ))}
    </section>
  );
}
