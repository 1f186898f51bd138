/**
 * The relations around one entity, filtered by predicate, direction and negation, read from the index.
 * Symmetric relations (MET_WITH, CONTRADICTS) are stored once, so a direction matches either of their ends.
 */
import { graphIndex, relationsTouching, type GraphIndex } from './indices.js';
import type { EntityAttributes, NewsGraph, RelationAttributes } from './types.js';
import { perIndex } from './perIndex.js';

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

/** Below this many relations an entity's list is scanned whole: cheaper than keeping it split by predicate. */
const SPLIT_FROM = 64;
const EMPTY: readonly RelationAttributes[] = Object.freeze([]);

/**
 * The relations of large adjacency lists split by predicate, made on first use per entity and kept with the
 * index (a new graph has a new index): "the positions Putin holds" reads his HOLDS_POSITION relations, not
 * his thousands of others, on every question that asks it.
 */
const splitLists = perIndex(() => new Map<string, ReadonlyMap<string, readonly RelationAttributes[]>>());

function splitByPredicate(index: GraphIndex, id: string, all: readonly RelationAttributes[]): ReadonlyMap<string, readonly RelationAttributes[]> {
  const perEntity = splitLists(index);
  let lists = perEntity.get(id);
  if (lists === undefined) {
    const made = new Map<string, RelationAttributes[]>();
    for (const relation of all) {
      const list = made.get(relation.predicate);
      if (list === undefined) made.set(relation.predicate, [relation]);
      else list.push(relation);
    }
    perEntity.set(id, made);
    lists = made;
  }
  return lists;
}

/**
 * The relations touching an entity that can match `predicates` (all of them when undefined), in graph order: a
 * superset of the matches, to be tested with matchesAdjacency, and a much shorter one around a hub.
 */
export function relationsTouchingWith(index: GraphIndex, id: string, predicates: readonly string[] | undefined): readonly RelationAttributes[] {
  const all = relationsTouching(index, id);
  if (predicates === undefined || all.length < SPLIT_FROM) return all;
  const lists = splitByPredicate(index, id, all);
  if (predicates.length === 1) return lists.get(predicates[0] ?? '') ?? EMPTY;
  const chosen = [...new Set(predicates)].flatMap((p) => lists.get(p) ?? EMPTY);
  const position = index.relationPosition;
  return chosen.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
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
  const all = relationsTouchingWith(graphIndex(graph), id, filter.predicates);
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
