/**
 * The whole corpus, element by element, a page at a time, in the graph's order: what a database store gives the
 * exports of the whole graph that are written one element at a time (src/export/layoutStream.ts), so that a server
 * over PostgreSQL writes a corpus of any size in flat memory. The in-memory graph is walked directly instead
 * (src/export/layout.ts); both give the same elements in the same order, so the same bytes.
 */
import type { ArticleRecord, EntityAttributes, RelationAttributes } from '../graph/types.js';

/** An entity as graphology's `nodeEntries()` gives it. */
export interface NodeElement {
  readonly node: string;
  readonly attributes: EntityAttributes;
}

/** A relation as graphology's `edgeEntries()` gives it. */
export interface EdgeElement {
  readonly edge: string;
  readonly source: string;
  readonly target: string;
  readonly attributes: RelationAttributes;
}

/** What a format may look up about an entity a relation names (GDELT's actors). */
export type EntityHead = Pick<EntityAttributes, 'name' | 'kind'>;

/** What a format may look up about an article a quote is from: all but its text (GDELT's outlet and date). */
export type ArticleHead = Omit<ArticleRecord, 'text' | 'sentences'>;

/**
 * A relation as seen from one of its ends, for the direct triples the RDF export asserts (`<entity> ng:P <other>`):
 * what decides whether the relation has one, and which way.
 */
export type RelationEnd = Pick<RelationAttributes, 'subject' | 'object' | 'predicate' | 'negated' | 'modality' | 'symmetric'>;

/** The corpus's figures and graph-level settings, read before any element. */
export interface CorpusHead {
  readonly entities: number;
  readonly relations: number;
  readonly articles: number;
  /** graphology's options of the graph (graphology's JSON writes them). */
  readonly options: { readonly type: string; readonly multi: boolean; readonly allowSelfLoops: boolean };
  /** The graph's attributes in their order; the value of `articles` is not read: the articles come as pages. */
  readonly attributes: ReadonlyArray<readonly [string, unknown]>;
}

export interface CorpusElements {
  head(): Promise<CorpusHead>;
  /** The articles in the graph's order (the `articles` graph attribute's), text included. */
  articles(): AsyncIterable<readonly ArticleRecord[]>;
  nodes(): AsyncIterable<readonly NodeElement[]>;
  edges(): AsyncIterable<readonly EdgeElement[]>;
  /** The named entities' heads, by id; an id the corpus lacks is absent. */
  entityHeads(ids: readonly string[]): Promise<ReadonlyMap<string, EntityHead>>;
  /** The named articles' heads, by id; an id the corpus lacks is absent. */
  articleHeads(ids: readonly string[]): Promise<ReadonlyMap<string, ArticleHead>>;
  /**
   * For each named entity, the relations it is the subject of, or either end of when symmetric, in the graph's
   * order; negated ones may be left out (they assert nothing). An entity with none is absent.
   */
  relationEnds(entityIds: readonly string[]): Promise<ReadonlyMap<string, readonly RelationEnd[]>>;
  /** For each named article, the ids of the entities that mention it (whose `articles` hold it), in the graph's order. */
  namingEntities(articleIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>>;
  /** The id of an article that some entity mentions and the corpus holds no record of, if there is one. */
  unrecordedMention(): Promise<string | undefined>;
}

/** A load replaced the corpus while an export of it was read: the export is cut rather than made of two corpora. */
export class CorpusReplacedError extends Error {
  constructor() {
    super('A new corpus was loaded while this export was being written; the export was cut short. Ask for it again.');
    this.name = 'CorpusReplacedError';
  }
}
