// "Are you sure?" in plain words. With `typeToConfirm`, the user must type that text first
// (a production trigger asks for its name before a fire).
import { useId, useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';

interface ConfirmProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  typeToConfirm?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Why the confirm button is still off, in plain words (a wrong name otherwise seems to do nothing). */
function typedProblem(typed: string, expected: string): string {
  if (typed === '') return 'The button stays off until the name is typed exactly.';
  if (typed.toLowerCase() === expected.toLowerCase())
    return 'Not yet: letter case differs. Type the name exactly as shown.';
  if (typed.trim() === expected) return 'Not yet: remove the spaces before or after the name.';
  if (expected.startsWith(typed)) return 'Keep typing: the name is not complete yet.';
  return 'Not yet: this is not the trigger’s name. Type it exactly as shown (letter case and spaces count).';
}

export function ConfirmDialog(props: ConfirmProps): ReactNode {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const ready = props.typeToConfirm === undefined || typed === props.typeToConfirm;
  return (
    <Dialog title={props.title} onClose={props.onCancel} className="dialog-small">
      <form
        className="dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) props.onConfirm();
        }}
      >
        <div className="confirm-text">{props.children}</div>
        {props.typeToConfirm !== undefined && (
          <div className="field">
            <label htmlFor={inputId}>Type “{props.typeToConfirm}” to confirm</label>
            <input
              id={inputId}
              autoFocus
              data-autofocus
              autoComplete="off"
              spellCheck={false}
              value={typed}
              aria-describedby={`${inputId}-why`}
              onChange={(e) => {
                setTyped(e.target.value);
              }}
            />
            <p id={`${inputId}-why`} className={ready ? 'field-ok' : 'muted small-text'} role="status">
              {ready ? 'Name matches.' : typedProblem(typed, props.typeToConfirm)}
            </p>
          </div>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            onClick={props.onCancel}
            data-autofocus={props.typeToConfirm === undefined ? true : undefined}
          >
            {props.cancelLabel ?? 'Cancel'}
          </button>
          <button type="submit" className={props.danger ? 'danger' : 'primary'} disabled={!ready}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
