// Search in the raw answer: the text cut around every case-insensitive match.

/** Splits text around case-insensitive matches of `needle`; odd indexes are the matches. */
export function splitMatches(text: string, needle: string): string[] {
  if (!needle) return [text];
  const parts: string[] = [];
  // Lower-casing can change a string's length (e.g. "İ"); then match case-sensitively instead,
  // so the cut positions stay those of the original text.
  const folds = text.toLowerCase().length === text.length && needle.toLowerCase().length === needle.length;
  const lower = folds ? text.toLowerCase() : text;
  const want = folds ? needle.toLowerCase() : needle;
  let at = 0;
  for (;;) {
    const found = lower.indexOf(want, at);
    if (found === -1) break;
    parts.push(text.slice(at, found), text.slice(found, found + want.length));
    at = found + want.length;
  }
  parts.push(text.slice(at));
  return parts;
}
