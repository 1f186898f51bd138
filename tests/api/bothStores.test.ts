/**
 * One suite, two stores: the playground's questions and more, asked over real HTTP of a server over the seed graph
 * in memory and of a server over the same graph loaded into PostgreSQL (startServer({ store }), no graph in
 * memory). Every answer must be the same, byte for byte once parsed. The whole-graph JSON export streams from the
 * database, byte for byte the in-memory one (exports of a selection: exportsBothStores.test.ts). Then the PostgreSQL server follows a
 * new load at its commit.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { PLAYGROUND_EXAMPLES } from '../../src/api/examples.js';
import { startServer, type RunningServer } from '../../src/api/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { loadGraphIntoPostgres } from '../../src/store/postgres/index.js';
import { corpusGraph } from '../store/corpusFixture.js';
import { serveTwice, type ServedTwice } from '../store/servedTwice.js';
import { describePostgres, type PostgresCluster } from '../utils/postgresCluster.js';
import { askOverHttp, seedGraph, type Ask } from './seed.js';


/** Questions beyond the playground's, one or more per part of the API the store answers. */
const QUESTIONS: ReadonlyArray<readonly [string, string, Record<string, unknown>?]> = [
  ['entities, two pages', `{ a: entities(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind name } } } }`],
  ['search with a kind', `{ search(text: "pu", limit: 10) { id name kind } k: search(text: "ukr", kind: GOVERNMENT, limit: 3) { id } }`],
  ['an entity with its relations and neighbours', `{ entity(id: "vladimir-putin") { id name aliases properties relations(first: 20) { id predicate negated subject { id } object { id } evidence { article { id } exact start end } } neighbors(depth: 2, first: 30) { distance entity { id } via { id } } } }`],
  ['inbound relations only', `{ entity(id: "ukraine") { relations(direction: IN, first: 10) { id } } }`],
  ['relations filtered', `{ relations(predicate: ["REJECTED", "ENDORSED"], first: 5) { totalCount edges { node { id subject { id name } object { id name } } } pageInfo { hasNextPage endCursor } } }`],
  ['relations by date', `{ relations(from: "2025-04", first: 3) { totalCount edges { node { id } } } }`],
  ['a path', `{ path(from: "donald-trump", to: "ukraine", maxHops: 4) { id predicate subject { id } object { id } } }`],
  ['no path', `{ path(from: "ukraine", to: "ukraine", maxHops: 4) { id } }`],
  ['articles and one article', `{ articles(first: 5) { id title published source } article(id: "sample-article") { id title } }`],
  ['the timeline', `{ timeline(first: 10) { id name properties } }`],
  ['explore', `{ explore(center: "ukraine", depth: 2, limit: 25) { center truncated reachable reachableIsExact edgesTruncated nodes { id x y distance degree kind } edges { id source target predicate } } }`],
  ['an unknown entity', `{ entity(id: "nobody") { id } }`],
  ['a path from an unknown id (NOT_FOUND)', `{ path(from: "nobdy", to: "ukraine") { id } }`],
  ['a bad cursor (BAD_USER_INPUT)', `{ relations(first: 1, after: "nonsense") { totalCount } }`],
  ['the snapshot', `{ snapshot { id articleCount builtAt } }`],
];

