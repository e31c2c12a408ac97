// Rename in place: Enter saves, Escape cancels, leaving the field saves. Errors stay beside it.
import { useId, useRef, useState, type ReactNode } from 'react';
import type { Reply } from '../../shared/errors';
import { errorText } from '../bridge';

interface InlineEditProps {
  label: string;
  initial: string;
  /** A store action: its failure stays beside the field. */
  onSave: (value: string) => Promise<Reply<unknown>>;
  onDone: () => void;
}

export function InlineEdit({ label, initial, onSave, onDone }: InlineEditProps): ReactNode {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  // Set once saved or cancelled: the blur that follows Enter/Escape must not save again.
  const finished = useRef(false);
  const done = (): void => {
    finished.current = true;
    onDone();
  };

  const save = async (): Promise<void> => {
    if (busy || finished.current) return;
    const name = value.trim();
    if (name === initial) {
      done();
      return;
    }
    if (name === '') {
      setError('A name cannot be empty.');
      return;
    }
    setBusy(true);
    const reply = await onSave(name);
    if (reply.ok) {
      done();
      return;
    }
    setError(errorText(reply.error));
    setBusy(false);
  };

  return (
    <span className="inline-edit">
      <input
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        autoFocus
        value={value}
        onFocus={(e) => {
          e.target.select();
        }}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            done();
          }
        }}
        onBlur={() => {
          if (!error) void save();
        }}
      />
      {error && (
        <span id={errorId} role="alert" className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
