// The date filter's bounds: the fields give yyyy-mm-dd in local time; the search wants milliseconds.

/** Local midnight of a yyyy-mm-dd date; `endOfDay` gives the last millisecond of that day. */
export function dayBound(date: string, endOfDay: boolean): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  // The next midnight, not +24 h: days around a daylight-saving change are 23 or 25 hours long.
  return endOfDay ? new Date(year, month, day + 1).getTime() - 1 : new Date(year, month, day).getTime();
}
