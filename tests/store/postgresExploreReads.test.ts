/**
 * The explorer's view over PostgreSQL (issue 12, `pgexplore`): the same view as the in-memory store's, in a fixed
 * handful of statements, reading about the adjacency rows the in-memory loop visits.
 *
 * The graph is a corpus's shape in small: a small event at the centre, hubs around it, the entities drawn in the
 * second ring found in the first hub's first relations, each of them with relations of its own to entities that
 * are not drawn, and one large hub whose few relations to the drawing come late in its list. Main's code before
 * this work read every drawn end's relations whole (few relations each, but 200 of them) and looked up the hubs'
 * pairs, in 12 statements for the view around hubs here (27,383 adjacency index entries); here the places are read
 * in drawing order, each stopping at the relations still wanted (5 statements, 22,570 entries, most of them the
 * count's, as in memory).
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { executeQuery } from '../../src/api/index.js';
import type { ExploreQuery, SelectedExplorerView } from '../../src/graph/explore.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { Connections } from '../../src/store/postgres/connections.js';
import { BATCH_ROWS, FIRST_SCAN, nextRead } from '../../src/store/postgres/exploreEdges.js';
import { PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { indexEntriesRead, indexEntriesReadSince } from '../utils/postgresIndexReads.js';
import { withWholeRecords } from './wholeRecords.js';
import { addEntity, addRelation, emptyNewsGraph } from '../utils/sampleGraph.js';

const SPOKES = 400;
const LEAVES = 150;
const BIG_HUB = 'big';
/** Relations of each spoke to leaves: what main's code read whole for every spoke drawn. */
const SPOKE_LEAVES = 40;

/**
 * Centre `c` (an event) with relations to hubs h0, h1, h2, a large hub and one small entity; each hub with 1,500
 * relations to the spokes (drawn pseudo-randomly), hubs h0 and h1 with 120 meetings between them; each spoke with
 * SPOKE_LEAVES relations to leaves (never drawn); the large hub with 12,000 relations to leaves and then 40 to spokes.
 */
function corpusShapedGraph(): NewsGraph {
  const g = emptyNewsGraph();
  // xorshift32: the low bits of a linear congruential generator repeat too soon for picks among 400.
  let seed = 4_242;
  const next = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  addEntity(g, { id: 'c', kind: 'EVENT', name: 'The Meeting', properties: { eventType: 'MEETING', status: 'occurred', time: '2025-04-24' } });
  addEntity(g, { id: 'small', kind: 'PERSON', name: 'Small One', properties: {} });
  for (const hub of ['h0', 'h1', 'h2', BIG_HUB]) addEntity(g, { id: hub, kind: 'GOVERNMENT', name: `Hub ${hub}`, properties: {} });
  for (let i = 0; i < SPOKES; i++) addEntity(g, { id: `s${i}`, kind: 'PERSON', name: `Spoke ${i}`, properties: {} });
  for (let i = 0; i < LEAVES; i++) addEntity(g, { id: `l${i}`, kind: 'PERSON', name: `Leaf ${i}`, properties: {} });
  let r = 0;
  for (const end of ['h0', 'h1', 'h2', BIG_HUB, 'small']) addRelation(g, { id: `r${r++}`, predicate: 'MET_WITH', subject: 'c', object: end, symmetric: true });
  const predicates = ['CRITICIZED', 'REJECTED', 'MET_WITH'] as const;
  for (const hub of ['h0', 'h1', 'h2']) {
    for (let i = 0; i < 1_500; i++) {
      const predicate = predicates[i % 3] ?? 'CRITICIZED';
      addRelation(g, { id: `r${r++}`, predicate, subject: hub, object: `s${next(SPOKES)}`, symmetric: predicate === 'MET_WITH', negated: i % 17 === 0 });
    }
  }
  for (let i = 0; i < 120; i++) addRelation(g, { id: `r${r++}`, predicate: 'MET_WITH', subject: 'h0', object: 'h1', symmetric: true });
  for (let s = 0; s < SPOKES; s++) for (let i = 0; i < SPOKE_LEAVES; i++) addRelation(g, { id: `r${r++}`, predicate: 'CRITICIZED', subject: `s${s}`, object: `l${next(LEAVES)}` });
  for (let i = 0; i < 12_000; i++) addRelation(g, { id: `r${r++}`, predicate: 'REJECTED', subject: BIG_HUB, object: `l${next(LEAVES)}` });
  for (let i = 0; i < 40; i++) addRelation(g, { id: `r${r++}`, predicate: 'CRITICIZED', subject: BIG_HUB, object: `s${next(SPOKES)}` });
  return g;
}

