/**
 * An entity's adjacency rows of given predicates, read predicate by predicate through `adjacency_predicate`
 * (entity, predicate, relation_pos: schema.ts), so that a hub's few rows of a predicate are one index range, not a
 * filter over all its rows. At 100,000 articles the most mentioned proposal has 29,632 adjacency rows and one
 * PROPOSED row: its `proposedBy` read all 29,632 (10 to 30 ms, more under load), as did each of its typed fields
 * (`backedBy`, `rejectedBy`, `resistedBy`...) and its `relations(predicate: ...)`.
 *
 * Written as a LATERAL subquery per predicate (each a parameterized index scan with both keys as its bound) rather
 * than `a.predicate = ANY($2)`: with the array as a parameter, PostgreSQL's generic plan (what a prepared statement
 * runs after its fifth execution) kept `entity = $1` as the index's only bound and filtered the predicate row by row,
 * or hashed the predicates and read every row of the entity. `OFFSET 0` (or the LIMIT) keeps the subquery from being
 * pulled up into a join the planner may hash again. On a corpus loaded before that index existed, the same statement
 * reads `adjacency_entity` once per predicate, in relation order, as before (a filter names one predicate or a few).
 */

/**
 * A FROM item `a` (columns relation_pos, other, predicate, negated, as_out, as_in) of entity `entity`'s adjacency rows
 * of the predicates `predicates` (a text[] expression without duplicates), those of `negated` (boolean or NULL) in
 * `direction` ('OUT', 'IN', else both); with `limit`, each predicate's first `limit` in relation order.
 */
export function predicateAdjacency(entity: string, predicates: string, negated: string, direction: string, limit?: string): string {
  return `unnest(${predicates}::text[]) AS p(predicate) CROSS JOIN LATERAL (
      SELECT a.relation_pos, a.other, a.predicate, a.negated, a.as_out, a.as_in FROM newsgraph.adjacency a
      WHERE a.entity = ${entity} AND a.predicate = p.predicate AND (${negated}::boolean IS NULL OR a.negated = ${negated})
        AND (CASE ${direction}::text WHEN 'OUT' THEN a.as_out WHEN 'IN' THEN a.as_in ELSE true END)
      ${limit === undefined ? 'OFFSET 0' : `ORDER BY a.relation_pos LIMIT ${limit}`}) a`;
}
