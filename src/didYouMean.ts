/**
 * "Did you mean ...?" for names people type (ids, predicates, formats, properties): the near names, closest
 * first, so that a typo is one glance from its fix. Shared by every layer, like errors.ts.
 */

/** Levenshtein distance between two strings (UTF-16 units; good enough for suggestions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Up to three candidates close to `input`, best first (as graphql-js's suggestionList), ignoring case: a
 * candidate is close when its distance is within 40% of the input's length, or when one contains the other.
 */
export function suggestions(input: string, candidates: Iterable<string>): string[] {
  const folded = input.toLowerCase();
  const threshold = Math.max(1, Math.floor(folded.length * 0.4));
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    const distance = editDistance(folded, other);
    const contains = folded.length >= 3 && (other.includes(folded) || folded.includes(other));
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
