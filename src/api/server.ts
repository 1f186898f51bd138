/**
 * The HTTP server on node:http: GraphQL and the playground at `/graphql`, exports at `/export/FORMAT`,
 * the playground's files at `/playground/`. Listens on 127.0.0.1:4000 unless told otherwise, and shuts
 * down gracefully: requests in flight finish, idle connections close, then the process may exit.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { NewsGraph } from '../graph/index.js';
import { createApolloServer } from './apollo.js';
import { MASKED_MESSAGE, type ServerLogger } from './errors.js';
import { EXPORT_PREFIX, handleExport } from './http/exportRoute.js';
import { handleGraphQL } from './http/graphqlRoute.js';
import { EXPLORE_PATH, EXPLORER_PREFIX, handleExplorer } from './http/explorerRoute.js';
import { handlePlaygroundAsset, PLAYGROUND_PREFIX, playgroundPlugin, setPlaygroundCsp } from './http/playgroundRoute.js';
import { sendError } from './http/respond.js';
import { resolveLimits, type QueryLimits } from './limits.js';

export const GRAPHQL_PATH = '/graphql';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4000;

export interface ServerOptions {
  readonly graph: NewsGraph;
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
}

export interface RunningServer {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql` (the playground is at the same URL). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops accepting connections, lets requests in flight finish, then resolves. Safe to call twice. */
  close(): Promise<void>;
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
  const limits = resolveLimits(options.limits);
  const logger = options.logger ?? console;
  const httpServer = createServer();
  const apollo = createApolloServer(graph, {
    limits,
    logger,
    plugins: [playgroundPlugin(GRAPHQL_PATH), ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs })],
  });
  await apollo.start();

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname === GRAPHQL_PATH) setPlaygroundCsp(res);
    if (url.pathname === GRAPHQL_PATH) return handleGraphQL(apollo, req, res, url, limits.maxBodyBytes);
    req.resume();
    if (url.pathname === '/' && method === 'GET') {
      res.writeHead(302, { location: EXPLORE_PATH });
      res.end();
    } else if (url.pathname === EXPLORE_PATH || url.pathname.startsWith(EXPLORER_PREFIX)) handleExplorer(res, method, url.pathname, GRAPHQL_PATH);
    else if (url.pathname.startsWith(EXPORT_PREFIX)) handleExport(graph, method, res, url);
    else if (url.pathname.startsWith(PLAYGROUND_PREFIX) && (method === 'GET' || method === 'HEAD')) handlePlaygroundAsset(res, url.pathname);
    else sendError(res, 404, 'NOT_FOUND', `Nothing at ${url.pathname}: GraphQL is at ${GRAPHQL_PATH}, exports at ${EXPORT_PREFIX}FORMAT.`);
  };
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      logger.error(`newsgraph: unexpected error serving ${req.method ?? ''} ${req.url ?? ''}:\n${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', MASKED_MESSAGE);
      else res.destroy();
    });
  });

  let address: AddressInfo;
  try {
    address = await listen(httpServer, port, host);
  } catch (error) {
    await apollo.stop();
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
      await apollo.stop(); // drains the HTTP server first (ApolloServerPluginDrainHttpServer)
    })();
    return closing;
  };
  if (handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  const shownHost = urlHost(address);
  return { url: `http://${shownHost}:${address.port}${GRAPHQL_PATH}`, host: shownHost, port: address.port, close };
}
