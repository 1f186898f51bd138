/**
 * Neighbourhoods and paths over PostgreSQL: the algorithms of `src/graph/neighbors.ts` and `paths.ts` step for
 * step (same visiting order, same stopping rules, same bounds), with each ring's relations read by `scanAdjacency`
 * a bounded chunk at a time instead of from the in-memory index. The explorer's rings: exploreRings.ts.
 */
import { MAX_FRONTIER } from '../../graph/paths.js';
import { readsFor, scanAdjacency, type AdjacencyFilter } from './adjacencyScan.js';
import type { Connections } from './connections.js';

export interface NeighborPositions {
  readonly id: string;
  readonly distance: number;
  /** Positions of the relations that reach it from one ring closer, in the order met. */
  readonly via: readonly number[];
}

/** neighbors.ts `neighborhood`, direction BOTH (the store's neighbourhoods have no direction). */
export async function neighborhoodPositions(
  db: Connections,
  id: string,
  options: { readonly depth: number; readonly predicates?: readonly string[]; readonly includeNegated: boolean; readonly limit: number },
): Promise<NeighborPositions[]> {
  const { depth, predicates, includeNegated, limit } = options;
  const filter: AdjacencyFilter = { sql: '($4::text[] IS NULL OR a.predicate = ANY($4)) AND ($5 OR NOT a.negated)', values: [predicates ?? null, includeNegated] };
  const distance = new Map<string, number>([[id, 0]]);
  const via = new Map<string, number[]>();
  const order: string[] = [];
  let frontier = [id];
  for (let step = 1; step <= depth && frontier.length > 0 && order.length < limit; step++) {
    const next: string[] = [];
    for await (const row of scanAdjacency(db, frontier, filter, readsFor(2 * (limit - order.length)))) {
      if (order.length >= limit) break;
      const known = distance.get(row.other);
      if (known !== undefined && known < step) continue;
      if (known === undefined) {
        distance.set(row.other, step);
        order.push(row.other);
        next.push(row.other);
      }
      const reaching = via.get(row.other);
      if (reaching === undefined) via.set(row.other, [row.relationPos]);
      else if (!reaching.includes(row.relationPos)) reaching.push(row.relationPos);
    }
    frontier = next;
  }
  return order.map((n) => ({ id: n, distance: distance.get(n) ?? 0, via: via.get(n) ?? [] }));
}

type ReachedBy = Map<string, { relationPos: number; previous: string } | null>;

/**
 * One side of a path search: what it has reached (each entity with the relation it was first reached by), and the
 * ring it expands next. A ring of tens of thousands of entities (a hub's first ring, or the ring around a hub
 * before the last hop) is not read when the search can do without it: it stays `virtual`, known by its size (or a
 * lower bound of it, from the `reach` table) and its parents, and the other side asks the database whether an
 * entity is next to one of those parents instead of reading the ring (see `shortestPathPositions`).
 */
interface Side {
  readonly reached: ReachedBy;
  /** The ring expanded next, in order of first reach; null while the ring is virtual. */
  frontier: string[] | null;
  /**
   * The ring that expanding `parents` (in order) would make, not read: `size` entities, or at least that many when
   * not `exact` (exact for the first ring of a side's start).
   */
  virtual: { readonly parents: readonly string[]; readonly size: number; readonly exact: boolean } | null;
}

function sizeOf(side: Side): number {
  return side.virtual?.size ?? side.frontier?.length ?? 0;
}

/**
 * One hop of a path search over a window of the frontier ($1, in order): for each entity not yet reached from this
 * side ($2, a hash anti-join), the first relation that reaches it (ring order, then graph order), and whether the
 * other side has reached it ($3). The in-memory loop takes exactly these rows, in that order, and stops at the
 * first that meets; so when one meets, only that one is returned (a hub's ring is not sent for nothing).
 */
const HOP_SQL = `WITH r AS (SELECT a.other, min(f.k * ${2 ** 32} + a.relation_pos)::float8 AS first, a.other IN (SELECT unnest($3::text[])) AS meets
  FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k)
  CROSS JOIN LATERAL (SELECT relation_pos, other FROM newsgraph.adjacency a WHERE a.entity = f.id AND a.traversable) a
  WHERE NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS m(id) WHERE m.id = a.other)
  GROUP BY a.other)
  SELECT other, first, meets FROM r WHERE NOT EXISTS (SELECT 1 FROM r WHERE meets) OR first = (SELECT min(first) FROM r WHERE meets)`;

