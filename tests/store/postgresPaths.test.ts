/**
 * Paths over PostgreSQL around hubs (traversals.ts): the same path as the in-memory `shortestPath` (the same
 * relations, so the same tie-breaking) between every kind of pair: hub to hub, hub to a far entity, entities whose
 * frontiers hold a hub, no path within maxHops, negated and background relations (never followed), symmetric ones
 * and self-loops. The hubs reach more than VIRTUAL_RING_FROM entities, so their first ring is left unread and met
 * next to the hub; frontiers past MAX_MEETING_PAIRS and MAX_SCANNED_NEXT_TO_HUB occur too. Also: a corpus loaded with other tables is refused, clearly.
 */
import { describe, expect, test } from '@jest/globals';
import type { NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { Connections } from '../../src/store/postgres/connections.js';
import { graphRecords, loadCorpusIntoPostgres, PostgresStore } from '../../src/store/postgres/index.js';
import { distinctNeighbourCounts } from '../../src/store/postgres/reachRows.js';
import { shortestPathPositions, VIRTUAL_RING_FROM } from '../../src/store/postgres/traversals.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { addEntity, addRelation, emptyNewsGraph } from '../utils/sampleGraph.js';
import { TABLES_VERSION } from '../../src/store/postgres/schema.js';

const ENTITIES = 2_600;

/**
 * Three hubs (e0, e1, e2) each related to more than VIRTUAL_RING_FROM entities, sharing some of them, with several
 * relations to many of them (the first one traversable or not); the other entities loosely chained at random,
 * so pairs are 1 to 5 or more hops apart; a few isolated entities; self-loops; negated and background relations.
 */
function hubsGraph(): NewsGraph {
  const g = emptyNewsGraph();
  let seed = 4_242;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor(seed / 65_536) % n; // the high bits: the low ones of this generator repeat quickly
  };
  for (let i = 0; i < ENTITIES; i++) addEntity(g, { id: `e${i}`, kind: i % 5 === 0 ? 'GOVERNMENT' : 'PERSON', name: `Entity ${i}`, properties: {} });
  // Ids past ASCII, for "did you mean" (lengths and case folding differ between JavaScript and SQL there).
  for (const id of ['émile-zola', 'straße-e12', 'Ǆemal-e1']) addEntity(g, { id, kind: 'PERSON', name: id, properties: {} });
  let r = 0;
  const relate = (subject: string, object: string, extra: { negated?: boolean; modality?: 'background' } = {}): void => {
    const predicate = r % 3 === 0 ? 'MET_WITH' : r % 3 === 1 ? 'CRITICIZED' : 'REJECTED';
    addRelation(g, { id: `r${r++}`, predicate, subject, object, symmetric: predicate === 'MET_WITH', ...extra });
  };
  // The hubs: e0 reaches e10..e1409, e1 e900..e2199 (510 shared with e0), e2 e1450..e2589 (none shared with e0,
  // so from e0 to e2 both unread rings must be read), in a shuffled order, many twice or more.
  for (const [hub, low, high] of [['e0', 10, 1_410], ['e1', 900, 2_200], ['e2', 1_450, 2_590]] as const) {
    for (let n = 0; n < 3 * (high - low); n++) {
      const spoke = `e${low + next(high - low)}`;
      const inbound = next(4) === 0;
      const kind = next(20);
      relate(inbound ? spoke : hub, inbound ? hub : spoke, kind === 0 ? { negated: true } : kind === 1 ? { modality: 'background' } : {});
    }
  }
  // fx's first ring is [fb, e0] (a hub, second), ty's is three entities next to e20 (in e0's ring), reached from fb by a
  // relation after e0's: from fx to ty in 4 hops the third hop expands [fb, e0], whose ring the last hop only meets
  // (at e20, reached through fb, the first parent, though e0's relation comes first in graph order).
  for (const id of ['fx', 'fb', 'ty', 'tc1', 'tc2', 'tc3']) addEntity(g, { id, kind: 'PERSON', name: id, properties: {} });
  relate('fx', 'fb');
  relate('e0', 'fx');
  relate('fb', 'e20');
  for (const c of ['tc1', 'tc2', 'tc3']) {
    relate('ty', c);
    relate(c, 'e20');
  }
  // ux - ua - ua1..ua50 and uy - ub - ub1..ub100, joined by ua7 - ub33: from ux, the ring of ua is left unread at the
  // second hop (known as at least 48), then ub's ring (100) outgrows that bound and the ring must be read to choose.
  for (const id of ['ux', 'ua', 'uy', 'ub']) addEntity(g, { id, kind: 'PERSON', name: id, properties: {} });
  relate('ux', 'ua');
  relate('uy', 'ub');
  for (let k = 1; k <= 100; k++) {
    if (k <= 50) addEntity(g, { id: `ua${k}`, kind: 'PERSON', name: `ua${k}`, properties: {} });
    addEntity(g, { id: `ub${k}`, kind: 'PERSON', name: `ub${k}`, properties: {} });
    if (k <= 50) relate('ua', `ua${k}`);
    relate(`ub${k}`, 'ub');
  }
  relate('ub33', 'ua7');
  // Sparse links among the rest (not the isolated e2590 and up), some not traversable, a few self-loops.
  for (let n = 0; n < 1_400; n++) {
    const a = 3 + next(2_587);
    const b = n % 97 === 0 ? a : 3 + next(2_587);
    relate(`e${a}`, `e${b}`, n % 13 === 0 ? { negated: true } : {});
  }
  return g;
}

