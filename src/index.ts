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

// The store seam: the read interface GraphQL answers through, and its in-memory implementation.
export {
  memoryStore,
  MemoryStore,
  type ArticleQuery,
  type GraphStore,
  type LinkedFilter,
  type LinkFilter,
  type NeighborhoodQuery,
  type NeighborRecord,
  type PageRequest,
  type RelationQuery,
  type TimelineQuery,
} from './store/index.js';

// What a store's answers are, typed as they are handed out (libtypes): records whole or without their long lists
// (completed by PostgresStore.wholeEntity/wholeRelation), articles without their text on the resolvers' lean reads,
// the explorer's view whole unless its query names the fields it asks.
export type { Stored, StoredEntity, StoredEvent, StoredRelation } from './store/index.js';
export { isWholeEntity, isWholeRelation } from './store/partialRecords.js';
export { isWholeArticle, type ArticleWithoutText } from './store/partialArticles.js';
export type {
  ExploreFields,
  ExploreQuery,
  ExplorerEdge,
  ExplorerNode,
  ExplorerView,
  SelectedExplorerEdge,
  SelectedExplorerNode,
  SelectedExplorerView,
  WholeExploreQuery,
} from './graph/explore.js';

// The PostgreSQL store (issue 12): load a graph into a database, answer GraphQL from it (startServer({ store })).
export { loadGraphIntoPostgres, loadSnapshotIntoPostgres, PostgresStore, type ConnectionOptions, type LoadOptions, type LoadResult } from './store/postgres/index.js';

// Exports to other tools.
export { EXPORT_FORMATS, exportGraph, isExportFormat, type ExportFormat, type ExportOptions, type ExportResult } from './export/index.js';
export { exportGraphChunks, STREAMED_FORMATS, type ExportChunksResult } from './export/index.js';

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

// Authoring: layered data directories, the vocabulary described from its source, an article beside its facts.
export { LAYER_FILE, PACKAGE_LAYER, type BuildOptions } from './build/index.js';
// The build cache (incremental builds): where `newsgraph build` keeps each article's check, and the counts it reports.
export { defaultCacheDir, type CheckCounts } from './build/index.js';
// A rebuild that writes a snapshot file: patches the previous one after an edit to one article, else builds in full.
export { buildSnapshot, type SnapshotBuild } from './build/index.js';
export { describeVocabulary, renderVocabularyMarkdown, type Vocabulary } from './ontology/describe.js';
export { reviewArticle, type ArticleReview, type ReviewedSentence } from './graph/articleReview.js';

// Errors: check `code`, not the message.
export { DataError, NewsgraphError, formatDiagnostic, type Diagnostic, type DiagnosticCode, type ErrorCode } from './errors.js';

// Drafting articles from their text, and measuring drafts against reviewed encodings (newsgraph extract / evaluate).
export {
  draftArticle,
  evaluateDirectories,
  extractIntoDirectory,
  formatEvaluation,
  type ArticleDraft,
  type ArticleMeta,
  type Evaluation,
  type ExtractResult,
  type Score,
} from './extract/index.js';
export { CAMEO_ROOTS, EVENT_TYPE_CAMEO, PREDICATE_CAMEO, type CameoMapping } from './ontology/index.js';

// Serving a corpus: which graph a server answers from (its `reload` and `snapshot()`), build progress.
export { graphIdentity, type GraphIdentity } from './build/graphIdentity.js';
