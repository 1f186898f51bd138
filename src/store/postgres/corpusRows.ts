/**
 * The rows of every table of a load (schema.ts), from a corpus's records and its plan (corpusPlan.ts). Each
 * generator yields one row at a time, so a table streams into COPY as it is made: an entity's or a relation's
 * record is read, turned into its row and let go. Sort keys, folded names and layout positions are the plan's,
 * computed by the rules the in-memory store uses, so both stores answer in the same order.
 */
import type { ArticleRecord } from '../../graph/types.js';
import { evidenceArticleIds } from '../evidenceArticles.js';
import { NEGATED, SYMMETRIC, TRAVERSABLE, type CorpusPlan } from './corpusPlan.js';
import type { CorpusRecords } from './corpusRecords.js';
import type { CopyValue } from './copyText.js';
import { listHeads } from './listHeads.js';
import { projectedText } from './projectedRecords.js';
import { TABLES_VERSION, type TableName } from './schema.js';
import { slimJson } from './slimRecords.js';
import { reachRows } from './reachRows.js';

/** The stored form of the corpus-wide figures the store answers without counting (meta table). */
export interface CorpusMeta {
  /** The tables' layout (schema.ts TABLES_VERSION); absent in loads older than version 2. */
  readonly tablesVersion?: number;
  readonly identity: CorpusRecords['identity'];
  readonly entityCount: number;
  readonly relationCount: number;
  readonly nameCount: number;
  readonly kindCounts: Readonly<Record<string, number>>;
  /** [predicate, count] in the graph's order of first use (the order `predicateCounts` answers in). */
  readonly predicateCounts: ReadonlyArray<readonly [string, number]>;
  readonly trigrams: boolean;
  /** The graph's attributes in their order, `articles` as null (its records are the article table's). */
  readonly graphAttributes: ReadonlyArray<readonly [string, unknown]>;
}

/** Each article's position in publication order (the article table's `pos`). */
type Publication = ReadonlyMap<string, number>;

function* entityRows(records: CorpusRecords, plan: CorpusPlan, publication: Publication): Generator<CopyValue[]> {
  let pos = 0;
  for (const entity of records.entities()) {
    const at = plan.positions.get(entity.id) ?? { x: 0, y: 0 };
    const event = entity.kind === 'EVENT' ? entity.properties : undefined;
    const full = JSON.stringify(entity);
    const slim = slimJson(entity, full, () => listHeads(entity, entity.articles ?? [], publication));
    yield [
      pos,
      entity.id,
      entity.kind,
      plan.timelinePosition.get(entity.id),
      plan.timelineDate.get(entity.id),
      event?.status,
      event?.eventType,
      entity.kind === 'CLAIM' && plan.contradicted[pos] === 1,
      plan.degree[pos] ?? 0,
      at.x,
      at.y,
      full,
      slim,
      projectedText(full, slim),
    ];
    pos++;
  }
}

function* nameRows(plan: CorpusPlan): Generator<CopyValue[]> {
  const { folded, isAlias, entityPos, order } = plan.names;
  for (let rank = 0; rank < order.length; rank++) {
    const n = order[rank] ?? 0;
    yield [rank, entityPos[n] ?? 0, folded[n], isAlias[n] === 1];
  }
}

function* nameWordRows(plan: CorpusPlan): Generator<CopyValue[]> {
  const { folded, order, entityPos } = plan.names;
  for (let rank = 0; rank < order.length; rank++) {
    const n = order[rank] ?? 0;
    const name = folded[n] ?? '';
    const pos = entityPos[n] ?? 0;
    for (const word of new Set(name.split(' '))) yield [word, rank, pos, name, plan.entityKinds[pos]];
  }
}

function* relationRows(records: CorpusRecords, publication: Publication): Generator<CopyValue[]> {
  let pos = 0;
  for (const r of records.relations()) {
    const full = JSON.stringify(r);
    const articles = evidenceArticleIds(r.evidence);
    const slim = slimJson(r, full, () => listHeads(r, articles, publication));
    yield [pos, r.id, r.predicate, r.subject, r.object, r.negated, r.symmetric, r.draft === true, r.event, articles.length, full, slim, projectedText(full, slim, articles.length)];
    pos++;
  }
}

