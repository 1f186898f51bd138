/**
 * The passage of an article closest to a quote that is not verbatim: what the person most likely meant.
 */
import { editDistance } from '../didYouMean.js';

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
