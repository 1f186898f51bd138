/** The PostgreSQL store (issue 12): load a built graph into a database, then answer the GraphStore interface from it. */
export { PostgresStore } from './postgresStore.js';
export type { ConnectionOptions } from './connections.js';
export { loadGraphIntoPostgres, type LoadOptions, type LoadResult } from './load.js';
