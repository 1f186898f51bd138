/**
 * The HTTP server on node:http: GraphQL and the playground at `/graphql`, exports at `/export/FORMAT`,
 * the playground's files at `/playground/`. Listens on 127.0.0.1:4000 unless told otherwise, and shuts
 * down gracefully: requests in flight finish, idle connections close, then the process may exit.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NewsGraph } from '../graph/index.js';
import { graphIdentity, type GraphIdentity } from '../build/graphIdentity.js';
import type { GraphStore } from '../store/index.js';
import { NewsgraphError } from '../errors.js';
import { createApolloServer } from './apollo.js';
import { MASKED_MESSAGE, type ServerLogger } from './errors.js';
import { EXPORT_PREFIX, handleExportRequest } from './http/exportRoute.js';
import { layOutInBackground } from '../graph/layoutInBackground.js';
import { ExportDiskCache, type ExportDiskCacheOptions } from './http/exportDiskCache.js';
import { createDrainer } from './http/drain.js';
import { answerGraphQL, handleGraphQL, isGraphQLTarget } from './http/graphqlRoute.js';
import { DEFAULT_RESPONSE_CACHE_BYTES, ResponseCache } from './http/responseCache.js';
import { LiveGraph, type ServedGraph } from './liveGraph.js';
import { BodyReadingRequest, refuseOversizeExpectations } from './http/body.js';
import { EXPLORE_PATH, EXPLORER_PREFIX, handleExplorer } from './http/explorerRoute.js';
import { handlePlaygroundAsset, PLAYGROUND_PREFIX, playgroundPlugin, setPlaygroundCsp } from './http/playgroundRoute.js';
import { sendError } from './http/respond.js';
import { resolveLimits, type QueryLimits } from './limits.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './address.js';

export const GRAPHQL_PATH = '/graphql';
/**
 * Run once by every Apollo server the HTTP server starts, before it answers anyone. It also builds the graph's
 * indices (`entities`) and name index (`search`): at 10,000 articles they take about 2 s, which the first
 * client's question used to spend out of its 2 s execution budget (refused with EXECUTION_TIMEOUT).
 */
const WARM_UP_QUERY = '{ __typename snapshot { id } entities(first: 1) { totalCount } search(text: "warm up", limit: 1) { id } }';
/**
 * Run after WARM_UP_QUERY: an unknown id, answered with "did you mean", so that a store that reads its candidate ids
 * once per corpus (PostgreSQL: nearIds.ts, 50,000 ids, 25 to 150 ms at 100,000 articles under load) reads them now and
 * the code that measures them is compiled, rather than at the first client's typo.
 */
const SUGGESTIONS_WARM_UP_QUERY = '{ path(from: "warm-up", to: "warm-up") { id } }';

/**
 * No socket is held by a client that sends slowly or not at all: headers within 10 s, the whole request
 * within 30 s, an idle keep-alive connection closed after 5 s, checked every second (issue 11: 1,000 idle
 * sockets were held until the client left).
 */
export const SOCKET_TIMEOUTS = Object.freeze({ headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 });
/** A connection with no byte in either direction for this long is closed (one that never sends a request too). */
export const SOCKET_IDLE_TIMEOUT_MS = 10_000;

export interface ServerOptions {
  /**
   * The graph in memory. May be left out when `store` is given (a database store, e.g. PostgresStore): the server
   * then holds no graph, its snapshot id follows the store's `identity()` (a new load is seen at once), and
   * the whole graph streams from the store when it can (PostgresStore) in every format, and a selection (focus,
   * predicate, ids) is read from it; a store that gives neither (one of a library's own) answers exports with 501.
   */
  readonly graph?: NewsGraph;
  /**
   * Answer GraphQL through this store instead of the in-memory one over `graph` (exports still read `graph`).
   * A reload (`reload(graph)`, `serve --watch`) serves the new graph's in-memory store.
   */
  readonly store?: GraphStore;
  /** 0 picks a free port. @default 4000 */
  readonly port?: number;
  /** @default '127.0.0.1' (loopback only) */
  readonly host?: string;
  readonly limits?: QueryLimits;
  /** Where masked errors and server events go. @default console */
  readonly logger?: ServerLogger;
  /** Close gracefully on SIGINT and SIGTERM. @default true */
  readonly handleSignals?: boolean;
  /** How long requests in flight may take to finish on close before their connections are cut. @default 10000 */
  readonly shutdownGraceMs?: number;
  /** Bytes of whole responses (GraphQL answers, exports) kept in memory; 0 turns the cache off. @default 64 MiB */
  readonly responseCacheBytes?: number;
  /**
   * Exports too large for the response cache, kept on disk per snapshot and options (http/exportDiskCache.ts):
   * where and how much; `false` turns it off. Needs the response cache on. @default a private temporary directory, 2 GiB, 64 files
   */
  readonly exportCache?: ExportDiskCacheOptions | false;
}

