/**
 * Reads a store can answer at once. The memory store can: every read is a lookup in memory, async only
 * because the store interface is. A resolver that returns a promise costs graphql-js a promise per field and,
 * for every object holding such a field, a Promise.all over its fields; a relation's `subject { name }` is the
 * most read field of most answers. So resolvers use these when the store has them and await otherwise (a
 * database store), giving the same answers either way.
 */
import type { ArticleRecord, EntityAttributes, RelationAttributes } from '../../graph/index.js';
import type { GraphStore, Page, PageRequest } from '../../store/index.js';

export interface SyncReads {
  entityNow(id: string): EntityAttributes | null;
  articleNow(id: string): ArticleRecord | null;
  /** As `GraphStore.articleRelations`; throws where it rejects. */
  articleRelationsNow(articleId: string, page: PageRequest): Page<RelationAttributes>;
  /** As `GraphStore.articleEntities`; throws where it rejects. */
  articleEntitiesNow(articleId: string, page: PageRequest): Page<EntityAttributes>;
}

/** The store's synchronous reads, or undefined when it has none (or not all of them). Asked at every entity a field reads. */
export function syncReadsOf(store: GraphStore): SyncReads | undefined {
  const candidate = store as GraphStore & Partial<SyncReads>;
  const all =
    typeof candidate.entityNow === 'function' &&
    typeof candidate.articleNow === 'function' &&
    typeof candidate.articleRelationsNow === 'function' &&
    typeof candidate.articleEntitiesNow === 'function';
  return all ? (candidate as GraphStore & SyncReads) : undefined;
}
