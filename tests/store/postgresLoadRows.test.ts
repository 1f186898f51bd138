/**
 * The lean loader (corpusPlan.ts, corpusRows.ts) writes exactly the rows the loader wrote when it derived them
 * from the in-memory store's own index: every table, row for row and in order, from a graph in memory and from
 * its snapshot read record by record (snapshotRecords.ts). The reference rows below are that loader's
 * generators, kept as they were: they read GraphIndex and the name index, the structures the in-memory store
 * answers from, so the two stores agreeing on positions, ranks and orders is checked at its source.
 * No database is needed: the rows are compared before COPY.
 */
import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { writeSnapshot } from '../../src/build/index.js';
import { graphIdentity } from '../../src/graph/identity.js';
import { graphIndex, relationsTouching, type GraphIndex } from '../../src/graph/indices.js';
import { graphLayout } from '../../src/graph/layout.js';
import { nameIndex } from '../../src/graph/nameIndex.js';
import { isTraversable } from '../../src/graph/paths.js';
import type { NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import { NewsgraphError } from '../../src/errors.js';
import { evidenceArticleIds } from '../../src/store/evidenceArticles.js';
import { planCorpus } from '../../src/store/postgres/corpusPlan.js';
import { TABLES_VERSION } from '../../src/store/postgres/schema.js';
import { graphRecords, type CorpusRecords } from '../../src/store/postgres/corpusRecords.js';
import { corpusMeta, corpusTables } from '../../src/store/postgres/corpusRows.js';
import { copyRow, type CopyValue } from '../../src/store/postgres/copyText.js';
import { snapshotRecords } from '../../src/store/postgres/snapshotRecords.js';
import { seedGraph } from '../api/seed.js';
import { tempDir } from '../utils/fixtures.js';
import { addEntity, addRelation } from '../utils/sampleGraph.js';
import { corpusGraph } from './corpusFixture.js';
import { writeFileSync, readFileSync } from 'node:fs';
import { slimJson } from '../../src/store/postgres/slimRecords.js';
import { projectedText } from '../../src/store/postgres/projectedRecords.js';
import { listHeads } from '../../src/store/postgres/listHeads.js';

// ---- The reference: the rows as the loader derived them from GraphIndex before it was made lean. ----

function* entityRows(index: GraphIndex, graph: NewsGraph): Generator<CopyValue[]> {
  const positions = graphLayout(graph);
  for (const [pos, entity] of index.entities.entries()) {
    const touching = relationsTouching(index, entity.id);
    const contradicts = entity.kind === 'CLAIM' && touching.some((r) => r.predicate === 'CONTRADICTS' && !r.negated);
    const at = positions.get(entity.id) ?? { x: 0, y: 0 };
    const event = entity.kind === 'EVENT' ? entity.properties : undefined;
    const full = JSON.stringify(entity);
    const slim = slimJson(entity, full, () => listHeads(entity, entity.articles, publicationOf(index)));
    // The cut as stored (its text checked against layout 2's SQL in postgresStoredCut.test.ts).
    yield [pos, entity.id, entity.kind, index.timelinePosition.get(entity.id), index.timelineDate.get(entity.id), event?.status, event?.eventType, contradicts, touching.length, at.x, at.y, full, slim, projectedText(full, slim)];
  }
}

function* nameRows(index: GraphIndex): Generator<CopyValue[]> {
  const names = nameIndex(index);
  for (const [rank, entry] of names.names.entries()) yield [rank, names.position[rank] ?? 0, entry.folded, entry.isAlias];
}

function* nameWordRows(index: GraphIndex): Generator<CopyValue[]> {
  const names = nameIndex(index);
  for (const [rank, entry] of names.names.entries()) {
    const pos = names.position[rank] ?? 0;
    for (const word of new Set(entry.words)) yield [word, rank, pos, entry.folded, index.entities[pos]?.kind];
  }
}

/** Each article's place in the index's publication order (the article table's pos). */
function publicationOf(index: GraphIndex): Map<string, number> {
  return new Map(index.articlesInOrder.map((a, pos) => [a.id, pos]));
}

function* relationRows(index: GraphIndex): Generator<CopyValue[]> {
  for (const [pos, r] of index.relations.entries()) {
    const full = JSON.stringify(r);
    const articles = evidenceArticleIds(r.evidence).length;
    const slim = slimJson(r, full, () => listHeads(r, evidenceArticleIds(r.evidence), publicationOf(index)));
    yield [pos, r.id, r.predicate, r.subject, r.object, r.negated, r.symmetric, r.draft === true, r.event, articles, full, slim, projectedText(full, slim, articles)];
  }
}

function* adjacencyRows(index: GraphIndex): Generator<CopyValue[]> {
  const row = (r: RelationAttributes, pos: number, entity: string): CopyValue[] => {
    const other = r.subject === entity ? r.object : r.subject;
    const asOut = r.subject === entity || (r.symmetric && r.object === entity);
    const asIn = r.object === entity || (r.symmetric && r.subject === entity);
    return [entity, pos, other, r.predicate, r.negated, asOut, asIn, isTraversable(r)];
  };
  for (const [pos, r] of index.relations.entries()) {
    yield row(r, pos, r.subject);
    if (r.object !== r.subject) yield row(r, pos, r.object);
  }
}

function* articleRows(index: GraphIndex, graph: NewsGraph): Generator<CopyValue[]> {
  const graphOrder = new Map(graph.getAttribute('articles').map((a, i) => [a.id, i]));
  for (const [pos, article] of index.articlesInOrder.entries()) {
    yield [pos, graphOrder.get(article.id) ?? pos, article.id, article.published, article.source?.toLowerCase(), JSON.stringify(article)];
  }
}

function* relationArticleRows(index: GraphIndex): Generator<CopyValue[]> {
  for (const [article, relations] of index.relationsByArticle) {
    const published = index.articles.get(article)?.published;
    for (const r of relations) yield [article, index.relationPosition.get(r.id) ?? 0, published];
  }
}

function* entityArticleRows(index: GraphIndex): Generator<CopyValue[]> {
  for (const [article, entities] of index.entitiesByArticle) for (const e of entities) yield [article, index.entityPosition.get(e.id) ?? 0];
}

/** reachRows.ts: each entity's distinct traversable neighbours (itself left out), as a path search's first ring. */
function* reachRows(index: GraphIndex): Generator<CopyValue[]> {
  for (const [pos, entity] of index.entities.entries()) {
    const others = new Set(relationsTouching(index, entity.id).filter(isTraversable).map((r) => (r.subject === entity.id ? r.object : r.subject)));
    others.delete(entity.id);
    yield [pos, entity.id, others.size];
  }
}

function referenceMeta(graph: NewsGraph, index: GraphIndex): unknown {
  const kindCounts: Record<string, number> = {};
  for (const [kind, list] of index.byKind) kindCounts[kind] = list.length;
  return {
    identity: graphIdentity(graph),
    tablesVersion: TABLES_VERSION,
    entityCount: index.entities.length,
    relationCount: index.relations.length,
    nameCount: nameIndex(index).names.length,
    kindCounts,
    predicateCounts: [...index.byPredicate].map(([name, list]) => [name, list.length] as const),
    trigrams: true,
    graphAttributes: Object.entries(graph.getAttributes())
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, key === 'articles' ? null : value] as const),
  };
}

