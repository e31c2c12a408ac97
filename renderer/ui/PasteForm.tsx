// A small form to paste a secret (or a URL / cURL) into: the field, its submit and Cancel. The caller
// gives the field (uncontrolled, so a secret is never mirrored into a DOM attribute) and clears it on send.
import type { ReactNode } from 'react';

interface PasteFormProps {
  className: string;
  fieldId: string;
  label: ReactNode;
  /** The label is read out but not shown (the row around the form already says what goes in). */
  hideLabel?: boolean;
  field: ReactNode;
  submitLabel: string;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  /** Shown after the buttons, e.g. the field's error. */
  children?: ReactNode;
}

export function PasteForm(props: PasteFormProps): ReactNode {
  return (
    <form
      className={props.className}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <label htmlFor={props.fieldId} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {props.field}
      <button type="submit" className="small primary" disabled={props.busy}>
        {props.submitLabel}
      </button>
      <button type="button" className="small" onClick={props.onCancel}>
        Cancel
      </button>
      {props.children}
    </form>
  );
}