/**
 * The first meeting of a hop found pair by pair: for each entity of the frontier ($1, in order) and each entity the
 * other side has reached ($2), the first traversable relation between them (one descent of `adjacency_reach`);
 * the first in ring order, then graph order, is the one the in-memory loop meets first (an entity the other side
 * has reached is never reached by this one: the search would have stopped there).
 */
const MEET_BY_PAIRS_SQL = `SELECT f.k::int AS k, p.relation_pos, b.id AS other
  FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k) CROSS JOIN unnest($2::text[]) AS b(id)
  CROSS JOIN LATERAL (SELECT relation_pos FROM newsgraph.adjacency a WHERE a.entity = f.id AND a.other = b.id AND a.traversable ORDER BY relation_pos LIMIT 1) p
  ORDER BY 1, 2 LIMIT 1`;

/**
 * The first meeting of a hop, walked in the in-memory loop's order: one frontier entity ($1, in order) per step of
 * the recursion, its relations in graph order (adjacency_entity) up to the first that meets, and no step after the
 * first entity that does. Joining every frontier entity to its first meeting and sorting them (as this search did
 * before) read every relation of every frontier entity without one, a hub's 120,000 included, when the first entity
 * met at its fourth relation. `step` is what one frontier entity's `m` lateral finds (its entity `($1)[w.k + 1]`).
 */
function walkSql(step: string, select: string): string {
  return `WITH RECURSIVE walk(k, relation_pos, other) AS (
  SELECT 0, NULL::int, NULL::text COLLATE "C"
  UNION ALL
  SELECT w.k + 1, m.relation_pos, m.other FROM walk w
  ${step}
  WHERE w.other IS NULL AND w.k < cardinality($1::text[]))
  ${select}`;
}

/**
 * Whether a relation's other end `a.other` is one of the ids sent ($2), as a hashed subplan (built once per
 * statement). `IS TRUE` keeps it a subplan: an IN at the top of a WHERE is made a semi-join, which PostgreSQL ran as a
 * hash join of the entity's every relation followed by a sort, not as a scan in graph order that stops at its first row.
 */
const IN_SENT = '(a.other IN (SELECT unnest($2::text[]))) IS TRUE';

/**
 * The first meeting of the last hop, when the frontier's relations must be read for it ($1, in order; $2 the ids
 * the other side has reached, hashed once): each entity's relations in graph order until the first that reaches one
 * of them, the frontier walked in order up to the first entity that meets. The hop statement (HOP_SQL) would
 * aggregate every relation of the frontier first, a hub's 100,000 included, for one row (230 ms under load at
 * 100,000 articles, against 21,684 ids).
 */
const MEET_BY_SCAN_SQL = walkSql(
  `LEFT JOIN LATERAL (SELECT a.relation_pos, a.other FROM newsgraph.adjacency a
    WHERE a.entity = ($1::text[])[w.k + 1] AND a.traversable AND ${IN_SENT} ORDER BY a.relation_pos LIMIT 1) m ON true`,
  'SELECT k, relation_pos, other FROM walk WHERE other IS NOT NULL',
);

/**
 * The first meeting of a hop when the other side's last ring is not read ($3 its parents, in order; $2 what that
 * side has reached besides): each frontier entity's relations ($1, walked in order) read in graph order until one
 * reaches the reached set or an entity next to a parent, and the relation by which the ring would have reached it
 * (the first parent in order, then graph order). Next to a parent is asked two ways, chosen per frontier entity by
 * $4 (probesTo: how many of its first relations are probed, NULL for all): a probe per relation and parent (one
 * descent of `adjacency_reach` each: cheap when the meeting comes early, as it does between hubs), and past them a
 * hash of the parents' relations built once (at most as costly as reading the ring, whatever comes after). The
 * probe must stay a probe per relation: written `p.entity = $3` (one hub), the generic plan PostgreSQL settles on
 * for a prepared statement after five runs made it a hashed subplan, every relation of the hub read to build the
 * hash (120,000 rows, 50 to 140 ms, for a meeting found at the fourth relation; 0.4 ms probed). Joined to the
 * parents' array it is not hashed; `OFFSET 0` (a subquery PostgreSQL does not simplify into a join or a hash) keeps
 * it so. The hashed part (`late`) runs only when the probed part found nothing ($4 not NULL): a one-time filter.
 */
