// Extra request headers (X-Source: jenkins). "Secret" moves a value into the vault like a key:
// the page then sees only its last four characters, and the field is cleared once it is saved.
import { useState, type ReactNode } from 'react';
import type { HeaderEntry, Trigger } from '../../../shared/model';
import { errorText } from '../../bridge';
import { showToast } from '../../stores/toasts';
import { setHeaders } from '../../stores/trigger-extras';

interface Row {
  name: string;
  value: string;
  secret: boolean;
  stored: HeaderEntry['secret'];
}

const toRows = (t: Trigger): Row[] =>
  t.headers.map((h) => ({ name: h.name, value: h.value, secret: h.secret !== null, stored: h.secret }));

export function HeadersPanel({ trigger }: { trigger: Trigger }): ReactNode {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = rows !== null;
  const shown = rows ?? toRows(trigger);
  const patch = (i: number, p: Partial<Row>): void => {
    setRows(shown.map((r, j) => (j === i ? { ...r, ...p } : r)));
  };

  const save = async (): Promise<void> => {
    setBusy(true);
    const headers = shown
      .filter((r) => r.name.trim() !== '')
      .map((r) => {
        const keep = r.secret && r.value === '' && r.stored ? { keepSecretId: r.stored.id } : {};
        return { name: r.name.trim(), value: r.value, secret: r.secret, ...keep };
      });
    const reply = await setHeaders(trigger.id, headers);
    setBusy(false);
    if (!reply.ok) {
      setError(errorText(reply.error));
      return;
    }
    setRows(null);
    setError(null);
    // A key-shaped value was moved to the keychain: the notes say so in plain words.
    const { notes } = reply.value;
    showToast(`Headers saved for “${trigger.name}”.${notes.length > 0 ? ` ${notes.join(' ')}` : ''}`);
  };

  return (
    <section className="panel headers-panel" aria-labelledby={`headers-${trigger.id}`}>
      <div className="panel-head">
        <h3 id={`headers-${trigger.id}`}>Extra headers</h3>
        <span className="muted small-text">content-type and X-Api-Key are set by the trigger and its key.</span>
        <span className="panel-tools">
          <button
            type="button"
            className="small"
            onClick={() => {
              setRows([...shown, { name: '', value: '', secret: false, stored: null }]);
            }}
          >
            Add header
          </button>
        </span>
      </div>
      {shown.length === 0 && <p className="muted small-text">None.</p>}
      {shown.map((r, i) => (
        <div className="header-row" key={i}>
          <input
            aria-label={`Header ${i + 1} name`}
            className="mono"
            placeholder="X-Source"
            value={r.name}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              patch(i, { name: e.target.value });
            }}
          />
          <input
            aria-label={`Header ${i + 1} value`}
            className="mono"
            type={r.secret ? 'password' : 'text'}
            placeholder={r.secret && r.stored ? `in the vault (…${r.stored.last4}); type to replace` : 'value'}
            value={r.value}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              patch(i, { value: e.target.value });
            }}
          />
          <label className="switch small-text">
            <input
              type="checkbox"
              checked={r.secret}
              onChange={(e) => {
                patch(i, { secret: e.target.checked, value: e.target.checked || !r.stored ? r.value : '' });
              }}
            />
            Secret
          </label>
          <button
            type="button"
            className="small"
            aria-label={`Remove header ${r.name || i + 1}`}
            onClick={() => {
              setRows(shown.filter((_, j) => j !== i));
            }}
          >
            Remove
          </button>
        </div>
      ))}
      {editing && (
        <div className="row-tools">
          <button type="button" className="small primary" disabled={busy} onClick={() => void save()}>
            Save headers
          </button>
          <button
            type="button"
            className="small"
            onClick={() => {
              setRows(null);
              setError(null);
            }}
          >
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}
