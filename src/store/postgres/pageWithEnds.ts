/**
 * A page of `Query.relations` and the ends of the relations it shows, in one statement. The ends are almost always
 * asked (`subject { name } object { name }`) and endsAhead.ts read them right after the page, in a second statement
 * that waited for the first: with the articles after them, "facts stated by several articles" made three round-trips
 * one after the other. Here the page is a MATERIALIZED CTE, and the entities named by its first `shown` rows (not the
 * extra row that only says there is a next page) are selected beside it: one round-trip, each end once.
 *
 * The ends are selected without their long lists (projectedRecords.ts `projectedDoc`), as endsAhead.ts `readAhead`
 * reads them: they are named, rarely quoted, and a quote asked of one completes it (partialRecords.ts). Read whole,
 * the 87 ends of "Facts stated by several articles"' 50 offices were 177 KB of JSON a request at 100,000 articles,
 * parsed for their names (docs/design-choices.md, `pgseveral`).
 */
import { recordOrNull } from './recordCache.js';
import { servedDoc } from './slimRecords.js';
import { projectedDoc } from './projectedRecords.js';

/** A row of the statement: a relation of the page (`pos` set, `recordOrNull`'s doc) or an end (`id` set, `projectedDoc`'s). */
export interface PageOrEndRow {
  readonly pos: number | null;
  readonly id: string | null;
  readonly doc: string | null;
}

/**
 * The page's relations in order, then its ends. `from`, `where` and `position` as postgresStore.ts's relationConditions
 * (over `r`, with `n` parameters); `$n+1` the cursor's position, `$n+2` the rows to read (the page and one more),
 * `$n+3` the rows shown (whose ends are read).
 */
export function pageWithEndsSql(from: string, where: string, position: string, n: number): string {
  return `WITH page AS MATERIALIZED (
    SELECT r.pos, r.subject, r.object, ${recordOrNull(servedDoc('r.'))} AS doc FROM ${from}
    WHERE ${where} AND ${position} > $${n + 1} ORDER BY ${position} LIMIT $${n + 2}),
  shown AS (SELECT subject, object FROM page ORDER BY pos LIMIT $${n + 3})
  SELECT pos, NULL::text AS id, doc FROM page
  UNION ALL
  SELECT NULL, e.id, ${projectedDoc('e.')} FROM newsgraph.entity e
  WHERE e.id IN (SELECT subject FROM shown UNION SELECT object FROM shown)
  ORDER BY pos NULLS LAST`;
}
