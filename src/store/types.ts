/**
 * The store seam: the one read interface through which the GraphQL resolvers see a graph. Every method is
 * asynchronous and every list it returns is bounded by its caller (`first`, `limit`, a per-hop bound), so a
 * store backed by a database server can implement it with one bounded query per call; the in-memory store
 * (`src/store/memory/`) implements it over graphology and the indices of `src/graph/`.
 *
 * The store answers in the graph's own record types (`EntityAttributes`, `RelationAttributes`,
 * `ArticleRecord`): the API reads their plain fields (name, predicate, evidence) without asking again.
 * Arguments arrive checked by the API layer (`first` within its cap, predicates known, dates well formed).
 */
import type { Direction } from '../graph/adjacent.js';
import type { ExploreQuery, ExplorerView, SelectedExplorerView, WholeExploreQuery } from '../graph/explore.js';
import type { GraphIdentity } from '../graph/identity.js';
import type { ArticleRecord, EntityAttributes, EventAttributes, RelationAttributes } from '../graph/types.js';
import type { EntityKind } from '../ontology/index.js';

/** The lists a store may leave out of a record it hands out: those that grow with the articles that name it. */
export type LongList = 'evidence' | 'articles' | 'history';
/**
 * A record as a store's reads hand it out: whole, or without its long lists (a hub's slim copy, an end read for its
 * name: src/store/postgres/slimRecords.ts, projectedRecords.ts). Every other field is there. The in-memory store
 * always hands out whole records; `wholeEntity`/`wholeRelation` (partialRecords.ts) complete one from a store that may not.
 */
export type Stored<T> = T extends unknown ? Omit<T, LongList> & Partial<Pick<T, Extract<keyof T, LongList>>> : never;
export type StoredEntity = Stored<EntityAttributes>;
export type StoredEvent = Stored<EventAttributes>;
export type StoredRelation = Stored<RelationAttributes>;

export type { Direction };

/** One page of a connection: the items after a cursor, how many match in all, and where the page ends. */
export interface Page<T> {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: T }>;
}

/** Which page: at most `first` items after the item whose cursor is `after` (from the start when absent). */
export interface PageRequest {
  readonly first: number;
  readonly after?: string;
}

/** Relations around one entity. */
export interface LinkFilter {
  /** Only these predicates or role names; all when absent. */
  readonly predicates?: readonly string[];
  /** Which end the entity is at (symmetric relations match either). @default 'BOTH' */
  readonly direction?: Direction;
  /** true: only negated relations; false: only those that hold; absent: both. */
  readonly negated?: boolean;
}

/** The entities at the far end of relations around one entity. */
export interface LinkedFilter extends LinkFilter {
  /** Only entities of this kind (a typed field promises its kind). */
  readonly kind?: EntityKind;
  /** 'time': events in timeline order, other kinds left out; 'graph' (default): the order first met. */
  readonly order?: 'graph' | 'time';
}

/** The filters of `Query.relations`; every one given must hold. */
export interface RelationQuery {
  readonly predicates?: readonly string[];
  /** Subject (or either end of a symmetric relation). */
  readonly subject?: string;
  readonly object?: string;
  readonly negated?: boolean;
  /** Only relations with evidence in this article. */
  readonly article?: string;
  /** Only relations with evidence in an article published in this range (inclusive; ISO dates or year-months). */
  readonly from?: string;
  readonly to?: string;
  /** Only relations stated by at least this many distinct articles. */
  readonly minArticles?: number;
  /** true: only drafts not yet accepted by a reviewer; false: only reviewed relations. */
  readonly draft?: boolean;
}

/** A neighbourhood, bounded per hop so that a hub of the corpus cannot make it explode. */
export interface NeighborhoodQuery {
  readonly depth: number;
  readonly predicates?: readonly string[];
  readonly includeNegated: boolean;
  /** At most this many neighbours in all, nearest first: each ring stops growing once it is reached. */
  readonly limit: number;
}

/** An entity near another, and the relations that reach it from one ring closer. */
export interface NeighborRecord {
  readonly entity: StoredEntity;
  readonly distance: number;
  readonly via: readonly StoredRelation[];
}

