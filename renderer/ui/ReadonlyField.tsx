// A labelled, read-only, selectable value (parsed URL parts and the like).
import { useId, type ReactNode } from 'react';

export function ReadonlyField({
  label,
  value,
  placeholder,
  mono,
}: {
  label: string;
  value: string | null;
  placeholder?: string;
  mono?: boolean;
}): ReactNode {
  const id = useId();
  return (
    <div className="ro-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        readOnly
        rows={1}
        value={value ?? ''}
        placeholder={placeholder ?? '—'}
        className={mono ? 'mono' : undefined}
      />
    </div>
  );
}
