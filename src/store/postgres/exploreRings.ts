/**
 * The explorer's rings (rings.ts `neighborhoodRings`) over PostgreSQL, with the same answer (kept entities in the
 * same order, the same `reachable` and `exact`) but without bringing the relations it only counts to the server.
 *
 * The in-memory loop visits every relation of each ring in order: while fewer than `limit` entities are kept it
 * keeps each new one; once the limit is reached it only counts new entities, and stops after COUNT_BUDGET
 * (25,000) relations visited. Around a hub that is tens of thousands of rows for a count. So here:
 * - while entities are still kept, rows are read in order a bounded chunk at a time (scanAdjacency), as before;
 * - from the row that fills the limit on, where the budget stops the loop follows from the entities' degrees
 *   (stored at load), and each ring's rest is one statement that finds that cut from the degrees (a running sum)
 *   and goes over the rows up to it: the new entities among them (not yet seen: a hash anti-join with the seen
 *   ids), counted, or listed in order of first meeting when a further ring needs them as its frontier. The
 *   database reads the same rows (index-only, from the covering adjacency index) but returns one number, or the
 *   ids of the ring.
 */
import { readsFor, scanAdjacency } from './adjacencyScan.js';
import type { Connections } from './connections.js';
import type { HubPrefixes } from './hubPrefixes.js';

export interface RingsResult {
  readonly kept: ReadonlyArray<{ readonly id: string; readonly distance: number }>;
  readonly reachable: number;
  readonly exact: boolean;
}

/**
 * A ring's rest, counted, in one statement: the entities of $1 in order (the first one read after relation $2, $3
 * of its rows already visited), each entity's relations up to where the budget ($4 visits left) stops the loop,
 * which follows from the entities' degrees alone (read here, from the entity table: a running sum); the
 * predicates $5 followed; the new entities are those not in $6 (a hash anti-join), each first met at a place
 * (ring index, then graph order). Returns how many new entities, whether the budget stops the loop in this ring,
 * the rows visited, and, when `listed` and the loop goes on, the new entities in order of first meeting (the next
 * ring). The place of first meeting is only computed for that list: a count alone groups the ids and no more.
 */
function restSql(listed: boolean): string {
  // Counted only, the new entities are a subquery read once (NOT MATERIALIZED): a materialized CTE wrote every id
  // into a tuple store and read it back for count(*), about a fifth of the statement (6.0 against 7.8 ms, and 21.5
  // against 27.5, `EXPLAIN ANALYZE` at 100,000 articles). Listed, they are read twice (counted and aggregated).
  return `WITH f AS MATERIALIZED (
    SELECT f.id, f.k, coalesce(e.degree, 0) - CASE WHEN f.k = 1 THEN $3::int ELSE 0 END AS d
    FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k) LEFT JOIN newsgraph.entity e ON e.id = f.id),
  c AS MATERIALIZED (SELECT id, k, d, sum(d) OVER (ORDER BY k ROWS UNBOUNDED PRECEDING) - d AS before FROM f),
  fresh AS ${listed ? 'MATERIALIZED' : 'NOT MATERIALIZED'} (
    SELECT a.other, ${listed ? 'min(c.k * 4294967296 + a.relation_pos)' : 'NULL::bigint'} AS first
    FROM c CROSS JOIN LATERAL (
      SELECT other, predicate, relation_pos FROM newsgraph.adjacency a
      WHERE a.entity = c.id AND a.relation_pos > CASE WHEN c.k = 1 THEN $2::int ELSE -1 END
      ORDER BY a.relation_pos LIMIT CASE WHEN c.before + c.d > $4::int THEN $4::int - c.before END) a
    WHERE c.before <= $4::int AND ($5::text[] IS NULL OR a.predicate = ANY($5))
      AND NOT EXISTS (SELECT 1 FROM unnest($6::text[]) AS s(id) WHERE s.id = a.other)
    GROUP BY a.other),
  total AS (SELECT coalesce(sum(d), 0) AS d FROM f)
  SELECT (SELECT count(*)::int FROM fresh) AS fresh, t.d > $4::int AS stops, least(t.d, $4::int)::int AS rows,
    ${listed ? `CASE WHEN t.d <= $4::int THEN coalesce((SELECT array_agg(other ORDER BY first) FROM fresh), '{}') END` : 'NULL::text[]'} AS ids
  FROM total t`;
}
const REST_LISTED_SQL = restSql(true);
const REST_COUNTED_SQL = restSql(false);

interface RestRow {
  fresh: number;
  stops: boolean;
  rows: number;
  ids: string[] | null;
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
    /** The hubs' lists kept for the count (hubPrefixes.ts), with the corpus served and the kept entities' degrees. */
    readonly hubs?: HubCount;
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
    const counted = countRest(db, { ...options, distance, rest, frontier, next, seen, visits });
    return { kept, counted };
  }
  return { kept, counted: Promise.resolve({ reachable: seen.size, exact: true }) };
}