const MEET_NEXT_TO_RING_SQL = walkSql(
  `LEFT JOIN LATERAL (
    SELECT a.relation_pos, a.other FROM (
      SELECT a.relation_pos, a.other FROM newsgraph.adjacency a WHERE a.entity = ($1::text[])[w.k + 1] AND a.traversable
      ORDER BY a.relation_pos LIMIT ($4::int[])[w.k + 1]) a
    WHERE ${IN_SENT} OR EXISTS (
      SELECT 1 FROM unnest($3::text[]) AS h(id) JOIN newsgraph.adjacency p ON p.entity = h.id AND p.other = a.other AND p.traversable OFFSET 0)
    ORDER BY a.relation_pos LIMIT 1) early ON true
  LEFT JOIN LATERAL (
    SELECT a.relation_pos, a.other FROM (
      SELECT a.relation_pos, a.other FROM newsgraph.adjacency a WHERE a.entity = ($1::text[])[w.k + 1] AND a.traversable
      ORDER BY a.relation_pos OFFSET ($4::int[])[w.k + 1]) a
    WHERE early.relation_pos IS NULL AND ($4::int[])[w.k + 1] IS NOT NULL AND (a.other IN (
      SELECT unnest($2::text[]) UNION ALL SELECT p.other FROM newsgraph.adjacency p WHERE p.entity = ANY($3::text[]) AND p.traversable)) IS TRUE
    ORDER BY a.relation_pos LIMIT 1) late ON true
  CROSS JOIN LATERAL (SELECT coalesce(early.relation_pos, late.relation_pos) AS relation_pos, coalesce(early.other, late.other) AS other) m`,
  `SELECT w.k, w.relation_pos, w.other, v.k::int AS via_k, v.relation_pos AS via FROM walk w
  LEFT JOIN LATERAL (
    SELECT h.k, p.relation_pos FROM unnest($3::text[]) WITH ORDINALITY AS h(id, k)
    JOIN newsgraph.adjacency p ON p.entity = h.id AND p.other = w.other AND p.traversable
    ORDER BY 1, 2 LIMIT 1) v ON true
  WHERE w.other IS NOT NULL`,
);

/** Frontier entities per hop statement: a meeting in an early window spares reading the later ones. */
const HOP_WINDOW = 1_000;
/**
 * A ring of at most this many entities (by the reach table's counts, when known) is read with its meeting tested in
 * the same statement, instead of looking for the meeting first (one statement less; the ring's rows are few).
 */
const SMALL_RING = 256;
/** Frontier × reached pairs looked up at most to find a hop's meeting; past it the hop reads the frontier's relations. */
export const MAX_MEETING_PAIRS = 2_000;
/** Frontier entities whose relations are scanned for a meeting with a hub's unread ring; past it the ring is read. */
export const MAX_SCANNED_NEXT_TO_HUB = 64;
/** A pair looked up costs about as much as reading this many relations of an entity in order (both index-only). */
const PAIR_COST = 20;
/** A first ring this large is left unread (virtual) while the search can do without it. */
export const VIRTUAL_RING_FROM = 1_000;
/** Parents of a ring left unread before the last hop, at most (each relation scanned then probes each). */
export const MAX_VIRTUAL_PARENTS = 8;
/**
 * A relation scanned next to an unread ring costs about as much, per parent probed, as this many rows of that ring
 * read and sent (measured at 100,000 articles: a ring of 27,000 rows read in 45 to 95 ms under load, the other side's
 * 6,400 relations scanned with two probes each in about 10).
 */
const PROBE_COST = 2;
/**
 * A probe next to an unread ring's parent (one descent of `adjacency_reach`) costs about as much as this many relations
 * hashed, or scanned in graph order against a hash (measured at 100,000 articles, generic plans: a hub's 79,560
 * relations scanned with a probe each in 228-271 ms, with a hash look-up each in 22-33 ms; hashed in 21-26 ms).
 */
const PROBE_ROWS = 10;
/** Relations a scan next to an unread ring is expected to probe before its meeting, when there is one. */
const EARLY_MEETING = 256;
/**
 * Past this many entities reached by the other side, a hop that reads its frontier's relations anyway tests the
 * meeting here (its rows against the Map) when they are fewer than those ids, instead of sending the ids.
 */
