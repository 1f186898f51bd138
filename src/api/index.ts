/**
 * The API layer, exported on purpose: the executable schema of a graph, in-process execution, and the
 * HTTP server with its options.
 */
export { createSchema, getTypeDefs } from './schema.js';
export { loadTypeDefs, schemaFiles, SCHEMA_DIR } from './typeDefs.js';
export { executeQuery, type ExecuteOptions, type QueryResult } from './execute.js';
export { createApolloServer, type ApolloOptions } from './apollo.js';
export { DEFAULT_HOST, DEFAULT_PORT } from './address.js';
export {
  GRAPHQL_PATH,
  startServer,
  type RunningServer,
  type ServerOptions,
} from './server.js';
export { LimitError } from './limitError.js';
export {
  DEFAULT_LIMITS,
  LIMIT_CODES,
  resolveLimits,
  type LimitCode,
  type LimitName,
  type QueryLimits,
  type ResolvedLimits,
} from './limits.js';
export { estimateCost } from './costLimit.js';
export { selectionDepth } from './depthLimit.js';
export { createErrorFormatter, MASKED_MESSAGE, type ServerLogger } from './errors.js';
export { decodeCursor, encodeCursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageArgs } from './pagination.js';
export { DEFAULT_FIRST, MAX_FIRST } from './listSizes.js';
