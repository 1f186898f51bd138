/**
 * The fields every entity type shares (the Entity interface): its evidence and articles, its relations
 * with the negation switch, and its neighbourhood. Spread into each object type's resolvers. Each list
 * takes `first` (its SDL default, capped at MAX_FIRST).
 */
import type { EntityAttributes, Evidence } from '../../graph/index.js';
import type { Direction, GraphStore, NeighborRecord, StoredRelation } from '../../store/index.js';
import { entityArticleIds, entityEvidence } from '../../store/partialRecords.js';
import { articlesWithoutText, type ArticleWithoutText } from '../../store/partialArticles.js';
import { DEFAULT_FIRST } from '../listSizes.js';
import { checkFirst, checkPredicates, checkRange, type FirstArgs } from './common.js';

export interface RelationsArgs extends FirstArgs {
  readonly predicate?: readonly string[] | null;
  readonly direction?: Direction | null;
  readonly includeNegated?: boolean | null;
}

export interface NeighborsArgs extends FirstArgs {
  readonly depth?: number | null;
  readonly predicate?: readonly string[] | null;
  readonly includeNegated?: boolean | null;
}

export const MAX_NEIGHBOR_DEPTH = 6;

export function entityFieldResolvers(store: GraphStore) {
  return {
    // `?? {}`/`?? []`: a snapshot written by another version may lack them; the API promises `{}` and a list.
    properties: (entity: EntityAttributes): EntityAttributes['properties'] => entity.properties ?? {},
    // The fields that read the long lists ask the store for what they return (store/partialRecords.ts): a store may
    // hand out a hub's record without them, and answer a page of them without reading the whole record.
    evidence: (entity: EntityAttributes, args: FirstArgs): readonly Evidence[] | Promise<readonly Evidence[]> =>
      entityEvidence(store, entity, checkFirst(args.first, DEFAULT_FIRST.evidence)),
    articles: (entity: EntityAttributes, args: FirstArgs): Promise<ArticleWithoutText[]> => {
      const first = checkFirst(args.first, DEFAULT_FIRST.articles);
      return Promise.resolve(entityArticleIds(store, entity, first)).then((ids) => articlesWithoutText(store, ids, first));
    },
    relations: async (entity: EntityAttributes, args: RelationsArgs): Promise<StoredRelation[]> =>
      store.relationsOf(
        entity.id,
        {
          predicates: await checkPredicates(store, args.predicate),
          direction: args.direction ?? 'BOTH',
          negated: args.includeNegated === false ? false : undefined,
        },
        checkFirst(args.first, DEFAULT_FIRST.relations),
      ),
    neighbors: (entity: EntityAttributes, args: NeighborsArgs): Promise<NeighborRecord[]> => {
      const depth = checkRange('depth', args.depth, 1, 0, MAX_NEIGHBOR_DEPTH);
      const around = (predicates: readonly string[] | undefined) =>
        store.neighborhood(entity.id, { depth, predicates, includeNegated: args.includeNegated ?? true, limit: checkFirst(args.first, DEFAULT_FIRST.neighbors) });
      // Checked in the order of the arguments (depth, predicate, first); no extra await when there is no filter.
      return args.predicate === null || args.predicate === undefined ? around(undefined) : checkPredicates(store, args.predicate).then(around);
    },
  };
}
