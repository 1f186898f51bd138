/**
 * Exports of a selection (`focus` and `depth`, `predicate`, `ids`: what the explorer downloads) from a server over
 * PostgreSQL alone, against the same export of a server holding the graph in memory, over real HTTP: the same
 * bytes in every format, the same errors, the articles cut to those the selection cites on both. The whole graph
 * streams in every format (csv's files zipped; gexf, dot, csv and RDF after a first pass), and a selection over the
 * store's limits is refused with the way out.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { unzipSync, strFromU8 } from 'fflate';
import pg from 'pg';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { EXPORT_FORMATS, exportGraph } from '../../src/export/index.js';
import { STORE_TEXT_FORMATS } from '../../src/export/layoutStream.js';
import type { ArticleRecord, NewsGraph } from '../../src/graph/index.js';
import { PostgresStore } from '../../src/store/postgres/index.js';
import { corpusGraph } from '../store/corpusFixture.js';
import { serveTwice, type ServedTwice } from '../store/servedTwice.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { seedGraph } from './seed.js';

const exportUrl = (server: RunningServer, pathAndQuery: string): string => server.url.replace(/\/graphql$/u, `/export/${pathAndQuery}`);

interface Answer {
  readonly status: number;
  readonly type: string | null;
  readonly disposition: string | null;
  readonly body: Buffer;
}

async function get(server: RunningServer, pathAndQuery: string, form?: string): Promise<Answer> {
  const init: RequestInit = form === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form };
  const response = await fetch(exportUrl(server, pathAndQuery), init);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** The same request to both servers: both answers, the database's first. */
async function both(served: ServedTwice, pathAndQuery: string, form?: string): Promise<[Answer, Answer]> {
  return Promise.all([get(served.postgresServer, pathAndQuery, form), get(served.memoryServer, pathAndQuery, form)]);
}

function errorOf(answer: Answer): { message: string; code: string } {
  const body = JSON.parse(answer.body.toString('utf8')) as { errors: Array<{ message: string; extensions: { code: string } }> };
  return { message: body.errors[0]?.message ?? '', code: body.errors[0]?.extensions.code ?? '' };
}

