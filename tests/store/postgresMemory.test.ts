/**
 * What bounds the PostgreSQL server's memory: the record caches (all four, under one budget) never hold more than their byte budget, records
 * they let go are read again whole and right, a large record read in parts (its quotes parsed on first read) is the
 * record as stored, key order included, and a store with a tiny budget (or none) answers what the in-memory store
 * answers, method by method and through GraphQL over HTTP.
 */
import { describe, expect, test } from '@jest/globals';
import { startServer } from '../../src/api/index.js';
import type { Evidence, NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { recordOf, splitRecord, storedRecord, type StoredRecord } from '../../src/store/postgres/lazyRecord.js';
import { ByteBudget, BYTES_PER_CHARACTER, LARGE_RECORD, RecordCache } from '../../src/store/postgres/recordCache.js';
import { PostgresStore } from '../../src/store/postgres/index.js';
import { askOverHttp } from '../api/seed.js';
import { withWholeRecords } from './wholeRecords.js';
import { runNewsgraph } from '../utils/cli.js';
import { expectEqual } from '../utils/expectEqual.js';
import { PROJECT_ROOT } from '../utils/fixtures.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { addEntity, addRelation, anchor, emptyNewsGraph } from '../utils/sampleGraph.js';

/** A record of about `quotes` × 120 JSON characters, its heavy lists in the middle of its keys. */
function bigRecord(id: string, quotes: number): Record<string, unknown> {
  return {
    id,
    name: `Name ${id}`,
    evidence: Array.from({ length: quotes }, (_, i) => ({ article: `a${i % 7}`, exact: `quote ${i} of ${id}`, prefix: 'p'.repeat(40), suffix: 's'.repeat(40), start: i, end: i + 5, sentence: 0 })),
    properties: { b: 1, a: [2, { z: 3, y: 4 }] },
    articles: Array.from({ length: quotes }, (_, i) => `a${i}`),
    origin: 'stated',
  };
}

/** The stored parts of a record, as `recordParts` reads them: heavy lists as null in place, and their text. */
function partsOf(record: Record<string, unknown>): StoredRecord {
  return {
    light: JSON.stringify({ ...record, evidence: null, articles: null }),
    evidence: JSON.stringify(record['evidence']),
    articles: JSON.stringify(record['articles']),
  };
}

describe('large records read in parts', () => {
  test('are the records as stored: same keys in the same order, same values, lists parsed once', () => {
    const original = bigRecord('x', 50);
    const record = recordOf<Record<string, unknown>>(partsOf(original));
    expect(Object.keys(record)).toEqual(Object.keys(original));
    expect(JSON.stringify(record)).toBe(JSON.stringify(original));
    expect(record).toEqual(original);
    expect(record['evidence']).toBe(record['evidence']); // parsed once, then kept
    expect({ ...record }).toEqual(original);
  });

  test('are cut from the stored text at the top level only, whatever the strings hold', () => {
    const tricky = {
      id: 'q"uote\\',
      name: '{"evidence": [1, 2]} ] } \\" [',
      evidence: [{ article: 'a"]}', exact: '\\', prefix: '[{', suffix: '}]"', start: 0, end: 1, sentence: 0 }],
      properties: { evidence: ['not this one'], nested: { articles: '}' } },
      articles: ['x\\"y', ']'],
      origin: 'stated',
    };
    const text = JSON.stringify(tricky);
    expect(splitRecord(text)).toEqual(partsOf(tricky));
    expect(JSON.stringify(recordOf(splitRecord(text)))).toBe(text);
    expect(JSON.stringify(recordOf(splitRecord(JSON.stringify(tricky, null, 2))))).toBe(text);
    // No heavy list, not an object, or small: whole.
    expect(splitRecord('{"id":"x","properties":{"evidence":[]}}')).toEqual({ doc: '{"id":"x","properties":{"evidence":[]}}' });
    expect(splitRecord('[1,2]')).toEqual({ doc: '[1,2]' });
    expect(storedRecord(JSON.stringify(bigRecord('s', 1)))).toEqual({ doc: JSON.stringify(bigRecord('s', 1)) });
    expect(storedRecord(JSON.stringify(bigRecord('b', 100)))).toEqual(partsOf(bigRecord('b', 100)));
  });

  test('a list absent from the record stays absent', () => {
    const record = recordOf<Record<string, unknown>>({ light: JSON.stringify({ id: 'r', evidence: null, origin: 'stated' }), evidence: '[]', articles: null });
    expect(Object.keys(record)).toEqual(['id', 'evidence', 'origin']);
    expect(record['evidence']).toEqual([]);
  });
});

describe('the record cache', () => {
  test('never counts more than its byte budget, counts a record at BYTES_PER_CHARACTER a character, and re-reads what it let go', async () => {
    const budget = 200_000;
    const cache = new RecordCache<string, Record<string, unknown>>(budget);
    const stored = new Map<string, StoredRecord>();
    // Sizes from below LARGE_RECORD (never kept) to larger than the whole budget (never kept either).
    const sizes = [10, 80, 150, 300, 700, 900, 40, 120];
    for (const [i, quotes] of sizes.entries()) stored.set(`k${i}`, partsOf(bigRecord(`k${i}`, quotes)));
    const reads: string[][] = [];
    const read = async (missing: string[]) => {
      reads.push(missing);
      return missing.flatMap((key) => {
        const value = stored.get(key);
        return value === undefined ? [] : [[key, value] as const];
      });
    };
    for (let round = 0; round < 3; round++) {
      for (const key of stored.keys()) {
        const got = await cache.getMany([key, 'absent'], read);
        expect(got.get(key)).toEqual(bigRecord(key, sizes[Number(key.slice(1))] ?? 0));
        expect(got.has('absent')).toBe(false);
        expect(cache.bytes).toBeLessThanOrEqual(budget);
      }
    }
    // The smallest record is below LARGE_RECORD, the largest over the budget: neither is kept, so each is read every round.
    const length = (key: string): number => JSON.stringify(bigRecord(key, sizes[Number(key.slice(1))] ?? 0)).length;
    expect(length('k0')).toBeLessThan(LARGE_RECORD);
    expect(length('k5') * BYTES_PER_CHARACTER).toBeGreaterThan(budget);
    expect(reads.filter((r) => r.includes('k0'))).toHaveLength(3);
    expect(reads.filter((r) => r.includes('k5'))).toHaveLength(3);
    // Cycling through more than the budget holds, the cache evicted and read again: still within budget.
    expect(reads.filter((r) => r.includes('k4')).length).toBeGreaterThan(1);
    expect(cache.count).toBeGreaterThan(0);
  });

  test('caches sharing one budget count together, and let the least recently used of any of them go', async () => {
    const bytesOf = JSON.stringify(bigRecord('a', 200)).length * BYTES_PER_CHARACTER;
    // Room for two records, not three.
    const budget = new ByteBudget(Math.floor(bytesOf * 2.5));
    const slim = new RecordCache<string, Record<string, unknown>>(budget);
    const whole = new RecordCache<string, Record<string, unknown>>(budget);
    const reads: string[] = [];
    const read = async (missing: string[]) => missing.map((key) => (reads.push(key), [key, partsOf(bigRecord(key, 200))] as const));
    expect(JSON.stringify(bigRecord('a', 200)).length).toBeGreaterThanOrEqual(LARGE_RECORD);
    await slim.getMany(['a'], read);
    await whole.getMany(['b'], read);
    await slim.getMany(['a'], read); // a is now the most recently used
    await whole.getMany(['c'], read); // over the budget: b goes, from the other cache than a
    expect(budget.used).toBe(slim.bytes + whole.bytes);
    expect(budget.used).toBeLessThanOrEqual(budget.limit);
    expect([slim.count, whole.count]).toEqual([1, 1]);
    await whole.getMany(['b'], read);
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
    slim.clear();
    expect(budget.used).toBe(whole.bytes);
    whole.clear();
    expect(budget.used).toBe(0);
  });

  test('a budget of 0 keeps nothing', async () => {
    const cache = new RecordCache<string, Record<string, unknown>>(0);
    const record = bigRecord('z', 200);
    const got = await cache.getMany(['z'], async () => [['z', partsOf(record)] as const]);
    expect(got.get('z')).toEqual(record);
    expect(cache.count).toBe(0);
    expect(cache.bytes).toBe(0);
  });
});

/** Hubs with large records (quotes that do not compress away), relations among them large too. */
function largeRecordGraph(): NewsGraph {
  const g = emptyNewsGraph();
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const noisy = (n: number): Evidence[] =>
    Array.from({ length: n }, () => ({ ...anchor('rejected'), prefix: Array.from({ length: 24 }, () => String.fromCharCode(97 + next(26))).join('') }));
  for (let i = 0; i < 60; i++) {
    addEntity(g, {
      id: `e${i}`,
      kind: i % 3 === 0 ? 'GOVERNMENT' : 'PERSON',
      name: i < 4 ? `Hub ${i}` : `Entity ${i}`,
      properties: {},
      ...(i < 4 ? { evidence: noisy(150 + 40 * i) } : {}),
    });
  }
  for (let i = 0; i < 400; i++) {
    const subject = `e${Math.min(next(60), next(60))}`;
    const object = `e${next(60)}`;
    addRelation(g, { id: `r${i}`, predicate: i % 2 === 0 ? 'MET_WITH' : 'CRITICIZED', subject, object, symmetric: i % 2 === 0, ...(i % 9 === 0 ? { evidence: noisy(100) } : {}) });
  }
  return g;
}

describe('serve --record-cache-mb', () => {
  test('needs --store and a number of megabytes ≥ 0, said before anything starts', () => {
    const alone = runNewsgraph(PROJECT_ROOT, ['serve', '--record-cache-mb', '8']);
    expect(alone.code).not.toBe(0);
    expect(alone.stderr).toMatch(/--record-cache-mb .*needs --store/u);
    const negative = runNewsgraph(PROJECT_ROOT, ['serve', '--store', 'postgres://nobody@127.0.0.1:1/none', '--record-cache-mb=-1']);
    expect(negative.code).not.toBe(0);
    expect(negative.stderr).toMatch(/--record-cache-mb must be a number of megabytes ≥ 0, not "-1"/u);
  });

  test('--selection-export-mb too: it needs --store and a number of megabytes above 0', () => {
    const alone = runNewsgraph(PROJECT_ROOT, ['serve', '--selection-export-mb', '8']);
    expect(alone.code).not.toBe(0);
    expect(alone.stderr).toMatch(/--selection-export-mb .*needs --store/u);
    for (const bad of ['0', 'lots']) {
      const refused = runNewsgraph(PROJECT_ROOT, ['serve', '--store', 'postgres://nobody@127.0.0.1:1/none', `--selection-export-mb=${bad}`]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(new RegExp(`--selection-export-mb must be a number of megabytes above 0, not "${bad}"`, 'u'));
    }
  });
});

describePostgres('a PostgreSQL store with a tiny record cache', () => {
  const fixture = postgresFixture(largeRecordGraph, { timeoutMs: 300_000 });
  const open = (recordCacheBytes: number): PostgresStore => fixture.open({ recordCacheBytes });

  test.each([0, 100_000, 48 * 1024 * 1024])('answers as the in-memory store does, within its budget for all its caches (%i bytes)', async (budget) => {
    const store = open(budget);
    const memory = memoryStore(fixture.graph);
    // The hubs' records come slim (slimRecords.ts): completed through the store's whole-record caches, which the budget covers too.
    const same = async (fromPostgres: unknown, fromMemory: unknown): Promise<void> => {
      expectEqual(await withWholeRecords(store, fromPostgres), await withWholeRecords(memory, fromMemory));
    };
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 60; i += 5) {
        const id = `e${i}`;
        await same(await store.entity(id), await memory.entity(id));
        await same(await store.entities([id, 'e0', 'e1', 'nobody']), await memory.entities([id, 'e0', 'e1', 'nobody']));
        await same(await store.relationsOf(id, {}, 30), await memory.relationsOf(id, {}, 30));
        await same(await store.neighborhood(id, { depth: 2, limit: 30, includeNegated: true }), await memory.neighborhood(id, { depth: 2, limit: 30, includeNegated: true }));
        await same(await store.path(id, 'e3', 4), await memory.path(id, 'e3', 4));
        await same(await store.explore({ center: id, depth: 2, limit: 25 }), await memory.explore({ center: id, depth: 2, limit: 25 }));
        expect(store.cachedRecordBytes).toBeLessThanOrEqual(budget);
      }
      await same(await store.relations({}, { first: 100 }), await memory.relations({}, { first: 100 }));
      await same(await store.articleEntities('sample-article', { first: 10 }), await memory.articleEntities('sample-article', { first: 10 }));
      await same(await store.articleRelations('sample-article', { first: 20 }), await memory.articleRelations('sample-article', { first: 20 }));
      await same(await store.search('hub', { limit: 5 }), await memory.search('hub', { limit: 5 }));
      expect(store.cachedRecordBytes).toBeLessThanOrEqual(budget);
    }
    if (budget === 0) expect(store.cachedRecordCount).toBe(0);
    else expect(store.cachedRecordCount).toBeGreaterThan(0);
  });

  test('over HTTP, a server with a tiny record cache answers what the in-memory server answers', async () => {
    const store = open(100_000);
    const fromPostgres = askOverHttp((await startServer({ store, port: 0, handleSignals: false, responseCacheBytes: 0 }).then((s) => fixture.closeAfter(s))).url);
    const fromMemory = askOverHttp((await startServer({ graph: fixture.graph, port: 0, handleSignals: false, responseCacheBytes: 0 }).then((s) => fixture.closeAfter(s))).url);
    const questions = [
      `{ entity(id: "e0") { id name evidence(first: 200) { exact prefix start } articles { id } relations(first: 40) { id evidence(first: 200) { exact prefix } articleCount subject { id name } object { id name } } } }`,
      `{ entity(id: "e2") { neighbors(depth: 2, first: 40) { distance entity { id name } via { id articleCount } } } }`,
      `{ explore(center: "e1", depth: 2, limit: 30) { reachable nodes { id name x y degree articleCount firstPublished articleIds } edges { id source target articleCount articleIds } } }`,
      `{ relations(subject: "e0", first: 30) { totalCount edges { node { id evidence(first: 200) { exact prefix } } } } }`,
      `{ article(id: "sample-article") { id } }`,
    ];
    for (let round = 0; round < 2; round++) {
      for (const query of questions) {
        const answer = await fromPostgres(query);
        expect(answer.errors).toBeUndefined();
        expect(answer).toEqual(await fromMemory(query));
      }
    }
    expect(store.cachedRecordBytes).toBeLessThanOrEqual(100_000);
  });
});
