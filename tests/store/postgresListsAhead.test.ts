/**
 * `pgmeet` (issue 12): the playground's "who met whom, and where" and "facts stated by several articles" over
 * PostgreSQL, in a number of statements and of round-trips one after the other that neither the answer's length nor the
 * pace at which GraphQL asks its fields changes. Bounded here, against main's code:
 * - a timeline's typed fields: each read for every event of the list in one statement at its first ask
 *   (recentLists.ts), however far apart the events' fields are asked (main's code: one statement per field and batch
 *   window, and the window runs out while a long list is still being asked, as under the execution budget's yields);
 * - a page of relations and the ends of those it shows in one statement (pageWithEnds.ts): no look-up of the ends
 *   (main's code: the page, then its ends in a statement of their own, then the articles, one after the other); and,
 *   as before, no article read for a page whose articles are not asked (PostgreSQL's statistics of the article table).
 * - "did you mean": the candidate ids read at the server's warm-up and again after a load, before any unknown id is
 *   asked (main's code: at the first unknown id, which waited for them).
 * Every answer is compared with the in-memory store's.
 */
import { beforeAll, expect, jest, test } from '@jest/globals';
import pg from 'pg';
import { executeQuery, startServer } from '../../src/api/index.js';
import { playgroundQuery } from '../utils/playgroundQuery.js';
import type { ArticleRecord, Evidence, NewsGraph } from '../../src/graph/types.js';
import { memoryStore, type GraphStore, type LinkedFilter } from '../../src/store/index.js';
import { MAX_OPEN_MS } from '../../src/store/postgres/batchWindow.js';
import { Connections } from '../../src/store/postgres/connections.js';
import { loadGraphIntoPostgres, PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { addEntity, addRelation, anchor, articleFromSentences, emptyNewsGraph } from '../utils/sampleGraph.js';

const ARTICLES = 30;
const PEOPLE = 8;
const PLACES = 3;
const EVENTS = 24;
const person = (i: number): string => `Person${String.fromCharCode(65 + (i % PEOPLE))}`;
const place = (i: number): string => `Place${String.fromCharCode(65 + (i % PLACES))}`;

/**
 * 30 articles; article a tells that person a met person a+1 in place a, and that person a leads place a. Every fact is
 * stated by several articles. 24 meetings (events) with an agent, one to three participants, a place, some called
 * off by someone, some dated; the people's meetings (MET_WITH) and positions (HOLDS_POSITION) as relations.
 */
function meetingsGraph(): NewsGraph {
  const sentences = (a: number): string[] =>
    a === ARTICLES - 1 ? ['Nothing happened.'] : [`${person(a)} met ${person(a + 1)} in ${place(a)}.`, `${person(a)} leads ${place(a)}.`];
  const articles: ArticleRecord[] = Array.from({ length: ARTICLES }, (_, a) =>
    articleFromSentences(
      { id: `a${a}`, title: `Report ${a}`, published: `2025-03-${String(1 + (a % 28)).padStart(2, '0')}`, source: `Agency ${a % 4}` },
      sentences(a),
    ),
  );
  const g = emptyNewsGraph(articles);
  const quotes = (text: string): Evidence[] => articles.filter((a) => a.text.includes(text)).map((a) => anchor(text, a));
  const named = (text: string): string[] => articles.filter((a) => a.text.includes(text)).map((a) => a.id);
  for (let i = 0; i < PEOPLE; i++)
    addEntity(g, { id: `p${i}`, kind: 'PERSON', name: person(i), properties: {}, evidence: quotes(person(i)), articles: named(person(i)) });
  for (let i = 0; i < PLACES; i++)
    addEntity(g, { id: `l${i}`, kind: 'PLACE', name: place(i), properties: {}, evidence: quotes(place(i)), articles: named(place(i)) });
  let r = 0;
  for (let e = 0; e < EVENTS; e++) {
    const id = `meeting-${e}`;
    const met = `${person(e)} met ${person(e + 1)}`;
    const evidence = quotes(met);
    const status = e % 5 === 0 ? 'cancelled' : 'occurred';
    const time = e % 3 === 0 ? undefined : `2025-03-${String(1 + ((e * 7) % 28)).padStart(2, '0')}`;
    addEntity(g, {
      id,
      kind: 'EVENT',
      name: `Meeting ${e}`,
      properties: { eventType: 'MEETING', status, ...(time === undefined ? {} : { time }) },
      evidence,
      articles: named(met),
    });
    addRelation(g, { id: `role${r++}`, predicate: 'AGENT', subject: id, object: `p${e % PEOPLE}`, evidence, origin: 'role' });
    for (let k = 1; k <= 1 + (e % 3); k++)
      addRelation(g, { id: `role${r++}`, predicate: 'PARTICIPANT', subject: id, object: `p${(e + k) % PEOPLE}`, evidence, origin: 'role' });
    addRelation(g, { id: `role${r++}`, predicate: 'LOCATION', subject: id, object: `l${e % PLACES}`, evidence, origin: 'role' });
    if (e % 5 === 0) addRelation(g, { id: `role${r++}`, predicate: 'CANCELLED', subject: `p${(e + 5) % PEOPLE}`, object: id, evidence, origin: 'role' });
  }
  for (let i = 0; i < PEOPLE; i++) {
    const met = `${person(i)} met ${person(i + 1)}`;
    addRelation(g, { id: `m${i}`, predicate: 'MET_WITH', subject: `p${i}`, object: `p${(i + 1) % PEOPLE}`, symmetric: true, evidence: quotes(met) });
    const leads = `${person(i)} leads ${place(i)}`;
    addRelation(g, {
      id: `h${i}`,
      predicate: 'HOLDS_POSITION',
      subject: `p${i}`,
      object: `l${i % PLACES}`,
      properties: { title: 'Leader' },
      evidence: quotes(leads),
    });
  }
  return g;
}

/** The four typed fields "who met whom, and where" asks of each meeting (event.ts). */
const FIELDS: readonly LinkedFilter[] = [
  { predicates: ['AGENT'], direction: 'OUT' },
  { predicates: ['PARTICIPANT'], direction: 'OUT' },
  { predicates: ['LOCATION'], direction: 'OUT' },
  { predicates: ['CANCELLED'], direction: 'IN' },
];

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The statements sent while `run` runs, and how many of them looked up entities by id. */
async function sentStatements(run: () => Promise<void>): Promise<{ statements: number; entityLookups: number }> {
  const spans: Array<{ text: string }> = [];
  const original = Connections.prototype.read;
  const spy = jest.spyOn(Connections.prototype, 'read').mockImplementation(async function (this: Connections, text: string, values?: readonly unknown[]) {
    spans.push({ text });
    return original.call(this, text, values);
  } as typeof original);
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  const entityLookups = spans.filter((s) => /^SELECT id, \S.* FROM newsgraph\.entity WHERE id = ANY/su.test(s.text)).length;
  return { statements: spans.length, entityLookups };
}

describePostgres('lists and pages read ahead over PostgreSQL (pgmeet)', () => {
  const fixture = postgresFixture(meetingsGraph);
  let memory: GraphStore;
  beforeAll(() => {
    memory = memoryStore(fixture.graph);
  });

  test("a timeline's typed fields go in one statement each, however far apart its events ask them", async () => {
    const store = new PostgresStore({ primary: fixture.url });
    try {
      const events = await store.timeline({ eventTypes: ['MEETING'] }, 100);
      expect(events).toEqual(await memory.timeline({ eventTypes: ['MEETING'] }, 100));
      const before = store.statementCount;
      const started = performance.now();
      const asked: Array<{ id: string; filter: LinkedFilter; answer: Promise<Array<{ id: string }>> }> = [];
      // As the execution budget lets them go once it yields, and slower: a field per turn, and a pause after each event,
      // so that the list is asked over several batch windows (MAX_OPEN_MS each).
      for (const event of events) {
        for (const filter of FIELDS) {
          asked.push({ id: event.id, filter, answer: store.linked(event.id, filter, 10) });
          await turn();
        }
        await sleep(2);
      }
      const elapsed = performance.now() - started;
      for (const { id, filter, answer } of asked) {
        expect([id, filter, (await answer).map((x) => x.id)]).toEqual([id, filter, (await memory.linked(id, filter, 10)).map((x) => x.id)]);
      }
      expect(elapsed).toBeGreaterThan(4 * MAX_OPEN_MS);
      // One statement per field for the whole list, at its first ask. Main's code: one per field and window (with
      // the window closed every MAX_OPEN_MS, 4 times as many at least).
      expect(store.statementCount - before).toBe(FIELDS.length);
      // An event of no list handed out: looked up as before, the same answer.
      const lone = new PostgresStore({ primary: fixture.url });
      try {
        expect((await lone.linked('meeting-3', FIELDS[1] ?? {}, 10)).map((x) => x.id)).toEqual(
          (await memory.linked('meeting-3', FIELDS[1] ?? {}, 10)).map((x) => x.id),
        );
      } finally {
        await lone.close();
      }
    } finally {
      await store.close();
    }
  });

  test('"who met whom, and where": the in-memory answer, the timeline and one statement per typed field', async () => {
    const store = new PostgresStore({ primary: fixture.url });
    try {
      const query = playgroundQuery('WhoMetWhomAndWhere');
      const expected = await executeQuery(memory, query);
      expect(expected.errors).toBeUndefined();
      expect(await executeQuery(store, query)).toEqual(expected);
      const { statements } = await sentStatements(async () => {
        expect(await executeQuery(store, query)).toEqual(expected);
      });
      // The timeline, then its four typed fields, each sent at its first ask.
      expect(statements).toBe(1 + FIELDS.length);
    } finally {
      await store.close();
    }
  });

  test('"facts stated by several articles": the in-memory answer, each page read with its ends', async () => {
    const store = new PostgresStore({ primary: fixture.url });
    try {
      const query = playgroundQuery('FactsStatedBySeveralArticles');
      const expected = await executeQuery(memory, query);
      expect(expected.errors).toBeUndefined();
      expect(JSON.stringify(expected)).toContain('"articles":[{');
      // The first time, the two counts are made (kept for the corpus: corpusCounts.ts).
      expect(await executeQuery(store, query)).toEqual(expected);
      for (let i = 0; i < 3; i++) {
        const { statements, entityLookups } = await sentStatements(async () => {
          expect(await executeQuery(store, query)).toEqual(expected);
        });
        // Each list's page with its ends, then the articles of the facts and their quotes (one statement, or more when
        // the batch window closes between them on a loaded machine). Main's code: each list's page, then its ends in a
        // statement of their own (2), then the articles.
        expect(entityLookups).toBe(0);
        expect(statements).toBeGreaterThanOrEqual(3);
      }
    } finally {
      await store.close();
    }
  });

  test('a page whose articles are not asked reads none', async () => {
    const admin = new pg.Client({ connectionString: fixture.url });
    await admin.connect();
    /** Rows of the article table read so far (by a scan of the table or through an index), as the statistics have them. */
    const articleEntries = async (): Promise<number> => {
      await admin.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await admin.query<{ n: string }>(
        `SELECT coalesce(sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)), 0)::text AS n FROM pg_stat_user_tables WHERE relname = 'article'`,
      );
      return Number(rows[0]?.n ?? 0);
    };
    /** Article rows read by a store answering `query`, counted once its connections have closed. */
    const entriesReadBy = async (query: string): Promise<number> => {
      const before = await articleEntries();
      const store = new PostgresStore({ primary: fixture.url });
      const answer = await executeQuery(store, query);
      expect(answer.errors).toBeUndefined();
      expect(answer).toEqual(await executeQuery(memory, query));
      await store.close();
      // Backends report their counts as they end: wait for them to show.
      let read = 0;
      for (let waited = 0; waited < 3_000; waited += 100) {
        await sleep(100);
        read = (await articleEntries()) - before;
      }
      return read;
    };
    try {
      const ends = '{ relations(minArticles: 2, first: 20) { totalCount edges { node { subject { name } predicate object { name } articleCount } } } }';
      expect(await entriesReadBy(ends)).toBe(0);
      const articles = '{ relations(minArticles: 2, first: 20) { edges { node { id articles { title } evidence(first: 5) { article { id } } } } } }';
      const answer = await executeQuery(memory, articles);
      const distinct = new Set(JSON.stringify(answer).match(/"Report \d+"/gu) ?? []).size;
      expect(distinct).toBeGreaterThan(5);
      // The control: each article read, through the index or by a scan of the table.
      expect(await entriesReadBy(articles)).toBeGreaterThanOrEqual(distinct);
    } finally {
      await admin.end();
    }
  });

  test('"did you mean": the candidates are read at the server\'s warm-up and after a load, not at the first unknown id', async () => {
    const store = new PostgresStore({ primary: fixture.url });
    const server = await startServer({ store, port: 0, handleSignals: false, responseCacheBytes: 0 });
    try {
      // Read before the server listens (main's code: none read until a client's unknown id).
      expect(store.nearIdsReadCount).toBe(1);
      const ask = async (): Promise<unknown> => {
        const response = await fetch(`${server.url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ path(from: "meetin-3", to: "p1") { id } }' }),
        });
        return response.json();
      };
      const expected = await executeQuery(memory, '{ path(from: "meetin-3", to: "p1") { id } }');
      expect(JSON.stringify(expected.errors)).toContain('Did you mean');
      const before = store.statementCount;
      expect(await ask()).toEqual(JSON.parse(JSON.stringify({ errors: expected.errors, data: expected.data })));
      // The ends looked up; the candidates were there.
      expect(store.statementCount - before).toBe(1);
      expect(store.nearIdsReadCount).toBe(1);
      // A new load: read for it in the background, before any unknown id is asked.
      const next = meetingsGraph();
      addEntity(next, { id: 'p99', kind: 'PERSON', name: person(0), properties: {} });
      const { identity } = await loadGraphIntoPostgres(fixture.url, next);
      const deadline = Date.now() + 10_000;
      while ((await store.identity()).id !== identity.id && Date.now() < deadline) await sleep(10);
      while (store.nearIdsReadCount < 2 && Date.now() < deadline) await sleep(10);
      expect(store.nearIdsReadCount).toBe(2);
      expect(await ask()).toEqual(JSON.parse(JSON.stringify({ errors: expected.errors, data: expected.data })));
      expect(store.nearIdsReadCount).toBe(2);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
