/** The PostgreSQL store (issue 12): load a built graph into a database, then answer the GraphStore interface from it. */
export { PostgresStore, type PostgresStoreOptions } from './postgresStore.js';
export type { ConnectionOptions } from './connections.js';
export { loadCorpusIntoPostgres, loadGraphIntoPostgres, loadSnapshotIntoPostgres, type LoadOptions, type LoadResult } from './load.js';
export { graphRecords, type CorpusRecords } from './corpusRecords.js';
export { snapshotRecords } from './snapshotRecords.js';
export { DEFAULT_RECORD_CACHE_BYTES } from './recordCache.js';
export { SELECTION_LIMITS, type SelectionLimits } from './selectionGraph.js';
export { describeConnectionFailure } from './connectionFailure.js';
