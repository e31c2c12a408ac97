// One figure of `npm run bench`: every issue adds its figures to the same table and file.
// A UI time also carries its floor (the same work done the plainest way, measured in the same run)
// and the ratio to it; its target is on the ratio, since absolute times differ 2–3× between machines.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "< 1.2" or "ratio < 3". Empty when the figure is only reported. */
  target: string;
  met: boolean | null;
  /** The floor measured in the same run (same unit), for a figure whose target is a ratio. */
  floor?: number;
  /** value / floor. */
  ratio?: number;
}

const round = (v: number, places: number): number => Math.round(v * 10 ** places) / 10 ** places;

export function figure(name: string, value: number, unit: string, target?: { max?: number; min?: number }): Figure {
  const rounded = round(value, 3);
  if (!target) return { name, value: rounded, unit, target: '', met: null };
  const parts: string[] = [];
  let met = true;
  if (target.max !== undefined) {
    parts.push(`< ${target.max}`);
    met &&= value < target.max;
  }
  if (target.min !== undefined) {
    parts.push(`> ${target.min}`);
    met &&= value > target.min;
  }
  return { name, value: rounded, unit, target: parts.join(' and '), met };
}

/** A UI time against its floor: the target is value / floor < maxRatio (omit it to only report the ratio). */
export function vsFloor(name: string, value: number, floor: number, unit: string, maxRatio?: number): Figure {
  const ratio = value / floor;
  return {
    name,
    value: round(value, 1),
    unit,
    floor: round(floor, 1),
    ratio: round(ratio, 2),
    target: maxRatio === undefined ? '' : `ratio < ${maxRatio}`,
    met: maxRatio === undefined ? null : ratio < maxRatio,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
