/**
 * The explorer's entry point (schema/explorer.graphql): a capped neighbourhood with layout positions,
 * built on the graph layer's `neighborhoodRings`, `graphIndex` and `graphLayout` so that it ports to any store
 * that offers the same three.
 */
import { NewsgraphError } from '../../errors.js';
import { graphIndex, graphLayout, neighborhoodRings, relationsTouching } from '../../graph/index.js';
import type { GraphIndex, NewsGraph, RelationAttributes } from '../../graph/index.js';
import type { EntityKind } from '../../ontology/index.js';
import { checkPredicates } from './common.js';
import { originName, type RelationOriginName } from './relation.js';

export interface ExploreArgs {
  readonly center: string;
  readonly depth?: number | null;
  readonly predicate?: readonly string[] | null;
  readonly limit?: number | null;
  readonly connectTo?: readonly string[] | null;
}

export const MAX_EXPLORE_DEPTH = 4;
export const MAX_EXPLORE_LIMIT = 2_000;
/** Relations visited, once the entities to draw are found, before `reachable` stops counting (a hub reaches most of a corpus). */
export const COUNT_BUDGET = 250_000;
/** Relations drawn per entity drawn, at most. */
export const EDGES_PER_NODE = 4;

interface ExplorerNode {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly x: number;
  readonly y: number;
  readonly distance: number;
  readonly degree: number;
  readonly time: string | null;
  readonly articles: Articles;
}

interface ExplorerEdge {
  readonly id: string;
  readonly predicate: string;
  readonly source: string;
  readonly target: string;
  readonly negated: boolean;
  readonly modality: string;
  readonly origin: RelationOriginName;
  readonly attributedTo: string | null;
  readonly event: string | null;
  readonly time: string | null;
  readonly articles: Articles;
}

/** The articles behind a node or an edge: ids in publication order, and the range of their dates. */
export interface Articles {
  readonly ids: readonly string[];
  readonly firstPublished: string | null;
  readonly lastPublished: string | null;
}

export interface ExplorerView {
  readonly center: string;
  readonly truncated: boolean;
  readonly reachable: number;
  readonly reachableIsExact: boolean;
  readonly edgesTruncated: boolean;
  readonly nodes: readonly ExplorerNode[];
  readonly edges: readonly ExplorerEdge[];
}

function wholeNumberIn(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new NewsgraphError('BAD_USER_INPUT', `explore: ${argument} must be a whole number from ${min} to ${max}, not ${value}.`);
  }
  return value;
}

/** The default and the cap of `articleIds(first:)`: a hub of a corpus is mentioned by thousands of articles. */
export const DEFAULT_ARTICLE_IDS = 20;
export const MAX_ARTICLE_IDS = 200;

/** Each article's place in publication order (undated last, ties by id), worked out once per graph. */
const articleRanks = new WeakMap<GraphIndex, ReadonlyMap<string, number>>();

