/**
 * The fields every entity type shares (the Entity interface): its articles, its relations with the
 * negation switch, and its neighbourhood. Spread into each object type's resolvers.
 */
import { adjacentRelations, graphIndex, neighborhood, type Direction } from '../../graph/index.js';
import type { ArticleRecord, EntityAttributes, NewsGraph, RelationAttributes } from '../../graph/index.js';
import { checkPredicates, checkRange, entityAt } from './common.js';

export interface RelationsArgs {
  readonly predicate?: readonly string[] | null;
  readonly direction?: Direction | null;
  readonly includeNegated?: boolean | null;
}

export interface NeighborsArgs {
  readonly depth?: number | null;
  readonly predicate?: readonly string[] | null;
  readonly includeNegated?: boolean | null;
}

/** A neighbour as the Neighbor type reads it. */
export interface NeighborAnswer {
  readonly entity: EntityAttributes;
  readonly distance: number;
  readonly via: readonly RelationAttributes[];
}

export const MAX_NEIGHBOR_DEPTH = 6;

/** The article records an entity's `articles` ids point at; an unknown id is a broken graph. */
export function articlesOf(graph: NewsGraph, ids: readonly string[]): ArticleRecord[] {
  const articles = graphIndex(graph).articles;
  return ids.map((id) => {
    const article = articles.get(id);
    if (article === undefined) throw new Error(`the graph names article "${id}" but does not hold it`);
    return article;
  });
}

export function entityFieldResolvers(graph: NewsGraph) {
  return {
    // `?? {}`/`?? []`: a snapshot written by another version may lack them; the API promises `{}` and a list.
    properties: (entity: EntityAttributes): EntityAttributes['properties'] => entity.properties ?? {},
    articles: (entity: EntityAttributes): ArticleRecord[] => articlesOf(graph, entity.articles ?? []),
    relations: (entity: EntityAttributes, args: RelationsArgs): RelationAttributes[] =>
      adjacentRelations(graph, entity.id, {
        predicates: checkPredicates(graph, args.predicate),
        direction: args.direction ?? 'BOTH',
        negated: args.includeNegated === false ? false : undefined,
      }),
    neighbors: (entity: EntityAttributes, args: NeighborsArgs): NeighborAnswer[] => {
      const depth = checkRange('depth', args.depth, 1, 0, MAX_NEIGHBOR_DEPTH);
      const around = neighborhood(graph, entity.id, {
        depth,
        predicates: checkPredicates(graph, args.predicate),
        includeNegated: args.includeNegated ?? true,
      });
      return around.neighbors.map((n) => ({ entity: entityAt(graph, n.id), distance: n.distance, via: n.via }));
    },
  };
}