/** Every table's rows as COPY text, in the order written. */
function referenceTables(graph: NewsGraph): Record<string, string[]> {
  const index = graphIndex(graph);
  const text = (rows: Iterable<CopyValue[]>): string[] => [...rows].map(copyRow);
  return {
    entity: text(entityRows(index, graph)),
    name: text(nameRows(index)),
    name_word: text(nameWordRows(index)),
    relation: text(relationRows(index)),
    adjacency: text(adjacencyRows(index)),
    article: text(articleRows(index, graph)),
    relation_article: text(relationArticleRows(index)),
    entity_article: text(entityArticleRows(index)),
    reach: text(reachRows(index)),
    meta: [JSON.stringify(withoutBuildTime(referenceMeta(graph, index)))],
  };
}

// ---- The lean loader's rows. ----

function leanTables(records: CorpusRecords): Record<string, string[]> {
  const plan = planCorpus(records);
  const tables: Record<string, string[]> = {};
  for (const [table, rows] of corpusTables(records, plan)) tables[table] = [...rows].map(copyRow);
  tables['meta'] = [JSON.stringify(withoutBuildTime(corpusMeta(records, plan, true)))];
  // The plan's counts are the progress total: they must be the rows written.
  for (const [table, count] of Object.entries(plan.rowCounts)) expect(tables[table]).toHaveLength(count);
  return tables;
}

/** The identity's build time is the time of writing (a snapshot's is its file's): everything else must agree. */
function withoutBuildTime(meta: unknown): unknown {
  const { identity, ...rest } = meta as { identity: { builtAt: string } };
  const { builtAt: _builtAt, ...kept } = identity;
  return { identity: kept, ...rest };
}

