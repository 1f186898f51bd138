/**
 * The explorer's rings (rings.ts `neighborhoodRings`) over PostgreSQL, with the same answer (kept entities in the
 * same order, the same `reachable` and `exact`) but without bringing the relations it only counts to the server.
 *
 * The in-memory loop visits every relation of each ring in order: while fewer than `limit` entities are kept it
 * keeps each new one; once the limit is reached it only counts new entities, and stops after COUNT_BUDGET
 * (25,000) relations visited. Around a hub that is tens of thousands of rows for a count. So here:
 * - while entities are still kept, rows are read in order a bounded chunk at a time (scanAdjacency), as before;
 * - from the row that fills the limit on, where the budget stops the loop follows from the entities' degrees
 *   (stored at load, one light query), and each ring's rest is one statement over the rows up to that cut: the
 *   new entities among them (not yet seen: a hash anti-join with the seen ids), counted, or listed in order of
 *   first meeting when a further ring needs them as its frontier. The database reads the same rows (index-only,
 *   from the covering adjacency index) but returns one number, or the ids of the ring.
 */
import { readsFor, scanAdjacency } from './adjacencyScan.js';
import type { Connections } from './connections.js';

export interface RingsResult {
  readonly kept: ReadonlyArray<{ readonly id: string; readonly distance: number }>;
  readonly reachable: number;
  readonly exact: boolean;
}

/**
 * The rows of a ring's rest: the entities of $1 in order, the first one's relations after position $2, the last
 * one's only the first $3 (the budget's cut; NULL for all), the predicates $4 followed; the new entities among them
 * are those not in $5 (a hash anti-join), each with the place it is first met at (ring index, then graph order).
 */
const REST_ROWS = `SELECT a.other, min(f.k * 4294967296 + a.relation_pos) AS first
  FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k)
  CROSS JOIN LATERAL (
    SELECT other, predicate, relation_pos FROM newsgraph.adjacency a
    WHERE a.entity = f.id AND (f.k > 1 OR a.relation_pos > $2)
    ORDER BY a.relation_pos LIMIT CASE WHEN f.k = cardinality($1::text[]) THEN $3::int END) a
  WHERE ($4::text[] IS NULL OR a.predicate = ANY($4))
    AND NOT EXISTS (SELECT 1 FROM unnest($5::text[]) AS s(id) WHERE s.id = a.other)
  GROUP BY a.other`;
/** How many new entities (the last ring: only counted). */
const COUNT_REST = `SELECT count(*)::int AS fresh, NULL::text[] AS ids FROM (${REST_ROWS}) x`;
/** The new entities in order of first meeting (the next ring's frontier). */
const LIST_REST = `SELECT count(*)::int AS fresh, array_agg(other ORDER BY first) AS ids FROM (${REST_ROWS}) x`;

interface RestRow {
  fresh: number;
  ids: string[] | null;
}

/**
 * Where the budget cuts a ring's rest: `degrees` are the relations of each entity of the rest (the first one's
 * less those already read), `allowed` the visits left. Returns how many entities are read (the last one maybe in
 * part: `lastRows` of its relations, null for all), and whether the loop stops there (rows beyond the budget).
 */
export function budgetCut(degrees: readonly number[], allowed: number): { entities: number; lastRows: number | null; rows: number; stops: boolean } {
  let rows = 0;
  for (let i = 0; i < degrees.length; i++) {
    const d = degrees[i] ?? 0;
    if (rows + d > allowed) return { entities: i + 1, lastRows: allowed - rows, rows: allowed, stops: true };
    rows += d;
  }
  return { entities: degrees.length, lastRows: null, rows, stops: false };
}

/** rings.ts `neighborhoodRings` after its checks (see the module comment). */
export async function exploreRings(
  db: Connections,
  id: string,
  options: { readonly depth: number; readonly predicates?: readonly string[]; readonly limit: number; readonly countBudget: number },
): Promise<RingsResult> {
  const { kept, counted } = await keepRings(db, id, options);
  return { kept, ...(await counted) };
}

/**
 * The same, in two parts: the entities kept, as soon as they are known, and the count (`reachable`, `exact`) still
 * under way, so that the explorer reads the view's nodes and relations while the database counts (the count of a
 * view around a hub reads up to COUNT_BUDGET rows, and nothing drawn depends on it). `counted` may reject: await it.
 */
