// Which rows of a fixed-height list are in view (plus `overscan` either side): the whole of the
// windowing arithmetic, kept apart so it is unit-tested.

/** Rows start..end-1 (end exclusive) cover the viewport at `scrollTop`. */
export function visibleRange(
  scrollTop: number,
  height: number,
  rowHeight: number,
  count: number,
  overscan: number,
): { start: number; end: number } {
  const first = Math.floor(scrollTop / rowHeight);
  const last = Math.ceil((scrollTop + height) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}