/** One row per end of a relation (one for a self-loop), with which directions it matches from that end. */
function* adjacencyRows(plan: CorpusPlan): Generator<CopyValue[]> {
  const { entityIds, relationSubject, relationObject, relationPredicate, relationFlags, predicates } = plan;
  for (let pos = 0; pos < relationSubject.length; pos++) {
    const subject = relationSubject[pos] ?? 0;
    const object = relationObject[pos] ?? 0;
    const flags = relationFlags[pos] ?? 0;
    const predicate = predicates[relationPredicate[pos] ?? 0]?.[0];
    const negated = (flags & NEGATED) !== 0;
    const symmetric = (flags & SYMMETRIC) !== 0;
    const traversable = (flags & TRAVERSABLE) !== 0;
    // From the subject: out, and in too when symmetric (or a self-loop); from the object: the mirror.
    yield [entityIds[subject], pos, entityIds[object], predicate, negated, true, object === subject || symmetric, traversable];
    if (object !== subject) yield [entityIds[object], pos, entityIds[subject], predicate, negated, symmetric, true, traversable];
  }
}

/** The articles in publication order as GraphIndex's articlesInOrder: dated first by date, undated last, ties in graph order. */
function publicationOrder(plan: CorpusPlan): ArticleRecord[] {
  return [...plan.articleById.values()]
    .map((article, order) => ({ article, order }))
    .sort((a, b) => byDate(a.article.published, b.article.published) || a.order - b.order)
    .map(({ article }) => article);
}

function* articleRows(records: CorpusRecords, inOrder: readonly ArticleRecord[]): Generator<CopyValue[]> {
  const graphOrder = new Map(records.articles.map((a, i) => [a.id, i]));
  for (const [pos, article] of inOrder.entries()) {
    yield [pos, graphOrder.get(article.id) ?? pos, article.id, article.published, article.source?.toLowerCase(), JSON.stringify(article)];
  }
}

function byDate(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function* relationArticleRows(plan: CorpusPlan): Generator<CopyValue[]> {
  for (const [article, positions] of plan.relationsByArticle) {
    const published = plan.articleById.get(article)?.published;
    for (const pos of positions) yield [article, pos, published];
  }
}

function* entityArticleRows(plan: CorpusPlan): Generator<CopyValue[]> {
  for (const [article, positions] of plan.entitiesByArticle) for (const pos of positions) yield [article, pos];
}

export function corpusMeta(records: CorpusRecords, plan: CorpusPlan, trigrams: boolean): CorpusMeta {
  return {
    tablesVersion: TABLES_VERSION,
    identity: records.identity,
    entityCount: plan.rowCounts.entity,
    relationCount: plan.rowCounts.relation,
    nameCount: plan.rowCounts.name,
    kindCounts: plan.kindCounts,
    predicateCounts: plan.predicates,
    trigrams,
    graphAttributes: records.graphAttributes
      .filter(([, value]) => value !== undefined) // JSON leaves such keys out
      .map(([key, value]) => [key, key === 'articles' ? null : value] as const),
  };
}

/** The tables in the order they are written, each with its rows (meta is written last, on its own). */
export function corpusTables(records: CorpusRecords, plan: CorpusPlan): Array<[Exclude<TableName, 'meta'>, Iterable<CopyValue[]>]> {
  const inOrder = publicationOrder(plan);
  const publication: Publication = new Map(inOrder.map((article, pos) => [article.id, pos]));
  return [
    ['entity', entityRows(records, plan, publication)],
    ['name', nameRows(plan)],
    ['name_word', nameWordRows(plan)],
    ['relation', relationRows(records, publication)],
    ['adjacency', adjacencyRows(plan)],
    ['article', articleRows(records, inOrder)],
    ['relation_article', relationArticleRows(plan)],
    ['entity_article', entityArticleRows(plan)],
    ['reach', reachRows(plan)], // one row per entity
  ];
}
