/**
 * The explorer's view over PostgreSQL reads only what its selection asks (issue 12, `pgview`): a view that asks no
 * node name or time and no edge modality, origin, attributedTo or time (the bench's `nodes { id x y } edges { id }`)
 * reads no record at all, neither the entities' nor the relations'. Main's code picked those fields out of every
 * drawn entity's and relation's record in SQL for every view: at 100,000 articles the largest part of the statement
 * that finds a view's relations.
 *
 * Proved with a database role that may not read the records (the `doc` and `slim` columns): a store connected as it
 * answers the lean selections as the in-memory store does, and fails as soon as a selection asks a field only a
 * record holds (so the role does keep the records out: the test can fail). Every selection is also asked of a store
 * that reads everything, fragments and aliases included, and compared with the in-memory store's answer.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import pg from 'pg';
import { executeQuery } from '../../src/api/index.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { addEntity, addRelation, emptyNewsGraph } from '../utils/sampleGraph.js';

const SPOKES = 120;

/**
 * An event at the centre with two hubs around it; each hub with relations to spokes (modalities, attributions,
 * times and negations varied, so that a field read wrong shows), spokes related among themselves, an event spoke
 * with a time of its own.
 */
function fieldGraph(): NewsGraph {
  const g = emptyNewsGraph();
  addEntity(g, { id: 'c', kind: 'EVENT', name: 'The Summit', properties: { eventType: 'MEETING', status: 'occurred', time: '2025-04-24' } });
  for (const hub of ['h0', 'h1']) addEntity(g, { id: hub, kind: 'GOVERNMENT', name: `Hub ${hub}`, properties: {} });
  for (let i = 0; i < SPOKES; i++) {
    if (i % 10 === 0) addEntity(g, { id: `s${i}`, kind: 'EVENT', name: `Talks ${i}`, properties: { eventType: 'MEETING', status: 'planned', time: `2025-05-${String((i % 28) + 1).padStart(2, '0')}` } });
    else addEntity(g, { id: `s${i}`, kind: 'PERSON', name: `Spoke ${i}`, properties: {} });
  }
  let r = 0;
  for (const hub of ['h0', 'h1']) addRelation(g, { id: `r${r++}`, predicate: 'MET_WITH', subject: 'c', object: hub, symmetric: true, time: '2025-04-24' });
  const modalities = ['asserted', 'reported', 'alleged', 'planned'] as const;
  for (const hub of ['h0', 'h1']) {
    for (let i = 0; i < SPOKES; i++) {
      addRelation(g, {
        id: `r${r++}`,
        predicate: i % 2 === 0 ? 'CRITICIZED' : 'MET_WITH',
        subject: hub,
        object: `s${(i * 7) % SPOKES}`,
        symmetric: i % 2 !== 0,
        negated: i % 9 === 0,
        modality: modalities[i % 4] ?? 'asserted',
        ...(i % 3 === 0 ? { attributedTo: hub === 'h0' ? 'h1' : 'h0' } : {}),
        ...(i % 5 === 0 ? { time: `2025-0${(i % 9) + 1}-01` } : {}),
      });
    }
  }
  for (let i = 0; i + 1 < SPOKES; i += 2) addRelation(g, { id: `r${r++}`, predicate: 'CRITICIZED', subject: `s${i}`, object: `s${i + 1}`, modality: 'reported' });
  return g;
}

const explore = (selection: string, fragments = ''): string => `query { explore(center: "c", depth: 2, limit: 60) { ${selection} } } ${fragments}`;

/** What the bench asks, and other selections without a record's field: `__typename`, kind, degree, the columns' fields. */
const LEAN = [
  explore('reachable nodes { id x y } edges { id }'),
  explore('truncated reachable reachableIsExact edgesTruncated nodes { __typename id kind x y distance degree } edges { __typename id predicate source target negated event }'),
  explore('nodes { ...place } edges { ... on ExplorerEdge { id source target } }', 'fragment place on ExplorerNode { id x y }'),
];