/** Table by table, the first row that differs (jest's deep diff of 100,000 strings is slow to say little more). */
function expectSameRows(actual: Record<string, string[]>, expected: Record<string, string[]>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [table, rows] of Object.entries(expected)) {
    const got = actual[table] ?? [];
    const differs = rows.findIndex((row, i) => got[i] !== row);
    expect({ table, row: differs, text: got[differs] }).toEqual({ table, row: differs, text: rows[differs] });
    expect({ table, rows: got.length }).toEqual({ table, rows: rows.length });
  }
}

async function snapshotOf(graph: NewsGraph): Promise<string> {
  const file = join(tempDir('newsgraph-loadrows-'), 'graph.snapshot');
  await writeSnapshot(graph, file);
  return file;
}

/**
 * A hub with parallel, negated, symmetric and background relations, a self-loop, a contradicted claim, events
 * dated by their own time, by their first article, and not at all, and entities whose names fold alike.
 */
function edgeCaseGraph(): NewsGraph {
  const g = corpusGraph();
  addEntity(g, { id: 'claim-b', kind: 'CLAIM', name: 'Crimea is not Ukrainian', properties: { modality: 'asserted' }, articles: ['later'] });
  addEntity(g, { id: 'dated-event', kind: 'EVENT', name: 'A summit', aliases: ['The Summit', 'summit'], properties: { eventType: 'MEETING', status: 'planned', time: '../2025-04-29' }, articles: [] });
  addEntity(g, { id: 'undated-event', kind: 'EVENT', name: 'A later talk', properties: { eventType: 'MEETING', status: 'planned' }, articles: ['undated'] });
  addEntity(g, { id: 'ukraine-2', kind: 'GOVERNMENT', name: 'UKRAINE', aliases: ['Ukraine'], properties: {}, articles: ['undated', 'later', 'undated'] });
  addRelation(g, { id: 'contradiction', predicate: 'CONTRADICTS', subject: 'claim-b', object: 'crimea-is-ukrainian' });
  addRelation(g, { id: 'negated-contradiction', predicate: 'CONTRADICTS', subject: 'claim-b', object: 'crimea-is-ukrainian', negated: true });
  addRelation(g, { id: 'loop', predicate: 'CRITICIZED', subject: 'ukraine-2', object: 'ukraine-2' });
  addRelation(g, { id: 'symmetric-loop', predicate: 'MET_WITH', subject: 'ukraine-2', object: 'ukraine-2', symmetric: true });
  addRelation(g, { id: 'background', predicate: 'CRITICIZED', subject: 'ukraine-2', object: 'ukraine', modality: 'background' });
  return g;
}

describe('the lean loader writes the rows derived from the in-memory index', () => {
  const cases: Array<[string, () => Promise<NewsGraph>]> = [
    ['the small corpus fixture', async () => corpusGraph()],
    ['edge cases (self-loops, contradictions, undated events, names folding alike)', async () => edgeCaseGraph()],
    // A generated corpus is compared by the CLI suite (postgresCli.test.ts), 1,000 articles loaded from the data
    // directory and from the snapshot: ForceAtlas2 runs some 30 times slower under jest's VM than in node.
    ['the seed', () => seedGraph()],
  ];
  for (const [name, make] of cases) {
    test(`${name}: from the graph and from its snapshot`, async () => {
      const graph = await make();
      const reference = referenceTables(graph);
      expectSameRows(leanTables(graphRecords(graph)), reference);
      expectSameRows(leanTables(await snapshotRecords(await snapshotOf(graph))), reference);
    }, 120_000);
  }
});

describe('a snapshot read record by record', () => {
  test('reads its entities and relations again on every pass', async () => {
    const records = await snapshotRecords(await snapshotOf(corpusGraph()));
    const ids = (): string[] => [...records.relations()].map((r) => r.id);
    expect(ids()).toEqual(ids());
    expect([...records.entities()].map((e) => e.id)).toEqual(corpusGraph().nodes());
  });

  test('a file that is not a snapshot, or is corrupt, is refused with SNAPSHOT_INVALID, naming it', async () => {
    const dir = tempDir('newsgraph-loadrows-');
    const missing = join(dir, 'missing.snapshot');
    await expect(snapshotRecords(missing)).rejects.toThrow(NewsgraphError);
    await expect(snapshotRecords(missing)).rejects.toMatchObject({ code: 'SNAPSHOT_INVALID' });
    const file = await snapshotOf(corpusGraph());
    const bytes = readFileSync(file);
    const flipped = join(dir, 'flipped.snapshot');
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 1;
    writeFileSync(flipped, bytes);
    await expect(snapshotRecords(flipped)).rejects.toMatchObject({ code: 'SNAPSHOT_INVALID', message: expect.stringContaining('flipped.snapshot') });
  });
});
