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
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { Connections } from '../../src/store/postgres/connections.js';
import { loadGraphIntoPostgres } from '../../src/store/postgres/index.js';
import { shortestPathPositions } from '../../src/store/postgres/traversals.js';
import { describePostgres, startPostgresCluster, type PostgresCluster } from '../utils/postgresCluster.js';
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

describePostgres('a path search next to a small unread ring over PostgreSQL', () => {
  let cluster: PostgresCluster;
  let graph: NewsGraph;
  let admin: Connections;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    graph = unreadRingGraph();
    await loadGraphIntoPostgres(cluster.url, graph);
    admin = new Connections({ primary: cluster.url });
  }, 300_000);
  afterAll(async () => {
    await admin?.close();
    await cluster?.stop();
  });

  /** Index entries read from the adjacency table's indexes, as the statistics have them. */
  async function adjacencyEntries(): Promise<number> {
    await admin.read('SELECT pg_stat_clear_snapshot()');
    const [row] = await admin.read<{ n: string }>(
      `SELECT coalesce(sum(idx_tup_read), 0)::text AS n FROM pg_stat_user_indexes WHERE indexrelname IN ('adjacency_entity', 'adjacency_pair', 'adjacency_predicate', 'adjacency_reach')`,
    );
    return Number(row?.n ?? 0);
  }

  /** The path's relation ids and the adjacency index entries its search read (its connections closed, their counts awaited). */
  async function searched(from: string, to: string): Promise<{ ids: string[] | null; read: number }> {
    const before = await adjacencyEntries();
    const db = new Connections({ primary: cluster.url });
    let positions: number[] | null;
    try {
      positions = await shortestPathPositions(db, from, to, 4);
    } finally {
      await db.close();
    }
    let read = 0;
    for (let waited = 0, still = 0; waited < 15_000 && still < 4; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = (await adjacencyEntries()) - before;
      still = now === read && now > 0 ? still + 1 : 0;
      read = now;
    }
    if (positions === null) return { ids: null, read };
    const rows = await admin.read<{ id: string }>(
      'SELECT id FROM newsgraph.relation r JOIN unnest($1::int[]) WITH ORDINALITY p(pos, k) ON r.pos = p.pos ORDER BY p.k',
      [positions],
    );
    return { ids: rows.map((row) => row.id), read };
  }

  test('the last hop reads the small ring and looks its meeting up pair by pair, not a probe per relation of the hub', async () => {
    const memory = memoryStore(graph);
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
