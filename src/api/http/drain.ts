/**
 * Graceful shutdown of the HTTP server, independent of any one ApolloServer: a reload replaces the
 * ApolloServer while the HTTP server stays, so draining cannot be a plugin of the first ApolloServer (its
 * stop would then close the server at the first reload, and it would keep the first graph alive).
 *
 * Built on node's own connection tracking (the server's connection list, which its request and header timeouts
 * already keep): `close` stops accepting and closes the connections with no request under way; a connection
 * that finishes its response afterwards is closed by the next sweep (every DRAIN_SWEEP_MS); past the grace
 * period every connection left is cut. Apollo's drain plugin, used before, counted requests per socket with a
 * `request` listener and a `finish` listener per response: two listeners run for every request, a cache hit
 * included, to serve the one moment of shutdown.
 */
import type { Server } from 'node:http';

/** How often, while draining, connections that have become idle are closed. */
export const DRAIN_SWEEP_MS = 20;

/** Returns `drain()`: stop accepting, let requests in flight finish, close idle connections, cut the rest after `graceMs`. */
export function createDrainer(httpServer: Server, graceMs: number): () => Promise<void> {
  let draining: Promise<void> | undefined;
  return () => {
    draining ??= new Promise<void>((resolve) => {
      // node's close() closes the idle connections at once; the server's 'close' comes when the last one is gone.
      const sweep = setInterval(() => httpServer.closeIdleConnections(), DRAIN_SWEEP_MS);
      const cut = setTimeout(() => httpServer.closeAllConnections(), graceMs);
      httpServer.close(() => {
        clearInterval(sweep);
        clearTimeout(cut);
        resolve();
      });
    });
    return draining;
  };
}
