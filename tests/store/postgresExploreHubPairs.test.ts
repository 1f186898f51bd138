/**
 * The explorer's relations drawn over PostgreSQL (issue 12, `pgview`): a hub of the first ring whose relations the
 * rings did not read while keeping entities (the limit was filled from an earlier hub's list) has its relations to
 * the drawing anywhere in its list, so it is read pair by pair at once, one descent per entity drawn after it; main's
 * code first scanned FIRST_SCAN of its rows (none of them drawn, here) in a statement of its own, then read it pair by
 * pair anyway. The view is the in-memory store's, and the adjacency index entries read show the scan is gone.
 */
import { beforeAll, expect, test } from '@jest/globals';
import type { ExploreQuery } from '../../src/graph/explore.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { Connections } from '../../src/store/postgres/connections.js';
import { FIRST_SCAN } from '../../src/store/postgres/exploreEdges.js';
import { PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { indexEntriesRead, indexEntriesReadSince } from '../utils/postgresIndexReads.js';
import { addEntity, addRelation, emptyNewsGraph } from '../utils/sampleGraph.js';

const SPOKES = 57;
/** The second hub's relations to leaves (never drawn) before its few relations to the spokes drawn. */
const FAR_LEAVES = 6_000;

/**
 * Centre `c` (an event) with relations to hubs `near` and `far`; `near` with one relation to each spoke (the limit of
 * 60 is filled from them: c, near, far and 57 spokes); `far` with FAR_LEAVES relations to leaves and then one to
 * every third spoke; each spoke with a few relations to leaves.
 */
function hubPairsGraph(): NewsGraph {
  const g = emptyNewsGraph();
  addEntity(g, { id: 'c', kind: 'EVENT', name: 'The Talks', properties: { eventType: 'MEETING', status: 'occurred', time: '2025-04-24' } });
  for (const hub of ['near', 'far']) addEntity(g, { id: hub, kind: 'GOVERNMENT', name: `Hub ${hub}`, properties: {} });
  for (let i = 0; i < SPOKES; i++) addEntity(g, { id: `s${i}`, kind: 'PERSON', name: `Spoke ${i}`, properties: {} });
  for (let i = 0; i < 100; i++) addEntity(g, { id: `l${i}`, kind: 'PERSON', name: `Leaf ${i}`, properties: {} });
  let r = 0;
  for (const hub of ['near', 'far']) addRelation(g, { id: `r${r++}`, predicate: 'MET_WITH', subject: 'c', object: hub, symmetric: true });
  for (let i = 0; i < SPOKES; i++) addRelation(g, { id: `r${r++}`, predicate: 'CRITICIZED', subject: 'near', object: `s${i}` });
  for (let i = 0; i < FAR_LEAVES; i++) addRelation(g, { id: `r${r++}`, predicate: 'REJECTED', subject: 'far', object: `l${i % 100}` });
  for (let i = 0; i < SPOKES; i += 3) addRelation(g, { id: `r${r++}`, predicate: 'CRITICIZED', subject: 'far', object: `s${i}` });
  for (let i = 0; i < SPOKES; i++) for (let j = 0; j < 3; j++) addRelation(g, { id: `r${r++}`, predicate: 'CRITICIZED', subject: `s${i}`, object: `l${(i + j * 7) % 100}` });
  return g;
}

describePostgres('the explorer over PostgreSQL reads a hub not met while keeping pair by pair', () => {
  const fixture = postgresFixture(hubPairsGraph);
  let admin: Connections;
  beforeAll(() => {
    admin = fixture.closeAfter(new Connections({ primary: fixture.url }));
  });
  const indexes = ['adjacency_entity', 'adjacency_pair'];

  test('the view equals the in-memory one, and reads no first scan of the far hub', async () => {
    const query: ExploreQuery = { center: 'c', depth: 2, limit: 60, articles: false, fields: { nodes: ['id', 'x', 'y'], edges: ['id'] } };
    const memory = await fixture.memory.explore(query);
    expect(memory.nodes.map((n) => n.id).slice(0, 3)).toEqual(['c', 'near', 'far']);
    expect(memory.edgesTruncated).toBe(false); // every place is read, the far hub too
    const before = await indexEntriesRead(admin, indexes);
    const own = new PostgresStore({ primary: fixture.url });
    let view;
    try {
      await own.identity();
      view = await own.explore(query);
    } finally {
      await own.close();
    }
    const read = await indexEntriesReadSince(admin, indexes, before, 10_000);
    const drawn = (v: typeof memory) => ({ reachable: v.reachable, nodes: v.nodes.map((n) => [n.id, n.x, n.y, n.distance, n.degree]), edges: v.edges.map((e) => [e.id, e.source, e.target]) });
    expect(drawn(view)).toEqual(drawn(memory));
    // The rings and the count read the hubs' lists (the far hub's whole, as in memory: its rows are the ring's rest);
    // the relations drawn, a few hundred entries more. Main's code also scanned the far hub's first FIRST_SCAN rows.
    const counted = fixture.graph.degree('c') + fixture.graph.degree('near') + fixture.graph.degree('far');
    expect(read).toBeLessThan(counted + FIRST_SCAN / 2);
  });
});
