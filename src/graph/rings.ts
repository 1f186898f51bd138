/**
 * The entities within N relations of one, nearest first, cut at a limit: what the explorer draws first. Unlike
 * `neighborhood` (which also records every relation that reaches each entity, for `Entity.neighbors`), it keeps
 * only each entity's distance, so it stays linear in the relations visited when a corpus makes hubs of the
 * shared entities, and it still counts everything within reach so the answer can say how much it left out.
 */
import { NewsgraphError } from '../errors.js';
import { otherEnd } from './adjacent.js';
import { graphIndex, relationsTouching } from './indices.js';
import type { NewsGraph } from './types.js';

export interface RingsOptions {
  /** How many relations away to look. @default 1 */
  readonly depth?: number;
  /** Follow only these predicates (or role names); all when absent. */
  readonly predicates?: readonly string[];
  /** At most this many entities, the centre included. @default Infinity */
  readonly limit?: number;
  /**
   * Once `limit` entities are kept, stop counting the rest after this many relations visited (on a corpus, a
   * hub two steps away reaches most of the graph). @default Infinity
   */
  readonly countBudget?: number;
}

export interface Rings {
  /** The centre first, then the reached entities by distance, each ring in the order met (graph order). */
  readonly kept: readonly { readonly id: string; readonly distance: number }[];
  /** How many entities are within `depth` relations, the centre included (≥ kept.length); a lower bound when not `exact`. */
  readonly reachable: number;
  /** False when counting stopped at `countBudget`. */
  readonly exact: boolean;
}

/**
 * Breadth-first rings around `id` up to `depth` relations away, cut at `limit` entities.
 * @throws NewsgraphError NOT_FOUND for an unknown id; BAD_USER_INPUT for a negative or fractional depth or limit.
 */
export function neighborhoodRings(graph: NewsGraph, id: string, options: RingsOptions = {}): Rings {
  const { depth = 1, predicates, limit = Number.POSITIVE_INFINITY, countBudget = Number.POSITIVE_INFINITY } = options;
  if (!Number.isInteger(depth) || depth < 0) throw new NewsgraphError('BAD_USER_INPUT', `depth must be a whole number ≥ 0, not ${depth}.`);
  if (limit !== Number.POSITIVE_INFINITY && (!Number.isInteger(limit) || limit < 1)) {
    throw new NewsgraphError('BAD_USER_INPUT', `limit must be a whole number ≥ 1, not ${limit}.`);
  }
  if (!graph.hasNode(id)) throw new NewsgraphError('NOT_FOUND', `no entity with id "${id}".`);
  const index = graphIndex(graph);
  const wanted = predicates === undefined ? null : new Set(predicates);
  const seen = new Set<string>([id]);
  const kept = [{ id, distance: 0 }];
  let frontier = [id];
  let visits = 0;
  for (let distance = 1; distance <= depth && frontier.length > 0; distance++) {
    const next: string[] = [];
    for (const current of frontier) {
      for (const relation of relationsTouching(index, current)) {
        if (++visits > countBudget && kept.length >= limit) return { kept, reachable: seen.size, exact: false };
        if (wanted !== null && !wanted.has(relation.predicate)) continue;
        const other = otherEnd(relation, current);
        if (seen.has(other)) continue;
        seen.add(other);
        next.push(other);
        if (kept.length < limit) kept.push({ id: other, distance });
      }
    }
    frontier = next;
  }
  return { kept, reachable: seen.size, exact: true };
}