describePostgres('the same answers from memory and from PostgreSQL, over HTTP', () => {
  let cluster: PostgresCluster;
  let graph: NewsGraph;
  let served: ServedTwice;
  let memoryServer: RunningServer;
  let postgresServer: RunningServer;
  let fromMemory: Ask;
  let fromPostgres: Ask;

  beforeAll(async () => {
    graph = await seedGraph();
    served = await serveTwice(graph);
    ({ cluster, memoryServer, postgresServer, fromMemory, fromPostgres } = served);
  });
  afterAll(async () => {
    await served?.close();
  });

  test.each(PLAYGROUND_EXAMPLES.map((e) => [e.operationName, e] as const))('playground: %s', async (_, example) => {
    const [memory, postgres] = await Promise.all([fromMemory(example.query, example.variables), fromPostgres(example.query, example.variables)]);
    expect(memory.errors).toBeUndefined();
    expect(postgres).toEqual(memory);
  });

  test.each(QUESTIONS.map(([name, query, variables]) => [name, query, variables] as const))('%s', async (_, query, variables) => {
    const [memory, postgres] = await Promise.all([fromMemory(query, variables), fromPostgres(query, variables)]);
    // Only the questions named for their error may fail; the others must answer something to compare.
    if (!/NOT_FOUND|BAD_USER_INPUT/u.test(_)) expect(memory.errors).toBeUndefined();
    else expect(memory.errors?.length).toBe(1);
    expect(postgres).toEqual(memory);
  });

  test('the second page of a list follows the first page cursor the same way', async () => {
    const first = await fromMemory(`{ relations(first: 4) { pageInfo { endCursor } } }`);
    const cursor = String((first.data as { relations: { pageInfo: { endCursor: string } } }).relations.pageInfo.endCursor);
    const query = `query($after: String) { relations(first: 4, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage } } }`;
    expect(await fromPostgres(query, { after: cursor })).toEqual(await fromMemory(query, { after: cursor }));
  });

  test('the whole graph as JSON streams from the database, byte for byte the in-memory export', async () => {
    const exportUrl = (server: RunningServer, format: string): string => server.url.replace(/\/graphql$/u, `/export/${format}`);
    const [fromDatabase, fromGraph] = await Promise.all([fetch(exportUrl(postgresServer, 'json')), fetch(exportUrl(memoryServer, 'json'))]);
    expect(fromDatabase.status).toBe(200);
    expect(fromDatabase.headers.get('content-type')).toBe(fromGraph.headers.get('content-type'));
    const text = await fromDatabase.text();
    expect(text).toBe(await fromGraph.text());
    expect((JSON.parse(text) as { nodes: unknown[] }).nodes).toHaveLength(graph.order);
    expect(fromDatabase.headers.get('newsgraph-snapshot')).toBe(memoryServer.snapshot().id);
  });

  test('over a store that gives neither pages nor selections (one a library plugs in), exports answer 501 with the way out', async () => {
    // The PostgreSQL store seen through the GraphStore seam alone: what the export route cannot write from.
    const bare = new Proxy(served.store, {
      get: (target, key) => (key === 'corpusElements' || key === 'selectionGraph' ? undefined : (Reflect.get(target, key) as unknown)),
    });
    const server = await startServer({ store: bare, port: 0, handleSignals: false });
    try {
      for (const path of ['/export/turtle', '/export/json?focus=ukraine']) {
        const response = await fetch(server.url.replace(/\/graphql$/u, path));
        expect(response.status).toBe(501);
        const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
        expect(body.errors[0]?.extensions.code).toBe('NOT_IMPLEMENTED');
        expect(body.errors[0]?.message).toMatch(/newsgraph export.*--data\/--snapshot/u);
      }
      // GraphQL still answers through it.
      const answer = await askOverHttp(server.url)(`{ entity(id: "ukraine") { name } }`);
      expect(answer.data).toEqual({ entity: { name: 'Ukraine' } });
    } finally {
      await server.close();
    }
  });

  test('a new load is served from its notification on (delivered at its commit), by the running server', async () => {
    const next = corpusGraph();
    const { identity } = await loadGraphIntoPostgres(cluster.url, next);
    // The store keeps the corpus's figures until the load's NOTIFY reaches its listening connection
    // (corpusMeta.ts): milliseconds after the commit, which the request below may overtake.
    const deadline = Date.now() + 5_000;
    while (postgresServer.snapshot().id !== identity.id && Date.now() < deadline) {
      await fromPostgres(`{ snapshot { id } }`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const answer = await fromPostgres(`{ snapshot { id articleCount } entity(id: "officials") { name } }`);
    expect(answer.data).toEqual({ snapshot: { id: identity.id, articleCount: 4 }, entity: { name: 'Officials' } });
    expect(postgresServer.snapshot().id).toBe(identity.id);
  });
});
