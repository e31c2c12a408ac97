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
              onChange={(e) => {
                setTyped(e.target.value);
              }}
            />
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
