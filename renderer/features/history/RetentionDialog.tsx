// How much history to keep: at most N entries and/or nothing older than D days (blank: no limit).
import { useEffect, useId, useState, type ReactNode } from 'react';
import { errorText } from '../../bridge';
import { loadRetention, saveRetention, useHistory } from '../../stores/history';
import { showToast } from '../../stores/toasts';
import { Dialog } from '../../ui/Dialog';

function parseLimit(text: string, min: number, max: number, what: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isInteger(value) || value < min || value > max)
    return `${what}: a whole number from ${min} to ${max.toLocaleString()}, or blank for no limit.`;
  return value;
}

export function RetentionDialog({ onClose }: { onClose: () => void }): ReactNode {
  const retention = useHistory((s) => s.retention);
  const [entries, setEntries] = useState<string | null>(null);
  const [days, setDays] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  useEffect(() => {
    void loadRetention();
  }, []);
  const entriesText = entries ?? (retention?.maxEntries != null ? String(retention.maxEntries) : '');
  const daysText = days ?? (retention?.maxAgeDays != null ? String(retention.maxAgeDays) : '');

  const save = async (): Promise<void> => {
    const maxEntries = parseLimit(entriesText, 10, 1_000_000, 'Entries to keep');
    const maxAgeDays = parseLimit(daysText, 1, 3650, 'Days to keep');
    if (typeof maxEntries === 'string') {
      setError(maxEntries);
      return;
    }
    if (typeof maxAgeDays === 'string') {
      setError(maxAgeDays);
      return;
    }
    const reply = await saveRetention(maxEntries, maxAgeDays);
    if (!reply.ok) {
      setError(errorText(reply.error));
      return;
    }
    showToast('History retention saved.');
    onClose();
  };

  return (
    <Dialog title="History retention" onClose={onClose} className="dialog-small">
      <form
        className="dialog-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted">Older entries beyond these limits are removed. Leave a field blank for no limit.</p>
        <div className="field">
          <label htmlFor={`${id}-entries`}>Keep at most this many entries</label>
          <input
            id={`${id}-entries`}
            type="number"
            min={10}
            step={1}
            inputMode="numeric"
            value={entriesText}
            onChange={(e) => {
              setEntries(e.target.value);
              setError(null);
            }}
            data-autofocus
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>Remove entries older than (days)</label>
          <input
            id={`${id}-days`}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={daysText}
            onChange={(e) => {
              setDays(e.target.value);
              setError(null);
            }}
          />
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save retention
          </button>
        </div>
      </form>
    </Dialog>
  );
}
