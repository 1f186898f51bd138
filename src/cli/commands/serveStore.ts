/**
 * `newsgraph serve --store postgres://... [--replica URL ...]`: GraphQL answered from PostgreSQL, with no graph in
 * this process's memory. Reads go to the replicas in turn when given, else to the primary; a new `newsgraph load`
 * is served from its commit on. The whole graph's exports in json, graphml, cytoscape, cypher and gdelt stream from
 * the database, a selection (focus, predicate, ids) is read from it in every format; the whole graph in another
 * format answers 501 here.
 */
import { setFlagsFromString } from 'node:v8';
import { startServer } from '../../api/index.js';
import { PostgresStore, type PostgresStoreOptions } from '../../store/postgres/index.js';
import type { CommandIo } from '../command.js';
import type { ServerFlagOptions } from '../serverFlags.js';

/**
 * How much V8 lets the heap grow past what the last full collection left, in percent. Left to itself, on a machine
 * with gigabytes to spare V8 lets the heap reach up to four times what was live before it collects again: a server
 * over PostgreSQL with 130 MB live was seen at 1.06 GB resident at 100,000 articles, nearly all of it garbage of
 * requests already answered (docs/design-choices.md "The PostgreSQL server's memory"). 20% keeps it near what is
 * live, for more frequent collections (each one short: little is live). A soft bound, unlike --max-old-space-size,
 * which would stop the process on a request that needs more.
 */
export const STORE_HEAP_GROWING_PERCENT = 20;

export async function serveFromStore(
  primary: string,
  replicas: readonly string[],
  listen: { port: number; host: string },
  io: CommandIo,
  storeOptions: Pick<PostgresStoreOptions, 'recordCacheBytes' | 'selectionLimits'> = {},
  serverOptions: ServerFlagOptions = {},
): Promise<number> {
  // Read by V8 at each full collection, so it takes effect from the next one; a value given on node's command line wins.
  if (!process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent/u.test(arg))) setFlagsFromString(`--heap-growing-percent=${STORE_HEAP_GROWING_PERCENT}`);
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
