// The toast stack, a polite live region so screen readers hear "Deleted … Undo".
import type { ReactNode } from 'react';
import { dismissToast, undoToast, useToasts } from '../stores/toasts';

export function Toasts(): ReactNode {
  const toasts = useToasts((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`}>
          <span className="toast-text">{toast.text}</span>
          {toast.undo && (
            <button type="button" className="small" onClick={() => void undoToast(toast.id)}>
              Undo
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss notification"
            onClick={() => {
              dismissToast(toast.id);
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
