/**
 * The explorer's view of a neighbourhood (schema/explorer.graphql): the entities around a centre, cut at a
 * limit and saying so, with the relations among them and deterministic layout positions (layout.ts).
 * Built on `neighborhoodRings`, the index and `graphLayout`, so that a store answers it in one call.
 */
import { NewsgraphError } from '../errors.js';
import type { EntityKind } from '../ontology/index.js';
import { graphIndex, relationsTouching, type GraphIndex } from './indices.js';
import { graphLayout } from './layout.js';
import { neighborhoodRings } from './rings.js';
import type { NewsGraph, RelationAttributes, RelationOrigin } from './types.js';

/**
 * Relations visited, the entities drawn found, before `reachable` stops counting (a hub reaches most of a corpus) and
 * says it is a lower bound (`reachableIsExact: false`). 25,000: at 100,000 articles a view around a hub counted up to
 * 250,000 relations for one number, the largest part of its answer time in either store (docs/design-choices.md,
 * "PostgreSQL at 100,000 articles"); a view says "200 of at least 25,000" instead of "of 61,000".
 */
export const COUNT_BUDGET = 25_000;
/** Relations drawn per entity drawn, at most. */
export const EDGES_PER_NODE = 4;

/** An entity drawn, whole: what a view answers when its query names no fields (ExploreQuery.fields). */
export interface ExplorerNode {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly x: number;
  readonly y: number;
  readonly distance: number;
  readonly degree: number;
  readonly time: string | null;
  readonly articles: ArticlesOrLater;
}

/** A relation drawn, whole: what a view answers when its query names no fields (ExploreQuery.fields). */
export interface ExplorerEdge {
  readonly id: string;
  readonly predicate: string;
  readonly source: string;
  readonly target: string;
  readonly negated: boolean;
  readonly modality: string;
  readonly origin: RelationOrigin;
  readonly attributedTo: string | null;
  readonly event: string | null;
  readonly time: string | null;
  readonly articles: ArticlesOrLater;
}

/**
 * The fields of a node and of an edge that a store may leave out when the query names the fields its answer asks
 * (ExploreQuery.fields) and none of these is among them: they live in the records, which the PostgreSQL store then
 * leaves unread (docs/design-choices.md, `pgview`). Every other field is always there.
 */
export type NodeFieldFromRecord = 'name' | 'time';
export type EdgeFieldFromRecord = 'modality' | 'origin' | 'attributedTo' | 'time';

/** An entity drawn for a query that named its fields: `name` and `time` may be missing (NodeFieldFromRecord). */
export type SelectedExplorerNode = Omit<ExplorerNode, NodeFieldFromRecord> & Partial<Pick<ExplorerNode, NodeFieldFromRecord>>;
/** A relation drawn for a query that named its fields: `modality`, `origin`, `attributedTo`, `time` may be missing. */
export type SelectedExplorerEdge = Omit<ExplorerEdge, EdgeFieldFromRecord> & Partial<Pick<ExplorerEdge, EdgeFieldFromRecord>>;

/** The articles behind a node or an edge: ids in publication order, and the range of their dates. */
export interface Articles {
  readonly ids: readonly string[];
  readonly firstPublished: string | null;
  readonly lastPublished: string | null;
}

/**
 * Articles now, or once read: the in-memory store has every record's articles at hand; the PostgreSQL store hands
 * out a hub's record without its lists (store/postgres/slimRecords.ts) and reads them only when an answer asks.
 */
export type ArticlesOrLater = Articles | PromiseLike<Articles>;

/** `read(articles)`, at once when they are at hand, else once they are read. */
export function withArticles<R>(articles: ArticlesOrLater, read: (articles: Articles) => R): R | PromiseLike<R> {
  return 'then' in articles && typeof articles.then === 'function' ? articles.then(read) : read(articles as Articles);
}

/** A promise of `compute()` started when first awaited: most answers ask no article field of most items. */
export function articlesWhenAsked(compute: () => Promise<Articles>): PromiseLike<Articles> {
  let started: Promise<Articles> | undefined;
  return {
    then(onFulfilled, onRejected) {
      started ??= compute();
      return started.then(onFulfilled, onRejected);
    },
  };
}

