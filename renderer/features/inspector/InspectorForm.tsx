// What to open: a pasted apiUrl, or an eventCorrelationId with its account (and, for self-managed
// Harness, the base address; blank means the backend's default).
import { useId, useState, type ReactNode } from 'react';
import { inspect, useInspector } from '../../stores/inspector';

type Mode = 'url' | 'id';

export function InspectorForm({ openedUrl }: { openedUrl: string | null }): ReactNode {
  const target = useInspector((s) => s.target);
  const loading = useInspector((s) => s.loading);
  const [mode, setMode] = useState<Mode>(target?.eventCorrelationId ? 'id' : 'url');
  const [apiUrl, setApiUrl] = useState(target?.apiUrl ?? openedUrl ?? '');
  const [eventId, setEventId] = useState(target?.eventCorrelationId ?? '');
  const [account, setAccount] = useState(target?.accountIdentifier ?? '');
  const [base, setBase] = useState(target?.base ?? '');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = (): void => {
    if (mode === 'url') {
      const url = apiUrl.trim();
      if (!url) {
        setError('Paste the apiUrl from a fire’s answer (it ends in triggerExecutionDetails/… ?accountIdentifier=…).');
        return;
      }
      void inspect({ apiUrl: url });
      return;
    }
    const ev = eventId.trim();
    const acc = account.trim();
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(ev)) {
      setError('The eventCorrelationId is the 24-character id Harness answered the fire with.');
      return;
    }
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(acc)) {
      setError('The account identifier is in the trigger URL (accountIdentifier=…).');
      return;
    }
    void inspect(
      base.trim()
        ? { eventCorrelationId: ev, accountIdentifier: acc, base: base.trim() }
        : { eventCorrelationId: ev, accountIdentifier: acc },
    );
  };

  return (
    <form
      className="inspector-form"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        submit();
      }}
      aria-label="Open an event"
    >
      <fieldset className="inspector-mode">
        <legend className="visually-hidden">Open by</legend>
        <label className="radio">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'url'}
            onChange={() => {
              setMode('url');
              setError(null);
            }}
          />{' '}
          By apiUrl
        </label>
        <label className="radio">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'id'}
            onChange={() => {
              setMode('id');
              setError(null);
            }}
          />{' '}
          By event id and account
        </label>
      </fieldset>
      {mode === 'url' ? (
        <div className="field inspector-url">
          <label htmlFor={`${id}-url`}>apiUrl</label>
          <input
            id={`${id}-url`}
            data-view-focus
            className="mono"
            spellCheck={false}
            autoComplete="off"
            placeholder="https://app.harness.io/gateway/pipeline/api/webhook/triggerExecutionDetails/…?accountIdentifier=…"
            value={apiUrl}
            onChange={(e) => {
              setApiUrl(e.target.value);
            }}
          />
        </div>
      ) : (
        <div className="inspector-ids">
          <div className="field">
            <label htmlFor={`${id}-event`}>eventCorrelationId</label>
            <input
              id={`${id}-event`}
              data-view-focus
              className="mono"
              spellCheck={false}
              autoComplete="off"
              value={eventId}
              onChange={(e) => {
                setEventId(e.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-account`}>Account identifier</label>
            <input
              id={`${id}-account`}
              className="mono"
              spellCheck={false}
              autoComplete="off"
              value={account}
              onChange={(e) => {
                setAccount(e.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-base`}>Harness address (optional)</label>
            <input
              id={`${id}-base`}
              className="mono"
              spellCheck={false}
              autoComplete="off"
              placeholder="https://app.harness.io"
              value={base}
              onChange={(e) => {
                setBase(e.target.value);
              }}
            />
          </div>
        </div>
      )}
      <div className="inspector-submit">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? 'Opening…' : 'Open event'}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
