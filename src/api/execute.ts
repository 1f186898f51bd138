/**
 * Running an operation in-process, without HTTP: for research scripts that embed newsgraph and for
 * `newsgraph query`. It goes through the same ApolloServer pipeline as the HTTP server (limits, error
 * masking), so an answer is the same whichever way it is asked.
 */
import type { ApolloServer, BaseContext, GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { NewsGraph } from '../graph/index.js';
import { createApolloServer, type ApolloOptions } from './apollo.js';

/** The JSON of a GraphQL response: `data`, and `errors` when something went wrong. */
export type QueryResult = FormattedExecutionResult<Record<string, unknown>, Record<string, unknown>>;

export interface ExecuteOptions extends Pick<ApolloOptions, 'limits' | 'logger'> {
  /** Which operation of the document to run, when it has several. */
  readonly operationName?: string;
}

const servers = new WeakMap<NewsGraph, ApolloServer<BaseContext>>();

/** The shared server of a graph for default options, or a one-off server (`owned`) for custom ones. */
function serverFor(graph: NewsGraph, options: ExecuteOptions): { server: ApolloServer<BaseContext>; owned: boolean } {
  if (options.limits !== undefined || options.logger !== undefined) return { server: createApolloServer(graph, options), owned: true };
  let server = servers.get(graph);
  if (server === undefined) {
    server = createApolloServer(graph);
    servers.set(graph, server);
  }
  return { server, owned: false };
}

/**
 * Runs one GraphQL operation against `graph` and returns its JSON result. GraphQL errors (a bad query, a
 * refused limit, an unknown id) are in `errors`, each with `extensions.code`; this function does not throw
 * for them.
 * @param operationOrOptions the operation name, or options (limits, logger, operationName).
 */
export async function executeQuery(
  graph: NewsGraph,
  source: string,
  variables?: Readonly<Record<string, unknown>>,
  operationOrOptions?: string | ExecuteOptions,
): Promise<QueryResult> {
  const options: ExecuteOptions = typeof operationOrOptions === 'string' ? { operationName: operationOrOptions } : (operationOrOptions ?? {});
  const { server, owned } = serverFor(graph, options);
  let response: GraphQLResponse<Record<string, unknown>>;
  try {
    response = await server.executeOperation<Record<string, unknown>>({
      query: source,
      variables: variables === undefined ? undefined : { ...variables },
      operationName: options.operationName,
    });
  } finally {
    if (owned) await server.stop();
  }
  if (response.body.kind !== 'single') {
    throw new Error('executeQuery: incremental delivery (@defer, @stream) is not supported in-process');
  }
  const { data, errors, extensions } = response.body.singleResult;
  return {
    ...(errors === undefined ? {} : { errors }),
    ...(data === undefined ? {} : { data }),
    ...(extensions === undefined ? {} : { extensions }),
  };
}
