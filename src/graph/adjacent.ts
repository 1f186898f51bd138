/**
 * The relations around one entity, filtered by predicate, direction and negation, read from the index.
 * Symmetric relations (MET_WITH, CONTRADICTS) are stored once, so a direction matches either of their ends.
 */
import { graphIndex, relationsTouching } from './indices.js';
import type { EntityAttributes, NewsGraph, RelationAttributes } from './types.js';

/** OUT: the entity is the subject; IN: the object; BOTH: either. */
export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface AdjacencyFilter {
  /** Keep only these predicates (or role names); all when absent. */
  readonly predicates?: readonly string[];
  /** @default 'BOTH' */
  readonly direction?: Direction;
  /** true: only negated relations; false: only relations that hold; undefined: both. */
  readonly negated?: boolean;
}

/** A relation seen from one of its ends: `other` is the entity at the far end. */
export interface Link {
  readonly relation: RelationAttributes;
  readonly other: string;
}

/** True when the relation touches `id` on the side that `direction` asks for. */
export function matchesDirection(relation: RelationAttributes, id: string, direction: Direction): boolean {
  switch (direction) {
    case 'BOTH':
      return relation.subject === id || relation.object === id;
    case 'OUT':
      return relation.subject === id || (relation.symmetric && relation.object === id);
    case 'IN':
      return relation.object === id || (relation.symmetric && relation.subject === id);
    default: {
      const unreachable: never = direction;
      throw new Error(`unknown direction ${String(unreachable)}`);
    }
  }
}

/** The entity at the other end of a relation from `id` (itself for a self-loop). */
export function otherEnd(relation: RelationAttributes, id: string): string {
  return relation.subject === id ? relation.object : relation.subject;
}

/** A filter made ready to test many relations: its predicates as a set. */
export interface AdjacencyTest {
  readonly wanted: ReadonlySet<string> | undefined;
  readonly direction: Direction;
  readonly negated: boolean | undefined;
}

export function adjacencyTest(filter: AdjacencyFilter = {}): AdjacencyTest {
  const { predicates, direction = 'BOTH', negated } = filter;
  return { wanted: predicates === undefined ? undefined : new Set(predicates), direction, negated };
}

/** True when a relation around `id` passes the filter (the one test of the adjacency lists, the store and neighborhood). */
export function matchesAdjacency(relation: RelationAttributes, id: string, test: AdjacencyTest): boolean {
  return (
    (test.wanted === undefined || test.wanted.has(relation.predicate)) &&
    (test.negated === undefined || relation.negated === test.negated) &&
    matchesDirection(relation, id, test.direction)
  );
}

/** The relations around an entity that pass the filter, in graph order. */
export function adjacentRelations(graph: NewsGraph, id: string, filter: AdjacencyFilter = {}): RelationAttributes[] {
  return firstAdjacentRelations(graph, id, filter, Number.POSITIVE_INFINITY);
}

/**
 * The first `first` relations around an entity that pass the filter, in graph order. It reads the index list
 * only as far as it needs: a hub's first 10 relations cost about 10 reads, not a filtered copy of thousands.
 */
export function firstAdjacentRelations(graph: NewsGraph, id: string, filter: AdjacencyFilter, first: number): RelationAttributes[] {
  const all = relationsTouching(graphIndex(graph), id);
  const test = adjacencyTest(filter);
  const result: RelationAttributes[] = [];
  for (const relation of all) {
    if (result.length >= first) break;
    if (matchesAdjacency(relation, id, test)) result.push(relation);
  }
  return result;
}

/** The relations around an entity with the entity at the far end of each. */
export function adjacentLinks(graph: NewsGraph, id: string, filter: AdjacencyFilter = {}): Link[] {
  return adjacentRelations(graph, id, filter).map((relation) => ({ relation, other: otherEnd(relation, id) }));
}

/**
 * The distinct entities at the far end of the matching relations, in the order first met: the answer to
 * "who endorsed this proposal" (predicate ENDORSED, direction IN, negated false).
 */
export function adjacentEntities(graph: NewsGraph, id: string, filter: AdjacencyFilter = {}): EntityAttributes[] {
  const seen = new Set<string>();
  const result: EntityAttributes[] = [];
  for (const { other } of adjacentLinks(graph, id, filter)) {
    if (seen.has(other) || !graph.hasNode(other)) continue;
    seen.add(other);
    result.push(graph.getNodeAttributes(other));
  }
  return result;
}
