/**
 * The indices every reader of the graph shares: built once per graph, so that no resolver scans every
 * node or edge to answer one field. Lookups by kind, predicate, entity, event, folded name and alias,
 * and the stable order that pagination cursors point into.
 */
import type { EntityKind } from '../ontology/index.js';
import { foldName } from './fold.js';
import type { ArticleRecord, EntityAttributes, EventAttributes, NewsGraph, RelationAttributes } from './types.js';

/** One surface form of an entity (its name or an alias), folded for matching. */
export interface NameEntry {
  readonly id: string;
  /** The form as written in the data. */
  readonly surface: string;
  readonly folded: string;
  readonly words: readonly string[];
  readonly isAlias: boolean;
}

export interface GraphIndex {
  readonly graph: NewsGraph;
  /** Every entity in the graph's own (insertion) order: the order of `entities` pages. */
  readonly entities: readonly EntityAttributes[];
  readonly entityPosition: ReadonlyMap<string, number>;
  /** Every relation in the graph's own order: the order of `relations` pages and of adjacency lists. */
  readonly relations: readonly RelationAttributes[];
  readonly relationPosition: ReadonlyMap<string, number>;
  readonly byKind: ReadonlyMap<EntityKind, readonly EntityAttributes[]>;
  readonly byPredicate: ReadonlyMap<string, readonly RelationAttributes[]>;
  /** The relations touching an entity at either end, each once (a self-loop too). */
  readonly byEntity: ReadonlyMap<string, readonly RelationAttributes[]>;
  /** The relations that name an event in `event`: its role edges, projections, and relations stated in it. */
  readonly byEvent: ReadonlyMap<string, readonly RelationAttributes[]>;
  /** Folded name → the entities with that name. */
  readonly byName: ReadonlyMap<string, readonly NameEntry[]>;
  /** Folded alias → the entities with that alias. */
  readonly byAlias: ReadonlyMap<string, readonly NameEntry[]>;
  /** Every name and alias of every entity, for prefix and substring search. */
  readonly names: readonly NameEntry[];
  readonly articles: ReadonlyMap<string, ArticleRecord>;
  /** The articles in publication order (undated last, then in graph order). */
  readonly articlesInOrder: readonly ArticleRecord[];
  /** An article's position in `articlesInOrder`. */
  readonly articlePosition: ReadonlyMap<string, number>;
  /** The relations with evidence in an article, each once, in graph order. */
  readonly relationsByArticle: ReadonlyMap<string, readonly RelationAttributes[]>;
  /** The entities an article mentions, in graph order. */
  readonly entitiesByArticle: ReadonlyMap<string, readonly EntityAttributes[]>;
  /** The relations whose evidence quotes two or more distinct articles, in graph order ("stated by several"). */
  readonly statedBySeveral: readonly RelationAttributes[];
  /**
   * EVENT entities in time order: by their own time (see `timeKey`), else by the publication date of the
   * first article that reports them; events with neither last, in graph order.
   */
  readonly timeline: readonly EventAttributes[];
  /** An event's position in `timeline`, to put any list of events in time order. */
  readonly timelinePosition: ReadonlyMap<string, number>;
  /** The date each dated event sorts by in `timeline` (its own time, else its first article's date). */
  readonly timelineDate: ReadonlyMap<string, string>;
}

const EMPTY: readonly never[] = Object.freeze([]);
const cache = new WeakMap<NewsGraph, GraphIndex>();

/**
 * The index of a graph, built on first use and cached for the graph's lifetime. Any change to the graph
 * (graphology emits an event for each) drops the cached index, so it is never stale.
 */
export function graphIndex(graph: NewsGraph): GraphIndex {
  const cached = cache.get(graph);
  if (cached !== undefined) return cached;
  const index = buildIndex(graph);
  cache.set(graph, index);
  watchForChanges(graph);
  return index;
}

const watched = new WeakSet<NewsGraph>();