/** What the count needs to answer from a hub's kept list (hubPrefixes.ts) when the budget runs out inside it. */
export interface HubCount {
  readonly prefixes: HubPrefixes;
  /** The identity of the corpus served. */
  readonly corpus: () => Promise<string>;
  /** The relations of a kept entity (its degree), as the view's nodes read them; undefined if unknown. */
  readonly degreeOf: (id: string) => Promise<number | undefined>;
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
    readonly hubs?: HubCount;
  },
): Promise<Omit<RingsResult, 'kept'>> {
  const { depth, predicates, countBudget, seen } = state;
  let { visits, frontier, next, rest } = state;
  const insideHub =
    state.hubs === undefined || predicates !== undefined ? null : await countInsideHub(db, state.hubs, { ...state, listed: state.distance < depth });
  if (insideHub !== null) return { reachable: seen.size + insideHub.fresh, exact: insideHub.exact };
  for (let distance = state.distance; distance <= depth && frontier.length > 0; distance++) {
    if (distance > state.distance) {
      next = [];
      rest = { index: 0, afterPos: -1, read: 0 };
    }
    const entities = frontier.slice(rest.index);
    const listed = distance < depth;
    const values = [entities, rest.afterPos, rest.read, Math.max(0, countBudget - visits), predicates === undefined ? null : [...predicates], [...seen]];
    const [answer] = entities.length === 0 ? [] : await db.read<RestRow>(listed ? REST_LISTED_SQL : REST_COUNTED_SQL, values);
    const { fresh, stops, rows, ids } = answer ?? { fresh: 0, stops: false, rows: 0, ids: null };
    // The loop stops at the first visit past the budget (in this ring, or at the next ring's first relation,
    // where the cut reads no row).
    if (stops) return { reachable: seen.size + fresh, exact: false };
    visits += rows;
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

/**
 * The ring's rest counted from a hub's list (written at load, hubLists.ts; read by primary key or kept by the server,
 * hubPrefixes.ts): the rows the loop visits (up to where the budget
 * runs out, or the whole rest when this is the last ring) are mostly one entity's, the hub's; the entities the others'
 * rows reach are counted in SQL when those rows are few beside the hub's (BESIDE_SHARE). Null when not (all counted
 * in SQL as before), when the rest must be listed (a further ring needs it), or with a predicate filter (then the
 * rows counted are not the rows visited). Every entity the first entity's first `read` rows reach is already seen, so
 * that entity's rows visited are the first `read` + visited of its list.
 */
async function countInsideHub(
  db: Connections,
  hubs: HubCount,
  state: {
    readonly countBudget: number;
    readonly rest: Rest;
    readonly frontier: readonly string[];
    readonly seen: ReadonlySet<string>;
    readonly visits: number;
    readonly listed: boolean;
  },
): Promise<{ readonly fresh: number; readonly exact: boolean } | null> {
  const { rest, frontier, countBudget } = state;
  const first = frontier[rest.index];
  if (first === undefined) return null;
  const left = Math.max(0, countBudget - state.visits);
  const corpus = await hubs.corpus();
  // The first entity's degree (and its list, for a hub) by primary key, or kept: no wait for the view's nodes.
  const known = (await hubs.prefixes.entry(db, corpus, first))?.degree;
  const windows: Array<{ id: string; degree: number; after: number; rows: number }> = [];
  let visited = 0;
  let stops = false;
  for (let at = rest.index; at < frontier.length && !stops; at++) {
    if (windows.length > MAX_BESIDE) return null;
    const id = frontier[at] ?? '';
    const degree = at === rest.index && known !== undefined ? known : await hubs.degreeOf(id);
    if (degree === undefined) return null;
    const all = degree - (at === rest.index ? rest.read : 0);
    stops = visited + all > left;
    const rows = stops ? left - visited : all;
    windows.push({ id, degree, after: at === rest.index ? rest.afterPos : -1, rows });
    visited += rows;
  }
  // A rest read whole when a further ring needs its entities: listed in SQL.
  if (!stops && state.listed) return null;
  const hub = windows.reduce((most, w) => (w.rows > most.rows ? w : most), windows[0] ?? { id: first, degree: 0, after: -1, rows: 0 });
  const beside = windows.filter((w) => w !== hub);
  if (BESIDE_SHARE * (visited - hub.rows) > hub.rows) return null;
  const fresh = await hubs.prefixes.unseenWithin(
    db,
    corpus,
    hub,
    (hub.id === first ? rest.read : 0) + hub.rows,
    [...state.seen],
    { entities: beside.map((w) => w.id), afters: beside.map((w) => w.after), rows: beside.map((w) => w.rows) },
  );
  return fresh === null ? null : { fresh, exact: !stops };
}

/** Entities whose rows are visited beside the hub's, at most, for the count from the hub's kept list. */
const MAX_BESIDE = 64;
/**
 * Their rows, at most this share of the hub's rows visited: each entity they reach not seen is a descent in the hub's
 * list (a few times a row hashed), against the hub's rows not read at all.
 */
const BESIDE_SHARE = 4;
