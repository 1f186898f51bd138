/**
 * The planning pass of a load: one read of every entity and relation (corpusRecords.ts) that keeps only what
 * the rows need besides the records themselves, in compact form: positions, degrees, the name ranking, the
 * timeline, each article's entities and relations, and each relation's ends and flags (typed arrays). The
 * records are read again when their rows are written, so nothing holds the whole graph.
 *
 * Each figure is the one the in-memory store computes from its GraphIndex (graph/indices.ts,
 * graph/nameIndex.ts), derived here by the same rules in the same order; tests/store/postgresLoadRows.test.ts
 * checks every table's rows against rows derived from the GraphIndex itself.
 */
import { foldName } from '../../graph/fold.js';
import { timeKey } from '../../graph/indices.js';
import { topologyLayout, type Position } from '../../graph/layout.js';
import { isTraversable } from '../../graph/paths.js';
import type { ArticleRecord, EntityAttributes, RelationAttributes } from '../../graph/types.js';
import type { ProgressCallback } from '../../progress.js';
import type { CorpusRecords } from './corpusRecords.js';

/** Per relation, in `relationFlags`. */
export const NEGATED = 1;
export const SYMMETRIC = 2;
export const TRAVERSABLE = 4;

export interface CorpusPlan {
  /** Entity ids in graph order (an entity's position is its index). */
  readonly entityIds: readonly string[];
  readonly entityPosition: ReadonlyMap<string, number>;
  /** Relations touching each entity (a self-loop once). */
  readonly degree: Int32Array;
  /** 1 where a non-negated CONTRADICTS relation touches the entity. */
  readonly contradicted: Uint8Array;
  readonly timelinePosition: ReadonlyMap<string, number>;
  readonly timelineDate: ReadonlyMap<string, string>;
  readonly positions: ReadonlyMap<string, Position>;
  /** Names and aliases in rank order (shorter folded form first, then entity position). */
  readonly names: { readonly folded: readonly string[]; readonly isAlias: Uint8Array; readonly entityPos: Int32Array; readonly order: Int32Array };
  /** Each entity's kind, by position (the name words carry it: searchQuery.ts's prefix tier reads no other table). */
  readonly entityKinds: readonly string[];
  /** Per relation position: its ends' entity positions, its predicate (index into `predicates`), NEGATED | SYMMETRIC | TRAVERSABLE. */
  readonly relationSubject: Int32Array;
  readonly relationObject: Int32Array;
  readonly relationPredicate: Int32Array;
  readonly relationFlags: Uint8Array;
  /** [predicate, count] in the order of first use. */
  readonly predicates: ReadonlyArray<readonly [string, number]>;
  readonly kindCounts: Readonly<Record<string, number>>;
  /** Article id → the positions of the relations with evidence in it, each once, in the order GraphIndex makes them. */
  readonly relationsByArticle: ReadonlyMap<string, readonly number[]>;
  /** Article id → the positions of the entities naming it. */
  readonly entitiesByArticle: ReadonlyMap<string, readonly number[]>;
  /** Article id → its record (the last of a repeated id, as GraphIndex keeps it). */
  readonly articleById: ReadonlyMap<string, ArticleRecord>;
  /** How many rows each table gets. */
  readonly rowCounts: Readonly<Record<'entity' | 'name' | 'name_word' | 'relation' | 'adjacency' | 'article' | 'relation_article' | 'entity_article', number>>;
}

