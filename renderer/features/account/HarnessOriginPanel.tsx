// On a trigger imported from a Harness account: where it came from, its mark (changed or deleted in
// Harness) with Refresh, and the runs of its pipeline.
import type { ReactNode } from 'react';
import type { Trigger } from '../../../shared/model';
import { formatDateTime } from '../watch/format';
import { PipelineRuns } from './PipelineRuns';
import { RefreshButton } from './RefreshButton';
import { RemoteMark } from './RemoteMark';

const SAYS = {
  current: null,
  changed: 'Its YAML changed in Harness since it was imported: the condition lab reads the old one until you refresh.',
  deleted:
    'Harness no longer has this trigger. It stays here (nothing is removed silently); firing it will be refused.',
} as const;

export function HarnessOriginPanel({ trigger }: { trigger: Trigger }): ReactNode {
  const h = trigger.harness;
  if (!h) return null;
  const says = SAYS[h.state];
  return (
    <>
      <section className="panel" aria-labelledby="origin-heading">
        <div className="panel-head">
          <h3 id="origin-heading">From Harness</h3>
          <RemoteMark state={h.state} />
          <span className="muted small-text">checked {formatDateTime(h.checkedAt)}</span>
          {h.state === 'changed' && (
            <span className="panel-tools">
              <RefreshButton triggerId={trigger.id} name={trigger.name} />
            </span>
          )}
        </div>
        <p className="small-text origin-path">
          <code>{h.orgIdentifier}</code> / <code>{h.projectIdentifier}</code> / <code>{h.pipelineIdentifier}</code> ·
          trigger <code>{h.triggerIdentifier}</code> at {h.origin}
        </p>
        {says && (
          <p className={h.state === 'deleted' ? 'field-error' : 'origin-note'} role="note">
            {says}
          </p>
        )}
      </section>
      <PipelineRuns trigger={trigger} harness={h} />
    </>
  );
}
