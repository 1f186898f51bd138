/**
 * The response cache's first level (the exact request, before any parsing: http/exactRequestKey.ts): a request
 * repeated byte for byte is answered from it, and it never answers a request that differs in anything the
 * answer depends on (variables one character apart, the media type asked for, the body's declared type, the
 * snapshot after a reload). Every answer is compared with a server that has no cache at all.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { buildGraph } from '../../src/build/index.js';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { ResponseCache, MAX_EXACT_KEYS_PER_ENTRY, MAX_EXACT_KEYS_PER_FINGERPRINT, etagOf, type CachedResponse } from '../../src/api/http/responseCache.js';
import { exactKeyOf, type ExactRequestKey } from '../../src/api/http/exactRequestKey.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { generatedCorpus } from './corpus.js';
import { header, httpRequest, type RawResponse } from './http.js';

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };
const JSON_BODY = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

function post(url: string, body: string, headers: Record<string, string> = JSON_BODY): Promise<RawResponse> {
  return httpRequest(url, { method: 'POST', headers, body });
}

describe('on a generated corpus', () => {
  let graph: NewsGraph;
  let cached: RunningServer;
  let uncached: RunningServer;
  let ids: string[];
  beforeAll(async () => {
    graph = await buildGraph(generatedCorpus(30));
    cached = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET });
    uncached = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET, responseCacheBytes: 0 });
    ids = graph.nodes().slice(0, 12);
  });
  afterAll(async () => {
    await cached.close();
    await uncached.close();
  });

  test('bodies one character apart (variables, operation) each get their own answer, the same as without a cache', async () => {
    // Entity ids of equal length differ in a few characters: the bodies differ only there.
    const bodies = ids.map((id) => `{"query":"query E($id: ID!) { entity(id: $id) { id name kind } }","variables":{"id":"${id}"}}`);
    for (let round = 0; round < 3; round++) {
      for (const [i, body] of bodies.entries()) {
        const got = await post(cached.url, body);
        const plain = await post(uncached.url, body);
        expect(got.status).toBe(200);
        expect(got.body.toString()).toBe(plain.body.toString());
        expect(JSON.parse(got.body.toString()).data.entity.id).toBe(ids[i]);
        expect(header(got, 'newsgraph-cache')).toBe(round === 0 ? 'miss' : 'hit');
        expect(header(got, 'newsgraph-snapshot')).toBe(cached.snapshot().id);
        expect(header(got, 'content-security-policy')).toBe(header(plain, 'content-security-policy'));
      }
    }
    // Two operations in one document: the same bytes but for operationName.
    const two = (name: string) => JSON.stringify({ query: 'query A { entities(first: 1) { totalCount } } query B { entities(first: 2) { edges { node { id } } } }', operationName: name });
    for (let round = 0; round < 2; round++) {
      for (const name of ['A', 'B']) expect((await post(cached.url, two(name))).body.toString()).toBe((await post(uncached.url, two(name))).body.toString());
    }
  });

  test('the same bytes with another Accept or Content-Type get what the full path gives them', async () => {
    const body = JSON.stringify({ query: '{ entities(first: 3) { totalCount edges { node { id } } } }' });
    const variants: Record<string, string>[] = [
      JSON_BODY,
      { 'content-type': 'application/json', accept: 'application/json' },
      { 'content-type': 'application/json' },
      { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
      { 'content-type': 'text/plain', accept: 'application/json' }, // refused with 415, never stored
      { 'content-type': 'application/json; charset=latin1' }, // refused
    ];
    for (let round = 0; round < 3; round++) {
      for (const headers of variants) {
        const got = await post(cached.url, body, headers);
        const plain = await post(uncached.url, body, headers);
        expect([headers, got.status, header(got, 'content-type')]).toEqual([headers, plain.status, header(plain, 'content-type')]);
        expect(got.body.toString()).toBe(plain.body.toString());
        if (plain.status !== 200) expect(header(got, 'newsgraph-cache')).toBeUndefined();
      }
    }
  });

  test('GET with the question in the URL: each query string its own answer; a 304 keeps the snapshot header', async () => {
    for (let round = 0; round < 2; round++) {
      for (const id of ids.slice(0, 4)) {
        const target = `?query=${encodeURIComponent('query E($id: ID!) { entity(id: $id) { id } }')}&variables=${encodeURIComponent(JSON.stringify({ id }))}`;
        const got = await httpRequest(`${cached.url}${target}`, { headers: { accept: 'application/json' } });
        const plain = await httpRequest(`${uncached.url}${target}`, { headers: { accept: 'application/json' } });
        expect(got.body.toString()).toBe(plain.body.toString());
        expect(JSON.parse(got.body.toString()).data.entity.id).toBe(id);
      }
    }
    const body = JSON.stringify({ query: '{ snapshot { id } }' });
    const first = await post(cached.url, body);
    const again = await post(cached.url, body, { ...JSON_BODY, 'if-none-match': header(first, 'etag') ?? '' });
    expect(again.status).toBe(304);
    expect(header(again, 'etag')).toBe(header(first, 'etag'));
    expect(header(again, 'newsgraph-snapshot')).toBe(cached.snapshot().id);
    expect(again.body.length).toBe(0);
  });
});

test('after a reload, the same bytes get the new snapshot\'s answer (and back again)', async () => {
  const one = await buildGraph(generatedCorpus(30));
  const two = await buildGraph(generatedCorpus(30, 2));
  const server = await startServer({ graph: one, port: 0, handleSignals: false, logger: QUIET });
  const plainOne = await startServer({ graph: one, port: 0, handleSignals: false, logger: QUIET, responseCacheBytes: 0 });
  const plainTwo = await startServer({ graph: two, port: 0, handleSignals: false, logger: QUIET, responseCacheBytes: 0 });
  try {
    const body = JSON.stringify({ query: '{ snapshot { id articleCount } entities(first: 5) { edges { node { id name } } } }' });
    const expectOne = (await post(plainOne.url, body)).body.toString();
    const expectTwo = (await post(plainTwo.url, body)).body.toString();
    expect(expectOne).not.toBe(expectTwo);
    for (const [graph, expected, plain] of [[one, expectOne, plainOne], [two, expectTwo, plainTwo], [one, expectOne, plainOne]] as const) {
      await server.reload(graph);
      for (let i = 0; i < 3; i++) {
        const got = await post(server.url, body);
        expect(got.body.toString()).toBe(expected);
        expect(header(got, 'newsgraph-snapshot')).toBe(plain.snapshot().id);
        expect(header(got, 'newsgraph-cache')).toBe(i === 0 ? 'miss' : 'hit');
      }
    }
  } finally {
    await Promise.all([server.close(), plainOne.close(), plainTwo.close()]);
  }
});

describe('ResponseCache first level', () => {
  const response = (text: string): CachedResponse => {
    const body = Buffer.from(text);
    return { status: 200, headers: [['content-type', 'application/json']], body, etag: etagOf(body) };
  };
  /** A request's key: `target` and `body` vary, the rest is a JSON POST on snapshot `snapshot`. */
  const exact = (target: string, body = '', snapshot = 's1'): ExactRequestKey =>
    exactKeyOf(snapshot, 'POST', target, 'application/json', 'application/json', Buffer.from(body, 'latin1'));

  test('an exact key finds its entry with the extra headers, and goes when the entry goes', () => {
    const cache = new ResponseCache(4_000);
    cache.set('q1', response('one'));
    cache.alias(exact('raw-1'), 'q1', { 'newsgraph-snapshot': 's1' });
    cache.alias(exact('raw-unknown'), 'q-not-stored', {});
    expect(cache.getExact(exact('raw-unknown'))).toBeUndefined();
    const hit = cache.getExact(exact('raw-1'));
    expect(hit?.response.body.toString()).toBe('one');
    expect(hit?.headers).toMatchObject({ 'newsgraph-snapshot': 's1', 'content-type': 'application/json', etag: hit?.response.etag, 'content-length': 3, 'newsgraph-cache': 'hit' });
    // The flat list a hit writes holds the same headers, in the same order, as strings.
    expect(hit?.headerList).toEqual(Object.entries(hit?.headers ?? {}).flatMap(([name, value]) => [name, String(value)]));
    // Another snapshot's request, byte for byte the same, is not this one.
    expect(cache.getExact(exact('raw-1', '', 's2'))).toBeUndefined();
    // Storing the same key again replaces the entry and drops the old aliases with it.
    cache.set('q1', response('one, again'));
    expect(cache.getExact(exact('raw-1'))).toBeUndefined();
    expect(cache.get('q1')?.body.toString()).toBe('one, again');
    expect(cache.stats().exactKeys).toBe(0);
  });

  test('aliases count in the byte budget; evicting an entry evicts its aliases; at most MAX_EXACT_KEYS_PER_ENTRY each', () => {
    const cache = new ResponseCache(4_000);
    cache.set('a', response('x'.repeat(500)));
    const before = cache.stats().bytes;
    for (let i = 0; i < MAX_EXACT_KEYS_PER_ENTRY + 3; i++) cache.alias(exact(`raw-a-${i}`), 'a', {});
    expect(cache.stats().exactKeys).toBe(MAX_EXACT_KEYS_PER_ENTRY);
    expect(cache.stats().bytes).toBeGreaterThan(before);
    expect(cache.getExact(exact(`raw-a-${MAX_EXACT_KEYS_PER_ENTRY}`))).toBeUndefined();
    // Newer entries push 'a' out (least recently used), and its aliases with it.
    cache.set('b', response('y'.repeat(900)));
    cache.set('c', response('z'.repeat(900)));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.getExact(exact('raw-a-0'))).toBeUndefined();
    expect(cache.stats().exactKeys).toBe(0);
    expect(cache.stats().bytes).toBeLessThanOrEqual(4_000);
    cache.alias(exact('raw-b'), 'b', {});
    cache.clear();
    expect(cache.getExact(exact('raw-b'))).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, exactKeys: 0, bytes: 0 });
  });

  test('bodies under one head each name their own entry; no split of the same characters finds another key', () => {
    const cache = new ResponseCache(10_000);
    cache.set('q1', response('one'));
    cache.set('q2', response('two'));
    const empty = cache.stats().bytes;
    // Bodies of the same length, one byte apart, under the same head; and the same body under another target.
    cache.alias(exact('/graphql', '{"id":"a"}'), 'q1', {});
    cache.alias(exact('/graphql', '{"id":"b"}'), 'q2', {});
    cache.alias(exact('/graphqlx', '{"id":"a"}'), 'q2', {});
    expect(cache.stats().exactKeys).toBe(3);
    expect(cache.getExact(exact('/graphql', '{"id":"a"}'))?.response.body.toString()).toBe('one');
    expect(cache.getExact(exact('/graphql', '{"id":"b"}'))?.response.body.toString()).toBe('two');
    expect(cache.getExact(exact('/graphqlx', '{"id":"a"}'))?.response.body.toString()).toBe('two');
    expect(cache.getExact(exact('/graphql', '{"id":"c"}'))).toBeUndefined();
    expect(cache.getExact(exact('/graphql'))).toBeUndefined();
    // The same characters split otherwise between the parts are another request.
    expect(cache.getExact(exact('/graphql{"id":"a"}'))).toBeUndefined();
    expect(cache.getExact(exactKeyOf('s1', 'POST', '/graphql', 'application/jso', 'napplication/json', Buffer.from('{"id":"a"}')))).toBeUndefined();
    // Storing q2 again drops both of its aliases (under two targets) and keeps q1's.
    cache.set('q2', response('two, again'));
    expect(cache.getExact(exact('/graphql', '{"id":"b"}'))).toBeUndefined();
    expect(cache.getExact(exact('/graphqlx', '{"id":"a"}'))).toBeUndefined();
    expect(cache.getExact(exact('/graphql', '{"id":"a"}'))?.response.body.toString()).toBe('one');
    expect(cache.stats().exactKeys).toBe(1);
    // Every alias's bytes are given back with it.
    cache.set('q1', response('one'));
    cache.set('q2', response('two'));
    expect(cache.stats()).toMatchObject({ exactKeys: 0, bytes: empty });
  });

  test('requests whose fingerprints collide are told apart by their bytes; at most MAX_EXACT_KEYS_PER_FINGERPRINT are filed', () => {
    const cache = new ResponseCache(100_000);
    // Forced collisions: every key below is filed under the same fingerprint, the bodies one byte apart.
    const colliding = (body: string): ExactRequestKey => ({ ...exact('/graphql', body), fingerprint: 12345 });
    const bodies = Array.from({ length: MAX_EXACT_KEYS_PER_FINGERPRINT + 2 }, (_, i) => `{"query":"{ entity(id: \\"p${i}\\") { id } }"}`);
    for (const [i, body] of bodies.entries()) {
      cache.set(`q${i}`, response(`answer ${i}`));
      cache.alias(colliding(body), `q${i}`, {});
    }
    expect(cache.stats().exactKeys).toBe(MAX_EXACT_KEYS_PER_FINGERPRINT);
    for (const [i, body] of bodies.entries()) {
      const hit = cache.getExact(colliding(body));
      if (i < MAX_EXACT_KEYS_PER_FINGERPRINT) expect(hit?.response.body.toString()).toBe(`answer ${i}`);
      else expect(hit).toBeUndefined(); // left to the second level
    }
    // One byte more, one byte less, one byte other: no hit.
    expect(cache.getExact(colliding(`${bodies[0]} `))).toBeUndefined();
    expect(cache.getExact(colliding(bodies[0]!.slice(0, -1)))).toBeUndefined();
    expect(cache.getExact(colliding(bodies[0]!.replace('p0', 'q0')))).toBeUndefined();
    // The request's own fingerprint differs for bodies one byte apart, and is the same for the same bytes.
    expect(exact('/graphql', bodies[0]).fingerprint).toBe(exact('/graphql', bodies[0]).fingerprint);
    expect(new Set(bodies.map((body) => exact('/graphql', body).fingerprint)).size).toBe(bodies.length);
  });

  test('the stored body is a copy: a request buffer changed later does not change the key', () => {
    const cache = new ResponseCache(10_000);
    cache.set('q1', response('one'));
    const bytes = Buffer.from('{"query":"{ a }"}');
    cache.alias(exactKeyOf('s1', 'POST', '/graphql', '', '', bytes), 'q1', {});
    bytes.write('b', 12);
    expect(cache.getExact(exactKeyOf('s1', 'POST', '/graphql', '', '', Buffer.from('{"query":"{ a }"}')))?.response.body.toString()).toBe('one');
    expect(cache.getExact(exactKeyOf('s1', 'POST', '/graphql', '', '', bytes))).toBeUndefined();
  });

  test('an exact hit counts as a use: the entry it names is kept over an older one', () => {
    const cache = new ResponseCache(3_000);
    cache.set('old', response('o'.repeat(800)));
    cache.set('used', response('u'.repeat(800)));
    cache.alias(exact('raw-old'), 'old', {});
    expect(cache.getExact(exact('raw-old'))).toBeDefined(); // 'old' is now the most recently used
    cache.set('new', response('n'.repeat(800)));
    expect(cache.get('used')).toBeUndefined();
    expect(cache.getExact(exact('raw-old'))?.response.body.toString()).toBe('o'.repeat(800));
  });
});