interface NameList {
  folded: string[];
  isAlias: number[];
  entityPos: number[];
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The entity's name and aliases, folded, each form once (as GraphIndex lists them). */
function addNames(names: NameList, entity: EntityAttributes, pos: number): number {
  const seen = new Set<string>();
  let words = 0;
  const add = (surface: string, isAlias: boolean): void => {
    const folded = foldName(surface);
    if (folded === '' || seen.has(folded)) return;
    seen.add(folded);
    names.folded.push(folded);
    names.isAlias.push(isAlias ? 1 : 0);
    names.entityPos.push(pos);
    words += new Set(folded.split(' ')).size;
  };
  add(entity.name, false);
  for (const alias of entity.aliases) add(alias, true);
  return words;
}

/** The earliest publication date of the articles that mention an entity (graph/indices.ts, firstReported). */
function firstReported(entity: EntityAttributes, articles: ReadonlyMap<string, ArticleRecord>): string | undefined {
  let first: string | undefined;
  for (const id of entity.articles ?? []) {
    const published = articles.get(id)?.published;
    if (published !== undefined && (first === undefined || published < first)) first = published;
  }
  return first;
}

/** Reads every record once and plans the load; `onRead(done, total)` as entities and relations are read. */
export function planCorpus(records: CorpusRecords, onRead?: ProgressCallback): CorpusPlan {
  const total = records.entityCount + records.relationCount;
  let read = 0;
  const tick = (): void => {
    read++;
    if (read % 10_000 === 0 || read === total) onRead?.(read, total);
  };
  const articleById = new Map<string, ArticleRecord>();
  for (const article of records.articles) articleById.set(article.id, article);

  const entityIds: string[] = [];
  const entityKinds: string[] = [];
  const entityPosition = new Map<string, number>();
  const kindCounts: Record<string, number> = {};
  const names: NameList = { folded: [], isAlias: [], entityPos: [] };
  let nameWords = 0;
  const entitiesByArticle = new Map<string, number[]>();
  let entityArticles = 0;
  const dated: Array<{ id: string; key: string; order: number }> = [];
  const undated: string[] = [];
  let events = 0;
  for (const entity of records.entities()) {
    const pos = entityIds.length;
    entityIds.push(entity.id);
    entityKinds.push(entity.kind);
    entityPosition.set(entity.id, pos);
    kindCounts[entity.kind] = (kindCounts[entity.kind] ?? 0) + 1;
    nameWords += addNames(names, entity, pos);
    for (const article of entity.articles ?? []) {
      push(entitiesByArticle, article, pos);
      entityArticles++;
    }
    if (entity.kind === 'EVENT') {
      const key = timeKey(entity.properties.time) ?? firstReported(entity, articleById);
      if (key === undefined) undated.push(entity.id);
      else dated.push({ id: entity.id, key, order: events });
      events++;
    }
    tick();
  }
  if (entityIds.length !== records.entityCount) throw new Error(`invariant: the corpus announced ${records.entityCount} entities and holds ${entityIds.length}`);
  dated.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order));
  const timelinePosition = new Map<string, number>();
  const timelineDate = new Map<string, string>();
  for (const { id, key } of dated) {
    timelinePosition.set(id, timelinePosition.size);
    timelineDate.set(id, key);
  }
  for (const id of undated) timelinePosition.set(id, timelinePosition.size);

  const count = records.relationCount;
  const degree = new Int32Array(entityIds.length);
  const contradicted = new Uint8Array(entityIds.length);
  const relationSubject = new Int32Array(count);
  const relationObject = new Int32Array(count);
  const relationPredicate = new Int32Array(count);
  const relationFlags = new Uint8Array(count);
  const predicateIndex = new Map<string, number>();
  const predicateCounts: Array<[string, number]> = [];
  const relationsByArticle = new Map<string, number[]>();
  let relationArticles = 0;
  let adjacency = 0;
  let pos = 0;
  for (const relation of records.relations()) {
    if (pos >= count) throw new Error(`invariant: the corpus has more relations than the ${count} it announced`);
    const subject = positionOf(entityPosition, relation.subject, relation);
    const object = positionOf(entityPosition, relation.object, relation);
    relationSubject[pos] = subject;
    relationObject[pos] = object;
    let predicate = predicateIndex.get(relation.predicate);
    if (predicate === undefined) {
      predicate = predicateCounts.length;
      predicateIndex.set(relation.predicate, predicate);
      predicateCounts.push([relation.predicate, 0]);
    }
    (predicateCounts[predicate] as [string, number])[1]++;
    relationPredicate[pos] = predicate;
    relationFlags[pos] = (relation.negated ? NEGATED : 0) | (relation.symmetric ? SYMMETRIC : 0) | (isTraversable(relation) ? TRAVERSABLE : 0);
    degree[subject] = (degree[subject] ?? 0) + 1;
    adjacency++;
    if (object !== subject) {
      degree[object] = (degree[object] ?? 0) + 1;
      adjacency++;
    }
    if (relation.predicate === 'CONTRADICTS' && !relation.negated) {
      contradicted[subject] = 1;
      contradicted[object] = 1;
    }
    // As GraphIndex's relationsByArticle: evidence of one article is usually contiguous; a repeat further on is
    // caught by the last-element check.
    let previous: string | undefined;
    for (const anchor of relation.evidence) {
      if (anchor.article === previous) continue;
      previous = anchor.article;
      const list = relationsByArticle.get(anchor.article);
      if (list === undefined) relationsByArticle.set(anchor.article, [pos]);
      else if (list[list.length - 1] !== pos) list.push(pos);
      else continue;
      relationArticles++;
    }
    pos++;
    tick();
  }
  if (pos !== count) throw new Error(`invariant: the corpus announced ${count} relations and holds ${pos}`);

  // Rank order as graph/nameIndex.ts sorts it: folded length, then entity position, then listing order.
  const lengths = Int32Array.from(names.folded, (f) => f.length);
  const entityPos = Int32Array.from(names.entityPos);
  const order = Int32Array.from({ length: names.folded.length }, (_, i) => i).sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0) || (entityPos[a] ?? 0) - (entityPos[b] ?? 0) || a - b);

  // Without a graph, the layout of the topology just read: the same function and the same picture (graph/layout.ts).
  const positions = records.layout?.() ?? topologyLayout({ ids: entityIds, sources: relationSubject, targets: relationObject });

  return {
    entityIds,
    entityPosition,
    degree,
    contradicted,
    timelinePosition,
    timelineDate,
    positions,
    names: { folded: names.folded, isAlias: Uint8Array.from(names.isAlias), entityPos, order },
    relationSubject,
    relationObject,
    relationPredicate,
    relationFlags,
    predicates: predicateCounts,
    kindCounts,
    entityKinds,
    relationsByArticle,
    entitiesByArticle,
    articleById,
    rowCounts: {
      entity: entityIds.length,
      name: names.folded.length,
      name_word: nameWords,
      relation: count,
      adjacency,
      article: articleById.size,
      relation_article: relationArticles,
      entity_article: entityArticles,
    },
  };
}

function positionOf(positions: ReadonlyMap<string, number>, id: string, relation: RelationAttributes): number {
  const pos = positions.get(id);
  if (pos === undefined) throw new Error(`invariant: relation "${relation.id}" names entity "${id}", which the corpus does not hold`);
  return pos;
}
