/**
 * Slim records (src/store/postgres/slimRecords.ts): the PostgreSQL store hands out a large record without its long
 * lists (evidence, articles, history) and reads the whole one only when an answer asks for them. Checked: the large
 * records are handed out slim and the small ones whole; completing gives the in-memory record exactly; and every
 * field that reads the lists (evidence, articles, articleCount, history, the explorer's article fields) answers over
 * HTTP as the in-memory server does, for the hub, a relation between hubs and a much-reported event; an answer that
 * only names the hub reads no whole record.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { ArticleRecord, Evidence, NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { PostgresStore } from '../../src/store/postgres/index.js';
import { isSlim, slimJson, SLIM_FROM } from '../../src/store/postgres/slimRecords.js';
import { HEADS_KEY } from '../../src/store/postgres/listHeads.js';
import { TABLES_VERSION } from '../../src/store/postgres/schema.js';
import pg from 'pg';
import type { Ask } from '../api/seed.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { serveTwice, type ServedTwice } from './servedTwice.js';
import { withWholeRecords } from './wholeRecords.js';
import { addEntity, addRelation, anchor, articleFromSentences, emptyNewsGraph } from '../utils/sampleGraph.js';

/** Twelve dated articles (and one undated), each stating that the hub rejected the plan. */
const ARTICLES: ArticleRecord[] = Array.from({ length: 13 }, (_, i) =>
  articleFromSentences({ id: `art-${String(i).padStart(2, '0')}`, title: `Report ${i}`, ...(i < 12 ? { published: `2025-${String(12 - i).padStart(2, '0')}-01` } : {}) }, [
    `Hub Land rejected the plan on day ${i}.`,
    'The Spoke Office met the Hub Land envoy.',
  ]),
);

/** Evidence over every article, `n` quotes, long enough that the record is stored slim. */
function manyQuotes(exact: string, n: number): Evidence[] {
  return Array.from({ length: n }, (_, i) => anchor(exact, ARTICLES[i % ARTICLES.length], 30));
}

function slimGraph(): NewsGraph {
  const g = emptyNewsGraph(ARTICLES);
  const everyArticle = ARTICLES.map((a) => a.id);
  addEntity(g, { id: 'hub', kind: 'GOVERNMENT', name: 'Hub Land', properties: {}, evidence: manyQuotes('Hub Land', 120), articles: everyArticle });
  addEntity(g, { id: 'spoke', kind: 'GOVERNMENT', name: 'Spoke Office', properties: {}, evidence: [anchor('Spoke Office', ARTICLES[0])], articles: [ARTICLES[0]?.id ?? ''] });
  addEntity(g, { id: 'plan', kind: 'PROPOSAL', name: 'the plan', properties: {}, evidence: [anchor('the plan', ARTICLES[1])], articles: [ARTICLES[1]?.id ?? ''] });
  addEntity(g, {
    id: 'meeting',
    kind: 'EVENT',
    name: 'the envoy meeting',
    properties: { eventType: 'MEETING', status: 'HAPPENED' },
    evidence: manyQuotes('met the Hub Land envoy', 90),
    articles: everyArticle,
    history: ARTICLES.slice(0, 12).map((a, i) => ({ status: i % 2 === 0 ? 'HAPPENED' : 'PLANNED', article: a.id, ...(a.published ? { published: a.published } : {}) })),
  } as never);
  addRelation(g, { id: 'hub-rejected-plan', predicate: 'REJECTED', subject: 'hub', object: 'plan', evidence: manyQuotes('Hub Land rejected the plan', 100) });
  addRelation(g, { id: 'spoke-met-hub', predicate: 'MET_WITH', subject: 'spoke', object: 'hub', symmetric: true, evidence: [anchor('met the Hub Land envoy', ARTICLES[2])] });
  addRelation(g, { id: 'hub-in-meeting', predicate: 'PARTICIPANT', subject: 'meeting', object: 'hub', origin: 'role', evidence: manyQuotes('met the Hub Land envoy', 80) });
  return g;
}