const SEND_THEIR_IDS_UP_TO = 256;

interface Meeting {
  /** Index (from 1) in the frontier of the entity that reaches it. */
  readonly k: number;
  readonly relationPos: number;
  readonly other: string;
  /** How the other side's unread ring reaches it, when it is in that ring: the parent's index (from 1) and the relation. */
  readonly via?: { readonly k: number; readonly relationPos: number } | null;
}

/**
 * paths.ts `shortestPath` after its checks: the relation positions from `from` to `to`, or null. The same search
 * (both sides, the smaller frontier expanded, each ring in order, the first meeting taken, MAX_FRONTIER per hop),
 * with fewer rows read: a hop first looks for its meeting pair by pair (or next to the other side's unread ring) and
 * reads its frontier's relations only when it must, to make the next ring; a hub's first ring is read only if the
 * search has to expand it or to compare a large frontier with it; and a large ring that the other side's next hop
 * would only meet is left unread too.
 */
export async function shortestPathPositions(db: Connections, from: string, to: string, maxHops: number): Promise<number[] | null> {
  if (from === to) return [];
  const forward: Side = { reached: new Map([[from, null]]), frontier: [from], virtual: null };
  const backward: Side = { reached: new Map([[to, null]]), frontier: [to], virtual: null };
  const path = (at: string): number[] => [...unwind(forward.reached, at).reverse(), ...unwind(backward.reached, at)];
  // The reach table's counts asked so far in this search (each entity's asked once).
  const sizes = new Map<string, number>();
  // The first hop's meeting (the first relation between the two ends) and both ends' first rings, in one statement.
  if (maxHops >= 1) {
    const direct = await startOf(db, sizes, from, to);
    if (direct !== null) return [direct];
  }
  for (let hop = 1; hop <= maxHops && sizeOf(forward) > 0 && sizeOf(backward) > 0; hop++) {
    // A ring left unread is known by a lower bound of its size: read it when the side to expand depends on more.
    if (forward.virtual?.exact === false && forward.virtual.size <= sizeOf(backward)) await readRing(db, forward);
    if (backward.virtual?.exact === false && backward.virtual.size < sizeOf(forward)) await readRing(db, backward);
    const forwards = sizeOf(forward) <= sizeOf(backward);
    const mine = forwards ? forward : backward;
    const theirs = forwards ? backward : forward;
    const whole = mine.frontier ?? (await readRing(db, mine));
    const frontier = whole.length > MAX_FRONTIER ? whole.slice(0, MAX_FRONTIER) : whole;
    if (theirs.virtual !== null && frontier.length > MAX_SCANNED_NEXT_TO_HUB) await readRing(db, theirs);
    // The hop's meeting, found without reading the frontier's relations when that is cheap (undefined: not looked for).
    let meeting: Meeting | null | undefined;
    // How many rows reading the frontier's relations would send (the reach table's counts), once asked.
    let ring: number | undefined;
    if (theirs.virtual !== null) {
      const { parents } = theirs.virtual;
      await reachOf(db, sizes, [...parents, ...frontier]);
      // A ring left unread when the other frontier was small may be cheaper to read now than to probe next to.
      if (ringCheaperThanProbes(sizes, frontier, parents)) await readRing(db, theirs);
      else meeting = await meetingNextToRing(db, frontier, theirs.reached, parents, probesTo(sizes, frontier, parents));
    }
    const pairs = frontier.length * theirs.reached.size;
    // A ring known to be small is read with its meeting tested (HOP_SQL), without looking for the meeting first.
    const small = hop > 1 && theirs.virtual === null ? knownRing(sizes, frontier) : undefined;
    if (hop === 1) meeting = null; // (looked for by startOf)
    else if (small !== undefined && small <= SMALL_RING) ring = small;
    else if (small !== undefined && hop === maxHops) {
      // The last hop, its ring's size known: pairs when they cost less than scanning the frontier's relations up to
      // the meeting (MEET_BY_SCAN_SQL, which stops there).
      ring = small;
      if (PAIR_COST * pairs < small) meeting = await meetingByPairs(db, frontier, [...theirs.reached.keys()]);
    }
    // (When the other side's ring is still unread, its meeting was looked for next to it, above.)
    else if (theirs.virtual === null && (pairs <= MAX_MEETING_PAIRS || (hop === maxHops && PAIR_COST * pairs < (ring = await ringSizes(db, frontier))))) {
      // On the last hop only the meeting is wanted: pairs, unless the frontier's relations are fewer to read.
      meeting = await meetingByPairs(db, frontier, [...theirs.reached.keys()]);
    }
    if (meeting) {
      const previous = frontier[meeting.k - 1] ?? '';
      mine.reached.set(meeting.other, { relationPos: meeting.relationPos, previous });
      const parents = theirs.virtual?.parents;
      if (!theirs.reached.has(meeting.other) && parents !== undefined && meeting.via) {
        theirs.reached.set(meeting.other, { relationPos: meeting.via.relationPos, previous: parents[meeting.via.k - 1] ?? '' });
      }
      return path(meeting.other);
    }
    if (meeting === null && hop === maxHops) return null;
    const [only] = frontier;
    if (meeting === null && only !== undefined && frontier.length === 1 && mine.reached.size === 1) {
      await reachOf(db, sizes, [from, to]);
      const size = sizes.get(only) ?? 0;
      if (size >= VIRTUAL_RING_FROM) {
        mine.virtual = { parents: [only], size, exact: true };
        mine.frontier = null;
        continue;
      }
    }
    // (From the second hop: the first rings are the starts', a hub's left unread above.)
    if (meeting === null && hop > 1 && (await leaveUnread(db, sizes, frontier, mine, theirs, forwards, hop === maxHops - 1))) continue;
    let theirIds: readonly string[] = [];
    if (meeting === undefined) {
      // The meeting is looked for while reading: by the database (their ids sent), or here when the rows are fewer.
      const local = theirs.reached.size > SEND_THEIR_IDS_UP_TO && (ring ??= await ringSizes(db, frontier)) < theirs.reached.size;
      if (!local && hop === maxHops) {
        // The last hop wants only its meeting: each entity's relations read up to it, not the whole ring.
        const met = await meetingByScan(db, frontier, [...theirs.reached.keys()]);
        if (met === null) return null;
        mine.reached.set(met.other, { relationPos: met.relationPos, previous: frontier[met.k - 1] ?? '' });
        return path(met.other);
      }
      theirIds = local ? [] : [...theirs.reached.keys()];
      const met = await expand(db, frontier, mine, theirIds, local ? theirs.reached : undefined);
      if (met !== null) return path(met);
      continue;
    }
    await expand(db, frontier, mine, theirIds, undefined);
  }
  return null;
}

