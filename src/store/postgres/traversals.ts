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
 * One hop of a path search over a window of the frontier ($1, in order): for each entity not yet reached from this
 * side ($2, a hash anti-join), the first relation that reaches it (ring order, then graph order), and whether the
 * other side has reached it ($3). The in-memory loop takes exactly these rows, in that order, and stops at the
 * first that meets; returning them instead of every relation of the window spares the transfer of a hub's list.
 */
const HOP_SQL = `SELECT a.other, min(f.k * ${2 ** 32} + a.relation_pos)::float8 AS first, a.other IN (SELECT unnest($3::text[])) AS meets
  FROM unnest($1::text[]) WITH ORDINALITY AS f(id, k)
  CROSS JOIN LATERAL (SELECT relation_pos, other FROM newsgraph.adjacency a WHERE a.entity = f.id AND a.traversable) a
  WHERE NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS m(id) WHERE m.id = a.other)
  GROUP BY a.other`;

/** Frontier entities per hop statement: a meeting in an early window spares reading the later ones. */
const HOP_WINDOW = 1_000;

/** paths.ts `shortestPath` after its checks: the relation positions from `from` to `to`, or null. */
export async function shortestPathPositions(db: Connections, from: string, to: string, maxHops: number): Promise<number[] | null> {
  if (from === to) return [];
  const forward: ReachedBy = new Map([[from, null]]);
  const backward: ReachedBy = new Map([[to, null]]);
  let forwardFrontier = [from];
  let backwardFrontier = [to];
  for (let hop = 1; hop <= maxHops && forwardFrontier.length > 0 && backwardFrontier.length > 0; hop++) {
    const forwards = forwardFrontier.length <= backwardFrontier.length;
    const mine = forwards ? forward : backward;
    const theirs = forwards ? backward : forward;
    const whole = forwards ? forwardFrontier : backwardFrontier;
    const frontier = whole.length > MAX_FRONTIER ? whole.slice(0, MAX_FRONTIER) : whole;
    const next: string[] = [];
    const theirIds = [...theirs.keys()];
    for (let start = 0; start < frontier.length; start += HOP_WINDOW) {
      const window = frontier.slice(start, start + HOP_WINDOW);
      // `first`: the place of the first relation to it, ring index × 2^32 + graph position (a hash aggregate, no sort).
      const rows = await db.read<{ other: string; first: number; meets: boolean }>(HOP_SQL, [window, [...mine.keys()], theirIds]);
      rows.sort((a, b) => a.first - b.first);
      for (const row of rows) {
        const k = Math.floor(row.first / 2 ** 32);
        mine.set(row.other, { relationPos: row.first - k * 2 ** 32, previous: window[k - 1] ?? '' });
        if (row.meets) return [...unwind(forward, row.other).reverse(), ...unwind(backward, row.other)];
        next.push(row.other);
      }
    }
    if (forwards) forwardFrontier = next;
    else backwardFrontier = next;
  }
  return null;
}

function unwind(reachedBy: ReachedBy, at: string): number[] {
  const path: number[] = [];
  for (let step = reachedBy.get(at); step; step = reachedBy.get(step.previous)) path.push(step.relationPos);
  return path;
}
