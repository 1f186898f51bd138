/**
 * Running an operation in-process, without HTTP: for research scripts that embed newsgraph and for
 * `newsgraph query`. It goes through the same ApolloServer pipeline as the HTTP server (limits, error
 * masking), so an answer is the same whichever way it is asked.
 *
 * One options object holds everything but the graph and the query, and it is checked: an unknown option
 * (variables passed where options go, a misspelt `variable`) is refused, and so is a variable the operation
 * does not declare, so that no argument is ever silently ignored.
 */
import type { ApolloServer, BaseContext, GraphQLResponse } from '@apollo/server';
import { getOperationAST, parse, type FormattedExecutionResult } from 'graphql';
import { didYouMean } from '../didYouMean.js';
import { NewsgraphError } from '../errors.js';
import type { NewsGraph } from '../graph/index.js';
import { asStore, type GraphStore } from '../store/index.js';
import { createApolloServer, type ApolloOptions } from './apollo.js';

/** The JSON of a GraphQL response: `data`, and `errors` when something went wrong. */
export type QueryResult = FormattedExecutionResult<Record<string, unknown>, Record<string, unknown>>;

export interface ExecuteOptions extends Pick<ApolloOptions, 'limits' | 'logger'> {
  /** The values of the operation's variables (`$id` is `{ id: ... }`). */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Which operation of the document to run, when it has several. */
  readonly operationName?: string;
}

const OPTION_NAMES: readonly string[] = ['variables', 'operationName', 'limits', 'logger'] satisfies ReadonlyArray<keyof ExecuteOptions>;

const servers = new WeakMap<GraphStore, ApolloServer<BaseContext>>();

/** The shared server of a store for default options, or a one-off server (`owned`) for custom ones. */
function serverFor(store: GraphStore, options: ExecuteOptions): { server: ApolloServer<BaseContext>; owned: boolean } {
  if (options.limits !== undefined || options.logger !== undefined) return { server: createApolloServer(store, options), owned: true };
  let server = servers.get(store);
  if (server === undefined) {
    server = createApolloServer(store);
    servers.set(store, server);
  }
  return { server, owned: false };
}

/**
 * The options as given.
 * @throws NewsgraphError BAD_USER_INPUT for an argument after the options or an option that does not exist.
 */
function checkOptions(options: unknown, extra: readonly unknown[]): ExecuteOptions {
  if (extra.length > 0) {
    throw new NewsgraphError(
      'BAD_USER_INPUT',
      'executeQuery takes (graph, query, options): pass the variables and the operation name in the options, e.g. { variables: { id: "russia" }, operationName: "Q" }.',
    );
  }
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new NewsgraphError('BAD_USER_INPUT', `executeQuery: options must be an object such as { variables, operationName, limits, logger }, not ${JSON.stringify(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.includes(key)) {
      throw new NewsgraphError(
        'BAD_USER_INPUT',
        `executeQuery: unknown option "${key}".${didYouMean(key, OPTION_NAMES)} Options are ${OPTION_NAMES.join(', ')}; ` +
          'the operation\'s variables go inside `variables`: { variables: { id: "russia" } }.',
      );
    }
  }
  return options as ExecuteOptions;
}

/**
 * The variables each operation declares, by operation name and source text (null when the document does not
 * parse or has no such operation): a script asking one question in a loop parses it once here (Apollo parses it
 * once too, in its own document cache). Bounded like that cache: cleared when full, a miss costs one parse.
 */
const declaredVariables = new Map<string, readonly string[] | null>();
const DECLARED_MAX = 1_000;

function declaredBy(source: string, operationName: string | undefined): readonly string[] | null {
  const key = `${operationName ?? ''}\n${source}`;
  const known = declaredVariables.get(key);
  if (known !== undefined) return known;
  let declared: readonly string[] | null = null;
  try {
    const operation = getOperationAST(parse(source), operationName);
    if (operation !== null && operation !== undefined) declared = (operation.variableDefinitions ?? []).map((v) => v.variable.name.value);
  } catch {
    declared = null;
  }
  if (declaredVariables.size >= DECLARED_MAX) declaredVariables.clear();
  declaredVariables.set(key, declared);
  return declared;
}

/**
 * Refuses variables that the operation does not declare (GraphQL itself ignores them, which would hide a
 * typo). A document that does not parse is left to the server, which reports it as a GraphQL error.
 */
function checkVariables(source: string, options: ExecuteOptions): void {
  const given = options.variables === undefined ? [] : Object.keys(options.variables);
  if (given.length === 0) return;
  const declared = declaredBy(source, options.operationName);
  if (declared === null) return;
  for (const name of given) {
    if (!declared.includes(name)) {
      const list = declared.length === 0 ? 'declares none' : `declares ${declared.map((d) => `$${d}`).join(', ')}`;
      throw new NewsgraphError('BAD_USER_INPUT', `executeQuery: variable "${name}" is not declared by the operation (it ${list}).${didYouMean(name, declared)}`);
    }
  }
}

/**
 * Runs one GraphQL operation against a graph (or any store) and returns its JSON result. GraphQL errors
 * (a bad query, a refused limit, an unknown id) are in `errors`, each with `extensions.code`; this
 * function does not throw for them.
 * @param options `variables`, `operationName`, `limits`, `logger`; nothing else.
 * @throws NewsgraphError BAD_USER_INPUT for an unknown option, an undeclared variable, or bad limits.
 * @example await executeQuery(graph, 'query ($id: ID!) { entity(id: $id) { name } }', { variables: { id: 'russia' } })
 */
export async function executeQuery(graph: NewsGraph | GraphStore, source: string, options?: ExecuteOptions, ...rest: never[]): Promise<QueryResult> {
  const checked = checkOptions(options, rest);
  checkVariables(source, checked);
  const { server, owned } = serverFor(asStore(graph), checked);
  let response: GraphQLResponse<Record<string, unknown>>;
  try {
    response = await server.executeOperation<Record<string, unknown>>({
      query: source,
      variables: checked.variables === undefined ? undefined : { ...checked.variables },
      operationName: checked.operationName,
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
