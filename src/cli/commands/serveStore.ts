/**
 * `newsgraph serve --store postgres://... [--replica URL ...]`: GraphQL answered from PostgreSQL, with no graph in
 * this process's memory. Reads go to the replicas in turn when given, else to the primary; a new `newsgraph load`
 * is served from its commit on. `/export/json` streams from the database; other exports answer 501 here.
 */
import { startServer } from '../../api/index.js';
import { PostgresStore } from '../../store/postgres/index.js';
import type { CommandIo } from '../command.js';

export async function serveFromStore(primary: string, replicas: readonly string[], listen: { port: number; host: string }, io: CommandIo): Promise<number> {
  const store = new PostgresStore({ primary, replicas });
  let server;
  try {
    server = await startServer({ store, ...listen, handleSignals: false });
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
