/**
 * "Did you mean ...?" for names people type (ids, predicates, formats, properties): the near names, closest
 * first, so that a typo is one glance from its fix. Shared by every layer, like errors.ts.
 *
 * Bounded by the input (issue 11): an argument of kilobytes is no typo of a name and gets no suggestion
 * (comparing a 90 KB id with every id blocked a server for 17 s), candidates whose length alone puts them
 * out of reach are skipped, the distance stops as soon as it exceeds the threshold, and at most
 * MAX_CANDIDATES_SCANNED names are looked at.
 */

/** Inputs longer than this (in UTF-16 units) get no suggestions: no name is that long. */
export const MAX_SUGGESTED_INPUT = 128;
/** Candidates compared per call; a larger set is sampled from its start. */
export const MAX_CANDIDATES_SCANNED = 50_000;

/** Levenshtein distance between two strings (UTF-16 units; good enough for suggestions). */
export function editDistance(a: string, b: string): number {
  return boundedEditDistance(a, b, Number.POSITIVE_INFINITY);
}

/** The edit distance when it is ≤ `bound`; some number > `bound` otherwise (computed no further). */
export function boundedEditDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    // Every later row is at least this row's minimum: past the bound, stop.
    if (rowMinimum > bound) return bound + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/**
 * Up to three candidates close to `input`, best first (as graphql-js's suggestionList), ignoring case: a
 * candidate is close when its distance is within 40% of the input's length, or when one contains the other.
 */
export function suggestions(input: string, candidates: Iterable<string>): string[] {
  if (input.length > MAX_SUGGESTED_INPUT) return [];
  const folded = input.toLowerCase();
  const threshold = Math.max(1, Math.floor(folded.length * 0.4));
  const scored: { candidate: string; distance: number }[] = [];
  let scanned = 0;
  for (const candidate of candidates) {
    if (++scanned > MAX_CANDIDATES_SCANNED) break;
    const other = candidate.toLowerCase();
    const contains = folded.length >= 3 && (other.includes(folded) || folded.includes(other));
    const distance = boundedEditDistance(folded, other, contains ? Number.POSITIVE_INFINITY : threshold);
    if (distance <= threshold || contains) scored.push({ candidate, distance });
  }
  scored.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, 3).map((s) => s.candidate);
}

/** `did you mean "a", "b" or "c"?`, or '' when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const close = suggestions(input, candidates).map((s) => `"${s}"`);
  if (close.length === 0) return '';
  const last = close.pop() ?? '';
  return ` Did you mean ${close.length ? `${close.join(', ')} or ${last}` : last}?`;
}
