/**
 * The neighbourhood of an entity: who is within N relations of it, and through which relations. It answers
 * "what is around Putin" in the API (`Entity.neighbors`) and selects `--focus ID --depth N` for exports.
 */
import { NewsgraphError } from '../errors.js';
import { adjacencyTest, matchesAdjacency, otherEnd, type Direction } from './adjacent.js';
import { graphIndex, relationsTouching } from './indices.js';
import type { NewsGraph, RelationAttributes } from './types.js';

export interface NeighborhoodOptions {
  /** How many relations away to look; 0 gives the entity alone. @default 1 */
  readonly depth?: number;
  /** Follow only these predicates (or role names); all when absent. */
  readonly predicates?: readonly string[];
  /** @default 'BOTH' */
  readonly direction?: Direction;
  /** Follow negated relations too (they connect the entities the article relates, as not holding). @default true */
  readonly includeNegated?: boolean;
  /**
   * At most this many neighbours, nearest first: the search stops at the relation that reaches the last
   * of them, so a hub with thousands of relations costs about `limit` relations read, not its whole
   * region. `via` then holds the relations met before the stop. @default unbounded
   */
  readonly limit?: number;
}

/** An entity reached from the centre. */
export interface Neighbor {
  readonly id: string;
  /** The number of relations between it and the centre (≥ 1). */
  readonly distance: number;
  /** The relations that reach it from entities one step closer to the centre, in graph order. */
  readonly via: readonly RelationAttributes[];
}

export interface Neighborhood {
  readonly center: string;
  /** The reached entities, nearest first, then in the order met. */
  readonly neighbors: readonly Neighbor[];
  /** Every relation followed: the edges of the subgraph, each once, in the order met. */
  readonly relations: readonly RelationAttributes[];
}

/**
 * Breadth-first neighbourhood of `id` up to `depth` relations away.
 * @throws NewsgraphError NOT_FOUND for an unknown id; BAD_USER_INPUT for a negative or fractional depth.
 */
export function neighborhood(graph: NewsGraph, id: string, options: NeighborhoodOptions = {}): Neighborhood {
  const { depth = 1, predicates, direction = 'BOTH', includeNegated = true, limit = Number.POSITIVE_INFINITY } = options;
  if (!Number.isInteger(depth) || depth < 0) {
    throw new NewsgraphError('BAD_USER_INPUT', `neighborhood: depth must be a whole number ≥ 0, not ${depth}.`);
  }
  if (!graph.hasNode(id)) throw new NewsgraphError('NOT_FOUND', `neighborhood: no entity with id "${id}".`);

  const index = graphIndex(graph);
  // Negated relations are followed unless excluded: a filter on negation only when they are not wanted.
  const test = adjacencyTest({ predicates, direction, negated: includeNegated ? undefined : false });
  const distance = new Map<string, number>([[id, 0]]);
  const via = new Map<string, RelationAttributes[]>();
  const order: string[] = [];
  const followed = new Map<string, RelationAttributes>();
  let frontier = [id];
  for (let step = 1; step <= depth && frontier.length > 0 && order.length < limit; step++) {
    const next: string[] = [];
    rings: for (const current of frontier) {
      // Read from the index list itself, not a filtered copy, so that a bounded search stops early.
      for (const relation of relationsTouching(index, current)) {
        if (order.length >= limit) break rings;
        if (!matchesAdjacency(relation, current, test)) continue;
        const other = otherEnd(relation, current);
        const known = distance.get(other);
        followed.set(relation.id, relation);
        // An edge back towards the centre, or within one ring, belongs to the subgraph but reaches nobody new.
        if (known !== undefined && known < step) continue;
        if (known === undefined) {
          distance.set(other, step);
          order.push(other);
          next.push(other);
        }
        const reaching = via.get(other);
        if (reaching === undefined) via.set(other, [relation]);
        else if (!reaching.includes(relation)) reaching.push(relation);
      }
    }
    frontier = next;
  }

  return {
    center: id,
    neighbors: order.map((n) => ({ id: n, distance: distance.get(n) ?? 0, via: via.get(n) ?? [] })),
    relations: [...followed.values()],
  };
}