function rankOf(index: GraphIndex): ReadonlyMap<string, number> {
  let ranks = articleRanks.get(index);
  if (ranks === undefined) {
    const key = (a: { readonly id: string; readonly published?: string }): string => `${a.published ?? '\uffff'}\u0000${a.id}`;
    const ordered = [...index.articles.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    ranks = new Map(ordered.map((a, i) => [a.id, i]));
    articleRanks.set(index, ranks);
  }
  return ranks;
}

function articlesOf(index: GraphIndex, ids: readonly string[]): Articles {
  const ranks = rankOf(index);
  // Numbers, not localeCompare: a hub of a corpus is mentioned by thousands of articles.
  const ordered = [...new Set(ids)].sort((a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0));
  const dates = ordered.flatMap((id) => index.articles.get(id)?.published ?? []);
  return { ids: ordered, firstPublished: dates[0] ?? null, lastPublished: dates[dates.length - 1] ?? null };
}

/** Articles worked out on first use: most answers ask for a few fields of a few of the items. */
function lazyArticles(index: GraphIndex, ids: () => readonly string[]): Articles {
  let value: Articles | undefined;
  const get = (): Articles => (value ??= articlesOf(index, ids()));
  return {
    get ids() {
      return get().ids;
    },
    get firstPublished() {
      return get().firstPublished;
    },
    get lastPublished() {
      return get().lastPublished;
    },
  };
}

function edgeOf(index: GraphIndex, relation: RelationAttributes): ExplorerEdge {
  return {
    id: relation.id,
    predicate: relation.predicate,
    source: relation.subject,
    target: relation.object,
    negated: relation.negated,
    modality: relation.modality,
    origin: originName(relation.origin),
    attributedTo: relation.attributedTo ?? null,
    event: relation.event ?? null,
    time: relation.time ?? null,
    articles: lazyArticles(index, () => relation.evidence.map((e) => e.article)),
  };
}

/**
 * The neighbourhood of `center`, nearest first, cut at `limit` entities, with every relation among those kept.
 * @throws NewsgraphError NOT_FOUND for an unknown centre; BAD_USER_INPUT for a depth, limit or predicate out of range.
 */
export function exploreView(graph: NewsGraph, args: ExploreArgs): ExplorerView {
  const depth = wholeNumberIn('depth', args.depth ?? 2, 0, MAX_EXPLORE_DEPTH);
  const limit = wholeNumberIn('limit', args.limit ?? 500, 1, MAX_EXPLORE_LIMIT);
  const predicates = checkPredicates(graph, args.predicate);
  if (!graph.hasNode(args.center)) throw new NewsgraphError('NOT_FOUND', `explore: no entity with id "${args.center}".`);
  const { kept, reachable, exact } = neighborhoodRings(graph, args.center, { depth, predicates, limit, countBudget: COUNT_BUDGET });
  const keptIds = new Set(kept.map((n) => n.id));
  const followed = predicates === undefined ? null : new Set(predicates);
  const index = graphIndex(graph);
  const positions = graphLayout(graph);
  // Relations among the kept entities, those of the nearest entities first, at most EDGES_PER_NODE per entity
  // kept: on a corpus, hubs share thousands of projected relations, which no drawing can show anyway.
  const maxEdges = kept.length * EDGES_PER_NODE;
  // Entities already drawn elsewhere (an expansion): relations to them come too, so the new part joins the old.
  const others = new Set(args.connectTo ?? []);
  const edges = new Map<string, RelationAttributes>();
  let edgesTruncated = false;
  for (const { id } of kept) {
    for (const relation of relationsTouching(index, id)) {
      if (followed !== null && !followed.has(relation.predicate)) continue;
      if (!(keptIds.has(relation.subject) || others.has(relation.subject)) || !(keptIds.has(relation.object) || others.has(relation.object))) continue;
      if (edges.has(relation.id)) continue;
      if (edges.size >= maxEdges) {
        edgesTruncated = true;
        break;
      }
      edges.set(relation.id, relation);
    }
    if (edgesTruncated) break;
  }
  return {
    center: args.center,
    truncated: reachable > kept.length,
    reachable,
    reachableIsExact: exact,
    edgesTruncated,
    nodes: kept.map(({ id, distance }) => {
      const entity = graph.getNodeAttributes(id);
      const position = positions.get(id) ?? { x: 0, y: 0 };
      return {
        id,
        name: entity.name,
        kind: entity.kind,
        x: position.x,
        y: position.y,
        distance,
        degree: relationsTouching(index, id).length,
        time: entity.kind === 'EVENT' ? entity.properties.time ?? null : null,
        articles: lazyArticles(index, () => entity.articles),
      };
    }),
    edges: [...edges.values()].map((relation) => edgeOf(index, relation)),
  };
}

function articleIds(item: { readonly articles: Articles }, args: { readonly first?: number | null }): readonly string[] {
  const first = args.first ?? DEFAULT_ARTICLE_IDS;
  if (!Number.isInteger(first) || first < 0 || first > MAX_ARTICLE_IDS) {
    throw new NewsgraphError('BAD_USER_INPUT', `articleIds: first must be a whole number from 0 to ${MAX_ARTICLE_IDS}, not ${first}.`);
  }
  return item.articles.ids.slice(0, first);
}

/** The part that goes under Query. */
export function explorerQueryResolvers(graph: NewsGraph) {
  return {
    explore: (_root: unknown, args: ExploreArgs): ExplorerView => exploreView(graph, args),
  };
}

/** The explorer's own types: their article lists are cut at `first`, with the count and date range beside. */
export function explorerTypeResolvers() {
  const articleFields = {
    articleIds,
    articleCount: (item: { readonly articles: Articles }): number => item.articles.ids.length,
    firstPublished: (item: { readonly articles: Articles }): string | null => item.articles.firstPublished,
    lastPublished: (item: { readonly articles: Articles }): string | null => item.articles.lastPublished,
  };
  return { ExplorerNode: articleFields, ExplorerEdge: articleFields };
}