describe('how the explorer reads a place on (nextRead)', () => {
  test('a first read scans FIRST_SCAN rows, or a short list whole', () => {
    expect(nextRead(0, 12, 800, 200)).toEqual({ kind: 'scan', rows: 12 });
    expect(nextRead(0, 5_000, 800, 200)).toEqual({ kind: 'scan', rows: 5_000 });
    expect(nextRead(0, 139_238, 800, 200)).toEqual({ kind: 'scan', rows: FIRST_SCAN });
  });
  test('then the rest when it is short, else pair by pair', () => {
    expect(nextRead(FIRST_SCAN, FIRST_SCAN + 300, 500, 200)).toEqual({ kind: 'scan', rows: 300 });
    expect(nextRead(FIRST_SCAN, 139_238, 500, 200)).toEqual({ kind: 'pairs' });
  });
});

describePostgres('the explorer over PostgreSQL around hubs', () => {
  const fixture = postgresFixture(corpusShapedGraph, { timeoutMs: 300_000 });
  let admin: Connections;
  beforeAll(() => {
    admin = fixture.closeAfter(new Connections({ primary: fixture.url }));
  });

  /** Index entries read from the adjacency table's two indexes, as the statistics have them. */
  const adjacencyEntries = (): Promise<number> => indexEntriesRead(admin, ['adjacency_entity', 'adjacency_pair']);

  /**
   * `view` asked of a store of its own (after one question that reads the corpus's figures), its statements, and the
   * adjacency index entries its connections read: backends report their counts when they end, so the store is closed
   * and the counts awaited until they stop moving.
   */
  async function measured(query: ExploreQuery): Promise<{ view: SelectedExplorerView; statements: number; rowsRead: number }> {
    const before = await adjacencyEntries();
    const own = new PostgresStore({ primary: fixture.url });
    try {
      await own.identity();
      const start = own.statementCount;
      const view = await own.explore(query);
      const statements = own.statementCount - start;
      await withWholeRecords(own, view); // the articles read too: records only, no adjacency row
      await own.close();
      const read = await indexEntriesReadSince(admin, ['adjacency_entity', 'adjacency_pair'], before, 10_000);
      if (process.env.DEBUG_EXPLORE) console.log('MEASURED', JSON.stringify(query), statements, read);
      return { view, statements, rowsRead: read };
    } finally {
      await own.close().catch(() => undefined);
    }
  }

  test('the views equal the in-memory ones: around the hubs, past a large hub, with predicates and entities drawn elsewhere', async () => {
    const memory = memoryStore(fixture.graph);
    const cases = [
      { center: 'c', depth: 2, limit: 200 },
      { center: 'c', depth: 2, limit: 60 },
      { center: 'small', depth: 2, limit: 200 },
      { center: 'h0', depth: 1, limit: 200 },
      { center: 'c', depth: 3, limit: 300 },
      { center: 'c', depth: 2, limit: 150, predicates: ['CRITICIZED', 'MET_WITH'] },
      { center: 's3', depth: 2, limit: 100, connectTo: ['h1', 'h2', BIG_HUB, 'l4', 'nobody'] },
    ];
    for (const query of cases) {
      const [postgres, inMemory] = [await fixture.store.explore(query), await memory.explore(query)];
      expect({ query, view: await withWholeRecords(fixture.store, postgres) }).toEqual({ query, view: await withWholeRecords(memory, inMemory) });
    }
    await expect(fixture.store.explore({ center: 'nobody', depth: 2, limit: 10 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a view around the hubs is six statements, and reads about the rows the in-memory loop visits', async () => {
    // As the API asks it for a selection without article fields (the bench's `nodes { id x y } edges { id }`).
    const { view, statements, rowsRead } = await measured({ center: 'c', depth: 2, limit: 200, articles: false });
    expect(view.nodes).toHaveLength(200);
    expect(view.edges).toHaveLength(800);
    expect(view.edgesTruncated).toBe(true);
    // The rings (the centre's relations, the hubs' first ones), the count, the nodes (places, degrees, fields), the
    // relations drawn with their fields, and the degree of the count's first entity with its `hub_list` row (one
    // look-up by primary key, `pgcount`: h0 is a hub, but the count runs across four hubs and is made in SQL). Main's
    // code before `pgexplore`: 12 (the centre's check, a degree look-up, the records of the nodes and of the relations,
    // the article order, three or more for the relations drawn).
    expect(statements).toBeLessThanOrEqual(6);
    // What the in-memory loop visits: the hubs' relations while entities are kept and then counted (the rest of
    // the ring, under the count budget), and the relations drawn in drawing order (the first hub's relations fill
    // the cap within its first 1,500). Main's code also read the drawn ends' relations whole (about 5,000 rows) and
    // the hubs' relations pair by pair.
    const visited = 5 + fixture.graph.degree('h0') + fixture.graph.degree('h1') + fixture.graph.degree('h2') + fixture.graph.degree(BIG_HUB) + fixture.graph.degree('small');
    expect(rowsRead).toBeLessThanOrEqual(visited + BATCH_ROWS + 1_000);
  });

  test('over GraphQL: a selection without article fields reads no record; with them, the same answers as in memory', async () => {
    const memory = memoryStore(fixture.graph);
    const lean = '{ explore(center: "c", depth: 2, limit: 200) { reachable nodes { id x y } edges { id } } }';
    const full = `{ explore(center: "c", depth: 2, limit: 200) { reachable reachableIsExact edgesTruncated
      nodes { id name kind x y distance degree time ...Dates } edges { id predicate source target negated modality origin attributedTo event time ...EdgeDates } } }
      fragment Dates on ExplorerNode { articleIds(first: 50) articleCount firstPublished lastPublished }
      fragment EdgeDates on ExplorerEdge { articleIds articleCount firstPublished lastPublished }`;
    await executeQuery(fixture.store, lean); // the corpus's figures, read once per store
    const before = fixture.store.statementCount;
    const answer = await executeQuery(fixture.store, lean);
    // The rings, the count, the nodes, the relations drawn: no records (they would be two statements more).
    expect(fixture.store.statementCount - before).toBeLessThanOrEqual(5);
    expect(answer).toEqual(await executeQuery(memory, lean));
    const fullAnswer = await executeQuery(fixture.store, full);
    expect(fullAnswer.errors).toBeUndefined();
    expect(fullAnswer).toEqual(await executeQuery(memory, full));
  });

  test('a place whose relations to the drawing are sparse is read on pair by pair, not whole', async () => {
    // Following CRITICIZED only, the large hub keeps the spokes of its last 40 relations (its ring is read whole
    // to find them, as in memory). Drawing them, its first FIRST_SCAN rows are scanned, then its relations to the
    // 39 entities drawn looked up by pair: not its 12,045 rows again (main's code, its scan of a hub re-reading the
    // rows before each chunk: 82,385 index entries in 23 statements).
    const query = { center: BIG_HUB, depth: 1, limit: 200, predicates: ['CRITICIZED'] };
    const { view, rowsRead } = await measured(query);
    const memory = memoryStore(fixture.graph);
    expect(await withWholeRecords(fixture.store, view)).toEqual(await withWholeRecords(memory, await memory.explore(query)));
    expect(view.edges.length).toBeGreaterThan(30);
    // Its ring whole, then FIRST_SCAN of its rows, a descent per pair, and the spokes' own short lists.
    const degree = fixture.graph.degree(BIG_HUB);
    const spokes = view.nodes.filter((n) => n.id !== BIG_HUB).reduce((sum, n) => sum + fixture.graph.degree(n.id), 0);
    expect(rowsRead).toBeGreaterThan(degree);
    expect(rowsRead).toBeLessThanOrEqual(degree + FIRST_SCAN + spokes + 200);
  });
});
