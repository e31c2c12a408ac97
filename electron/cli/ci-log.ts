// What `fire` prints while it works, fit for a CI log: one line per change of state, each with a
// UTC timestamp, never a cursor move, and colour only on a terminal that wants it (not when the
// output is a pipe or a file, not with NO_COLOR set, not with TERM=dumb).
import type { EventView, StatusWords } from '../../shared/watch-model';

type Tone = StatusWords['tone'];

const COLOURS: Partial<Record<Tone, string>> = { good: '32', bad: '31', person: '33' };

export function wantsColour(env: Record<string, string | undefined>, isTty: boolean): boolean {
  return isTty && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

function clock(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)}Z`;
}

export interface CiLog {
  /** One timestamped line. */
  line(text: string, tone?: Tone): void;
}

export function ciLog(out: (text: string) => void, colour: boolean, now: () => number = Date.now): CiLog {
  return {
    line(text, tone) {
      const code = tone === undefined ? undefined : COLOURS[tone];
      const shown = colour && code !== undefined ? `\x1b[${code}m${text}\x1b[0m` : text;
      out(`[${clock(now())}] ${shown}\n`);
    },
  };
}

/** The tone of a view's headline: the run's status once there is one, else a wait. */
export function toneOf(v: EventView): Tone {
  if (v.needsPerson !== null) return 'person';
  return v.execution?.status.tone ?? (v.phase === 'not-started' ? 'bad' : 'wait');
}
