// Asked once, in the panel, only while something is being watched: may Trigger Desk tell you when
// runs end? Either answer is remembered.
import type { ReactNode } from 'react';
import { askPermission, declineNotifications, shouldOffer, useNotify } from '../../stores/watch-notify';

export function NotifyOffer(): ReactNode {
  const offer = useNotify(shouldOffer);
  if (!offer) return null;
  return (
    <div className="notify-offer" role="group" aria-label="Desktop notifications">
      <span>Get a desktop notification when a run ends?</span>
      <button type="button" className="small" onClick={() => void askPermission()}>
        Turn on notifications
      </button>
      <button type="button" className="small" onClick={declineNotifications}>
        No thanks
      </button>
    </div>
  );
}
