/**
 * A four-hop path search whose both sides pass a hub at the third ring (issue 12, `pgpaths`): the third hop leaves its
 * large ring unread and the last hop looks for its meeting next to it, frontier entity by frontier entity in order,
 * each one's relations in graph order (traversals.ts `MEET_NEXT_TO_RING_SQL`, `probesTo`). At 100,000 articles the
 * third hop read that ring (21,681 rows, 53 to 75 ms under load) and the last one then scanned every relation of its
 * frontier, a hub's 79,560 included, against the ring's ids sent back (36 to 67 ms), for a meeting at the first
 * frontier entity's first relations: the slowest of the bench's 100 paths.
 *
 * The graph: `s` — `a` (a hub of HUB_LEAVES leaves `al*`) and `a2` (five leaves `bl*`). Each end `tN` — `cN` (a few
 * relations), `dN` (two dead ends), `hN` (a hub of HUB_LEAVES leaves of its own). The search expands `s`, then `tN`,
 * then [a, a2] (the third ring, about HUB_LEAVES entities), then [cN, dN, hN], the last hop. Where they meet:
 * - t1: c1's third relation reaches al7 (a's ring); its second reaches bl0 (a2's ring) first: the path goes through a2.
 * - t2: only h2's last relation reaches a's ring (past the probes, through the hash of the parents' relations).
 * - t3: nowhere (no path of four hops).
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

const HUB_LEAVES = 3_000;

function hubRingsGraph(): NewsGraph {
  const g = emptyNewsGraph();
  const add = (id: string): void => addEntity(g, { id, kind: 'PERSON', name: `Entity ${id}`, properties: {} });
  let r = 0;
  const relate = (subject: string, object: string): void => addRelation(g, { id: `r${r++}`, predicate: 'CRITICIZED', subject, object });
  for (const id of ['s', 'a', 'a2']) add(id);
  for (let i = 0; i < HUB_LEAVES; i++) add(`al${i}`);
  for (let i = 0; i < 5; i++) add(`bl${i}`);
  relate('s', 'a');
  relate('s', 'a2');
  for (let i = 0; i < HUB_LEAVES; i++) relate('a', `al${i}`);
  for (let i = 0; i < 5; i++) relate('a2', `bl${i}`);
  for (const n of [1, 2, 3]) {
    for (const id of [`t${n}`, `c${n}`, `d${n}`, `h${n}`]) add(id);
    for (let i = 0; i < 4; i++) add(`x${n}_${i}`);
    for (let i = 0; i < HUB_LEAVES; i++) add(`hl${n}_${i}`);
    relate(`t${n}`, `c${n}`);
    relate(`t${n}`, `d${n}`);
    relate(`t${n}`, `h${n}`);
    relate(`c${n}`, `x${n}_0`);
    if (n === 1) {
      relate('c1', 'bl0');
      relate('c1', 'al7');
    }
    relate(`c${n}`, `x${n}_1`);
    relate(`d${n}`, `x${n}_2`);
    relate(`d${n}`, `x${n}_3`);
    for (let i = 0; i < HUB_LEAVES; i++) relate(`h${n}`, `hl${n}_${i}`);
    if (n === 2) relate('h2', 'al2999');
  }
  return g;
}

const ADJACENCY_INDEXES = ['adjacency_entity', 'adjacency_pair', 'adjacency_predicate', 'adjacency_reach'];

describePostgres('a four-hop path search whose both sides pass a hub at the third ring, over PostgreSQL', () => {
  const fixture = postgresFixture(hubRingsGraph, { timeoutMs: 300_000 });
  let admin: Connections;
  beforeAll(() => {
    admin = fixture.closeAfter(new Connections({ primary: fixture.url }));
  });

  /** A path's relation ids, from its positions. */
  async function idsOf(positions: number[] | null): Promise<string[] | null> {
    if (positions === null) return null;
    const rows = await admin.read<{ id: string }>(
      'SELECT id FROM newsgraph.relation r JOIN unnest($1::int[]) WITH ORDINALITY p(pos, k) ON r.pos = p.pos ORDER BY p.k',
      [positions],
    );
    return rows.map((row) => row.id);
  }

  /** The path's relation ids, the adjacency index entries its search read and its statements (its connections closed, the counts awaited). */
  async function searched(from: string, to: string): Promise<{ ids: string[] | null; read: number; statements: number }> {
    const before = await indexEntriesRead(admin, ADJACENCY_INDEXES);
    const db = new Connections({ primary: fixture.url });
    let positions: number[] | null;
    let statements: number;
    try {
      positions = await shortestPathPositions(db, from, to, 4);
      statements = db.statementCount;
    } finally {
      await db.close();
    }
    const read = await indexEntriesReadSince(admin, ADJACENCY_INDEXES, before);
    return { ids: await idsOf(positions), read, statements };
  }

  test("the last hop meets next to the unread ring with a few probes, not the ring read and a hub's relations scanned", async () => {
    const { ids, read, statements } = await searched('s', 't1');
    expect(ids).toEqual((await memoryStore(fixture.graph).path('s', 't1', 4))?.map((r) => r.id));
    // c1's relations probed next to a and a2, and the small hops (6 statements): main's code read a's ring (3,000
    // rows) and then every relation of c1, d1 and h1 against its ids: 6,021 adjacency index entries in 11 statements.
    expect(read).toBeLessThan(500);
    expect(statements).toBeLessThanOrEqual(7);
  }, 60_000);

  test('every pair of its ends answers as the in-memory store does, the first meeting in frontier order then graph order', async () => {
    // (After the bounded test: a backend reports its reads when it ends, and these would fall into its count.)
    const memory = memoryStore(fixture.graph);
    const db = fixture.closeAfter(new Connections({ primary: fixture.url }));
    const ends = ['s', 't1', 't2', 't3', 'c1', 'h2', 'a', 'al7', 'bl0', 'x1_0'];
    for (const from of ends) {
      for (const to of ends) {
        for (const hops of [3, 4]) {
          const ids = await idsOf(await shortestPathPositions(db, from, to, hops));
          const expected = (await memory.path(from, to, hops))?.map((r) => r.id) ?? null;
          expect({ from, to, hops, ids }).toEqual({ from, to, hops, ids: expected });
        }
      }
    }
    // The shapes the graph is made for: through a2's ring (bl0 comes before al7 in c1's relations), through the hash, none.
    expect((await memory.path('s', 't1', 4))?.map((r) => r.subject)).toEqual(['s', 'a2', 'c1', 't1']);
    expect((await memory.path('s', 't2', 4))?.length).toBe(4);
    expect(await memory.path('s', 't3', 4)).toBeNull();
  }, 120_000);
});
