/**
 * Comparing ISO 8601 dates of different precision (`2025`, `2025-04`, `2025-04-24`): two values compare on
 * the precision they share, so an article dated `2025-04` is inside `from: "2025-04-15"` (it may be) and a
 * bound `to: "2025-04"` includes the whole of April. Plain string comparison would put `2025-04` before
 * `2025-04-01` and leave April's last days out of `to: "2025-04"`.
 */

/** Negative, 0 or positive as `a` is before, overlapping or after `b` at their shared precision. */
export function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when `date` falls within the inclusive range; an undated item is outside any range that has a bound. */
export function inDateRange(date: string | undefined, from: string | undefined, to: string | undefined): boolean {
  if (from === undefined && to === undefined) return true;
  if (date === undefined || date === '') return false;
  return (from === undefined || compareDates(date, from) >= 0) && (to === undefined || compareDates(date, to) <= 0);
}