/** A view: whole nodes and edges (the default), or those of a query that named its fields (SelectedExplorerView). */
export interface ExplorerView<Node = ExplorerNode, Edge = ExplorerEdge> {
  readonly center: string;
  readonly truncated: boolean;
  readonly reachable: number;
  readonly reachableIsExact: boolean;
  readonly edgesTruncated: boolean;
  readonly nodes: readonly Node[];
  readonly edges: readonly Edge[];
}

/** The view a store answers to a query that may name its fields (ExploreQuery.fields): some fields may be missing. */
export type SelectedExplorerView = ExplorerView<SelectedExplorerNode, SelectedExplorerEdge>;

function articlesOf(index: GraphIndex, ids: readonly string[]): Articles {
  // The index's publication order, by number: a hub of a corpus is mentioned by thousands of articles.
  const position = index.articlePosition;
  const ordered = [...new Set(ids)].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  const dates = ordered.flatMap((id) => index.articles.get(id)?.published ?? []);
  return { ids: ordered, firstPublished: dates[0] ?? null, lastPublished: dates[dates.length - 1] ?? null };
}

/** Articles worked out on first use: most answers ask for a few fields of a few of the items. */
function lazyArticles(index: GraphIndex, ids: () => readonly string[]): Articles {
  return articlesOnFirstUse(() => articlesOf(index, ids()));
}

/** `Articles` computed by `compute` when one of its fields is first read (the PostgreSQL store's explorer too). */
export function articlesOnFirstUse(compute: () => Articles): Articles {
  let value: Articles | undefined;
  const get = (): Articles => (value ??= compute());
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
  return explorerEdge(relation, lazyArticles(index, () => relation.evidence.map((e) => e.article)));
}

/** A relation as the explorer draws it, with the articles behind it (each store finds those its own way). */
export function explorerEdge(relation: RelationAttributes, articles: ArticlesOrLater): ExplorerEdge {
  return {
    id: relation.id,
    predicate: relation.predicate,
    source: relation.subject,
    target: relation.object,
    negated: relation.negated,
    modality: relation.modality,
    origin: relation.origin,
    attributedTo: relation.attributedTo ?? null,
    event: relation.event ?? null,
    time: relation.time ?? null,
    articles,
  };
}

/** What to explore: arguments already checked by the caller (the API checks ranges and predicate names). */
export interface ExploreQuery {
  readonly center: string;
  readonly depth: number;
  readonly limit: number;
  /** Follow only these predicates or roles; undefined for all. */
  readonly predicates?: readonly string[];
  /** Entities already drawn elsewhere (an expansion): relations to them come too. */
  readonly connectTo?: readonly string[];
  /** False when the answer asks no article field of the nodes or edges (a store may then leave their records unread). */
  readonly articles?: boolean;
  /**
   * The fields the answer asks of the nodes and of the edges (schema/explorer.graphql's names, `__typename` and the
   * article fields included), when the caller knows them; undefined: any. A store may then leave out the fields that
   * are not asked among those ExplorerNode and ExplorerEdge mark optional (the PostgreSQL store reads them from the
   * records, and leaves the records unread when none is asked); every other field is always there. The store's
   * `explore` is typed accordingly: a query without `fields` gets an ExplorerView, one with them a SelectedExplorerView.
   */
  readonly fields?: ExploreFields;
}

/** A query that names no fields: its view is whole (GraphStore.explore's first overload). */
export type WholeExploreQuery = ExploreQuery & { readonly fields?: undefined };

/** The fields asked of the nodes and of the edges (ExploreQuery.fields). */
export interface ExploreFields {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

/**
 * The neighbourhood of `center`, nearest first, cut at `limit` entities, with the relations among those kept
 * (at most EDGES_PER_NODE per entity kept), each entity with its layout position.
 * @throws NewsgraphError NOT_FOUND for an unknown centre.
 */
export function exploreGraph(graph: NewsGraph, args: ExploreQuery): ExplorerView {
  const { depth, limit, predicates } = args;
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
