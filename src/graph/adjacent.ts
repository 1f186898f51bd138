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

/** The relations around an entity that pass the filter, in graph order. */
export function adjacentRelations(graph: NewsGraph, id: string, filter: AdjacencyFilter = {}): RelationAttributes[] {
  const { predicates, direction = 'BOTH', negated } = filter;
  const wanted = predicates === undefined ? undefined : new Set(predicates);
  return relationsTouching(graphIndex(graph), id).filter(
    (r) =>
      (wanted === undefined || wanted.has(r.predicate)) &&
      (negated === undefined || r.negated === negated) &&
      matchesDirection(r, id, direction),
  );
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
