// The record of a fire: its history entry, written before the answer leaves (one write(2): no
// acknowledged fire is lost to a crash), and, when Harness accepted it, the watch that follows the run.
import type { FireResult } from '../../../shared/model';
import type { HistoryService } from '../history/index';
import type { WatchService } from '../watch/index';
import type { ResolvedFire } from './request';

const why = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Records a fire that went out; a failure here becomes a note, never a throw (the fire happened). */
export function recordFire(
  d: { history: HistoryService; watches: WatchService },
  r: ResolvedFire,
  result: FireResult,
): FireResult {
  const t = r.trigger;
  const apiUrl = result.outcome === 'accepted' ? (result.event?.apiUrl ?? null) : null;
  let watchId: string | null = null;
  if (apiUrl !== null) {
    try {
      watchId = d.watches.reserve({ historyId: result.id, triggerId: t.id, triggerName: t.name, apiUrl });
    } catch (err) {
      result.notes = [...result.notes, `The run cannot be followed here: ${why(err)}`];
    }
  }
  // The watch is reserved first so the entry names it; it is built, and its first update pushed,
  // after the answer. The history keeps the template: secret variables stay {{name}}.
  try {
    d.history.record({ fire: result, triggerName: t.name, payload: r.template, watchId });
  } catch (err) {
    // The fire went out: its answer must reach the user (a fire reported as failed gets fired again).
    result.notes = [...result.notes, `This fire could not be written to the history (${why(err)}).`];
  }
  const announced = watchId;
  if (announced !== null) setImmediate(() => d.watches.announce(announced));
  return result;
}
