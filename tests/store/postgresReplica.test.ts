/**
 * Reads from streaming replicas: two replicas made in the test by `pg_basebackup -R` from the test cluster follow it
 * over loopback; a server over `PostgresStore({ primary, replicas })` answers from them in turn (the primary gets no
 * read), gives the in-memory store's answers, and follows a new load once the replicas have replayed it.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import pg from 'pg';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { APPLICATION_NAME } from '../../src/store/postgres/connections.js';
import { loadGraphIntoPostgres, PostgresStore } from '../../src/store/postgres/index.js';
import { askOverHttp, seedGraph } from '../api/seed.js';
import { describePostgres, startPostgresCluster, startReplica, waitForReplay, type PostgresCluster } from '../utils/postgresCluster.js';
import { corpusGraph } from './corpusFixture.js';


const QUESTION = '{ snapshot { id } entity(id: "vladimir-putin") { name neighbors(depth: 2) { distance entity { id } } } relations(first: 5) { totalCount edges { node { id } } } }';

describePostgres('reads from streaming replicas', () => {
  let primary: PostgresCluster;
  const replicas: PostgresCluster[] = [];
  let store: PostgresStore;
  let server: RunningServer;
  let memoryServer: RunningServer;

  beforeAll(async () => {
    primary = await startPostgresCluster();
    replicas.push(await startReplica(primary), await startReplica(primary));
    const graph = await seedGraph();
    await loadGraphIntoPostgres(primary.url, graph);
    for (const replica of replicas) await waitForReplay(primary, replica);
    store = new PostgresStore({ primary: primary.url, replicas: replicas.map((r) => r.url) });
    server = await startServer({ store, port: 0, handleSignals: false });
    memoryServer = await startServer({ graph, port: 0, handleSignals: false });
  });
  afterAll(async () => {
    await server?.close();
    await memoryServer?.close();
    await store?.close();
    for (const replica of replicas) await replica.stop();
    await primary?.stop();
  });

  const storeConnections = async (cluster: PostgresCluster): Promise<number> => {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const result = await client.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [APPLICATION_NAME]);
      return Number(result.rows[0]?.n ?? 0);
    } finally {
      await client.end();
    }
  };

  test('the replicas are read-only followers, and answer as the in-memory store does', async () => {
    const client = new pg.Client({ connectionString: replicas[0]?.url });
    await client.connect();
    expect((await client.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]?.r).toBe(true);
    await client.end();
    const [fromReplicas, fromMemory] = await Promise.all([askOverHttp(server.url)(QUESTION), askOverHttp(memoryServer.url)(QUESTION)]);
    expect(fromMemory.errors).toBeUndefined();
    expect(fromReplicas).toEqual(fromMemory);
  });

  test('reads go to every replica in turn and never to the primary', async () => {
    for (let i = 0; i < 6; i++) await askOverHttp(server.url)(QUESTION);
    expect(await storeConnections(primary)).toBe(0);
    for (const replica of replicas) expect(await storeConnections(replica)).toBeGreaterThan(0);
  });

  test('a load on the primary is served once the replicas have replayed it', async () => {
    const { identity } = await loadGraphIntoPostgres(primary.url, corpusGraph());
    for (const replica of replicas) await waitForReplay(primary, replica);
    for (let i = 0; i < replicas.length; i++) {
      const answer = await askOverHttp(server.url)('{ snapshot { id } entity(id: "officials") { name } }');
      expect(answer.data).toEqual({ snapshot: { id: identity.id }, entity: { name: 'Officials' } });
    }
  });
});
