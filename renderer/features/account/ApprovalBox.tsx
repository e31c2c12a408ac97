// A Harness approval a run waits for: its message, who acted so far, a comment, and Approve / Reject
// after a confirmation naming the pipeline and the stage. Off, with Harness's reason, when the key
// may not act on it.
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import type { ApprovalView, RunSummary } from '../../../shared/account-model';
import { errorText } from '../../bridge';
import { decide, loadApprovals, type RunScope } from '../../stores/account-runs';
import { showToast } from '../../stores/toasts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

type Action = 'APPROVE' | 'REJECT';

function Approval({
  scope,
  approval,
  onDone,
}: {
  scope: RunScope;
  approval: ApprovalView;
  onDone: () => void;
}): ReactNode {
  const [comment, setComment] = useState('');
  const [asking, setAsking] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { comment: useId(), why: useId() };
  const waiting = approval.status === 'WAITING';
  const allowed = approval.canAct.allowed;

  const act = async (action: Action): Promise<void> => {
    setBusy(true);
    const reply = await decide(scope.workspaceId, approval.approvalInstanceId, action, comment);
    setBusy(false);
    if (!reply.ok) {
      setError(errorText(reply.error));
      return;
    }
    setError(null);
    showToast(reply.value.message, { tone: reply.value.accepted ? 'info' : 'error' });
    if (reply.value.accepted) onDone();
  };

  return (
    <div
      className="approval"
      role="group"
      aria-label={`Approval${approval.stepName ? ` ${approval.stepName}` : ''} in stage ${approval.stageName}`}
    >
      <p className="approval-head">
        <strong>
          {waiting ? 'Waits for approval' : `Approval ${approval.status.toLowerCase()}`}: stage “{approval.stageName}”
          {approval.stepName ? `, step “${approval.stepName}”` : ''}
        </strong>
      </p>
      {approval.message && <p className="approval-message">{approval.message}</p>}
      {approval.activities.length > 0 && (
        <ul className="approval-activities" aria-label="Who acted so far">
          {approval.activities.map((a, i) => (
            <li key={i} className="small-text">
              {a.user}: {a.action.toLowerCase()}
              {a.comments ? ` — “${a.comments}”` : ''}
            </li>
          ))}
        </ul>
      )}
      {waiting && (
        <>
          <label className="field" htmlFor={ids.comment}>
            <span className="label">Comment (sent to Harness with your decision)</span>
            <textarea
              id={ids.comment}
              rows={2}
              value={comment}
              disabled={!allowed}
              onChange={(e) => {
                setComment(e.target.value);
              }}
            />
          </label>
          <div className="approval-actions">
            <button
              type="button"
              className="primary small"
              disabled={!allowed || busy}
              aria-describedby={allowed ? undefined : ids.why}
              onClick={() => {
                setAsking('APPROVE');
              }}
            >
              Approve…
            </button>
            <button
              type="button"
              className="small danger-text"
              disabled={!allowed || busy}
              aria-describedby={allowed ? undefined : ids.why}
              onClick={() => {
                setAsking('REJECT');
              }}
            >
              Reject…
            </button>
            <span id={ids.why} className={allowed ? 'muted small-text' : 'field-error'}>
              {approval.canAct.words}
            </span>
          </div>
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {asking && (
        <ConfirmDialog
          title={asking === 'APPROVE' ? 'Approve in Harness?' : 'Reject in Harness?'}
          confirmLabel={asking === 'APPROVE' ? 'Approve' : 'Reject'}
          danger={asking === 'REJECT'}
          onCancel={() => {
            setAsking(null);
          }}
          onConfirm={() => {
            const action = asking;
            setAsking(null);
            void act(action);
          }}
        >
          <p>
            {asking === 'APPROVE' ? 'Approve' : 'Reject'} stage <strong>“{approval.stageName}”</strong> of pipeline{' '}
            <strong>“{approval.pipelineName}”</strong>
            {asking === 'APPROVE' ? ': the run goes on.' : ': the run stops there.'}
          </p>
          <p className="muted">{comment.trim() === '' ? 'No comment.' : `Comment: “${comment.trim()}”`}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

export function ApprovalBox({
  scope,
  run,
  onDone,
}: {
  scope: RunScope;
  run: RunSummary;
  onDone: () => void;
}): ReactNode {
  const [approvals, setApprovals] = useState<ApprovalView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (): Promise<void> => {
    const reply = await loadApprovals(scope, run.planExecutionId);
    if (reply.ok) {
      setApprovals(reply.value);
      setError(null);
    } else setError(errorText(reply.error));
  }, [scope, run.planExecutionId]);
  useEffect(() => {
    void load();
  }, [load]);
  if (error)
    return (
      <p className="field-error" role="alert">
        {error}
      </p>
    );
  if (!approvals) return <p className="muted small-text">Reading the run’s approvals…</p>;
  if (approvals.length === 0)
    return (
      <p className="muted small-text">
        The run waits for an approval Trigger Desk cannot act on (only Harness approvals can; Jira and ServiceNow
        approvals are answered there).
      </p>
    );
  return (
    <div className="approvals">
      {approvals.map((a) => (
        <Approval
          key={a.approvalInstanceId}
          scope={scope}
          approval={a}
          onDone={() => {
            void load();
            onDone();
          }}
        />
      ))}
    </div>
  );
}