/** Articles by id and publication date. */
export interface ArticleQuery {
  /** Only these articles (the ids an entity or relation names). */
  readonly ids?: readonly string[];
  /** Published at or after (inclusive; a year-month `2025-04` starts on its first day). */
  readonly from?: string;
  /** Published at or before (inclusive; a year-month `2025-04` includes its whole month). */
  readonly to?: string;
  /** Only articles of this outlet (exact, case-insensitive). */
  readonly source?: string;
}

/** The filters of `Query.timeline`. */
export interface TimelineQuery {
  readonly from?: string;
  readonly to?: string;
  readonly statuses?: readonly string[];
  readonly eventTypes?: readonly string[];
}

/**
 * The read interface of a graph store. Implementations: `MemoryStore` (graphology, in-process). Lists come
 * in a stable order (pages in the order their cursors point into); `first`/`limit` bound every one.
 */
export interface GraphStore {
  /** The entity with this id, or null. */
  entity(id: string): Promise<StoredEntity | null>;
  /** The entities with these ids, in the same order, null where there is none (one round-trip for a list). */
  entities(ids: readonly string[]): Promise<Array<StoredEntity | null>>;
  /** Ids close to one that is not there, for a did-you-mean (at most a few). */
  similarIds(id: string): Promise<string[]>;
  /** Every entity, or every entity of a kind, a page at a time. */
  entitiesOfKind(kind: EntityKind | undefined, page: PageRequest): Promise<Page<StoredEntity>>;
  /** Case-, diacritic- and alias-insensitive name search, best match first. */
  search(text: string, options: { readonly kind?: EntityKind; readonly limit: number }): Promise<StoredEntity[]>;

  /** The relations around an entity that pass the filter, at most `first`, in a stable order. */
  relationsOf(id: string, filter: LinkFilter, first: number): Promise<StoredRelation[]>;
  /** The distinct entities at the far end of the matching relations, at most `first`. */
  linked(id: string, filter: LinkedFilter, first: number): Promise<StoredEntity[]>;
  /** The relations that name this event (its roles, projections, relations stated in it), at most `first`. */
  relationsOfEvent(eventId: string, first: number): Promise<StoredRelation[]>;
  /** The relations that pass every filter, a page at a time. */
  relations(query: RelationQuery, page: PageRequest): Promise<Page<StoredRelation>>;

  /** The entities within `depth` relations, nearest first, bounded per hop. */
  neighborhood(id: string, query: NeighborhoodQuery): Promise<NeighborRecord[]>;
  /**
   * The shortest chain of stated relations between two entities (either direction), [] when from = to,
   * null when none within `maxHops`. Throws NOT_FOUND for an unknown id.
   */
  path(from: string, to: string, maxHops: number): Promise<StoredRelation[] | null>;

  /** Articles that pass the filter, in publication order (undated last), at most `first`. */
  articles(query: ArticleQuery, first: number): Promise<ArticleRecord[]>;
  /** The article with this id, or null. */
  article(id: string): Promise<ArticleRecord | null>;
  /** The relations with evidence in an article, a page at a time. */
  articleRelations(articleId: string, page: PageRequest): Promise<Page<StoredRelation>>;
  /** The entities an article mentions, a page at a time. */
  articleEntities(articleId: string, page: PageRequest): Promise<Page<StoredEntity>>;

  /** Events by date (event time, else the date of the first article that reports it); undated last. */
  timeline(query: TimelineQuery, first: number): Promise<StoredEvent[]>;
  /** Claims; `contradicted` keeps those that contradict another (true) or none (false). */
  claims(contradicted: boolean | undefined, first: number): Promise<StoredEntity[]>;
  /** How many relations use each predicate or role name the graph holds. */
  predicateCounts(): Promise<ReadonlyMap<string, number>>;
  /** Which corpus this store answers from: a content hash, when it was built, how many articles. */
  identity(): Promise<GraphIdentity>;
  /**
   * The explorer's capped neighbourhood with layout positions (graph/explore.ts); arguments already checked. Without
   * `fields` every node and edge is whole; with them a store may leave out the fields only records hold when the
   * answer asks none of them (SelectedExplorerView says which).
   */
  explore(query: WholeExploreQuery): Promise<ExplorerView>;
  explore(query: ExploreQuery): Promise<SelectedExplorerView>;
}
