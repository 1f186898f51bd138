/**
 * The store layer: the read interface the API answers through, and its in-memory implementation over
 * graphology. A second implementation (a database server) implements `GraphStore` and is passed where a
 * graph is (`createSchema`, `executeQuery`, `startServer`).
 */
export type {
  ArticleQuery,
  Direction,
  GraphStore,
  LinkedFilter,
  LinkFilter,
  NeighborhoodQuery,
  NeighborRecord,
  Page,
  PageRequest,
  RelationQuery,
  Stored,
  StoredEntity,
  StoredEvent,
  StoredRelation,
  TimelineQuery,
} from './types.js';
export { asStore, memoryStore, MemoryStore } from './memory/memoryStore.js';
export { compareDates, inDateRange } from './dates.js';
export { evidenceArticleIds } from './evidenceArticles.js';
export { decodeCursor, encodeCursor, paginate, type CursorSpace } from './page.js';
