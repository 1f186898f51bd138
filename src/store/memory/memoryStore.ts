/**
 * The in-memory store: the read interface over one graphology graph and the indices of `src/graph/`. Its
 * methods do no I/O, so each resolves at once; they are async only because the interface is (a database
 * store is not). Every lookup goes through the graph's cached index, so a store stays right if the graph
 * it wraps changes (the index is rebuilt on the next read).
 */
import { didYouMean } from '../../didYouMean.js';
import { similarIds } from './similarIds.js';
import { layoutReady } from '../../graph/layoutInBackground.js';
import { NewsgraphError } from '../../errors.js';
import { adjacencyTest, firstAdjacentRelations, matchesAdjacency, otherEnd, relationsTouchingWith } from '../../graph/adjacent.js';
import {
  entitiesOfKind,
  graphIndex,
  relationsOfEvent,
  relationsWithPredicate,
  type GraphIndex,
} from '../../graph/indices.js';
import { exploreGraph, type ExploreQuery, type ExplorerView, type SelectedExplorerView, type WholeExploreQuery } from '../../graph/explore.js';
import { graphIdentity, type GraphIdentity } from '../../build/graphIdentity.js';
import { neighborhood } from '../../graph/neighbors.js';
import { shortestPath } from '../../graph/paths.js';
import { searchEntities } from '../../graph/search.js';
import type { ArticleRecord, EntityAttributes, EventAttributes, NewsGraph, RelationAttributes } from '../../graph/types.js';
import type { EntityKind } from '../../ontology/index.js';
import { inDateRange } from '../dates.js';
import { evidenceArticleIds } from '../evidenceArticles.js';
import { paginate } from '../page.js';
import type {
  ArticleQuery,
  GraphStore,
  LinkedFilter,
  LinkFilter,
  NeighborhoodQuery,
  NeighborRecord,
  Page,
  PageRequest,
  RelationQuery,
  TimelineQuery,
} from '../types.js';
import { perIndex } from '../../graph/perIndex.js';

const EMPTY: readonly never[] = Object.freeze([]);

/** True when the relation's ends match the subject and object filters; symmetric ones match either way round. */
function endsMatch(r: RelationAttributes, subject: string | undefined, object: string | undefined): boolean {
  const forward = (subject === undefined || r.subject === subject) && (object === undefined || r.object === object);
  if (forward || !r.symmetric) return forward;
  return (subject === undefined || r.object === subject) && (object === undefined || r.subject === object);
}

/** True when some article of the relation's evidence is published within the range. */
function statedWithin(index: GraphIndex, relation: RelationAttributes, from: string | undefined, to: string | undefined): boolean {
  return relation.evidence.some((anchor) => inDateRange(index.articles.get(anchor.article)?.published, from, to));
}

/** Unions of predicate lists in graph order, by index and sorted names (a question's list is the same every time). */
const unions = perIndex(() => new Map<string, readonly RelationAttributes[]>());
/** Distinct name sets kept per index: a client cannot grow the memo without bound. */
const MAX_UNIONS = 256;

function predicateUnion(
  index: GraphIndex,
  names: readonly string[],
  lists: readonly (readonly RelationAttributes[])[],
  position: (r: RelationAttributes) => number,
): readonly RelationAttributes[] {
  const known = unions(index);
  const key = [...names].sort().join('\n');
  let union = known.get(key);
  if (union === undefined) {
    union = lists.flat().sort((a, b) => position(a) - position(b));
    if (known.size >= MAX_UNIONS) known.clear();
    known.set(key, union);
  }
  return union;
}

/**
 * Article lists in graph order by the id list they were asked with. The lists a question passes are a fact's
 * articles (evidenceArticleIds, one list per evidence list), asked again by every question that lists the
 * fact: sorted once, kept with the index.
 */
const orderedArticles = perIndex(() => new WeakMap<readonly string[], readonly ArticleRecord[]>());