describePostgres('paths over PostgreSQL around hubs', () => {
  // No explorer layout (paths do not read it; ForceAtlas2 over 2,600 entities would take minutes under load).
  const fixture = postgresFixture(hubsGraph, { load: (url, graph) => loadCorpusIntoPostgres(url, { ...graphRecords(graph), layout: () => new Map() }) });

  test('the loader counts each entity\u2019s first ring; the hubs\u2019 are past the size left unread', async () => {
    const db = new Connections({ primary: fixture.url });
    try {
      const rows = await db.read<{ entity: string; neighbours: number }>("SELECT entity, neighbours FROM newsgraph.reach WHERE entity IN ('e0', 'e1', 'e2', 'e5', 'e2590')");
      const reach = new Map(rows.map((row) => [row.entity, row.neighbours]));
      expect(reach.get('e0')).toBeGreaterThan(VIRTUAL_RING_FROM);
      expect(reach.get('e1')).toBeGreaterThan(VIRTUAL_RING_FROM);
      expect(reach.get('e2')).toBeGreaterThan(VIRTUAL_RING_FROM);
      expect(reach.get('e2590')).toBe(0);
      // The counts the loader stored are those of the graph: distinct entities one traversable relation reaches.
      const memory = memoryStore(fixture.graph);
      for (const id of ['e0', 'e5']) {
        const around = await memory.neighborhood(id, { depth: 1, includeNegated: true, limit: 10_000 });
        const traversable = around.filter((n) => n.distance === 1 && n.via.some((v) => !v.negated && v.modality !== 'background'));
        expect(reach.get(id)).toBe(traversable.length);
      }
    } finally {
      await db.close();
    }
  });

  test('every path is the in-memory one, relation for relation', async () => {
    const memory = memoryStore(fixture.graph);
    const ends = ['e0', 'e1', 'e2', 'e5', 'e905', 'e1300', 'e2100', 'e2300', 'e2450', 'e2590', 'e12', 'e1500', 'e40', 'e2000', 'e777', 'fx', 'ty'];
    let found = 0;
    let longest = 0;
    for (const from of ends) {
      for (const to of ends) {
        for (const maxHops of [1, 2, 3, 4]) {
          const expected = (await memory.path(from, to, maxHops))?.map((r) => r.id) ?? null;
          const actual = (await fixture.store.path(from, to, maxHops))?.map((r) => r.id) ?? null;
          expect({ from, to, maxHops, path: actual }).toEqual({ from, to, maxHops, path: expected });
          if (expected !== null) found++;
          longest = Math.max(longest, expected?.length ?? 0);
        }
      }
    }
    // The pairs cover found and missing paths, and paths through the hubs of several hops.
    expect(found).toBeGreaterThan(100);
    expect(longest).toBeGreaterThanOrEqual(3);
  });

  test('paths between pairs drawn at random are the in-memory ones too (rings left unread before the last hop, meetings tested here)', async () => {
    const memory = memoryStore(fixture.graph);
    let seed = 77;
    const pick = (): string => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return `e${Math.floor(seed / 65_536) % 2_590}`;
    };
    const differ: unknown[] = [];
    let found = 0;
    for (let n = 0; n < 300; n++) {
      const [from, to] = [pick(), pick()];
      for (const maxHops of [3, 4]) {
        const expected = (await memory.path(from, to, maxHops))?.map((r) => r.id) ?? null;
        const actual = (await fixture.store.path(from, to, maxHops))?.map((r) => r.id) ?? null;
        if (JSON.stringify(actual) !== JSON.stringify(expected)) differ.push({ from, to, maxHops, expected, actual });
        if (expected !== null) found++;
      }
    }
    expect(differ).toEqual([]);
    expect(found).toBeGreaterThan(200);
  });

  test('a ring left unread is read when the other side outgrows what is known of its size', async () => {
    const memory = memoryStore(fixture.graph);
    for (const [from, to] of [['ux', 'uy'], ['uy', 'ux'], ['ux', 'ub'], ['ua', 'uy']]) {
      for (const maxHops of [2, 3, 4, 5, 6]) {
        const expected = (await memory.path(from ?? '', to ?? '', maxHops))?.map((r) => r.id) ?? null;
        expect({ from, to, maxHops, path: (await fixture.store.path(from ?? '', to ?? '', maxHops))?.map((r) => r.id) ?? null }).toEqual({ from, to, maxHops, path: expected });
      }
    }
    expect((await memory.path('ux', 'uy', 6))?.length).toBe(5);
  });

  test('a path between two hubs reads neither hub\u2019s ring', async () => {
    // The rows the search reads, counted on the real connections (the hubs reach more than 1,000 entities each).
    class CountedConnections extends Connections {
      rows = 0;
      override async read<R extends Record<string, unknown>>(text: string, values: readonly unknown[] = []): Promise<R[]> {
        const rows = await super.read<R>(text, values);
        this.rows += rows.length;
        return rows;
      }
    }
    const db = new CountedConnections({ primary: fixture.url });
    try {
      const memory = memoryStore(fixture.graph);
      // fx to ty: the ring of [fb, e0] before the last hop is met, not read (main's code read it: 1,300 rows).
      for (const [from, to] of [['e0', 'e1'], ['e1', 'e0'], ['e0', 'e1500'], ['e2100', 'e1'], ['fx', 'ty'], ['ty', 'fx']]) {
        const before = db.rows;
        const positions = await shortestPathPositions(db, from ?? '', to ?? '', 4);
        const expected = (await memory.path(from ?? '', to ?? '', 4))?.map((r) => r.id);
        const ids = await db.read<{ id: string }>('SELECT id FROM newsgraph.relation r JOIN unnest($1::int[]) WITH ORDINALITY p(pos, k) ON r.pos = p.pos ORDER BY p.k', [positions]);
        expect(ids.map((r) => r.id)).toEqual(expected);
        // Their sizes, a pair or two, the meeting next to a hub: a handful of rows, not a ring of 1,000.
        expect(db.rows - before - ids.length).toBeLessThan(20);
      }
    } finally {
      await db.close();
    }
  });

  test('with the generic plans PostgreSQL settles on, a meeting next to a hub probes the hub\u2019s relations, not reads them', async () => {
    // A prepared statement is planned generically after five runs; forced here from the first.
    const url = `${fixture.url}?options=${encodeURIComponent('-c plan_cache_mode=force_generic_plan')}`;
    const generic = new Connections({ primary: url });
    const admin = new Connections({ primary: fixture.url });
    /** Index entries read from adjacency_reach so far, as the statistics collector has them. */
    const entriesRead = async (): Promise<number> => {
      const [row] = await admin.read<{ n: string }>(`SELECT pg_stat_clear_snapshot(), coalesce(sum(idx_tup_read), 0)::text AS n FROM pg_stat_user_indexes WHERE indexrelname = 'adjacency_reach'`);
      return Number(row?.n ?? 0);
    };
    try {
      expect(await generic.read<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).toEqual([{ plan_cache_mode: 'force_generic_plan' }]);
      const memory = memoryStore(fixture.graph);
      const before = await entriesRead();
      for (const [from, to] of [['e0', 'e1500'], ['fx', 'ty']]) {
        const positions = await shortestPathPositions(generic, from ?? '', to ?? '', 4);
        const ids = await admin.read<{ id: string }>('SELECT id FROM newsgraph.relation r JOIN unnest($1::int[]) WITH ORDINALITY p(pos, k) ON r.pos = p.pos ORDER BY p.k', [positions]);
        expect(ids.map((r) => r.id)).toEqual((await memory.path(from ?? '', to ?? '', 4))?.map((r) => r.id));
      }
      // Backends report their counts when they end: close the connections, then wait for the counts to settle.
      await generic.close();
      let read = 0;
      for (let waited = 0, last = -1; waited < 5_000 && (read !== last || read === 0); waited += 200) {
        last = read;
        await new Promise((resolve) => setTimeout(resolve, 200));
        read = (await entriesRead()) - before;
      }
      // A few probes per relation scanned; a hashed subplan read a hub's entries whole (e0: more than 3,000).
      expect(read).toBeGreaterThan(0);
      expect(read).toBeLessThan(500);
    } finally {
      await generic.close().catch(() => undefined);
      await admin.close();
    }
  });

  test('an unknown id is answered with the in-memory store\u2019s suggestions', async () => {
    const memory = memoryStore(fixture.graph);
    for (const input of ['e12', 'E1', 'e25999', 'x', 'e', '1200', 'e-1', 'emile-zola', 'ÉMILE-ZOLA', 'strasse-e12', 'ǆemal', 'e2599e2599', 'zola']) {
      expect([input, await fixture.store.similarIds(input)]).toEqual([input, await memory.similarIds(input)]);
    }
    await expect(fixture.store.path('e12x', 'e0', 4)).rejects.toThrow(/from: no entity with id "e12x"\. Did you mean "e12", /u);
    await expect(fixture.store.path('e0', 'nobody', 4)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('to: no entity with id "nobody"') });
  });

  test('a corpus loaded with other tables is refused, saying to load it again', async () => {
    const db = new Connections({ primary: fixture.url });
    const other = new PostgresStore({ primary: fixture.url });
    try {
      await db.read(`UPDATE newsgraph.meta SET value = (value::jsonb - 'tablesVersion')::json WHERE key = 'corpus'`);
      await expect(other.identity()).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/loaded by another version of newsgraph.*load it again/u) });
      await expect(other.path('e0', 'e1', 4)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await db.read(`UPDATE newsgraph.meta SET value = (value::jsonb || '{"tablesVersion": ${TABLES_VERSION}}')::json WHERE key = 'corpus'`);
      await other.close();
      await db.close();
    }
  });
});

describe('reach counts', () => {
  test('count each distinct traversable neighbour once, leaving out self-loops and relations not followed', () => {
    // Entities 0..3: 0-1 twice, 1-0 once, 0-2 not traversable, 0-0 a self-loop, 3 alone.
    const counts = distinctNeighbourCounts({
      entityIds: ['a', 'b', 'c', 'd'],
      relationSubject: Int32Array.from([0, 0, 1, 0, 0]),
      relationObject: Int32Array.from([1, 1, 0, 2, 0]),
      relationFlags: Uint8Array.from([4, 4, 4, 1, 4]),
    });
    expect([...counts]).toEqual([1, 1, 0, 0]);
  });
});
