/**
 * The build layer: read → validate → anchor evidence → graph, and snapshots.
 */
export { buildGraph, validateData, type BuildOptions } from './buildGraph.js';
export { LAYER_FILE, PACKAGE_LAYER } from './layers.js';
export { defaultCacheDir } from './buildCache.js';
export { buildSnapshot, servedSnapshotFile, type SnapshotBuild } from './incrementalBuild.js';
export type { CheckCounts } from './checkArticles.js';
export { decodeSnapshot, encodeSnapshot, loadSnapshot, serializeGraph, writeSnapshot } from './snapshot.js';
export { removeStaleSiblings, writeFileAtomic, writeFolderAtomic } from './writeAtomic.js';
export { defaultDataDir, displayPath, PACKAGE_ROOT } from './paths.js';
export { splitSentences } from './sentences.js';
export { ARTICLE_SCHEMA, ENTITIES_SCHEMA } from './sourceSchema.js';
