// In the Inspector: the live watch on the open event when there is one, else an offer to follow it
// (the Inspector itself reads once; a watch keeps reading until the run ends).
import type { ReactNode } from 'react';
import { followApiUrl, useWatches } from '../../stores/watch';
import { WatchPanel } from '../watch/WatchPanel';

export function LiveWatch({ apiUrl, terminal }: { apiUrl: string; terminal: boolean }): ReactNode {
  const watch = useWatches((s) => Object.values(s.watches).find((w) => w.apiUrl === apiUrl && w.ended === null));
  if (watch)
    return (
      <div className="inspect-block">
        <WatchPanel watch={watch} />
      </div>
    );
  if (terminal) return null;
  return (
    <p>
      <button type="button" onClick={() => void followApiUrl(apiUrl)}>
        Follow this event live
      </button>{' '}
      <span className="muted small-text">It has not ended: a watch reads it until it does, and tells you when.</span>
    </p>
  );
}
