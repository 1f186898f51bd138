/**
 * The explorer's rings (rings.ts `neighborhoodRings`) over PostgreSQL, with the same answer (kept entities in the
 * same order, the same `reachable` and `exact`) but without bringing the relations it only counts to the server.
 *
 * The in-memory loop visits every relation of each ring in order: while fewer than `limit` entities are kept it
 * keeps each new one; once the limit is reached it only counts new entities, and stops after COUNT_BUDGET
 * (250,000) relations visited. Around a hub that is a quarter of a million rows for a count. So here:
 * - while entities are still kept, rows are read in order a bounded chunk at a time (scanAdjacency), as before;
 * - from the row that fills the limit on, each ring's rest is one statement: the rows up to the budget (a LIMIT),
 *   numbered in order, the new entities among them (not yet seen: a hash anti-join with the seen ids), counted,
 *   or listed in order of first meeting when a further ring needs them as its frontier. The database reads the
 *   same rows (index-only, from the covering adjacency index) but returns one number, or the ids of the ring.
 */
import { SMALL_READS, scanAdjacency } from './adjacencyScan.js';
import type { Connections } from './connections.js';

export interface RingsResult {
  readonly kept: ReadonlyArray<{ readonly id: string; readonly distance: number }>;
  readonly reachable: number;
  readonly exact: boolean;
}

/** The rest of a ring from (ring index, after relation position): at most $3 rows in order, numbered. */
const RING_REST = `WITH r AS MATERIALIZED (
    SELECT row_number() OVER () AS n, x.other, x.predicate FROM (
      SELECT a.other, a.predicate FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k)
      CROSS JOIN LATERAL (
        SELECT other, predicate, relation_pos FROM newsgraph.adjacency a
        WHERE a.entity = f.id AND (f.k > 1 OR a.relation_pos > $2) ORDER BY a.relation_pos LIMIT $3) a
      ORDER BY f.k, a.relation_pos LIMIT $3) x),
  fresh AS (
    SELECT r.other, min(r.n) AS first FROM r
    WHERE r.n <= $4 AND ($5::text[] IS NULL OR r.predicate = ANY($5))
      AND NOT EXISTS (SELECT 1 FROM unnest($6::text[]) AS s(id) WHERE s.id = r.other)
    GROUP BY r.other)`;

/** How many rows there were (at most the limit), and how many new entities among the first $4. */
const COUNT_REST = `${RING_REST} SELECT (SELECT count(*) FROM r)::int AS rows, (SELECT count(*) FROM fresh)::int AS fresh, NULL::text[] AS ids`;
/** The same, with the new entities in order of first meeting (the next ring's frontier). */
const LIST_REST = `${RING_REST} SELECT (SELECT count(*) FROM r)::int AS rows, (SELECT count(*) FROM fresh)::int AS fresh, ARRAY(SELECT other FROM fresh ORDER BY first) AS ids`;

interface RestRow {
  rows: number;
  fresh: number;
  ids: string[] | null;
}

/** rings.ts `neighborhoodRings` after its checks (see the module comment). */
export async function exploreRings(
  db: Connections,
  id: string,
  options: { readonly depth: number; readonly predicates?: readonly string[]; readonly limit: number; readonly countBudget: number },
): Promise<RingsResult> {
  const { depth, predicates, limit, countBudget } = options;
  const wanted = predicates === undefined ? null : new Set(predicates);
  const seen = new Set<string>([id]);
  const kept = [{ id, distance: 0 }];
  let frontier = [id];
  let visits = 0;
  for (let distance = 1; distance <= depth && frontier.length > 0; distance++) {
    const next: string[] = [];
    // Where the counting part of this ring starts: the whole ring once the limit is reached.
    let rest: { readonly index: number; readonly afterPos: number } | null = { index: 0, afterPos: -1 };
    if (kept.length < limit) {
      rest = null;
      // Keeping: row by row as in memory (the budget cannot stop the loop before the limit is reached).
      for await (const row of scanAdjacency(db, frontier, undefined, SMALL_READS)) {
        visits++;
        if (wanted === null || wanted.has(row.predicate)) {
          if (!seen.has(row.other)) {
            seen.add(row.other);
            next.push(row.other);
            kept.push({ id: row.other, distance });
          }
        }
        if (kept.length >= limit) {
          rest = { index: row.ringIndex, afterPos: row.relationPos };
          break;
        }
      }
    }
    if (rest !== null) {
      // Counting: the visits left before the stop, and one more row to know whether the stop comes.
      const allowed = Math.max(0, countBudget - visits);
      const listed = distance < depth;
      const values = [frontier.slice(rest.index), rest.afterPos, allowed + 1, allowed, predicates === undefined ? null : [...predicates], [...seen]];
      const [answer] = await db.read<RestRow>(listed ? LIST_REST : COUNT_REST, values);
      const { rows, fresh, ids } = answer ?? { rows: 0, fresh: 0, ids: null };
      if (rows > allowed) return { kept, reachable: seen.size + fresh, exact: false };
      visits += rows;
      for (const other of ids ?? []) {
        seen.add(other);
        next.push(other);
      }
      // Counted only (the last ring): the new entities need no names.
      if (!listed) return { kept, reachable: seen.size + fresh, exact: true };
    }
    frontier = next;
  }
  return { kept, reachable: seen.size, exact: true };
}