/**
 * When this hop's ring (the frontier's next, no meeting in it) would be large and the next hop will expand the other
 * side anyway (its frontier is no larger than the ring can be), leaves the ring unread: the next hop then looks for
 * its meeting next to this frontier, relation by relation, which reads the other frontier's relations (few, by the
 * reach table) instead of the ring; the ring is read only if a later hop must expand it or cannot choose its side
 * from the ring's lower bound. Before the last hop (`lastButOne`), the ring is left unread whenever the last hop
 * would not read it back (`ringCheaperThanProbes`): that hop wants only its meeting, which `meetingNextToRing` finds
 * for at most about what reading the ring costs (probes up to the cost of a hash of the parents' relations, then the
 * hash), without aggregating the ring and sending it here and its ids back. True when it did.
 */
async function leaveUnread(
  db: Connections,
  sizes: Map<string, number>,
  frontier: readonly string[],
  mine: Side,
  theirs: Side,
  forwards: boolean,
  lastButOne: boolean,
): Promise<boolean> {
  const other = theirs.frontier;
  const maxParents = lastButOne ? MAX_SCANNED_NEXT_TO_HUB : MAX_VIRTUAL_PARENTS;
  if (frontier.length > maxParents || other === null || other.length > MAX_SCANNED_NEXT_TO_HUB) return false;
  await reachOf(db, sizes, [...frontier, ...other]);
  const sum = (ids: readonly string[]): number => ids.reduce((total, id) => total + (sizes.get(id) ?? 0), 0);
  // The ring holds at least the largest parent's first ring, less what this side has reached already.
  const atLeast = Math.max(0, ...frontier.map((id) => sizes.get(id) ?? 0)) - mine.reached.size;
  // The next hop expands the smaller side, forward on a tie: it must be the other one.
  const otherExpandsNext = forwards ? other.length < atLeast : other.length <= atLeast;
  if (!otherExpandsNext) return false;
  const cheaperNextToIt = lastButOne ? !ringCheaperThanProbes(sizes, other, frontier) : PROBE_COST * frontier.length * sum(other) < sum(frontier);
  if (!cheaperNextToIt) return false;
  mine.virtual = { parents: [...frontier], size: atLeast, exact: false };
  mine.frontier = null;
  return true;
}

