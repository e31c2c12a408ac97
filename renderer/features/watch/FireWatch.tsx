// Under an accepted fire's answer: the watch the backend started for it, live. If none shows up
// (the backend could not follow this apiUrl; the answer's notes say why), offer the Inspector.
import { useEffect, useState, type ReactNode } from 'react';
import type { FireResult } from '../../../shared/model';
import { openInspector } from '../../stores/inspector';
import { resync, useWatches, watchForFire } from '../../stores/watch';
import { WatchPanel } from './WatchPanel';

const GRACE_MS = 2000;

export function FireWatch({ result }: { result: FireResult }): ReactNode {
  const watch = useWatches((s) => watchForFire(s, result));
  const [missing, setMissing] = useState(false);
  const found = watch !== undefined;
  useEffect(() => {
    if (found) return;
    // The first watch:update may have been missed (e.g. the event stream reconnecting): ask once.
    const timer = setTimeout(() => {
      void resync().then(() => {
        setMissing(true);
      });
    }, GRACE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [found, result.id]);
  const apiUrl = result.outcome === 'accepted' ? result.event?.apiUrl : undefined;
  if (!apiUrl) return null;
  if (watch) return <WatchPanel watch={watch} />;
  if (!missing) return <p className="muted watch-starting">Starting to follow the event…</p>;
  return (
    <p className="muted watch-starting">
      This fire is not followed live here.{' '}
      <button
        type="button"
        onClick={() => {
          openInspector({ apiUrl });
        }}
      >
        Open it in the Inspector
      </button>
    </p>
  );
}
