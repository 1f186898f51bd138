/**
 * `inDateRange` (src/store/dates.ts) as an SQL condition, so the database filters by date exactly as the in-memory
 * store does: two ISO dates compare on the precision they share (`2025-04` is inside `from: "2025-04-15"`), and an
 * undated row is outside any range that has a bound. Columns and parameters are `COLLATE "C"`: code-unit order,
 * as JavaScript compares.
 */

/** `date` compared with the parameter `bound` at their shared precision: `op` is `>=` (from) or `<=` (to). */
function compareAtSharedPrecision(date: string, bound: string, op: '>=' | '<='): string {
  const n = `least(length(${date}), length(${bound}))`;
  return `left(${date}, ${n}) COLLATE "C" ${op} left(${bound}, ${n}) COLLATE "C"`;
}

/**
 * The condition that `date` (a column) lies within parameters `from` and `to` (`$n::text`, null when absent).
 * True for every row when both are null, as `inDateRange`.
 */
export function dateRangeCondition(date: string, from: string, to: string): string {
  return `((${from} IS NULL AND ${to} IS NULL) OR (${date} IS NOT NULL AND ${date} <> '' AND (${from} IS NULL OR ${compareAtSharedPrecision(date, from, '>=')}) AND (${to} IS NULL OR ${compareAtSharedPrecision(date, to, '<=')})))`;
}
