/**
 * The `hub_list` table, written at load: for each hub (an entity of HUB_DEGREE relations or more), what the explorer's
 * count needs of its adjacency list (hubPrefixes.ts): the relation positions of its first LISTED_ROWS rows, in graph
 * order, and the positions among those where an entity is met for the first time in its list, ascending; both as
 * big-endian int4 bytes (`int4send`: read back without parsing text, 4 bytes a row).
 *
 * Computed in SQL from the adjacency table once its indexes are built (an index-only range per hub, grouped), so the
 * loader holds nothing more in memory and the rows are those the readers read, by construction. A view's count
 * around a hub then reads one row by primary key (or finds it kept by the server) instead of hashing up to
 * COUNT_BUDGET (25,000) adjacency rows.
 *
 * Why 1,024: below it, the count in SQL reads at most the entity's own rows (about a millisecond for 1,000 index
 * entries), no more than the row read here would cost; at 100,000 articles 408 of 703,582 entities pass it (2.0
 * million of their rows listed, a few MB). Why 32,768 rows: a view's loop visits at most the rows read while keeping
 * and COUNT_BUDGET more of the hub it stops in; a longer prefix (a view that kept more than 7,768 rows of it) is
 * counted in SQL as before.
 */
import { quoteIdent } from './schema.js';

/** Entities with at least this many relations (their adjacency rows) have a row in `hub_list`. */
export const HUB_DEGREE = 1_024;
/** The rows of a hub's list kept in `hub_list`: its first ones, at most. */
export const LISTED_ROWS = 32_768;

/** The statement that fills `hub_list` in `schema` (after the adjacency indexes are built, in the load's transaction). */
export function hubListStatement(schema: string): string {
  const s = quoteIdent(schema);
  const prefix = `SELECT relation_pos, other FROM ${s}.adjacency a WHERE a.entity = e.id ORDER BY a.relation_pos LIMIT ${LISTED_ROWS}`;
  return `INSERT INTO ${s}.hub_list (entity, degree, positions, firsts)
    SELECT e.id, e.degree,
      (SELECT coalesce(string_agg(int4send(r.relation_pos), ''::bytea ORDER BY r.relation_pos), ''::bytea) FROM (${prefix}) r),
      (SELECT coalesce(string_agg(int4send(f.pos), ''::bytea ORDER BY f.pos), ''::bytea) FROM (
        SELECT min(r.relation_pos) AS pos FROM (${prefix}) r GROUP BY r.other) f)
    FROM ${s}.entity e WHERE e.degree >= ${HUB_DEGREE}`;
}

/**
 * An entity's degree and, for a hub, its list: one look-up by primary key in each table (the degree comes with it, so
 * a count need not wait for the view's nodes to know where its budget runs out).
 */
export const HUB_ENTRY_SQL = `SELECT e.degree, h.positions, h.firsts
  FROM newsgraph.entity e LEFT JOIN newsgraph.hub_list h ON h.entity = e.id WHERE e.id = $1`;
