/**
 * newsgraph's public API. Everything a research tool may rely on is exported here by name, on purpose;
 * anything not listed is internal and may change. (Add exports with intention: each is a promise.)
 */

// Building and loading graphs.
export {
  buildGraph,
  defaultDataDir,
  loadSnapshot,
  serializeGraph,
  splitSentences,
  validateData,
  writeSnapshot,
} from './build/index.js';

// The typed graph and in-process traversals (no GraphQL, no HTTP).
export {
  graphIndex,
  graphStats,
  neighborhood,
  searchEntities,
  shortestPath,
  foldName,
  type ArticleCoverage,
  type ArticleRecord,
  type ClaimAttributes,
  type EntityAttributes,
  type EventAttributes,
  type Evidence,
  type GraphIndex,
  type GraphStats,
  type JsonObject,
  type JsonValue,
  type NewsGraph,
  type RelationAttributes,
  type SearchHit,
  type SearchOptions,
} from './graph/index.js';

// GraphQL: the executable schema, in-process execution, the HTTP server.
export {
  createSchema,
  DEFAULT_HOST,
  DEFAULT_LIMITS,
  DEFAULT_PORT,
  executeQuery,
  startServer,
  type ExecuteOptions,
  type QueryLimits,
  type QueryResult,
  type RunningServer,
  type ServerOptions,
} from './api/index.js';

// Exports to other tools.
export { EXPORT_FORMATS, exportGraph, isExportFormat, type ExportFormat, type ExportOptions, type ExportResult } from './export/index.js';

// The vocabulary.
export {
  ENTITY_KINDS,
  EVENT_ROLES,
  EVENT_TYPES,
  MODALITIES,
  PREDICATES,
  type EntityKind,
  type EventRole,
  type EventType,
  type Modality,
  type Predicate,
} from './ontology/index.js';

// Errors: check `code`, not the message.
export { DataError, NewsgraphError, formatDiagnostic, type Diagnostic, type DiagnosticCode, type ErrorCode } from './errors.js';

// Serving a corpus: which graph a server answers from (its `reload` and `snapshot()`), build progress.
export { graphIdentity, type GraphIdentity } from './graph/identity.js';
export type { BuildOptions } from './build/index.js';