function articlesInOrder(index: GraphIndex, ids: readonly string[]): readonly ArticleRecord[] {
  const known = orderedArticles(index);
  let list = known.get(ids);
  if (list === undefined) {
    const position = (a: ArticleRecord): number => index.articlePosition.get(a.id) ?? 0;
    // Each once, as a filter lists them (and as the PostgreSQL store does): ids may repeat.
    list = [...new Set(ids)].flatMap((id) => index.articles.get(id) ?? EMPTY).sort((a, b) => position(a) - position(b));
    known.set(ids, list);
  }
  return list;
}

/** The entities at either end of a CONTRADICTS relation that holds, per index: `claims(contradicted:)` reads it. */
const contradicting = perIndex((index): ReadonlySet<string> => {
  const ids = new Set<string>();
  for (const r of relationsWithPredicate(index, 'CONTRADICTS')) {
    if (r.negated) continue;
    ids.add(r.subject);
    ids.add(r.object);
  }
  return ids;
});

const cache = new WeakMap<NewsGraph, MemoryStore>();

/** The store of a graph, made once per graph (a store holds nothing but the graph). */
export function memoryStore(graph: NewsGraph): MemoryStore {
  let store = cache.get(graph);
  if (store === undefined) {
    store = new MemoryStore(graph);
    cache.set(graph, store);
  }
  return store;
}

export class MemoryStore implements GraphStore {
  constructor(readonly graph: NewsGraph) {}

  private get index(): GraphIndex {
    return graphIndex(this.graph);
  }

  private node(id: string): EntityAttributes | null {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : null;
  }

  async entity(id: string): Promise<EntityAttributes | null> {
    return this.node(id);
  }

  /** `entity` without a promise (SyncReads, src/api/resolvers/syncReads.ts): what resolvers read most. */
  entityNow(id: string): EntityAttributes | null {
    return this.node(id);
  }

  /** `article` without a promise (SyncReads). */
  articleNow(id: string): ArticleRecord | null {
    return this.index.articles.get(id) ?? null;
  }

  async entities(ids: readonly string[]): Promise<Array<EntityAttributes | null>> {
    return ids.map((id) => this.node(id));
  }

  async similarIds(id: string): Promise<string[]> {
    return similarIds(this.index, id);
  }

  async entitiesOfKind(kind: EntityKind | undefined, page: PageRequest): Promise<Page<EntityAttributes>> {
    const index = this.index;
    return paginate(kind === undefined ? index.entities : entitiesOfKind(index, kind), page, 'entity', index.entityPosition);
  }

  async search(text: string, options: { readonly kind?: EntityKind; readonly limit: number }): Promise<EntityAttributes[]> {
    return searchEntities(this.graph, text, options).map((hit) => hit.entity);
  }

  async relationsOf(id: string, filter: LinkFilter, first: number): Promise<RelationAttributes[]> {
    return firstAdjacentRelations(this.graph, id, filter, first);
  }

  async linked(id: string, filter: LinkedFilter, first: number): Promise<EntityAttributes[]> {
    const { kind, order = 'graph' } = filter;
    const wantKind = order === 'time' ? 'EVENT' : kind;
    const seen = new Set<string>();
    const result: EntityAttributes[] = [];
    const test = adjacencyTest(filter);
    // The index list itself, not a filtered copy: in graph order the loop stops at the `first`th entity.
    for (const relation of relationsTouchingWith(this.index, id, filter.predicates)) {
      if (!matchesAdjacency(relation, id, test)) continue;
      const other = otherEnd(relation, id);
      if (seen.has(other)) continue;
      seen.add(other);
      const entity = this.node(other);
      if (entity === null || (wantKind !== undefined && entity.kind !== wantKind)) continue;
      result.push(entity);
      // Graph order can stop early; time order must see them all before it cuts.
      if (order === 'graph' && result.length >= first) break;
    }
    if (order === 'graph') return result;
    const position = this.index.timelinePosition;
    const at = (e: EntityAttributes): number => position.get(e.id) ?? Number.MAX_SAFE_INTEGER;
    return result.sort((a, b) => at(a) - at(b)).slice(0, first);
  }

  async relationsOfEvent(eventId: string, first: number): Promise<RelationAttributes[]> {
    return relationsOfEvent(this.index, eventId).slice(0, first);
  }

