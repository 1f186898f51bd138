/**
 * Graceful shutdown of the HTTP server, independent of any one ApolloServer: a reload replaces the
 * ApolloServer while the HTTP server stays, so draining cannot be a plugin of the first ApolloServer (its
 * stop would then close the server at the first reload, and it would keep the first graph alive). This reuses
 * Apollo's own drain plugin (its connection Stopper), calling its hooks directly.
 */
import type { Server } from 'node:http';
import type { GraphQLServerContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';

/** Returns `drain()`: stop accepting, let requests in flight finish, close idle connections, cut the rest after `graceMs`. */
export function createDrainer(httpServer: Server, graceMs: number): () => Promise<void> {
  // Created now: the plugin starts counting requests per connection from its creation on.
  const plugin = ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: graceMs });
  return async () => {
    // The plugin's serverWillStart reads nothing from its context (see its source); none exists here.
    const listener = await plugin.serverWillStart?.({} as GraphQLServerContext);
    await listener?.drainServer?.();
  };
}
