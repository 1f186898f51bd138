/**
 * A path search whose last hop expands a hub next to a small ring left unread (issue 12, `pgreach`): the ring is read
 * (a few rows) and the meeting looked up pair by pair, instead of a probe next to the ring from each of the hub's
 * relations (traversals.ts `ringCheaperThanProbes`). At 100,000 articles, a no-path search scanned a hub's 17,841
 * relations so, next to the ring of a parent with 16 relations: the slowest of the bench's 100 paths.
 *
 * The graph: `px` — `pp`, whose ten other neighbours are dead ends; `qy` — `qh`, a hub of HUB_RELATIONS relations to
 * leaves, the last of them to one of pp's neighbours (a path of four hops); `zy` — `zh`, the same without it (no
 * path). From px, the second hop leaves pp's ring unread (the other side is one entity); the last hop expands the hub.
 */
import { beforeAll, expect, test } from '@jest/globals';
import type { NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { Connections } from '../../src/store/postgres/connections.js';
import { shortestPathPositions } from '../../src/store/postgres/traversals.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { indexEntriesRead, indexEntriesReadSince } from '../utils/postgresIndexReads.js';
import { addEntity, addRelation, emptyNewsGraph } from '../utils/sampleGraph.js';

const HUB_RELATIONS = 3_000;

function unreadRingGraph(): NewsGraph {
  const g = emptyNewsGraph();
  const ids = ['px', 'pp', 'qy', 'qh', 'zy', 'zh', ...Array.from({ length: 10 }, (_, i) => `pl${i}`), ...Array.from({ length: 500 }, (_, i) => `hl${i}`)];
  for (const id of ids) addEntity(g, { id, kind: 'PERSON', name: `Entity ${id}`, properties: {} });
  let r = 0;
  const relate = (subject: string, object: string): void => addRelation(g, { id: `r${r++}`, predicate: 'CRITICIZED', subject, object });
  relate('px', 'pp');
  for (let i = 0; i < 10; i++) relate('pp', `pl${i}`);
  relate('qy', 'qh');
  relate('zy', 'zh');
  for (let i = 0; i < HUB_RELATIONS; i++) {
    relate('qh', `hl${(i * 7) % 500}`);
    relate('zh', `hl${(i * 11) % 500}`);
  }
  relate('qh', 'pl9');
  return g;
}

const ADJACENCY_INDEXES = ['adjacency_entity', 'adjacency_pair', 'adjacency_predicate', 'adjacency_reach'];

describePostgres('a path search next to a small unread ring over PostgreSQL', () => {
  const fixture = postgresFixture(unreadRingGraph, { timeoutMs: 300_000 });
  let admin: Connections;
  beforeAll(() => {
    admin = fixture.closeAfter(new Connections({ primary: fixture.url }));
  });

  /** Index entries read from the adjacency table's indexes, as the statistics have them. */
  const adjacencyEntries = (): Promise<number> => indexEntriesRead(admin, ADJACENCY_INDEXES);

  /** The path's relation ids and the adjacency index entries its search read (its connections closed, their counts awaited). */
  async function searched(from: string, to: string): Promise<{ ids: string[] | null; read: number }> {
    const before = await adjacencyEntries();
    const db = new Connections({ primary: fixture.url });
    let positions: number[] | null;
    try {
      positions = await shortestPathPositions(db, from, to, 4);
    } finally {
      await db.close();
    }
    const read = await indexEntriesReadSince(admin, ADJACENCY_INDEXES, before);
    if (positions === null) return { ids: null, read };
    const rows = await admin.read<{ id: string }>(
      'SELECT id FROM newsgraph.relation r JOIN unnest($1::int[]) WITH ORDINALITY p(pos, k) ON r.pos = p.pos ORDER BY p.k',
      [positions],
    );
    return { ids: rows.map((row) => row.id), read };
  }

  test('the last hop reads the small ring and looks its meeting up pair by pair, not a probe per relation of the hub', async () => {
    const memory = memoryStore(fixture.graph);
    for (const [from, to] of [
      ['px', 'qy'],
      ['px', 'zy'],
    ] as const) {
      const { ids, read } = await searched(from, to);
      const expected = (await memory.path(from, to, 4))?.map((r) => r.id) ?? null;
      expect({ from, to, ids }).toEqual({ from, to, ids: expected });
      // pp's ring (11 rows), a pair look-up per entity reached, the small hops: main's code scanned the hub's 3,000
      // relations with a probe each (over 6,000 index entries).
      expect({ from, to, read: read < 500 }).toEqual({ from, to, read: true });
    }
    expect((await memory.path('px', 'qy', 4))?.length).toBe(4);
    expect(await memory.path('px', 'zy', 4)).toBeNull();
  }, 60_000);
});