  async relations(query: RelationQuery, page: PageRequest): Promise<Page<RelationAttributes>> {
    const index = this.index;
    const { predicates, subject, object, negated, article, from, to, minArticles, draft } = query;
    const candidates = this.relationCandidates(index, query);
    const wanted = predicates === undefined ? undefined : new Set(predicates);
    const dated = from !== undefined || to !== undefined;
    const matching = candidates.filter(
      (r) =>
        (wanted === undefined || wanted.has(r.predicate)) &&
        (negated === undefined || r.negated === negated) &&
        endsMatch(r, subject, object) &&
        (article === undefined || r.evidence.some((anchor) => anchor.article === article)) &&
        (!dated || statedWithin(index, r, from, to)) &&
        (minArticles === undefined || minArticles <= 1 || evidenceArticleIds(r.evidence).length >= minArticles) &&
        (draft === undefined || (r.draft === true) === draft),
    );
    return paginate(matching, page, 'relation', index.relationPosition);
  }

  /**
   * The shortest index list that holds every relation the query can match, in graph order: around an
   * entity, in an article, stated by several articles, in the articles of a date range, with a predicate,
   * or, with none of these, every relation. The filters then run over that list only.
   */
  private relationCandidates(index: GraphIndex, query: RelationQuery): readonly RelationAttributes[] {
    const { predicates, subject, object, article, from, to, minArticles } = query;
    if (subject !== undefined || object !== undefined) return relationsTouchingWith(index, subject ?? object ?? '', predicates);
    if (article !== undefined) return index.relationsByArticle.get(article) ?? EMPTY;
    const options: Array<{ size: number; list: () => readonly RelationAttributes[] }> = [];
    if (minArticles !== undefined && minArticles >= 2) options.push({ size: index.statedBySeveral.length, list: () => index.statedBySeveral });
    const position = (r: RelationAttributes): number => index.relationPosition.get(r.id) ?? 0;
    if (predicates !== undefined) {
      const names = [...new Set(predicates)];
      const lists = names.map((p) => relationsWithPredicate(index, p));
      // One predicate's list is already in graph order; the union of several is made once per index and set of names.
      options.push({ size: lists.reduce((n, l) => n + l.length, 0), list: () => (lists.length === 1 ? (lists[0] ?? EMPTY) : predicateUnion(index, names, lists, position)) });
    }
    if (from !== undefined || to !== undefined) {
      const lists = index.articlesInOrder.filter((a) => inDateRange(a.published, from, to)).map((a) => index.relationsByArticle.get(a.id) ?? EMPTY);
      options.push({
        size: lists.reduce((n, l) => n + l.length, 0),
        list: () => [...new Set(lists.flat())].sort((a, b) => position(a) - position(b)),
      });
    }
    const smallest = options.reduce<(typeof options)[number] | undefined>((best, o) => (best === undefined || o.size < best.size ? o : best), undefined);
    return smallest === undefined ? index.relations : smallest.list();
  }

  async neighborhood(id: string, query: NeighborhoodQuery): Promise<NeighborRecord[]> {
    const around = neighborhood(this.graph, id, {
      depth: query.depth,
      predicates: query.predicates,
      includeNegated: query.includeNegated,
      limit: query.limit,
    });
    return around.neighbors.map((n) => ({ entity: this.graph.getNodeAttributes(n.id), distance: n.distance, via: n.via }));
  }

  async path(from: string, to: string, maxHops: number): Promise<RelationAttributes[] | null> {
    // An unknown end is refused here, as shortestPath words it, with the near ids from the count table
    // (similarIds.ts) rather than shortestPath's scan of every id (360 ms at 72,000 ids).
    if (Number.isInteger(maxHops) && maxHops >= 0) {
      for (const [id, argument] of [[from, 'from'], [to, 'to']] as const) {
        if (!this.graph.hasNode(id)) throw new NewsgraphError('NOT_FOUND', `${argument}: no entity with id "${id}".${didYouMean(id, similarIds(this.index, id))}`);
      }
    }
    return shortestPath(this.graph, from, to, { maxHops });
  }