export async function keepRings(
  db: Connections,
  id: string,
  options: {
    readonly depth: number;
    readonly predicates?: readonly string[];
    readonly limit: number;
    readonly countBudget: number;
    /** The degrees of the kept entities, once they are all known (else read when the count needs them). */
    readonly keptDegrees?: (kept: readonly string[]) => Promise<ReadonlyMap<string, number>>;
  },
): Promise<{ readonly kept: RingsResult['kept']; readonly counted: Promise<Omit<RingsResult, 'kept'>> }> {
  const { depth, predicates, limit } = options;
  const wanted = predicates === undefined ? null : new Set(predicates);
  const seen = new Set<string>([id]);
  const kept = [{ id, distance: 0 }];
  let frontier = [id];
  let visits = 0;
  for (let distance = 1; distance <= depth && frontier.length > 0; distance++) {
    const next: string[] = [];
    // Where the counting part of this ring starts: the whole ring once the limit is reached.
    let rest: Rest = { index: 0, afterPos: -1, read: 0 };
    if (kept.length < limit) {
      let found: Rest | null = null;
      let readOfCurrent = 0;
      let current = -1;
      // Keeping: row by row as in memory (the budget cannot stop the loop before the limit is reached).
      for await (const row of scanAdjacency(db, frontier, undefined, readsFor(2 * (limit - kept.length)))) {
        visits++;
        if (row.ringIndex !== current) {
          current = row.ringIndex;
          readOfCurrent = 0;
        }
        readOfCurrent++;
        if (wanted === null || wanted.has(row.predicate)) {
          if (!seen.has(row.other)) {
            seen.add(row.other);
            next.push(row.other);
            kept.push({ id: row.other, distance });
          }
        }
        if (kept.length >= limit) {
          found = { index: row.ringIndex, afterPos: row.relationPos, read: readOfCurrent };
          break;
        }
      }
      if (found === null) {
        frontier = next;
        continue;
      }
      rest = found;
    }
    // The entities kept are final from here on: only counting is left.
    const { keptDegrees } = options;
    const degrees = keptDegrees === undefined ? undefined : () => keptDegrees(kept.map((n) => n.id));
    const counted = countRest(db, { ...options, distance, rest, frontier, next, seen, visits, keptDegrees: degrees });
    return { kept, counted };
  }
  return { kept, counted: Promise.resolve({ reachable: seen.size, exact: true }) };
}

async function degreesOf(db: Connections, ids: readonly string[]): Promise<ReadonlyMap<string, number>> {
  const rows = await db.read<{ id: string; degree: number }>('SELECT id, degree FROM newsgraph.entity WHERE id = ANY($1::text[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.degree]));
}

/** Where the counting part of a ring starts: its index in the ring, after which relation of it, how many read. */
interface Rest {
  readonly index: number;
  readonly afterPos: number;
  readonly read: number;
}

/** The counting part of `keepRings`, from ring `distance` on (its `next` holds the entities kept from it). */
async function countRest(
  db: Connections,
  state: {
    readonly depth: number;
    readonly predicates?: readonly string[];
    readonly countBudget: number;
    readonly distance: number;
    readonly rest: Rest;
    readonly frontier: string[];
    readonly next: string[];
    readonly seen: Set<string>;
    readonly visits: number;
    readonly keptDegrees?: (() => Promise<ReadonlyMap<string, number>>) | undefined;
  },
): Promise<Omit<RingsResult, 'kept'>> {
  const { depth, predicates, countBudget, seen } = state;
  let { visits, frontier, next, rest } = state;
  for (let distance = state.distance; distance <= depth && frontier.length > 0; distance++) {
    if (distance > state.distance) {
      next = [];
      rest = { index: 0, afterPos: -1, read: 0 };
    }
    // Counting: where the budget stops the loop follows from the degrees (relations per entity) alone. The first
    // ring counted is of kept entities, whose degrees the caller may read anyway (the explorer draws them).
    const entities = frontier.slice(rest.index);
    const degreeOf = distance === state.distance && state.keptDegrees !== undefined ? await state.keptDegrees() : await degreesOf(db, entities);
    const read = rest.read;
    const degrees = entities.map((e, i) => (degreeOf.get(e) ?? 0) - (i === 0 ? read : 0));
    const cut = budgetCut(degrees, Math.max(0, countBudget - visits));
    const listed = distance < depth && !cut.stops;
    const values = [entities.slice(0, cut.entities), rest.afterPos, cut.lastRows, predicates === undefined ? null : [...predicates], [...seen]];
    const [answer] = cut.rows === 0 ? [] : await db.read<RestRow>(listed ? LIST_REST : COUNT_REST, values);
    const { fresh, ids } = answer ?? { fresh: 0, ids: null };
    // The loop stops at the first visit past the budget (in this ring, or at the next ring's first relation,
    // where the cut reads no row).
    if (cut.stops) return { reachable: seen.size + fresh, exact: false };
    visits += cut.rows;
    for (const other of ids ?? []) {
      seen.add(other);
      next.push(other);
    }
    // Counted only (the last ring): the new entities need no names.
    if (!listed) return { reachable: seen.size + fresh, exact: true };
    frontier = next;
  }
  return { reachable: seen.size, exact: true };
}