export interface RunningServer {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql` (the playground is at the same URL). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops accepting connections, lets requests in flight finish, then resolves. Safe to call twice. */
  close(): Promise<void>;
  /** Serves `graph` from now on, without downtime: requests under way finish on the old graph. */
  reload(graph: NewsGraph): Promise<GraphIdentity>;
  /** The identity of the graph being served (also the `newsgraph-snapshot` response header). */
  snapshot(): GraphIdentity;
}

function urlHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0' || address.address === '::') return address.family === 'IPv6' ? '[::1]' : '127.0.0.1';
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error(`unexpected server address ${String(address)}`));
      else resolve(address);
    });
  });
}

/**
 * Starts the HTTP server for `graph`.
 * @throws the listen error (EADDRINUSE, EACCES) when the port cannot be had; NewsgraphError BAD_USER_INPUT for bad limits.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { graph, port = DEFAULT_PORT, host = DEFAULT_HOST, handleSignals = true, shutdownGraceMs = 10_000 } = options;
  // A store alone (no graph in memory): every request asks it which corpus it serves (one cheap query).
  const storeOnly = graph === undefined ? options.store : undefined;
  if (graph === undefined && storeOnly === undefined) throw new NewsgraphError('BAD_USER_INPUT', 'startServer: give a graph, a store, or both.');
  const limits = resolveLimits(options.limits);
  const logger = options.logger ?? console;
  const httpServer = createServer({ ...SOCKET_TIMEOUTS, IncomingMessage: BodyReadingRequest });
  httpServer.setTimeout(SOCKET_IDLE_TIMEOUT_MS); // with no 'timeout' listener, node destroys the idle socket
  refuseOversizeExpectations(httpServer, limits.maxBodyBytes);
  const drain = createDrainer(httpServer, shutdownGraceMs);
  const startApollo = async (served: NewsGraph | undefined) => {
    // A given store answers for the graph the server starts with; a reload serves the new graph's own memory store.
    const reader = served === graph && options.store !== undefined ? options.store : (served ?? storeOnly);
    if (reader === undefined) throw new NewsgraphError('BAD_USER_INPUT', 'startServer: give a graph, a store, or both.');
    const apollo = createApolloServer(reader, { limits, logger, plugins: [playgroundPlugin(GRAPHQL_PATH)] });
    await apollo.start();
    // One request before the first client's: it pays for compiling the parse, validation and limit paths
    // (about 20 ms), so that the first hostile document is refused as fast as the later ones.
    await apollo.executeOperation({ query: WARM_UP_QUERY });
    await apollo.executeOperation({ query: SUGGESTIONS_WARM_UP_QUERY });
    // The explorer's layout of a large graph, in a worker once the rest is ready, not in the first explore (which held
    // every other request while it ran). Begun after the warm-up: beside it, it slowed a start at 100,000 articles by 6 s.
    if (served !== undefined) void layOutInBackground(served);
    return apollo;
  };
  const cacheBytes = options.responseCacheBytes ?? DEFAULT_RESPONSE_CACHE_BYTES;
  const firstIdentity = graph !== undefined ? graphIdentity(graph) : await (storeOnly as GraphStore).identity();
  const live = new LiveGraph({ graph, identity: firstIdentity, apollo: await startApollo(graph) }, startApollo, cacheBytes > 0 ? new ResponseCache(cacheBytes) : undefined);
  const { cache } = live;
  const exportDisk = options.exportCache === false || cache === undefined ? undefined : new ExportDiskCache(options.exportCache);
  let storeIdentity = firstIdentity;

  // Each request is answered by the graph current when it arrives, whatever reloads happen meanwhile.
  const answer = async (req: IncomingMessage, res: ServerResponse, { graph, identity: servedIdentity, apollo }: ServedGraph): Promise<void> => {
    // From a store alone, the corpus is whichever load last committed: the cache keys and the header follow it.
    const identity = graph === undefined && storeOnly !== undefined ? (storeIdentity = await storeOnly.identity()) : servedIdentity;
    // GraphQL before any parsing: a question repeated byte for byte is answered from the cache's first level.
    if (isGraphQLTarget(req.url, GRAPHQL_PATH)) return handleGraphQL(apollo, req, res, limits.maxBodyBytes, identity.id, cache);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    res.setHeader('newsgraph-snapshot', identity.id);
    const scope = cache === undefined ? undefined : { cache, snapshotId: identity.id };
    if (url.pathname === GRAPHQL_PATH) setPlaygroundCsp(res);
    if (url.pathname === GRAPHQL_PATH) return handleGraphQL(apollo, req, res, limits.maxBodyBytes, identity.id, cache);
    if (url.pathname.startsWith(EXPORT_PREFIX)) return handleExportRequest(graph !== undefined ? { graph } : { store: storeOnly }, req, res, url, limits.maxBodyBytes, scope, exportDisk);
    req.resume();
    if (url.pathname === '/' && method === 'GET') {
      res.writeHead(302, { location: EXPLORE_PATH });
      res.end();
    } else if (url.pathname === EXPLORE_PATH || url.pathname.startsWith(EXPLORER_PREFIX)) handleExplorer(req, res, method, url.pathname, GRAPHQL_PATH);
    else if (url.pathname.startsWith(PLAYGROUND_PREFIX) && (method === 'GET' || method === 'HEAD')) handlePlaygroundAsset(req, res, url.pathname);
    else sendError(res, 404, 'NOT_FOUND', `Nothing at ${url.pathname}: GraphQL is at ${GRAPHQL_PATH}, exports at ${EXPORT_PREFIX}FORMAT.`);
  };
  const failed = (req: IncomingMessage, res: ServerResponse, error: unknown): void => {
    logger.error(`newsgraph: unexpected error serving ${req.method ?? ''} ${req.url ?? ''}:\n${error instanceof Error ? error.stack : String(error)}`);
    if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', MASKED_MESSAGE);
    else res.destroy();
  };
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // The graph current when the request arrives answers it, whatever reloads happen meanwhile (live.release).
    const lease = live.acquire();
    const { served } = lease;
    let released = false;
    const done = (error: unknown): void => {
      if (!released) live.release(lease);
      released = true;
      if (error !== null) failed(req, res, error);
    };
    // GraphQL on a graph in memory (its identity known): callbacks only, so that a question repeated byte for
    // byte is answered from the cache's first level with no promise in between (graphqlRoute.ts).
    if (isGraphQLTarget(req.url, GRAPHQL_PATH) && (served.graph !== undefined || storeOnly === undefined)) {
      try {
        answerGraphQL(served.apollo, req, res, limits.maxBodyBytes, served.identity.id, cache, done);
      } catch (error) {
        done(error);
      }
      return;
    }
    answer(req, res, served).then(() => done(null), done);
  });

  let address: AddressInfo;
  try {
    address = await listen(httpServer, port, host);
  } catch (error) {
    await live.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info(`newsgraph: ${signal}: finishing requests in flight, then stopping`);
    void close();
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await drain(); // requests in flight finish (on whichever graph they started with)
      await live.close();
      await exportDisk?.close();
    })();
    return closing;
  };
  if (handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  const shownHost = urlHost(address);
  const reload = (next: NewsGraph) => live.reload(next);
  const snapshot = () => (live.current.graph === undefined ? storeIdentity : live.current.identity);
  return { url: `http://${shownHost}:${address.port}${GRAPHQL_PATH}`, host: shownHost, port: address.port, close, reload, snapshot };
}