  async articles(query: ArticleQuery, first: number): Promise<ArticleRecord[]> {
    const index = this.index;
    const { ids, from, to } = query;
    const source = query.source?.toLowerCase();
    let candidates: readonly ArticleRecord[];
    if (ids !== undefined) {
      candidates = articlesInOrder(index, ids);
    } else candidates = index.articlesInOrder;
    const result: ArticleRecord[] = [];
    if (first <= 0) return result;
    for (const article of candidates) {
      if (source !== undefined && article.source?.toLowerCase() !== source) continue;
      if (!inDateRange(article.published, from, to)) continue;
      result.push(article);
      if (result.length >= first) break;
    }
    return result;
  }

  async article(id: string): Promise<ArticleRecord | null> {
    return this.index.articles.get(id) ?? null;
  }

  private requireArticle(id: string): void {
    if (!this.index.articles.has(id)) {
      throw new NewsgraphError('NOT_FOUND', `article: no article with id "${id}".${didYouMean(id, this.index.articles.keys())}`);
    }
  }

  async articleRelations(articleId: string, page: PageRequest): Promise<Page<RelationAttributes>> {
    return this.articleRelationsNow(articleId, page);
  }

  /** `articleRelations` without a promise (SyncReads): a list of articles reads one page of each. */
  articleRelationsNow(articleId: string, page: PageRequest): Page<RelationAttributes> {
    this.requireArticle(articleId);
    const index = this.index;
    return paginate(index.relationsByArticle.get(articleId) ?? EMPTY, page, 'relation', index.relationPosition);
  }

  async articleEntities(articleId: string, page: PageRequest): Promise<Page<EntityAttributes>> {
    return this.articleEntitiesNow(articleId, page);
  }

  /** `articleEntities` without a promise (SyncReads). */
  articleEntitiesNow(articleId: string, page: PageRequest): Page<EntityAttributes> {
    this.requireArticle(articleId);
    const index = this.index;
    return paginate(index.entitiesByArticle.get(articleId) ?? EMPTY, page, 'entity', index.entityPosition);
  }

  async timeline(query: TimelineQuery, first: number): Promise<EventAttributes[]> {
    const index = this.index;
    const { statuses, eventTypes, from, to } = query;
    const result: EventAttributes[] = [];
    for (const event of index.timeline) {
      if (statuses !== undefined && !statuses.includes(event.properties.status)) continue;
      if (eventTypes !== undefined && !eventTypes.includes(event.properties.eventType)) continue;
      if (!inDateRange(index.timelineDate.get(event.id), from, to)) continue;
      result.push(event);
      if (result.length >= first) break;
    }
    return result;
  }

  async claims(contradicted: boolean | undefined, first: number): Promise<EntityAttributes[]> {
    const result: EntityAttributes[] = [];
    for (const claim of entitiesOfKind(this.index, 'CLAIM')) {
      if (contradicted !== undefined && contradicting(this.index).has(claim.id) !== contradicted) continue;
      result.push(claim);
      if (result.length >= first) break;
    }
    return result;
  }

  async predicateCounts(): Promise<ReadonlyMap<string, number>> {
    const counts = new Map<string, number>();
    for (const [name, relations] of this.index.byPredicate) counts.set(name, relations.length);
    return counts;
  }

  async identity(): Promise<GraphIdentity> {
    return graphIdentity(this.graph);
  }

  /** Always whole: this store has every field at hand and ignores `fields`. */
  explore(query: WholeExploreQuery): Promise<ExplorerView>;
  explore(query: ExploreQuery): Promise<SelectedExplorerView>;
  async explore(query: ExploreQuery): Promise<ExplorerView> {
    // A server lays a large graph out in a worker from the start (layoutInBackground.ts): wait for it, not redo it.
    await layoutReady(this.graph);
    return exploreGraph(this.graph, query);
  }
}

/** A store given as is, or the memory store of a graph. */
export function asStore(source: NewsGraph | GraphStore): GraphStore {
  return isGraph(source) ? memoryStore(source) : source;
}

function isGraph(source: NewsGraph | GraphStore): source is NewsGraph {
  return typeof (source as Partial<NewsGraph>).forEachNode === 'function';
}