function watchForChanges(graph: NewsGraph): void {
  if (watched.has(graph)) return;
  watched.add(graph);
  const drop = (): void => {
    cache.delete(graph);
  };
  for (const event of [
    'nodeAdded',
    'edgeAdded',
    'nodeDropped',
    'edgeDropped',
    'cleared',
    'edgesCleared',
    'attributesUpdated',
    'nodeAttributesUpdated',
    'edgeAttributesUpdated',
    'eachNodeAttributesUpdated',
    'eachEdgeAttributesUpdated',
  ] as const) {
    graph.on(event, drop);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function buildIndex(graph: NewsGraph): GraphIndex {
  const entities: EntityAttributes[] = [];
  const entityPosition = new Map<string, number>();
  const byKind = new Map<EntityKind, EntityAttributes[]>();
  const byName = new Map<string, NameEntry[]>();
  const byAlias = new Map<string, NameEntry[]>();
  const names: NameEntry[] = [];
  const entitiesByArticle = new Map<string, EntityAttributes[]>();

  graph.forEachNode((id, entity) => {
    entityPosition.set(id, entities.length);
    entities.push(entity);
    push(byKind, entity.kind, entity);
    for (const article of entity.articles ?? EMPTY) push(entitiesByArticle, article, entity);
    const forms: Array<[string, boolean]> = [[entity.name, false], ...entity.aliases.map((a): [string, boolean] => [a, true])];
    const seen = new Set<string>();
    for (const [surface, isAlias] of forms) {
      const folded = foldName(surface);
      if (folded === '' || seen.has(folded)) continue;
      seen.add(folded);
      const entry: NameEntry = { id, surface, folded, words: folded.split(' '), isAlias };
      push(isAlias ? byAlias : byName, folded, entry);
      names.push(entry);
    }
  });

  const relations: RelationAttributes[] = [];
  const relationPosition = new Map<string, number>();
  const byPredicate = new Map<string, RelationAttributes[]>();
  const byEntity = new Map<string, RelationAttributes[]>();
  const byEvent = new Map<string, RelationAttributes[]>();
  const relationsByArticle = new Map<string, RelationAttributes[]>();
  const statedBySeveral: RelationAttributes[] = [];

  graph.forEachEdge((id, relation, source, target) => {
    relationPosition.set(id, relations.length);
    relations.push(relation);
    push(byPredicate, relation.predicate, relation);
    push(byEntity, source, relation);
    if (target !== source) push(byEntity, target, relation);
    if (relation.event !== undefined) push(byEvent, relation.event, relation);
    let previous: string | undefined;
    let distinct = 0;
    for (const anchor of relation.evidence) {
      // Evidence of one article is usually contiguous; a repeat further on is caught by the last-element check.
      if (anchor.article === previous) continue;
      previous = anchor.article;
      const list = relationsByArticle.get(anchor.article);
      if (list === undefined) relationsByArticle.set(anchor.article, [relation]);
      else if (list.at(-1) !== relation) list.push(relation);
      else continue;
      distinct += 1;
    }
    // Counted per article list joined, so an article quoted twice apart is still counted once.
    if (distinct >= 2) statedBySeveral.push(relation);
  });

  const articles = new Map<string, ArticleRecord>();
  for (const article of graph.getAttribute('articles') ?? EMPTY) articles.set(article.id, article);

  const articlesInOrder = [...articles.values()]
    .map((article, order) => ({ article, order }))
    .sort((a, b) => byDate(a.article.published, b.article.published) || a.order - b.order)
    .map((a) => a.article);
  const timelineDate = new Map<string, string>();
  const timeline = buildTimeline(byKind.get('EVENT') ?? EMPTY, articles, timelineDate);
  return {
    graph,
    entities,
    entityPosition,
    relations,
    relationPosition,
    byKind,
    byPredicate,
    byEntity,
    byEvent,
    byName,
    byAlias,
    names,
    articles,
    articlesInOrder,
    articlePosition: new Map(articlesInOrder.map((article, position) => [article.id, position])),
    relationsByArticle,
    entitiesByArticle,
    statedBySeveral,
    timeline,
    timelinePosition: new Map(timeline.map((event, position) => [event.id, position])),
    timelineDate,
  };
}

/**
 * The instant an ISO 8601 value or interval sorts by: its start, or its end when the start is open
 * ("../2025-04-29" sorts at 2025-04-29). Undefined for an undated event.
 */
export function timeKey(time: string | undefined): string | undefined {
  if (time === undefined || time === '') return undefined;
  const [start = '', end = ''] = time.split('/');
  if (start !== '' && start !== '..') return start;
  return end !== '' && end !== '..' ? end : undefined;
}

/** Dates first, in order; undated last. */
function byDate(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earliest publication date of the articles that mention an entity, if any has one. */
function firstReported(entity: EntityAttributes, articles: ReadonlyMap<string, ArticleRecord>): string | undefined {
  let first: string | undefined;
  for (const id of entity.articles ?? EMPTY) {
    const published = articles.get(id)?.published;
    if (published !== undefined && (first === undefined || published < first)) first = published;
  }
  return first;
}

function buildTimeline(
  events: readonly EntityAttributes[],
  articles: ReadonlyMap<string, ArticleRecord>,
  dates: Map<string, string>,
): EventAttributes[] {
  const dated: Array<{ event: EventAttributes; key: string; order: number }> = [];
  const undated: EventAttributes[] = [];
  events.forEach((entity, order) => {
    if (entity.kind !== 'EVENT') return;
    const key = timeKey(entity.properties.time) ?? firstReported(entity, articles);
    if (key === undefined) undated.push(entity);
    else {
      dated.push({ event: entity, key, order });
      dates.set(entity.id, key);
    }
  });
  dated.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order));
  return [...dated.map((d) => d.event), ...undated];
}

/** The entities of a kind, in graph order; [] when there are none. */
export function entitiesOfKind(index: GraphIndex, kind: EntityKind): readonly EntityAttributes[] {
  return index.byKind.get(kind) ?? EMPTY;
}

/** The relations touching an entity, in graph order; [] for an unknown id or an isolated entity. */
export function relationsTouching(index: GraphIndex, id: string): readonly RelationAttributes[] {
  return index.byEntity.get(id) ?? EMPTY;
}

/** The relations with a predicate (or role name), in graph order. */
export function relationsWithPredicate(index: GraphIndex, predicate: string): readonly RelationAttributes[] {
  return index.byPredicate.get(predicate) ?? EMPTY;
}

/** The relations that name this event. */
export function relationsOfEvent(index: GraphIndex, eventId: string): readonly RelationAttributes[] {
  return index.byEvent.get(eventId) ?? EMPTY;
}
