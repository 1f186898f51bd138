/**
 * One graph served twice over HTTP: from memory (`startServer({ graph })`), and from a database of its own in the
 * test run's shared PostgreSQL cluster (sharedPostgres.ts) it is loaded into (`startServer({ store })`). The set-up
 * of the suites that compare the two stores' answers.
 */
import { startServer, type RunningServer } from '../../src/api/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { loadGraphIntoPostgres, PostgresStore } from '../../src/store/postgres/index.js';
import { askOverHttp, type Ask } from '../api/seed.js';
import type { PostgresCluster } from '../utils/postgresCluster.js';
import { postgresDatabase } from '../utils/sharedPostgres.js';

export interface ServedTwice {
  /** The database (its `url`; `stop()` drops it). */
  readonly cluster: PostgresCluster;
  readonly store: PostgresStore;
  readonly memoryServer: RunningServer;
  readonly postgresServer: RunningServer;
  readonly fromMemory: Ask;
  readonly fromPostgres: Ask;
  /** Stops both servers and the store, and drops the database. */
  close(): Promise<void>;
}

/** `responseCacheBytes: 0` makes the stores answer every question (no response cache in front of them). */
export async function serveTwice(graph: NewsGraph, options: { readonly responseCacheBytes?: number } = {}): Promise<ServedTwice> {
  const cluster = await postgresDatabase();
  const started: Array<{ close(): Promise<void> }> = [];
  const close = async (): Promise<void> => {
    for (const thing of started.reverse()) await thing.close();
    await cluster.stop();
  };
  try {
    await loadGraphIntoPostgres(cluster.url, graph);
    const store = new PostgresStore({ primary: cluster.url });
    started.push(store);
    const memoryServer = await startServer({ graph, port: 0, handleSignals: false, ...options });
    started.push(memoryServer);
    const postgresServer = await startServer({ store, port: 0, handleSignals: false, ...options });
    started.push(postgresServer);
    return { cluster, store, memoryServer, postgresServer, fromMemory: askOverHttp(memoryServer.url), fromPostgres: askOverHttp(postgresServer.url), close };
  } catch (error) {
    await close();
    throw error;
  }
}
