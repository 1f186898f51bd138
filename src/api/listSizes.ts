/**
 * How long a list field of the schema can be, for the cost estimate, read from the graph itself: an
 * entity's `relations` as long as the longest any entity has, `evidence` as the most quotes any fact has,
 * the timeline as many as there are events. Guessing too short would let a costly query through.
 */
import type { NewsGraph } from '../graph/index.js';
import { entitiesOfKind, graphIndex } from '../graph/index.js';
import { EVENT_ROLE_NAMES, PREDICATE_NAMES } from '../ontology/index.js';

/** The size of the list a field returns, given its arguments, or undefined to use the default. */
export type ListSizeOf = (field: string, args: Readonly<Record<string, unknown>>) => number | undefined;

export function graphListSizes(graph: NewsGraph): ListSizeOf {
  const index = graphIndex(graph);
  let maxDegree = 1;
  for (const relations of index.byEntity.values()) maxDegree = Math.max(maxDegree, relations.length);
  let maxEvidence = 1;
  for (const entity of index.entities) maxEvidence = Math.max(maxEvidence, entity.evidence.length);
  for (const relation of index.relations) maxEvidence = Math.max(maxEvidence, relation.evidence.length);
  // A Map, not an object literal: a field named like an Object.prototype member must not find a function.
  const sizes: ReadonlyMap<string, number> = new Map([
    ['relations', maxDegree],
    ['evidence', maxEvidence],
    ['timeline', Math.max(1, entitiesOfKind(index, 'EVENT').length)],
    ['claims', Math.max(1, entitiesOfKind(index, 'CLAIM').length)],
    ['articles', Math.max(1, index.articles.size)],
    // Query.predicates lists every predicate and role of the ontology, whether the graph uses it or not.
    ['predicates', PREDICATE_NAMES.length + EVENT_ROLE_NAMES.length],
  ]);
  return (field, args) => {
    if (field === 'neighbors') {
      const depth = typeof args['depth'] === 'number' ? args['depth'] : 1;
      return Math.min(Math.max(1, graph.order), maxDegree ** Math.max(1, depth));
    }
    return sizes.get(field);
  };
}
