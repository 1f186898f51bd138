/**
 * An entity's relations by predicate over PostgreSQL (relationsOfBatch.ts) when the entities have many relations and
 * the predicate few: "Who holds which position" over people named in many articles. The answers are the in-memory
 * store's, through either way of reading them (each entity's adjacency rows, or the predicate's relations), and the
 * playground question reads none of the people's adjacency rows, counted by PostgreSQL's own statistics of the
 * adjacency_entity index (main's code read every one of them, filtering by predicate), in three statements (main's
 * code read the people once more, as the holders of their positions).
 */
import { expect, test } from '@jest/globals';
import pg from 'pg';
import { executeQuery } from '../../src/api/index.js';
import type { NewsGraph } from '../../src/graph/types.js';
import type { LinkFilter } from '../../src/store/index.js';
import { PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { addEntity, addRelation, emptyNewsGraph } from '../utils/sampleGraph.js';

/** Organizations the first person criticized: that person's adjacency rows, none of them a position. */
const CRITICIZED = 300;
const PEOPLE = 6;

/**
 * Six people and three governments; p0 criticized 300 organizations, the people hold positions (p1 two, p5 none, one
 * negated), p0 and p1 met (symmetric), p2 met himself (a self-loop), one meeting is negated.
 */
function positionsGraph(): NewsGraph {
  const g = emptyNewsGraph();
  for (let i = 0; i < PEOPLE; i++) addEntity(g, { id: `p${i}`, kind: 'PERSON', name: `Person ${i}`, properties: {} });
  for (let i = 0; i < 3; i++) addEntity(g, { id: `g${i}`, kind: 'GOVERNMENT', name: `Government ${i}`, properties: {} });
  let id = 0;
  const position = (subject: string, object: string, title: string, negated = false): void =>
    addRelation(g, { id: `r${id++}`, predicate: 'HOLDS_POSITION', subject, object, negated, properties: { title } });
  position('p0', 'g0', 'President');
  for (let i = 0; i < CRITICIZED; i++) {
    addEntity(g, { id: `o${i}`, kind: 'ORGANIZATION', name: `Organization ${i}`, properties: {} });
    addRelation(g, { id: `r${id++}`, predicate: 'CRITICIZED', subject: 'p0', object: `o${i}` });
  }
  position('p1', 'g1', 'Minister');
  position('p1', 'g2', 'Envoy');
  position('p2', 'g1', 'Spokesperson');
  position('p3', 'g2', 'Mayor', true);
  position('p4', 'g0', 'Governor');
  addRelation(g, { id: `r${id++}`, predicate: 'MET_WITH', subject: 'p1', object: 'p0', symmetric: true });
  addRelation(g, { id: `r${id++}`, predicate: 'MET_WITH', subject: 'p2', object: 'p2', symmetric: true });
  addRelation(g, { id: `r${id++}`, predicate: 'MET_WITH', subject: 'p3', object: 'p0', symmetric: true, negated: true });
  return g;
}

const QUESTION = `{ entities(kind: PERSON) { edges { node { name ... on Person { positions { title of { name kind } relation { evidence { exact } } } } } } } }`;

describePostgres('relations by predicate over PostgreSQL, around entities with many relations', () => {
  const fixture = postgresFixture(positionsGraph);

  test('answer what the in-memory store answers, in every direction, negated or not, asked one at a time or together', async () => {
    const store = new PostgresStore({ primary: fixture.url });
    try {
      const filters: LinkFilter[] = [
        { predicates: ['HOLDS_POSITION'], direction: 'OUT', negated: false },
        { predicates: ['HOLDS_POSITION'], direction: 'IN' },
        { predicates: ['HOLDS_POSITION', 'MET_WITH'], direction: 'BOTH' },
        { predicates: ['MET_WITH'], direction: 'OUT' },
        { predicates: ['MET_WITH'], direction: 'IN', negated: true },
        { predicates: ['MET_WITH', 'NO_SUCH_PREDICATE'], negated: false },
        { predicates: ['CRITICIZED'], direction: 'OUT' },
        { predicates: ['NO_SUCH_PREDICATE'] },
      ];
      const ids = [...Array.from({ length: PEOPLE }, (_, i) => `p${i}`), 'g0', 'g1', 'g2', 'o7', 'nobody'];
      for (const filter of filters) {
        for (const first of [1, 2, 50]) {
          // Together (one batch: the degrees of all, p0's among them) and alone (p0's batch, or a small one).
          const together = await Promise.all(ids.map((id) => store.relationsOf(id, filter, first)));
          const alone: unknown[] = [];
          for (const id of ids) alone.push(await store.relationsOf(id, filter, first));
          const expected = await Promise.all(ids.map((id) => fixture.memory.relationsOf(id, filter, first)));
          const names = (lists: readonly unknown[]): unknown => (lists as ReadonlyArray<ReadonlyArray<{ readonly id: string }>>).map((list) => list.map((r) => r.id));
          expect(names(together)).toEqual(names(expected));
          expect(names(alone)).toEqual(names(expected));
          expect(together).toEqual(expected);
        }
      }
      const [fromMemory, fromPostgres] = await Promise.all([executeQuery(fixture.memory, QUESTION), executeQuery(store, QUESTION)]);
      expect(fromPostgres.errors).toBeUndefined();
      expect(fromPostgres).toEqual(fromMemory);
    } finally {
      await store.close();
    }
  });

  test("the playground question reads no person's adjacency rows: the positions through the predicate", async () => {
    const admin = new pg.Client({ connectionString: fixture.url });
    await admin.connect();
    try {
      /** Index entries read from adjacency_entity so far, as the statistics collector has them. */
      const entriesRead = async (): Promise<number> => {
        await admin.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await admin.query<{ n: string }>(`SELECT coalesce(sum(idx_tup_read), 0)::text AS n FROM pg_stat_user_indexes WHERE indexrelname = 'adjacency_entity'`);
        return Number(rows[0]?.n ?? 0);
      };
      const before = await entriesRead();
      const store = new PostgresStore({ primary: fixture.url });
      // A control read through adjacency_entity (no predicate): p0's rows, every one, so the count is seen to move.
      const all = await store.relationsOf('p0', { direction: 'BOTH' }, 1000);
      expect(all).toHaveLength(CRITICIZED + 3);
      const answer = await executeQuery(store, QUESTION);
      expect(answer.errors).toBeUndefined();
      expect(answer).toEqual(await executeQuery(fixture.memory, QUESTION));
      // Asked again (the corpus's figures now known): the people, their positions, the governments; the people are
      // not read again as the holders (main's code: 4 statements).
      const statements = store.statementCount;
      expect(await executeQuery(store, QUESTION)).toEqual(answer);
      expect(store.statementCount - statements).toBe(3);
      // Backends report their counts when they end: close the store, then wait for the control's rows to show.
      await store.close();
      let read = 0;
      for (let waited = 0; waited < 10_000; waited += 50) {
        read = (await entriesRead()) - before;
        if (read >= all.length) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      read = (await entriesRead()) - before;
      // The control's 303 entries; main's code read p0's 303 again (and the others' few) for the positions.
      expect(read).toBeGreaterThanOrEqual(all.length);
      expect(read).toBeLessThan(all.length + 20);
    } finally {
      await admin.end();
    }
  });
});
