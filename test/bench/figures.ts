// One figure of `npm run bench`: every issue adds its figures to the same table and file.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "< 1.2" or "< 400". Empty when the figure is only reported. */
  target: string;
  met: boolean | null;
}

export function figure(name: string, value: number, unit: string, target?: { max?: number; min?: number }): Figure {
  const rounded = Math.round(value * 1000) / 1000;
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