/** Selections that ask a field held by the records only: each of them, through fragments and aliases too. */
const WITH_RECORDS = [
  explore('nodes { id name } edges { id }'),
  explore('nodes { id time } edges { id }'),
  explore('nodes { id } edges { id modality }'),
  explore('nodes { id } edges { id origin }'),
  explore('nodes { id } edges { id attributedTo }'),
  explore('nodes { id } edges { id time }'),
  explore('nodes { ...named } edges { ...drawn }', 'fragment named on ExplorerNode { id label: name } fragment drawn on ExplorerEdge { id ... on ExplorerEdge { how: modality } }'),
  // The explorer page's own selection (src/explorer/api.ts VIEW).
  explore(
    `center truncated reachable reachableIsExact edgesTruncated
    nodes { id name kind x y distance degree time articleIds(first: 5) articleCount firstPublished lastPublished }
    edges { id predicate source target negated modality origin attributedTo event time articleIds(first: 5) articleCount firstPublished lastPublished }`,
  ),
];

describePostgres('the explorer over PostgreSQL reads only what its selection asks', () => {
  /** A role that may read every table but the records (entity and relation `doc`, `slim`). */
  const role = `pgview_no_records_${process.pid}`;
  let admin: pg.Client | undefined;
  let withoutRecords: PostgresStore | undefined;
  // Registered before the fixture's, so run before it drops the database: the role's grants live in it.
  afterAll(async () => {
    await withoutRecords?.close();
    await admin?.query(`REVOKE ALL ON ALL TABLES IN SCHEMA newsgraph FROM ${role}`).catch(() => undefined);
    await admin?.query(`REVOKE USAGE ON SCHEMA newsgraph FROM ${role}`).catch(() => undefined);
    await admin?.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin?.end();
  });
  const fixture = postgresFixture(fieldGraph);

  beforeAll(async () => {
    const client = new pg.Client({ connectionString: fixture.url });
    admin = client;
    await client.connect();
    const columns = async (view: string): Promise<string> => {
      const { rows } = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'newsgraph' AND table_name = $1 AND column_name NOT IN ('doc', 'slim')`,
        [view],
      );
      return rows.map((r) => `"${r.column_name}"`).join(', ');
    };
    await client.query(`DROP ROLE IF EXISTS ${role}`);
    await client.query(`CREATE ROLE ${role} LOGIN`);
    await client.query(`GRANT USAGE ON SCHEMA newsgraph TO ${role}`);
    await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA newsgraph TO ${role}`);
    for (const view of ['entity', 'relation']) {
      const kept = await columns(view);
      await client.query(`REVOKE SELECT ON newsgraph.${view} FROM ${role}`);
      await client.query(`GRANT SELECT (${kept}) ON newsgraph.${view} TO ${role}`);
    }
    const url = new URL(fixture.url);
    url.username = role;
    withoutRecords = new PostgresStore({ primary: url.toString() });
  });
  const lean = (): PostgresStore => {
    if (withoutRecords === undefined) throw new Error('made in beforeAll');
    return withoutRecords;
  };

  test('every selection answers as the in-memory store does', async () => {
    for (const query of [...LEAN, ...WITH_RECORDS]) {
      const answer = await executeQuery(fixture.store, query);
      expect({ query, errors: answer.errors }).toEqual({ query, errors: undefined });
      expect({ query, answer }).toEqual({ query, answer: await executeQuery(fixture.memory, query) });
    }
  });

  test('a view that asks no field of a record reads no record, and the same answer', async () => {
    const store = lean();
    for (const query of LEAN) {
      const answer = await executeQuery(store, query);
      expect({ query, errors: answer.errors }).toEqual({ query, errors: undefined });
      expect({ query, answer }).toEqual({ query, answer: await executeQuery(fixture.memory, query) });
    }
    const view = (await executeQuery(store, LEAN[0] ?? '')).data as { explore: { nodes: unknown[]; edges: unknown[] } };
    expect(view.explore.nodes).toHaveLength(60);
    expect(view.explore.edges.length).toBeGreaterThan(100);
  });

  test('the role does keep the records out: a field only a record holds is refused to it', async () => {
    const store = lean();
    for (const query of WITH_RECORDS) {
      const logged: string[] = [];
      const logger = { debug() {}, info() {}, warn() {}, error: (message: string) => void logged.push(message) };
      const answer = await executeQuery(store, query, { logger });
      expect({ query, refused: answer.errors?.length ?? 0 }).toEqual({ query, refused: 1 });
      expect(logged.join('\n')).toContain('permission denied for view');
    }
  });
});
