// Live status while a fire is in flight: where it is going and how long it has taken (no spinner).
import { useEffect, useState, type ReactNode } from 'react';
import type { Running } from '../../stores/fire';

export function FireProgress({ running }: { running: Running }): ReactNode {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 50);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return (
    <div className="fire-progress">
      <span>Sending to {running.host}…</span>{' '}
      <span className="muted mono" aria-hidden="true">
        {Math.max(0, now - running.startedAt)} ms
      </span>
    </div>
  );
}
