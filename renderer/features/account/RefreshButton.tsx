// Takes an imported trigger's YAML, URL and name from Harness again (its "changed in Harness" mark
// clears); a failure is said beside the button.
import { useState, type ReactNode } from 'react';
import { refreshFromHarness } from '../../stores/account';

export function RefreshButton({ triggerId, name }: { triggerId: string; name: string }): ReactNode {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="small"
        disabled={busy}
        aria-label={`Refresh ${name} from Harness`}
        onClick={() => {
          setBusy(true);
          void refreshFromHarness(triggerId).then((problem) => {
            setBusy(false);
            setError(problem);
          });
        }}
      >
        {busy ? 'Refreshing…' : 'Refresh from Harness'}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
