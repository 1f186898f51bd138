/**
 * The explorer's count (`reachable`) when the count budget runs out inside a hub (issue 12, `pgreach`, `pgcount`):
 * answered from the hub's list written at load (src/store/postgres/hubLists.ts, the `hub_list` table) and kept by the
 * store (hubPrefixes.ts), the same count as the in-memory loop's, from a hub's first view on.
 *
 * The graph: a hub `h` with more relations than COUNT_BUDGET (to leaves drawn pseudo-randomly from a pool smaller
 * than its list, so that entities repeat and the cut at the budget decides the count), with relations to two small
 * entities placed in its list before and after where a view's budget runs out; centres next to it in several ways.
 * Main's code counted a hub's first view in SQL (the budget's rows, about 25,000 adjacency index entries, read and
 * hashed) and read the hub's list at its second; here every view of a hub reads one row by primary key (the first)
 * or nothing (the next ones), and a descent per entity seen.
 *
 * Bounds are on rows and statements, never on time: the file must pass on a loaded machine (its tests' timeouts are
 * generous, LONG_MS).
 */
import { beforeAll, expect, test } from '@jest/globals';
import { COUNT_BUDGET, type ExploreQuery, type SelectedExplorerView } from '../../src/graph/explore.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { Connections } from '../../src/store/postgres/connections.js';
import { HUB_DEGREE, LISTED_ROWS } from '../../src/store/postgres/hubLists.js';
import { countAtMost } from '../../src/store/postgres/hubPrefixes.js';
import { PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { indexEntriesRead, indexEntriesReadSince } from '../utils/postgresIndexReads.js';
import { addEntity, addRelation, emptyNewsGraph } from '../utils/sampleGraph.js';
import { withWholeRecords } from './wholeRecords.js';

const HUB_RELATIONS = COUNT_BUDGET + 5_000;
/** A test's timeout: what these tests bound is rows and statements, not time (a loaded machine may be slow). */
const LONG_MS = 600_000;
const LEAVES = 8_000;
/** Where in the hub's list its relations to `a1` and `a2` come: before and after where a view's budget runs out. */
const A1_AT = 10_000;
const A2_AT = COUNT_BUDGET + 4_000;

function hubGraph(): NewsGraph {
  const g = emptyNewsGraph();
  let seed = 1_234_567;
  const next = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  for (const id of ['c', 'c2', 'm'])
    addEntity(g, {
      id,
      kind: 'EVENT',
      name: `Event ${id}`,
      properties: {
        eventType: 'MEETING',
        status: 'occurred',
        time: '2025-04-24',
      },
    });
  for (const id of ['h', 'b']) addEntity(g, { id, kind: 'GOVERNMENT', name: `Hub ${id}`, properties: {} });
  for (const id of ['a1', 'a2', 'a3']) addEntity(g, { id, kind: 'PERSON', name: `Small ${id}`, properties: {} });
  for (let i = 0; i < LEAVES; i++)
    addEntity(g, {
      id: `l${i}`,
      kind: 'PERSON',
      name: `Leaf ${i}`,
      properties: {},
    });
  let r = 0;
  const relate = (subject: string, object: string, predicate: 'MET_WITH' | 'CRITICIZED' | 'REJECTED' = 'MET_WITH'): void =>
    addRelation(g, {
      id: `r${r++}`,
      predicate,
      subject,
      object,
      symmetric: predicate === 'MET_WITH',
    });
  // c: the hub first in its ring, then two small entities; c2: a small entity first, then the hub; m: a hub of 3,000
  // relations first, then h (the budget runs out across both).
  for (const end of ['h', 'a1', 'a2']) relate('c', end);
  for (const end of ['a3', 'h']) relate('c2', end);
  for (const end of ['b', 'h']) relate('m', end);
  for (let i = 0; i < 20; i++) relate('a3', `l${next(LEAVES)}`, 'CRITICIZED');
  for (let i = 0; i < HUB_RELATIONS; i++) {
    if (i === A1_AT) relate('h', 'a1', 'CRITICIZED');
    else if (i === A2_AT) relate('h', 'a2', 'CRITICIZED');
    else relate('h', `l${next(LEAVES)}`, i % 3 === 0 ? 'CRITICIZED' : 'REJECTED');
  }
  for (let i = 0; i < 3_000; i++) relate('b', `l${next(LEAVES)}`, 'REJECTED');
  return g;
}

/** A view without its articles (read on demand from a store, closed by then). */
function drawn(view: SelectedExplorerView | undefined): unknown {
  if (view === undefined) return undefined;
  const { nodes, edges, ...rest } = view;
  return {
    ...rest,
    nodes: nodes.map(({ articles: _, ...node }) => node),
    edges: edges.map(({ articles: _, ...edge }) => edge),
  };
}

test('countAtMost counts the sorted values at or below a bound', () => {
  const values = Int32Array.from([2, 5, 5, 9, 40]);
  expect([-1, 2, 4, 5, 8, 9, 40, 41].map((max) => countAtMost(values, max))).toEqual([0, 1, 1, 3, 3, 4, 5, 5]);
  expect(countAtMost(new Int32Array(0), 3)).toBe(0);
});

const ADJACENCY_INDEXES = ['adjacency_entity', 'adjacency_pair', 'adjacency_predicate', 'adjacency_reach'];

describePostgres('the explorer count inside a hub over PostgreSQL', () => {
  const fixture = postgresFixture(hubGraph, { timeoutMs: 300_000 });
  let admin: Connections;
  beforeAll(() => {
    admin = fixture.closeAfter(new Connections({ primary: fixture.url }));
  });

  /** Index entries read from the adjacency table's indexes, as the statistics have them. */
  const adjacencyEntries = (): Promise<number> => indexEntriesRead(admin, ADJACENCY_INDEXES);

  /**
   * The adjacency index entries read by the views `queries` asked in turn of one store of their own: backends report
   * their counts when they end, so the store is closed and the counts awaited until they stop moving.
   */
  async function entriesRead(queries: readonly ExploreQuery[]): Promise<{ views: SelectedExplorerView[]; statements: number[]; read: number }> {
    const before = await adjacencyEntries();
    const own = new PostgresStore({ primary: fixture.url });
    const views: SelectedExplorerView[] = [];
    const statements: number[] = [];
    try {
      await own.identity();
      for (const query of queries) {
        const start = own.statementCount;
        views.push(await own.explore(query));
        statements.push(own.statementCount - start);
      }
    } finally {
      await own.close();
    }
    const read = await indexEntriesReadSince(admin, ADJACENCY_INDEXES, before);
    return { views, statements, read };
  }

  test('the views equal the in-memory ones: inside the hub, reusing what is kept of it, across two hubs, with predicates', async () => {
    const memory = memoryStore(fixture.graph);
    const store = new PostgresStore({ primary: fixture.url });
    try {
      const cases: ExploreQuery[] = [
        { center: 'c', depth: 2, limit: 200 },
        { center: 'c2', depth: 2, limit: 200 },
        { center: 'c', depth: 2, limit: 60 },
        { center: 'c2', depth: 2, limit: 500 },
        { center: 'h', depth: 1, limit: 200 },
        { center: 'h', depth: 2, limit: 300 },
        { center: 'a1', depth: 2, limit: 150 },
        { center: 'm', depth: 2, limit: 200 },
        {
          center: 'c',
          depth: 2,
          limit: 200,
          predicates: ['CRITICIZED', 'MET_WITH'],
        },
        { center: 'c', depth: 3, limit: 400 },
        { center: 'l7', depth: 2, limit: 100, connectTo: ['h', 'a2'] },
        // The rest of the last ring read whole (b's 2,800 rows after the view's): an exact count from b's kept list.
        { center: 'b', depth: 1, limit: 200 },
        // The same rest when a further ring needs its entities (listed in SQL), and past it.
        { center: 'b', depth: 2, limit: 200 },
        { center: 'm', depth: 1, limit: 2 },
      ];
      // Twice: a hub's list is read at its first view, kept for the next ones.
      for (const query of [...cases, ...cases]) {
        const [postgres, inMemory] = [await store.explore(query), await memory.explore(query)];
        expect({
          query,
          view: await withWholeRecords(store, postgres),
        }).toEqual({ query, view: await withWholeRecords(memory, inMemory) });
      }
    } finally {
      await store.close();
    }
    // A store of its own: the hub's row is read at the first view that stops inside it and kept; b's at its first exact
    // count.
    const own = new PostgresStore({ primary: fixture.url });
    try {
      const inside = await own.explore({ center: 'c', depth: 2, limit: 200, articles: false });
      expect(inside.reachableIsExact).toBe(false);
      expect(inside.reachable).toBeGreaterThan(LEAVES / 2);
      expect(own.hubPrefixes.reads).toBe(1); // h's row, by primary key
      await own.explore({ center: 'c2', depth: 2, limit: 200, articles: false });
      await own.explore({ center: 'c', depth: 2, limit: 200, articles: false });
      expect(own.hubPrefixes.reads).toBe(1); // c2's rest starts inside h too (a3's 20 rows were read while keeping): kept
      for (let i = 0; i < 2; i++) expect((await own.explore({ center: 'b', depth: 1, limit: 200, articles: false })).reachableIsExact).toBe(true);
      expect(own.hubPrefixes.reads).toBe(2); // b's row, at its first view; kept at its second
    } finally {
      await own.close();
    }
  }, LONG_MS);

  test('a hub’s first view reads its row and a descent per entity seen, not the budget’s rows', async () => {
    const first = { center: 'c', depth: 2, limit: 200, articles: false } as const;
    const second = { center: 'c2', depth: 2, limit: 200, articles: false } as const;
    const memory = memoryStore(fixture.graph);
    // A fresh store each time (nothing kept): its first view of the hub.
    for (const query of [first, second]) {
      const { views, statements, read } = await entriesRead([query]);
      expect(drawn(views[0])).toEqual(drawn(await memory.explore(query)));
      expect(views[0]?.reachableIsExact).toBe(false);
      // The rings (a3's 20 relations, the hub's first rows until 200 entities are kept), a descent per entity seen
      // (200), and the relations drawn (the hub's first FIRST_SCAN rows at most, a3's): main's code also read and
      // hashed the hub's next 24,700 rows for the count at the hub's first view.
      expect(read).toBeLessThan(COUNT_BUDGET / 3);
      // The rings (two), the nodes, the hub's row, the seen entities' descents (main's code: the count), the
      // relations drawn (four here: the leaves drawn are spread over the hub's list).
      expect(statements[0]).toBeLessThanOrEqual(9);
    }
  }, LONG_MS);

  test('hub_list holds each hub’s first rows and first meetings, as its adjacency rows say', async () => {
    const rows = await admin.read<{ entity: string; degree: number; positions: Buffer; firsts: Buffer }>(
      'SELECT entity, degree, positions, firsts FROM newsgraph.hub_list ORDER BY entity',
    );
    const ints = (bytes: Buffer): number[] => Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readInt32BE(i * 4));
    // h (30,000 relations), b (3,000 and m's), and no one under HUB_DEGREE.
    expect(rows.map((r) => [r.entity, r.degree])).toEqual([
      ['b', 3_001],
      ['h', HUB_RELATIONS + 3],
    ]);
    expect(HUB_RELATIONS + 3).toBeLessThanOrEqual(LISTED_ROWS);
    expect(3_001).toBeGreaterThanOrEqual(HUB_DEGREE);
    for (const row of rows) {
      const adjacency = await admin.read<{ relation_pos: number; other: string }>(
        'SELECT relation_pos, other FROM newsgraph.adjacency WHERE entity = $1 ORDER BY relation_pos LIMIT $2',
        [row.entity, LISTED_ROWS],
      );
      const met = new Set<string>();
      const firsts = adjacency.filter((a) => !met.has(a.other) && met.add(a.other) !== undefined).map((a) => a.relation_pos);
      expect(ints(row.positions)).toEqual(adjacency.map((a) => a.relation_pos));
      expect(ints(row.firsts)).toEqual(firsts);
    }
  }, LONG_MS);

  test('a corpus of the previous layout (2, without hub_list) is refused, saying to load it again', async () => {
    const other = new PostgresStore({ primary: fixture.url });
    try {
      await admin.read(`UPDATE newsgraph.meta SET value = (value::jsonb || '{"tablesVersion": 2}')::json WHERE key = 'corpus'`);
      await expect(other.identity()).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/of layout 2, this one reads layout 3\).*load it again/u) });
    } finally {
      await admin.read(`UPDATE newsgraph.meta SET value = (value::jsonb || '{"tablesVersion": 3}')::json WHERE key = 'corpus'`);
      await other.close();
    }
  }, LONG_MS);
});