/**
 * Whether reading a ring left unread (its parents' relations, about as many as the entities they reach) costs less
 * than scanning the frontier's relations with a probe per parent each (`meetingNextToRing`) up to EARLY_MEETING of
 * them: a scan stops at its meeting, usually early (two hubs share neighbours), but reads every relation when there is
 * none. The ring was left unread when the other side's frontier was small; since then that side may have grown: at
 * 100,000 articles, a no-path search's last hop scanned a hub's 17,841 relations with a probe each (71,541 buffers,
 * 60-240 ms under load) next to the ring of a parent with 16 relations, the slowest of the bench's 100 paths.
 * `sizes`: the reach table's counts of the parents and the frontier.
 */
function ringCheaperThanProbes(sizes: ReadonlyMap<string, number>, frontier: readonly string[], parents: readonly string[]): boolean {
  const sum = (ids: readonly string[]): number => ids.reduce((total, id) => total + (sizes.get(id) ?? 0), 0);
  return sum(parents) < PROBE_COST * parents.length * Math.min(sum(frontier), EARLY_MEETING);
}

/**
 * For each frontier entity (in order), how many of its first relations `meetingNextToRing` probes next to the parents
 * before it hashes the parents' relations (null: all of them). Probes are spent, in frontier order, up to what the
 * hash would cost (its rows: the parents' first rings, by the reach table), then the hash is built and used for the
 * rest: at most about twice the cheaper of the two, whichever way the meeting falls, and one probe per relation when
 * it comes early (the usual case next to hubs, which share neighbours). Once the hash is built, nothing is probed.
 */
function probesTo(sizes: ReadonlyMap<string, number>, frontier: readonly string[], parents: readonly string[]): (number | null)[] {
  let budget = parents.reduce((total, id) => total + (sizes.get(id) ?? 0), 0);
  const perRelation = PROBE_ROWS * parents.length;
  return frontier.map((id) => {
    const relations = sizes.get(id) ?? 0;
    if (relations * perRelation <= budget) {
      budget -= relations * perRelation;
      return null;
    }
    const probed = Math.floor(budget / perRelation);
    budget = 0;
    return probed;
  });
}

/** Reads a side's virtual ring (as the hop that made it would have): its frontier from now on. */
async function readRing(db: Connections, side: Side): Promise<string[]> {
  const parents = side.virtual?.parents;
  if (parents === undefined) return side.frontier ?? [];
  side.virtual = null;
  await expand(db, parents, side, [], undefined);
  return side.frontier ?? [];
}

/**
 * Expands `frontier` (in order) into the side's next ring, a window of entities per statement, each new entity
 * reached by its first relation; returns the first entity met that `theirIds` holds, or that `theirs` holds when
 * given (tested here, row by row in ring order, as the in-memory loop does), or null when none.
 */
async function expand(db: Connections, frontier: readonly string[], side: Side, theirIds: readonly string[], theirs: ReachedBy | undefined): Promise<string | null> {
  const { reached } = side;
  const next: string[] = [];
  for (let start = 0; start < frontier.length; start += HOP_WINDOW) {
    const window = frontier.slice(start, start + HOP_WINDOW);
    // `first`: the place of the first relation to it, ring index × 2^32 + graph position (a hash aggregate, no sort).
    const rows = await db.read<{ other: string; first: number; meets: boolean }>(HOP_SQL, [window, [...reached.keys()], theirIds]);
    rows.sort((a, b) => a.first - b.first);
    for (const row of rows) {
      const k = Math.floor(row.first / 2 ** 32);
      reached.set(row.other, { relationPos: row.first - k * 2 ** 32, previous: window[k - 1] ?? '' });
      if (row.meets || theirs?.has(row.other) === true) return row.other;
      next.push(row.other);
    }
  }
  side.frontier = next;
  return null;
}

