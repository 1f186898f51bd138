/**
 * Edit distances for the messages that help people fix their data: "did you mean" for ids, and the
 * passage of the article closest to a quote that is not verbatim.
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
 * Up to three candidates close to `input`, best first (as graphql-js's suggestionList): a candidate is
 * close when its distance is within 40% of the input's length, or when one contains the other.
 */
export function suggestions(input: string, candidates: Iterable<string>): string[] {
  const threshold = Math.max(1, Math.floor(input.length * 0.4));
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate);
    const contains = input.length >= 3 && (candidate.includes(input) || input.includes(candidate));
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

/**
 * The substring of `text` with the smallest edit distance to `pattern` (Sellers' approximate matching):
 * the passage a person most likely meant to quote.
 */
export function closestPassage(text: string, pattern: string): { start: number; end: number; distance: number } {
  const m = pattern.length;
  // column[i] = distance between pattern[0..i) and the best substring ending at the current text position.
  let column = Array.from({ length: m + 1 }, (_, i) => i);
  const distances = [m];
  for (let j = 1; j <= text.length; j++) {
    const next = [0];
    for (let i = 1; i <= m; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      next.push(Math.min((column[i] ?? 0) + 1, (next[i - 1] ?? 0) + 1, (column[i - 1] ?? 0) + cost));
    }
    column = next;
    distances.push(column[m] ?? m);
  }
  const distance = distances.reduce((a, b) => Math.min(a, b), m);
  // Among the equally close ends that follow the first one, prefer a word boundary:
  // "rejectd" should show "rejected", not "reject".
  const first = distances.indexOf(distance);
  let end = first;
  for (let j = first; j < distances.length && distances[j] === distance; j++) {
    if (!/[\p{L}\p{N}]/u.test(text.charAt(j))) {
      end = j;
      break;
    }
  }
  const best = { end, distance };
  // The best end is known; the start is the one whose whole-string distance is smallest.
  let start = Math.max(0, best.end - m);
  let startDistance = Number.POSITIVE_INFINITY;
  for (let s = Math.max(0, best.end - m - best.distance); s <= Math.min(best.end, best.end - m + best.distance); s++) {
    const distance = editDistance(pattern, text.slice(s, best.end));
    if (distance < startDistance) {
      startDistance = distance;
      start = s;
    }
  }
  return { start, end: best.end, distance: best.distance };
}