describePostgres('slim records: large records handed out without their lists, completed when asked', () => {
  let served: ServedTwice;
  let graph: NewsGraph;
  let store: PostgresStore;
  let fromMemory: Ask;
  let fromPostgres: Ask;

  beforeAll(async () => {
    graph = slimGraph();
    // No response cache: every question is answered by the stores.
    served = await serveTwice(graph, { responseCacheBytes: 0 });
    ({ store, fromMemory, fromPostgres } = served);
  });
  afterAll(async () => {
    await served?.close();
  });

  test('the fixture has large and small records, and slim JSON keeps the other keys in their order', () => {
    const hub = graph.getNodeAttributes('hub');
    const full = JSON.stringify(hub);
    expect(full.length).toBeGreaterThanOrEqual(SLIM_FROM);
    const slim = JSON.parse(slimJson(hub, full) ?? 'null') as Record<string, unknown>;
    expect(Object.keys(slim)).toEqual(Object.keys(hub).filter((k) => !['evidence', 'articles', 'history'].includes(k)));
    const spoke = graph.getNodeAttributes('spoke');
    // A small record has no slim copy, unless the projection's cut cannot keep its keys (projectedRecords.ts): this
    // fixture's records have `properties` after their lists, so the copy is the whole text; in the builder's order, none.
    expect(slimJson(spoke, JSON.stringify(spoke))).toBe(JSON.stringify(spoke));
    const { evidence, articles, ...rest } = spoke;
    const inOrder = { ...rest, evidence, articles } as typeof spoke;
    expect(slimJson(inOrder, JSON.stringify(inOrder))).toBeUndefined();
  });

  test('large records are handed out slim, small ones whole; completing gives the in-memory record', async () => {
    const memory = memoryStore(graph);
    const [hub, spoke, meeting] = await store.entities(['hub', 'spoke', 'meeting']);
    expect(hub && isSlim(hub)).toBe(true);
    expect(meeting && isSlim(meeting)).toBe(true);
    expect(spoke && isSlim(spoke)).toBe(false);
    expect(spoke).toEqual(await memory.entity('spoke'));
    expect(await store.wholeEntity(hub!)).toEqual(await memory.entity('hub'));
    expect(await store.wholeEntity(meeting!)).toEqual(await memory.entity('meeting'));
    const [relation] = await store.relationsOf('plan', {}, 5);
    expect(relation && isSlim(relation)).toBe(true);
    expect(await store.wholeRelation(relation!)).toEqual((await memory.relationsOf('plan', {}, 5))[0]);
  });

  test('an answer that only names the hub reads no whole record', async () => {
    const before = store.statementCount;
    const answer = await fromPostgres(`{ entity(id: "plan") { relations { subject { id name kind } object { name } } } }`);
    expect(answer).toEqual(await fromMemory(`{ entity(id: "plan") { relations { subject { id name kind } object { name } } } }`));
    // The entity, its relations (the large one slim, in the same rows), their ends in one batch: no statement for
    // a whole record (whole records: a fourth, for the large relation left to the record cache, and a fifth).
    expect(store.statementCount - before).toBeLessThanOrEqual(3);
  });

  test('a few quotes, the first articles and the article count of a hub\'s relation read no whole record', async () => {
    const query = `{ entity(id: "plan") { relations { articleCount evidence(first: 3) { exact } articles(first: 5) { id } } } }`;
    await fromPostgres(query); // warm: the corpus figures
    const before = store.statementCount;
    const answer = await fromPostgres(query);
    expect(answer).toEqual(await fromMemory(query));
    // The entity, its relations (the large one slim, with its heads), the articles: no whole record, no slice.
    expect(store.statementCount - before).toBeLessThanOrEqual(3);
    const [relation] = await store.relationsOf('plan', {}, 5);
    expect(relation && isSlim(relation)).toBe(true);
    expect(Object.keys(relation ?? {})).not.toContain(HEADS_KEY);
    expect(relation && store.relationArticleCount(relation)).toBe(ARTICLES.length);
  });

  test('pages past the heads are cut in SQL: no whole record is read, the answers are the whole record\'s', async () => {
    const fresh = new PostgresStore({ primary: served.cluster.url });
    try {
      const memory = memoryStore(graph);
      const [relation] = await fresh.relationsOf('plan', {}, 5);
      const [hub] = await fresh.entities(['hub']);
      if (relation === undefined || hub === null || hub === undefined) throw new Error('fixture: the relation and the hub');
      const [wholeRelation] = await memory.relationsOf('plan', {}, 5);
      const wholeHub = await memory.entity('hub');
      const before = fresh.cachedRecordCount;
      expect(await fresh.relationEvidence(relation, 40)).toEqual(wholeRelation?.evidence.slice(0, 40));
      expect(await fresh.entityEvidence(hub, 200)).toEqual(wholeHub?.evidence);
      const articleIds = await fresh.relationArticleIds(relation, 12);
      expect((await memory.articles({ ids: articleIds }, 12)).map((a) => a.id)).toEqual(
        (await memory.articles({ ids: [...new Set(wholeRelation?.evidence.map((e) => e.article))] }, 12)).map((a) => a.id),
      );
      expect(await fresh.entityArticleIds(hub, 11)).toEqual((await memory.articles({ ids: wholeHub?.articles ?? [] }, 11)).map((a) => a.id));
      // Nothing kept: no whole record was read (a relation's or a hub's would be, being large).
      expect(fresh.cachedRecordCount).toBe(before);
    } finally {
      await fresh.close();
    }
  });

  test('a load of an older table layout is refused, saying to reload', async () => {
    const client = new pg.Client({ connectionString: served.cluster.url });
    await client.connect();
    const meta = `SELECT value::text AS value FROM newsgraph.meta WHERE key = 'corpus'`;
    const original = ((await client.query<{ value: string }>(meta)).rows[0]?.value ?? '') as string;
    expect(JSON.parse(original)).toMatchObject({ tablesVersion: TABLES_VERSION });
    const older = new PostgresStore({ primary: served.cluster.url });
    try {
      // As a load written before the layout had a version.
      await client.query(`UPDATE newsgraph.meta SET value = (value::jsonb - 'tablesVersion')::json WHERE key = 'corpus'`);
      await expect(older.identity()).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('newsgraph load') });
    } finally {
      await client.query(`UPDATE newsgraph.meta SET value = $1::json WHERE key = 'corpus'`, [original]);
      await older.close();
      await client.end();
    }
    const current = new PostgresStore({ primary: served.cluster.url });
    try {
      expect((await current.identity()).id).toBe((await memoryStore(graph).identity()).id);
    } finally {
      await current.close();
    }
  });

  test('the typed fields, relations and event relations of a list go in one statement per filter, answers unchanged', async () => {
    const memory = memoryStore(graph);
    const ids = ['hub', 'spoke', 'plan', 'meeting', 'nobody'];
    const ask = (s: typeof memory | PostgresStore) =>
      Promise.all([
        Promise.all(ids.map((id) => s.linked(id, { predicates: ['MET_WITH', 'REJECTED'] }, 10))),
        Promise.all(ids.map((id) => s.linked(id, { direction: 'IN', order: 'time' }, 10))),
        Promise.all(ids.map((id) => s.relationsOf(id, { direction: 'OUT' }, 10))),
        Promise.all(ids.map((id) => s.relationsOfEvent(id, 10))),
      ]);
    await ask(store); // warm: the corpus figures
    const before = store.statementCount;
    const answers = await ask(store);
    // One statement for each of the four lists (none for the records: the large ones are handed out slim).
    expect(store.statementCount - before).toBe(4);
    expect(await withWholeRecords(store, answers)).toEqual(await ask(memory));
  });

  const QUESTIONS: ReadonlyArray<readonly [string, string]> = [
    ['an entity\'s evidence and articles', `{ entity(id: "hub") { name evidence(first: 200) { exact start article { id } } e5: evidence { exact } articles(first: 200) { id published } a3: articles(first: 3) { id } } }`],
    ['a relation\'s evidence, articles and count', `{ entity(id: "plan") { relations { id articleCount evidence(first: 200) { exact article { id } } articles(first: 50) { id } } } }`],
    ['an event\'s history', `{ entity(id: "meeting") { ... on Event { status history(first: 50) { status published article { id } } participants { name } } } }`],
    ['relations from the hub, with counts', `{ relations(subject: "hub", first: 10) { totalCount edges { node { id articleCount subject { name } object { name } } } } }`],
    ['a neighbourhood with its via', `{ entity(id: "spoke") { neighbors(depth: 2) { distance entity { id name } via(first: 10) { id articleCount } } } }`],
    ['a path', `{ path(from: "spoke", to: "plan") { id articleCount evidence(first: 2) { exact } } }`],
    ['the explorer with article fields', `{ explore(center: "spoke", depth: 2, limit: 10) { reachable nodes { id articleCount articleIds(first: 200) firstPublished lastPublished } edges { id articleCount articleIds firstPublished lastPublished } } }`],
    ['the explorer without them', `{ explore(center: "hub", depth: 2, limit: 10) { nodes { id x y } edges { id source target } } }`],
    ['an article\'s relations', `{ article(id: "art-03") { relations(first: 10) { edges { node { id articleCount evidence(first: 1) { exact } } } } } }`],
    // Around the heads the slim copies keep (listHeads.ts: 10 quotes, 10 articles): within, at the edge, past them.
    ['pages at the edge of the heads', `{ entity(id: "plan") { relations { e0: evidence(first: 0) { exact } e10: evidence(first: 10) { start article { id } } e11: evidence(first: 11) { start article { id } } a0: articles(first: 0) { id } a10: articles(first: 10) { id } a11: articles(first: 11) { id } } } }`],
    ['an entity\'s pages at the edge of the heads', `{ entity(id: "hub") { e10: evidence(first: 10) { start } e11: evidence(first: 11) { start article { id } } a10: articles(first: 10) { id } a12: articles(first: 12) { id published } a13: articles(first: 13) { id } } }`],
    ['search', `{ search(text: "hub", limit: 5) { id name ... on Event { history { status } } } }`],
  ];

  for (const [name, query] of QUESTIONS) {
    test(`the same answer from both stores: ${name}`, async () => {
      const expected = await fromMemory(query);
      expect(expected.errors).toBeUndefined();
      expect(await fromPostgres(query)).toEqual(expected);
    });
  }
});