async function meetingByPairs(db: Connections, frontier: readonly string[], theirIds: readonly string[]): Promise<Meeting | null> {
  const [row] = await db.read<{ k: number; relation_pos: number; other: string }>(MEET_BY_PAIRS_SQL, [frontier, theirIds]);
  return row === undefined ? null : { k: row.k, relationPos: row.relation_pos, other: row.other };
}

async function meetingByScan(db: Connections, frontier: readonly string[], theirIds: readonly string[]): Promise<Meeting | null> {
  const [row] = await db.read<{ k: number; relation_pos: number; other: string }>(MEET_BY_SCAN_SQL, [frontier, theirIds]);
  return row === undefined ? null : { k: row.k, relationPos: row.relation_pos, other: row.other };
}

async function meetingNextToRing(
  db: Connections,
  frontier: readonly string[],
  reached: ReachedBy,
  parents: readonly string[],
  probed: readonly (number | null)[],
): Promise<Meeting | null> {
  const [row] = await db.read<{ k: number; relation_pos: number; other: string; via_k: number | null; via: number | null }>(MEET_NEXT_TO_RING_SQL, [
    frontier,
    [...reached.keys()],
    parents,
    probed,
  ]);
  if (row === undefined) return null;
  return { k: row.k, relationPos: row.relation_pos, other: row.other, via: row.via_k === null || row.via === null ? null : { k: row.via_k, relationPos: row.via } };
}

/** How many distinct entities the frontier's relations reach, all its entities together (reachRows.ts): the rows a hop reads. */
async function ringSizes(db: Connections, frontier: readonly string[]): Promise<number> {
  const [row] = await db.read<{ total: number | null }>('SELECT sum(neighbours)::float8 AS total FROM newsgraph.reach WHERE entity = ANY($1::text[])', [frontier]);
  return row?.total ?? 0;
}

/**
 * Before the first hop: the first traversable relation between the two ends in graph order (the first hop's meeting,
 * as MEET_BY_PAIRS_SQL finds it), or null, and both ends' first-ring sizes read into `sizes`: one statement where
 * the search sent two.
 */
async function startOf(db: Connections, sizes: Map<string, number>, from: string, to: string): Promise<number | null> {
  const [row] = await db.read<{ direct: number | null; from_size: number | null; to_size: number | null }>(
    `SELECT (SELECT relation_pos FROM newsgraph.adjacency a WHERE a.entity = $1 AND a.other = $2 AND a.traversable ORDER BY relation_pos LIMIT 1) AS direct,
      (SELECT neighbours FROM newsgraph.reach WHERE entity = $1) AS from_size, (SELECT neighbours FROM newsgraph.reach WHERE entity = $2) AS to_size`,
    [from, to],
  );
  sizes.set(from, row?.from_size ?? 0);
  sizes.set(to, row?.to_size ?? 0);
  return row?.direct ?? null;
}

/** The rows reading the frontier's relations would send (the sum of their first rings), when `sizes` holds them all. */
function knownRing(sizes: ReadonlyMap<string, number>, frontier: readonly string[]): number | undefined {
  let total = 0;
  for (const id of frontier) {
    const size = sizes.get(id);
    if (size === undefined) return undefined;
    total += size;
  }
  return total;
}

/**
 * The size of each entity's first ring (reachRows.ts), read into `sizes` for the ids it does not hold yet (0 for an
 * entity with no traversable relation): a search asks again about the entities it asked before (a frontier, then the
 * same entities as parents next to the other side).
 */
async function reachOf(db: Connections, sizes: Map<string, number>, ids: readonly string[]): Promise<void> {
  const missing = ids.filter((id) => !sizes.has(id));
  if (missing.length === 0) return;
  const rows = await db.read<{ entity: string; neighbours: number }>('SELECT entity, neighbours FROM newsgraph.reach WHERE entity = ANY($1::text[])', [missing]);
  for (const id of missing) sizes.set(id, 0);
  for (const row of rows) sizes.set(row.entity, row.neighbours);
}

function unwind(reachedBy: ReachedBy, at: string): number[] {
  const path: number[] = [];
  for (let step = reachedBy.get(at); step; step = reachedBy.get(step.previous)) path.push(step.relationPos);
  return path;
}
