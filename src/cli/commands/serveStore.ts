/**
 * `newsgraph serve --store postgres://... [--replica URL ...]`: GraphQL answered from PostgreSQL, with no graph in
 * this process's memory. Reads go to the replicas in turn when given, else to the primary; a new `newsgraph load`
 * is served from its commit on. The whole graph's exports stream from the database in every format, and a selection
 * (focus, predicate, ids) is read from it into a graph of its own.
 */
import { startServer } from '../../api/index.js';
import { PostgresStore, type PostgresStoreOptions } from '../../store/postgres/index.js';
import type { CommandIo } from '../command.js';
import type { ServerFlagOptions } from '../serverFlags.js';
import { keepHeapNearLive } from '../storeHeap.js';

export async function serveFromStore(
  primary: string,
  replicas: readonly string[],
  listen: { port: number; host: string },
  io: CommandIo,
  storeOptions: Pick<PostgresStoreOptions, 'recordCacheBytes' | 'selectionLimits'> = {},
  serverOptions: ServerFlagOptions = {},
): Promise<number> {
  keepHeapNearLive();
  const store = new PostgresStore({ primary, replicas, ...storeOptions });
  let server;
  try {
    server = await startServer({ store, ...listen, handleSignals: false, ...serverOptions });
  } catch (error) {
    await store.close();
    throw error;
  }
  const identity = server.snapshot();
  const from = replicas.length > 0 ? `${replicas.length} replica(s)` : 'the primary';
  io.out(`newsgraph: PostgreSQL store, reads from ${from}, snapshot ${identity.id} (${identity.articleCount} articles)\nExplorer: ${server.url.replace(/\/graphql$/u, '/explore')}\nGraphQL and playground: ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      io.err(`\n${signal}: finishing requests in flight, then stopping\n`);
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await store.close();
  return 0;
}