describePostgres('exports of a selection from PostgreSQL, byte for byte the in-memory ones', () => {
  describe('the seed graph', () => {
    let graph: NewsGraph;
    let served: ServedTwice;

    beforeAll(async () => {
      graph = await seedGraph();
      served = await serveTwice(graph);
    });
    afterAll(async () => {
      await served?.close();
    });

    test.each(EXPORT_FORMATS.map((format) => [format]))('%s of a focus and depth', async (format) => {
      const [database, memory] = await both(served, `${format}?focus=ukraine&depth=1`);
      expect(memory.status).toBe(200);
      expect(database.status).toBe(200);
      expect(database.type).toBe(memory.type);
      expect(database.disposition).toBe(memory.disposition);
      expect(database.body.length).toBeGreaterThan(100);
      expect(database.body.equals(memory.body)).toBe(true);
    });

    test('what the explorer downloads: the ids drawn, POSTed as a form', async () => {
      const ids = ['ukraine', 'vladimir-putin', 'donald-trump', 'crimea'].filter((id) => graph.hasNode(id));
      expect(ids.length).toBeGreaterThanOrEqual(3);
      for (const format of ['json', 'turtle', 'graphml']) {
        const [database, memory] = await both(served, format, `ids=${ids.join(',')}`);
        expect([database.status, memory.status]).toEqual([200, 200]);
        expect(database.body.toString('utf8')).toBe(memory.body.toString('utf8'));
      }
      const nodes = (JSON.parse((await get(served.postgresServer, 'json', `ids=${ids.join(',')}`)).body.toString('utf8')) as { nodes: Array<{ key: string }> }).nodes;
      expect(nodes.map((n) => n.key).sort()).toEqual([...ids].sort());
    });

    test.each([
      ['a predicate alone', 'json?predicate=REJECTED'],
      ['a focus two hops out along two predicates', 'json?focus=ukraine&depth=2&predicate=rejected,proposed'],
      ['depth 0: the focus alone', 'cypher?focus=vladimir-putin&depth=0'],
      ['a base IRI', 'ntriples?focus=ukraine&baseIri=https%3A%2F%2Fexample.org%2Fng%2F'],
    ])('%s', async (_, pathAndQuery) => {
      const [database, memory] = await both(served, pathAndQuery);
      expect(memory.status).toBe(200);
      expect(database.status).toBe(200);
      expect(database.body.toString('utf8')).toBe(memory.body.toString('utf8'));
    });

    test.each([
      ['an unknown focus, with "did you mean"', 'json?focus=ukrain', 404, /No entity has the id "ukrain". Did you mean "ukraine"/u],
      ['unknown ids', 'json?ids=ukraine,vladimir-puttin,nobody-at-all', 404, /No entity has the id "vladimir-puttin" \(nor 1 more of the ids given\)/u],
      ['an unknown predicate', 'json?predicate=LIKED', 400, /Unknown predicate "LIKED"/u],
      ['a depth without a focus', 'json?depth=2', 400, /A depth needs a focus/u],
    ])('%s: the same error from both', async (_, pathAndQuery, status, message) => {
      const [database, memory] = await both(served, pathAndQuery);
      expect(memory.status).toBe(status);
      expect(database.status).toBe(status);
      expect(errorOf(database)).toEqual(errorOf(memory));
      expect(errorOf(database).message).toMatch(message);
    });

    test.each(Object.keys(STORE_TEXT_FORMATS).map((format) => [format]))('the whole graph as %s streams from the database, byte for byte', async (format) => {
      // A base IRI selects nothing (only the RDF formats read it): still the whole graph. A POST too.
      for (const [pathAndQuery, form] of [[format], [`${format}?baseIri=https%3A%2F%2Fexample.org%2F`], [format, '']] as const) {
        const [database, memory] = await both(served, pathAndQuery, form);
        expect([database.status, memory.status]).toEqual([200, 200]);
        expect(database.type).toBe(memory.type);
        expect(database.disposition).toBe(memory.disposition);
        expect(database.body.length).toBeGreaterThan(1_000);
        expect(database.body.toString('utf8')).toBe(memory.body.toString('utf8'));
      }
    });

    test('the whole graph as csv streams from the database as a zip of the same files', async () => {
      const [database, memory] = await both(served, 'csv');
      expect([database.status, memory.status]).toEqual([200, 200]);
      expect(database.type).toBe('application/zip');
      expect(database.type).toBe(memory.type);
      expect(database.disposition).toBe(memory.disposition);
      const files = (answer: Answer): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(new Uint8Array(answer.body))).map(([name, bytes]) => [name, strFromU8(bytes)]));
      const expected = exportGraph(graph, 'csv');
      if (expected.kind !== 'files') throw new Error('csv is files');
      expect(files(database)).toEqual(expected.files);
      expect(files(memory)).toEqual(expected.files);
      // Its headers alone, without reading the corpus.
      const head = await fetch(exportUrl(served.postgresServer, 'csv'), { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe('application/zip');
    });

    test.each(['turtle', 'ntriples', 'jsonld'])('the whole graph as %s with a bad base IRI: the same 400 from both, before any byte', async (format) => {
      const [database, memory] = await both(served, `${format}?baseIri=not%20an%20iri`);
      expect([database.status, memory.status]).toEqual([400, 400]);
      expect(errorOf(database)).toEqual(errorOf(memory));
      expect(errorOf(database).message).toMatch(/is not an absolute IRI/u);
    });
  });

  describe('a corpus of four articles', () => {
    let graph: NewsGraph;
    let served: ServedTwice;

    beforeAll(async () => {
      graph = corpusGraph();
      served = await serveTwice(graph);
    });
    afterAll(async () => {
      await served?.close();
    });

    const articlesOf = (answer: Answer): string[] =>
      (JSON.parse(answer.body.toString('utf8')) as { attributes: { articles: ArticleRecord[] } }).attributes.articles.map((a) => a.id);

    test.each([
      // No relation: no article; the entity's mention keeps its quote and names its article.
      ['officials', '0', []],
      // Their denial, quoted from a later report (their claim's assertion, in another, is not selected).
      ['officials', '1', ['later']],
      // The meeting's roles and Witkoff meeting Putin, all from the follow-up (not Putin's mention in an undated note,
      // nor the meeting's planned status reported by the sample article).
      ['steve-witkoff', '1', ['follow-up']],
      ['ukraine', '1', ['follow-up', 'sample-article']],
    ])('a focus on %s, depth %s, carries the articles its relations quote, in graph order', async (focus, depth, expected) => {
      const all = graph.getAttribute('articles').map((a) => a.id);
      const [database, memory] = await both(served, `json?focus=${focus}&depth=${depth}`);
      expect(database.body.toString('utf8')).toBe(memory.body.toString('utf8'));
      expect(articlesOf(database)).toEqual(all.filter((id) => expected.includes(id)));
      // The text, offsets and all, is the article's own.
      for (const article of (JSON.parse(database.body.toString('utf8')) as { attributes: { articles: ArticleRecord[] } }).attributes.articles) {
        expect(article).toEqual(graph.getAttribute('articles').find((a) => a.id === article.id));
      }
    });

    test('a selection streams from the database: chunked, no length or ETag, not kept; HEAD gets the headers alone', async () => {
      const response = await fetch(exportUrl(served.postgresServer, 'turtle?focus=ukraine'));
      expect(response.status).toBe(200);
      expect(response.headers.get('transfer-encoding')).toBe('chunked');
      expect(response.headers.get('content-length')).toBeNull();
      expect(response.headers.get('etag')).toBeNull();
      expect((await response.text()).length).toBeGreaterThan(1_000);
      const head = await fetch(exportUrl(served.postgresServer, 'turtle?focus=ukraine'), { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe(response.headers.get('content-type'));
      expect(head.headers.get('content-disposition')).toBe('attachment; filename="newsgraph-ukraine.ttl"');
      expect(await head.text()).toBe('');
      // A HEAD of an unknown focus is refused as the GET would be.
      expect((await fetch(exportUrl(served.postgresServer, 'turtle?focus=nobody'), { method: 'HEAD' })).status).toBe(404);
    });

    /**
     * Starts requests (`start`) that a lock on `table` (through the reader view) holds in the database; once `waiting`
     * statements wait on it, runs `meanwhile`, then lets them go and returns their answers.
     */
    const heldBy = async (table: string, waiting: number, start: () => Array<Promise<Answer>>, meanwhile: () => Promise<void>): Promise<Answer[]> => {
      const locker = new pg.Client({ connectionString: served.cluster.url });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query(`LOCK TABLE newsgraph.${table} IN ACCESS EXCLUSIVE MODE`);
        const held = start();
        // Until they have reached the database (their statements wait on the lock), the next would not be refused.
        for (let waited = 0; waited < 100; waited++) {
          const { rows } = await locker.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
          if ((rows[0]?.n ?? 0) >= waiting) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await meanwhile();
        await locker.query('COMMIT');
        return await Promise.all(held);
      } finally {
        await locker.end();
      }
    };

    const refusedAsBusy = async (pathAndQuery: string, message: RegExp): Promise<void> => {
      const refused = await fetch(exportUrl(served.postgresServer, pathAndQuery));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');
      expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(message);
    };

    test('at most two selections are written at once; a third is told to come back (503, Retry-After)', async () => {
      // The entity table holds the first two.
      const first = () => [get(served.postgresServer, 'json?focus=ukraine'), get(served.postgresServer, 'cypher?focus=officials')];
      const answers = await heldBy('entity', 2, first, () => refusedAsBusy('graphml?focus=ukraine', /writing 2 exports of a selection already/u));
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      // Done, they make room again.
      expect((await get(served.postgresServer, 'graphml?focus=ukraine')).status).toBe(200);
    });

    test('at most four whole-graph exports are written at once; a fifth is told to come back (503, Retry-After)', async () => {
      // The article table holds the first four (each first counts the articles).
      const first = () => ['json', 'graphml', 'cypher', 'gdelt'].map((format) => get(served.postgresServer, format));
      let selection: Promise<Answer> | undefined;
      const answers = await heldBy('article', 4, first, async () => {
        await refusedAsBusy('cytoscape', /writing 4 exports of the whole graph already/u);
        // A selection is not held back by them.
        selection = get(served.postgresServer, 'json?focus=ukraine');
      });
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect((await selection)?.status).toBe(200);
      expect((await get(served.postgresServer, 'cytoscape')).status).toBe(200);
    });

    test('the whole graph keeps every article', async () => {
      const [database, memory] = await both(served, 'json');
      expect(articlesOf(memory)).toEqual(graph.getAttribute('articles').map((a) => a.id));
      expect(database.body.toString('utf8')).toBe(memory.body.toString('utf8'));
    });

    test('a selection over the store limits is refused before its records are read, and says how to narrow it', async () => {
      // Room for the officials' record alone, not for Witkoff's neighbourhood (three entities, three relations, an article).
      const officialsBytes = Buffer.byteLength(JSON.stringify(graph.getNodeAttributes('officials')));
      const cases = [
        [{ entities: 2 }, 'json?focus=steve-witkoff&depth=1', /more than 2 entities/u],
        [{ relations: 2 }, 'json?focus=steve-witkoff&depth=1', /more than 2 relations/u],
        [{ relations: 2 }, 'json?predicate=PARTICIPANT,DENIED', /has 3 relations/u],
        [{ bytes: officialsBytes + 16 }, 'json?focus=steve-witkoff&depth=1', /has [\d,]+ bytes or more of records, over the [\d,]+ bytes of records/u],
      ] as const;
      for (const [limits, pathAndQuery, message] of cases) {
        const store = new PostgresStore({ primary: served.cluster.url, selectionLimits: limits });
        const server = await startServer({ store, port: 0, handleSignals: false });
        try {
          const answer = await get(server, pathAndQuery);
          expect(answer.status).toBe(400);
          expect(errorOf(answer).code).toBe('BAD_USER_INPUT');
          expect(errorOf(answer).message).toMatch(message);
          expect(errorOf(answer).message).toMatch(/Narrow it .* `newsgraph export`/u);
          // Just within the limits, the same selection is answered.
          const roomy = await get(server, 'json?focus=officials&depth=0');
          expect(roomy.status).toBe(200);
        } finally {
          await server.close();
          await store.close();
        }
      }
    });
  });
});
