/**
 * Each record's text without its long lists, made at load (the `cut` column, TABLES_VERSION 3: projectedRecords.ts
 * `projectedText`) instead of cut in SQL by every read. Checked here, over a real cluster: the stored text is exactly
 * the one layout 2's reads made in SQL from the whole record and its slim copy (the expression is kept below as it
 * was), for every entity and relation of the seed graph built by the real builder, with a hub stored slim with its
 * heads, a record the cut cannot keep (stored whole in its slim copy) and a key after the lists; and "What each
 * article added" reads no whole record any more: with every entity's and relation's `doc` and `slim` erased, it
 * answers what the in-memory store answers, in at most four statements (main's code cut those columns in each read,
 * and answers nothing sound from erased ones); and a corpus of layout 2 is refused with "load it again".
 */
import { expect, test } from '@jest/globals';
import pg from 'pg';
import { executeQuery } from '../../src/api/index.js';
import type { EntityAttributes, NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import { COUNT_KEY } from '../../src/store/postgres/projectedRecords.js';
import { HEADS_KEY } from '../../src/store/postgres/listHeads.js';
import { TABLES_VERSION } from '../../src/store/postgres/schema.js';
import { seedGraph } from '../api/seed.js';
import { playgroundQuery } from '../utils/playgroundQuery.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';

/** Layout 2's cut in SQL (projectedRecords.ts before TABLES_VERSION 3), over alias `a`, with the article count when `count`. */
function layout2Cut(a: string, count: boolean): string {
  const countItem = count ? `',"${COUNT_KEY}":' || ${a}article_count || ` : '';
  const whole = `${a}doc::text`;
  const slim = `${a}slim::text`;
  const cutWhole = `coalesce(left(${whole}, nullif(strpos(${whole}, ',"evidence":['), 0) - 1) || ${countItem}split_part(${whole}, ']', -1), ${whole})`;
  const cutSlim = `coalesce(left(${slim}, nullif(strpos(${slim}, ',"${HEADS_KEY}":'), 0) - 1) || ${countItem}'}', ${slim})`;
  return `CASE WHEN ${a}slim IS NULL THEN ${cutWhole} ELSE ${cutSlim} END`;
}

/**
 * The seed graph, with what the cut must handle: a hub (its evidence repeated past SLIM_FROM: stored slim, with its
 * heads), an entity whose properties hold a key named `evidence` (the cut would find it first: stored whole in its
 * slim copy) and a relation with a key after its lists (`draft`, as the builder writes it).
 */
async function cutGraph(): Promise<NewsGraph> {
  const g = await seedGraph();
  const [hub, odd] = g.nodes();
  if (hub === undefined || odd === undefined) throw new Error('fixture: the seed graph has fewer than two entities');
  const quotes = g.getNodeAttribute(hub, 'evidence');
  g.setNodeAttribute(hub, 'evidence', Array.from({ length: 200 }, () => quotes).flat());
  g.setNodeAttribute(odd, 'properties', { ...(g.getNodeAttribute(odd, 'properties') as object), note: { seen: true, evidence: ['a key the cut finds first'] } } as EntityAttributes['properties']);
  const drafted = g.edges()[0];
  if (drafted === undefined) throw new Error('fixture: the seed graph has no relation');
  g.mergeEdgeAttributes(drafted, { draft: true } as Partial<RelationAttributes>);
  return g;
}

describePostgres('records cut at load (the cut column, projectedRecords.ts projectedText)', () => {
  const fixture = postgresFixture(cutGraph);

  test("every entity's and relation's stored cut is the text layout 2's reads cut in SQL, in every case of the cut", async () => {
    const store = fixture.open();
    await store.identity(); // the layout is this build's
    const client = fixture.closeAfter(new pg.Client(fixture.url));
    await client.connect();
    for (const [table, count] of [
      ['entity', false],
      ['relation', true],
    ] as const) {
      const { rows } = await client.query<{ id: string; cut: string; expected: string; slim: string | null; doc: string }>(
        `SELECT t.id, t.cut, ${layout2Cut('t.', count)} AS expected, t.slim::text AS slim, t.doc::text AS doc FROM newsgraph.${table} t ORDER BY t.pos`,
      );
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) expect({ id: row.id, cut: row.cut }).toEqual({ id: row.id, cut: row.expected });
      // Without its quotes, and a relation with its count.
      for (const row of rows) if (row.slim === null) expect(row.cut.length).toBeLessThan(row.doc.length);
      if (count) for (const row of rows) expect(row.cut).toContain(`"${COUNT_KEY}":`);
      if (table === 'entity') {
        expect(rows.filter((r) => r.slim?.includes(`"${HEADS_KEY}":`) === true)).toHaveLength(1); // the hub
        expect(rows.filter((r) => r.slim !== null && r.slim === r.doc)).toHaveLength(1); // the record stored whole
      } else {
        expect(rows.filter((r) => r.cut.endsWith(',"draft":true}'))).toHaveLength(1);
      }
    }
  });

  test('"What each article added" reads no whole record: erased, the answer is the in-memory one, in four statements', async () => {
    const query = playgroundQuery('WhatEachArticleAdded');
    const expected = await executeQuery(fixture.memory, query);
    expect(expected.errors).toBeUndefined();
    const client = fixture.closeAfter(new pg.Client(fixture.url));
    await client.connect();
    for (const table of ['entity', 'relation']) await client.query(`UPDATE newsgraph.${table} SET doc = '{"erased":true}', slim = NULL`);
    const store = fixture.open();
    await store.identity();
    const before = store.statementCount;
    expect(await executeQuery(store, query)).toEqual(expected);
    // The articles, their two pages, the pages' ends (postgresArticlePagesBeside.test.ts).
    expect(store.statementCount - before).toBeLessThanOrEqual(4);
  });

  test('a corpus of layout 2 (no cut) is refused, saying to load it again', async () => {
    const client = fixture.closeAfter(new pg.Client(fixture.url));
    await client.connect();
    const store = fixture.open();
    await client.query(`UPDATE newsgraph.meta SET value = (value::jsonb || '{"tablesVersion": 2}')::json WHERE key = 'corpus'`);
    try {
      const refused = { code: 'NOT_FOUND', message: expect.stringMatching(/tables are of layout 2, this one reads layout 3.*load it again/u) };
      await expect(store.identity()).rejects.toMatchObject(refused);
      await expect(store.predicateCounts()).rejects.toMatchObject(refused);
    } finally {
      await client.query(`UPDATE newsgraph.meta SET value = (value::jsonb || '{"tablesVersion": ${TABLES_VERSION}}')::json WHERE key = 'corpus'`);
    }
  });
});
