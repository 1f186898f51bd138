/**
 * How the PostgreSQL store reads, beyond giving the in-memory answers: the explorer's rings counted in SQL agree with
 * `neighborhoodRings` wherever the count budget cuts them; a view around a hub reads far fewer rows than the hub
 * has relations; the corpus's figures are read once while the store listens for loads, and a new load is still
 * served from its notification on, its large records not taken from the previous corpus.
 */
import { beforeAll, expect, test } from '@jest/globals';
import pg from 'pg';
import { neighborhoodRings } from '../../src/graph/rings.js';
import type { Evidence, NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { Connections } from '../../src/store/postgres/connections.js';
import { exploreRings } from '../../src/store/postgres/exploreRings.js';
import { loadGraphIntoPostgres, PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { withWholeRecords } from './wholeRecords.js';
import { addEntity, addRelation, anchor, emptyNewsGraph } from '../utils/sampleGraph.js';

/** A deterministic pseudo-random graph with hubs (ends drawn with a bias to low numbers), self-loops and symmetric relations. */
function hubbyGraph(options: { readonly hubName?: string } = {}): NewsGraph {
  const g = emptyNewsGraph();
  const entities = 240;
  let seed = 12_345;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const biased = (): number => Math.min(next(entities), next(entities), next(entities));
  // Evidence that does not compress away (the database keeps a record compressed; the cache is for large ones).
  const noisy = (n: number): Evidence[] =>
    Array.from({ length: n }, () => ({ ...anchor('rejected'), prefix: Array.from({ length: 24 }, () => String.fromCharCode(97 + next(26))).join('') }));
  for (let i = 0; i < entities; i++) {
    addEntity(g, {
      id: `e${i}`,
      kind: i % 4 === 0 ? 'GOVERNMENT' : 'PERSON',
      name: i === 0 ? (options.hubName ?? 'Hub Zero') : `Entity ${i}`,
      properties: {},
      // The hub's record is large (as a corpus's hubs are), so that the store keeps it between requests.
      ...(i === 0 ? { evidence: noisy(200) } : {}),
    });
  }
  for (let i = 0; i < 2_000; i++) {
    const subject = `e${biased()}`;
    const object = i % 97 === 0 ? subject : `e${next(entities)}`;
    const predicate = i % 3 === 0 ? 'MET_WITH' : i % 3 === 1 ? 'CRITICIZED' : 'REJECTED';
    // Every 50th relation has a large record (as relations between a corpus's hubs do): read through the cache.
    const evidence = i % 50 === 0 ? { evidence: noisy(120) } : {};
    addRelation(g, { id: `r${i}`, predicate, subject, object, symmetric: predicate === 'MET_WITH', negated: i % 11 === 0, ...evidence });
  }
  return g;
}

/** A hub with 3,000 relations to 100 spokes, each spoke with one relation to the next (a corpus's hub, in small). */
function spokeGraph(): NewsGraph {
  const g = emptyNewsGraph();
  addEntity(g, { id: 'hub', kind: 'GOVERNMENT', name: 'Hub', properties: {} });
  for (let i = 0; i < 100; i++) addEntity(g, { id: `s${i}`, kind: 'PERSON', name: `Spoke ${i}`, properties: {} });
  for (let i = 0; i < 3_000; i++) addRelation(g, { id: `h${i}`, predicate: 'CRITICIZED', subject: 'hub', object: `s${(i * 7) % 100}` });
  for (let i = 1; i < 100; i++) addRelation(g, { id: `c${i}`, predicate: 'REJECTED', subject: `s${i}`, object: `s${i - 1}` });
  return g;
}

describePostgres('how the PostgreSQL store reads', () => {
  const fixture = postgresFixture(hubbyGraph);
  let db: Connections;
  beforeAll(() => {
    db = fixture.closeAfter(new Connections({ primary: fixture.url }));
  });
  const open = (replicas?: string[]): PostgresStore => fixture.open(replicas ? { replicas } : {});

  test("the store's connections compile no statement with JIT, whatever the server's setting", async () => {
    // The server's default is on (the test cluster's too): each of the pool's connections turns it off first.
    const settings = await Promise.all(Array.from({ length: 12 }, () => db.read<{ jit: string }>('SHOW jit')));
    expect(settings.map(([row]) => row?.jit)).toEqual(Array.from({ length: 12 }, () => 'off'));
    const fresh = new pg.Client({ connectionString: fixture.url });
    await fresh.connect();
    try {
      const { rows } = await fresh.query<{ jit: string }>('SHOW jit');
      expect(rows[0]?.jit).toBe('on');
    } finally {
      await fresh.end();
    }
  });

  test("a pool keeps its connections through a reader's pause: node-postgres's 10 s would have closed them", async () => {
    // A new connection is a new backend, which plans every statement again (connections.ts IDLE_MS).
    const pool = fixture.closeAfter(new Connections({ primary: fixture.url, poolSize: 1 }));
    const backend = async (): Promise<number | undefined> => (await pool.read<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]?.pid;
    const before = await backend();
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    expect(await backend()).toBe(before);
  }, 60_000);

  test('the rings counted in SQL are those of neighborhoodRings wherever the count budget cuts them', async () => {
    const degree = (id: string): number => fixture.graph.degree(id);
    const centers = ['e0', 'e5', 'e239'].filter((id) => degree(id) > 0);
    for (const id of centers) {
      for (const depth of [1, 2, 3]) {
        for (const limit of [1, 7, 60, 1_000]) {
          for (const countBudget of [0, 1, 13, 150, 900, 100_000]) {
            for (const predicates of [undefined, ['CRITICIZED', 'MET_WITH']]) {
              const options = { depth, limit, countBudget, ...(predicates ? { predicates } : {}) };
              const memory = neighborhoodRings(fixture.graph, id, options);
              const postgres = await exploreRings(db, id, options);
              expect({ id, ...options, ...postgres }).toEqual({ id, ...options, ...memory });
            }
          }
        }
      }
    }
  });

  test('the explorer view equals the in-memory one, with relations to entities drawn elsewhere and among hubs', async () => {
    const store = open();
    const memory = memoryStore(fixture.graph);
    const cases = [
      { center: 'e0', depth: 2, limit: 30 },
      { center: 'e0', depth: 1, limit: 200 },
      { center: 'e17', depth: 2, limit: 12, predicates: ['REJECTED'] },
      { center: 'e3', depth: 1, limit: 40, connectTo: ['e0', 'e1', 'e2', 'e200', 'nobody'] },
      { center: 'e100', depth: 3, limit: 500 },
    ];
    // Large records are handed out slim (slimRecords.ts): compared whole, their articles awaited.
    for (const query of cases) expect(await withWholeRecords(store, await store.explore(query))).toEqual(await withWholeRecords(memory, await memory.explore(query)));
  });

  test('relations around an entity (the ends checked on its adjacency rows) and large records are those in memory', async () => {
    const store = open();
    const memory = memoryStore(fixture.graph);
    const same = async <T>(ask: (s: typeof memory | PostgresStore) => Promise<T>): Promise<void> => {
      // Large records are handed out slim (slimRecords.ts): compared whole.
      expect(await withWholeRecords(store, await ask(store))).toEqual(await withWholeRecords(memory, await ask(memory)));
    };
    for (let round = 0; round < 2; round++) {
      // The second round reads the large records from the cache.
      for (const [subject, object] of [['e0', undefined], [undefined, 'e0'], ['e0', 'e1'], ['e1', 'e0'], ['e5', 'e5'], [undefined, 'e7']] as const) {
        const ends = { ...(subject ? { subject } : {}), ...(object ? { object } : {}) };
        await same((s) => s.relations(ends, { first: 7 }));
        await same((s) => s.relations({ ...ends, predicates: ['MET_WITH'], negated: false }, { first: 50 }));
        await same((s) => s.relations({ ...ends, minArticles: 1, draft: false }, { first: 3 }));
        const page = await memory.relations(ends, { first: 4 });
        if (page.pageInfo.endCursor !== null) await same((s) => s.relations(ends, { first: 4, after: page.pageInfo.endCursor ?? undefined }));
      }
      await same((s) => s.relationsOf('e0', {}, 300));
      await same((s) => s.relationsOf('e2', { direction: 'IN', predicates: ['CRITICIZED'] }, 40));
      await same((s) => s.neighborhood('e3', { depth: 2, includeNegated: true, limit: 80 }));
      await same((s) => s.linked('e0', {}, 30));
      await same((s) => s.search('hub', { limit: 3 }));
      await same((s) => s.entitiesOfKind('GOVERNMENT', { first: 5 }));
    }
    expect(store.cachedRecordCount).toBeGreaterThan(1);
  });

  test('paths (one statement per hop returns the first relation to each new entity) are those in memory', async () => {
    const store = open();
    const memory = memoryStore(fixture.graph);
    for (let i = 0; i < 40; i++) {
      const from = `e${(i * 37) % 240}`;
      const to = `e${(i * 53 + 11) % 240}`;
      for (const maxHops of [1, 2, 4]) expect(await store.path(from, to, maxHops)).toEqual(await memory.path(from, to, maxHops));
    }
  });

  test('the corpus figures are read once while listening; a new load is served from its notification on, fresh', async () => {
    const store = open();
    const first = await store.identity();
    const hubBefore = await store.entity('e0');
    expect(hubBefore?.name).toBe('Hub Zero');
    await store.wholeEntity(hubBefore!);
    expect(store.cachedRecordCount).toBeGreaterThanOrEqual(1); // the hub's whole record is large: kept
    const reads = store.metaReadCount;
    for (let i = 0; i < 5; i++) expect((await store.identity()).id).toBe(first.id);
    expect(store.metaReadCount).toBe(reads);

    const renamed = hubbyGraph({ hubName: 'Hub Renamed' });
    const { identity } = await fixture.load(renamed);
    expect(identity.id).not.toBe(first.id);
    // The notification is delivered at the commit, asynchronously: it arrives within moments.
    const deadline = Date.now() + 5_000;
    while ((await store.identity()).id !== identity.id && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await store.identity()).id).toBe(identity.id);
    expect((await store.entity('e0'))?.name).toBe('Hub Renamed');
    expect((await store.wholeEntity((await store.entity('e0'))!)).name).toBe('Hub Renamed'); // not the old whole record
  });

  test('a store reading from replicas reads the figures on every call, and sees a new load at once', async () => {
    const store = open([fixture.url]); // the primary named as its own replica: what matters is that it does not listen
    const before = await store.identity();
    const reads = store.metaReadCount;
    await store.identity();
    expect(store.metaReadCount).toBe(reads + 1);
    const { identity } = await loadGraphIntoPostgres(fixture.url, hubbyGraph({ hubName: 'Hub Again' }));
    expect(identity.id).not.toBe(before.id);
    expect((await store.identity()).id).toBe(identity.id);
    expect((await store.entity('e0'))?.name).toBe('Hub Again');
  });

  test('a view around a hub reads far fewer rows than the hub has relations', async () => {
    const spokes = spokeGraph();
    await loadGraphIntoPostgres(fixture.url, spokes);
    const store = open();
    const connections = (store as unknown as { db: Connections }).db;
    const read = connections.read.bind(connections);
    const readPlanned = connections.readPlanned.bind(connections);
    let rows = 0;
    connections.read = async (text, values) => {
      const result = await read(text, values);
      rows += result.length;
      return result as never;
    };
    connections.readPlanned = async (text, values) => {
      const result = await readPlanned(text, values);
      rows += result.length;
      return result as never;
    };
    const before = store.statementCount;
    const view = await store.explore({ center: 'hub', depth: 2, limit: 10 });
    const statements = store.statementCount - before;
    const memory = memoryStore(spokes);
    expect(await withWholeRecords(store, view)).toEqual(await withWholeRecords(memory, await memory.explore({ center: 'hub', depth: 2, limit: 10 })));
    expect(view.reachable).toBe(101);
    // The rows that reach the server: the hub's first relations until ten entities are found, the degrees of the
    // spokes (the count's cut), one count, the nodes, and the relations among the ends drawn; not the hub's 3,000
    // relations, nor the 3,000 rows the count goes through in the database.
    expect(rows).toBeLessThan(spokes.degree('hub') / 4);
    // Round-trips: the centre's check, one chunk of the hub's relations, per ring a degree look-up and a count (or
    // list), the nodes and their records, the corpus figures and article order (once per store), the relations
    // among the ends (two) and their records: 13, whatever the hub's size.
    expect(statements).toBeLessThanOrEqual(13);
  });
});
