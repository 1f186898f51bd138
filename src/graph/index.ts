/**
 * The graph layer: the typed graph, its indices, and the traversals every reader uses (search, paths,
 * neighbourhoods). Exported by name, on purpose.
 */
export type {
  ArticleRecord,
  ClaimAttributes,
  ClaimProperties,
  EntityAttributes,
  EventAttributes,
  EventProperties,
  Evidence,
  Fatalities,
  GraphAttributes,
  JsonObject,
  JsonValue,
  NewsGraph,
  PlainEntityAttributes,
  RelationAttributes,
  RelationOrigin,
  SentenceSpan,
} from './types.js';
export { sliceArticle } from './articleText.js';
export { foldName, foldedWords } from './fold.js';
export {
  entitiesOfKind,
  graphIndex,
  relationsOfEvent,
  relationsTouching,
  relationsWithPredicate,
  timeKey,
  type GraphIndex,
  type NameEntry,
} from './indices.js';
export {
  adjacentEntities,
  adjacentLinks,
  adjacentRelations,
  matchesDirection,
  otherEnd,
  type AdjacencyFilter,
  type Direction,
  type Link,
} from './adjacent.js';
export { MATCH_TIERS, searchEntities, type MatchTier, type SearchHit, type SearchOptions } from './search.js';
export { DEFAULT_MAX_HOPS, isTraversable, shortestPath, type PathOptions } from './paths.js';
export { graphStats, type ArticleCoverage, type GraphStats } from './stats.js';
export { neighborhood, type Neighbor, type Neighborhood, type NeighborhoodOptions } from './neighbors.js';
export { graphLayout, LAYOUT_CORE, layoutIterations, seededPosition, type Position } from './layout.js';
export { neighborhoodRings, type Rings, type RingsOptions } from './rings.js';
