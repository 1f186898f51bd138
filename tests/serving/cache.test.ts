/**
 * The response cache over real HTTP: the same answers through the cache as without it (every playground
 * example, on the seed graph and on a generated corpus, and exports), repeated questions served from memory
 * with an ETag and 304, errors never stored, and nothing stale after a reload.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { buildGraph } from '../../src/build/index.js';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { PLAYGROUND_EXAMPLES } from '../../src/api/examples.js';
import { graphqlCacheKey } from '../../src/api/http/graphqlCacheKey.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { seedGraph } from '../api/seed.js';
import { generatedCorpus } from './corpus.js';
import { header, httpRequest, postGraphQL } from './http.js';

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };

describe.each([
  ['the seed graph', () => seedGraph()],
  ['a generated corpus', () => buildGraph(generatedCorpus(30))],
])('on %s', (_name, graphOf) => {
  let graph: NewsGraph;
  let cached: RunningServer;
  let uncached: RunningServer;
  beforeAll(async () => {
    graph = await graphOf();
    cached = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET });
    uncached = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET, responseCacheBytes: 0 });
  });
  afterAll(async () => {
    await cached.close();
    await uncached.close();
  });

  test('every playground example gets the same bytes through the cache (miss, then hit) as without it', async () => {
    let stored = 0;
    for (const example of PLAYGROUND_EXAMPLES) {
      const plain = await postGraphQL(uncached.url, example.query, example.variables, example.operationName);
      expect(plain.status).toBe(200);
      expect(header(plain, 'newsgraph-cache')).toBeUndefined();
      const miss = await postGraphQL(cached.url, example.query, example.variables, example.operationName);
      const hit = await postGraphQL(cached.url, example.query, example.variables, example.operationName);
      expect([example.operationName, miss.body.toString()]).toEqual([example.operationName, plain.body.toString()]);
      expect(hit.body.equals(plain.body)).toBe(true);
      // Only answers without errors are stored (the seed's questions name seed entities: on a generated
      // corpus some are NOT_FOUND or over the cost limit, and pass through).
      const succeeded = !('errors' in JSON.parse(plain.body.toString()));
      expect([example.operationName, header(miss, 'newsgraph-cache')]).toEqual([example.operationName, succeeded ? 'miss' : undefined]);
      expect(header(hit, 'newsgraph-cache')).toBe(succeeded ? 'hit' : undefined);
      expect(header(hit, 'content-type')).toBe(header(plain, 'content-type'));
      if (succeeded) stored++;
    }
    expect(stored).toBeGreaterThan(0);
  });

  test('exports are the same bytes from memory as built afresh', async () => {
    for (const format of ['turtle', 'graphml', 'csv']) {
      const plain = await httpRequest(`${new URL(uncached.url).origin}/export/${format}`);
      const miss = await httpRequest(`${new URL(cached.url).origin}/export/${format}`);
      const hit = await httpRequest(`${new URL(cached.url).origin}/export/${format}`);
      expect(plain.status).toBe(200);
      expect(miss.body.equals(plain.body)).toBe(true);
      expect(hit.body.equals(plain.body)).toBe(true);
      expect(header(hit, 'newsgraph-cache')).toBe('hit');
      expect(header(hit, 'content-disposition')).toBe(header(plain, 'content-disposition'));
    }
  });
});

describe('keys, validators and what is not stored', () => {
  let graph: NewsGraph;
  let server: RunningServer;
  beforeAll(async () => {
    graph = await seedGraph();
    server = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET });
  });
  afterAll(() => server.close());

  test('the same operation written differently, with variables in another order, is one entry', async () => {
    const first = await postGraphQL(server.url, 'query Q($k: EntityKind, $n: Int) { entities(kind: $k, first: $n) { totalCount } }', { k: 'PERSON', n: 2 });
    const second = await postGraphQL(server.url, 'query Q($k:EntityKind,$n:Int){\n  entities(kind:$k, first:$n){ totalCount }  # same\n}', { n: 2, k: 'PERSON' });
    expect(header(first, 'newsgraph-cache')).toBe('miss');
    expect(header(second, 'newsgraph-cache')).toBe('hit');
    const other = await postGraphQL(server.url, 'query Q($k: EntityKind, $n: Int) { entities(kind: $k, first: $n) { totalCount } }', { k: 'PLACE', n: 2 });
    expect(header(other, 'newsgraph-cache')).toBe('miss');
    expect(other.body.equals(first.body)).toBe(false);
    // GET asks the same question as POST.
    const get = await httpRequest(`${server.url}?query=${encodeURIComponent('query Q($k: EntityKind, $n: Int) { entities(kind: $k, first: $n) { totalCount } }')}&variables=${encodeURIComponent('{"n":2,"k":"PERSON"}')}`, { headers: { accept: 'application/graphql-response+json, application/json' } });
    expect(header(get, 'newsgraph-cache')).toBe('hit');
    expect(get.body.equals(first.body)).toBe(true);
  });

  test('an ETag sent back in If-None-Match gets 304 without a body; another ETag gets the answer', async () => {
    const query = '{ articles { id title } }';
    const first = await postGraphQL(server.url, query);
    const etag = header(first, 'etag');
    expect(etag).toMatch(/^"[^"]+"$/u);
    expect(header(first, 'cache-control')).toBe('no-cache');
    const again = await postGraphQL(server.url, query, undefined, undefined, { 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const stale = await postGraphQL(server.url, query, undefined, undefined, { 'if-none-match': '"something-else"' });
    expect(stale.status).toBe(200);
    expect(stale.body.equals(first.body)).toBe(true);
    const exportUrl = `${new URL(server.url).origin}/export/dot`;
    const file = await httpRequest(exportUrl);
    const notModified = await httpRequest(exportUrl, { headers: { 'if-none-match': header(file, 'etag') ?? '' } });
    expect(notModified.status).toBe(304);
  });

  test('answers with errors and requests that are not queries pass through and are never stored', async () => {
    for (let i = 0; i < 2; i++) {
      const missing = await postGraphQL(server.url, '{ entity(id: "no-such-entity") { id } nope }');
      expect(header(missing, 'newsgraph-cache')).toBeUndefined();
      const bad = await postGraphQL(server.url, '{ relations(first: 100000) { totalCount } }');
      expect(header(bad, 'newsgraph-cache')).toBeUndefined();
      expect(JSON.parse(bad.body.toString())).toHaveProperty('errors');
    }
    const mutation = await postGraphQL(server.url, 'mutation { x }');
    expect(header(mutation, 'newsgraph-cache')).toBeUndefined();
  });

  // The server refuses a mutation before the cache could store it, so the key itself must say "not a query":
  // checked directly, since no HTTP answer can tell the two guards apart.
  test('only query operations get a cache key', () => {
    const key = (body: unknown) => graphqlCacheKey('sha256:test', 'POST', new URLSearchParams(), body, 'application/json');
    expect(key({ query: '{ __typename }' })).not.toBeNull();
    expect(key({ query: 'mutation { x }' })).toBeNull();
    expect(key({ query: 'query A { __typename } query B { __typename }' })).toBeNull(); // which one is unknown
    expect(key({ query: 'query A { __typename } query B { __typename }', operationName: 'B' })).not.toBeNull();
    expect(key({ query: '{ __typename }', extensions: { persistedQuery: {} } })).toBeNull();
  });
});

test('after a reload the cache answers from the new graph, never the old', async () => {
  const small = await buildGraph(generatedCorpus(30));
  const other = await buildGraph(generatedCorpus(30, 2));
  const server = await startServer({ graph: small, port: 0, handleSignals: false, logger: QUIET });
  try {
    const query = '{ snapshot { id articleCount } entities(first: 3) { edges { node { id } } } }';
    const before = await postGraphQL(server.url, query);
    expect(header(await postGraphQL(server.url, query), 'newsgraph-cache')).toBe('hit');
    const turtleBefore = await httpRequest(`${new URL(server.url).origin}/export/turtle`);
    await server.reload(other);
    const after = await postGraphQL(server.url, query);
    expect(header(after, 'newsgraph-cache')).toBe('miss');
    expect(after.body.equals(before.body)).toBe(false);
    expect(JSON.parse(after.body.toString()).data.snapshot.id).toBe(server.snapshot().id);
    expect(header(after, 'newsgraph-snapshot')).toBe(server.snapshot().id);
    const turtleAfter = await httpRequest(`${new URL(server.url).origin}/export/turtle`);
    expect(header(turtleAfter, 'newsgraph-cache')).toBe('miss');
    expect(turtleAfter.body.equals(turtleBefore.body)).toBe(false);
    // An ETag of the old graph's answer no longer matches.
    const revalidated = await postGraphQL(server.url, query, undefined, undefined, { 'if-none-match': header(before, 'etag') ?? '' });
    expect(revalidated.status).toBe(200);
  } finally {
    await server.close();
  }
});
