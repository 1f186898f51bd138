/**
 * The seed article's graph for the API tests, built once per test file from tests/fixtures/seed by the real builder,
 * and the two ways of asking it: in-process (ApolloServer.executeOperation) and over real HTTP.
 */
import type { ApolloServer, BaseContext } from '@apollo/server';
import { buildGraph } from '../../src/build/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { SEED_DATA } from '../utils/fixtures.js';

let seed: Promise<NewsGraph> | undefined;

/** The graph of the seed article alone (tests/fixtures/seed, not the growing data/), built on first use. */
export function seedGraph(): Promise<NewsGraph> {
  seed ??= buildGraph(SEED_DATA);
  return seed;
}

export interface GraphQLErrorJson {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

export interface ResultJson {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLErrorJson[];
}

/** A way to run an operation: in-process or over HTTP. */
export type Ask = (query: string, variables?: Record<string, unknown>) => Promise<ResultJson>;

/** Runs through Apollo's executeOperation, narrowing to a single result (as Apollo's own tests do). */
export function askInProcess(server: ApolloServer<BaseContext>): Ask {
  return async (query, variables) => {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult;
    return { data, errors: errors?.map((e) => ({ ...e, message: e.message })) };
  };
}

/** True for a JSON object with `data` or `errors`. */
export function isResultJson(value: unknown): value is ResultJson {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}

/** POSTs to a running server's endpoint. */
export function askOverHttp(url: string): Ask {
  return async (query, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const json: unknown = await response.json();
    if (!isResultJson(json)) throw new Error(`not a GraphQL response: ${JSON.stringify(json)}`);
    return json;
  };
}

/** The data of a result that must have no errors (the errors are shown when there are some). */
export function dataOf(result: ResultJson): Record<string, unknown> {
  if (result.errors !== undefined && result.errors.length > 0) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  if (result.data === undefined || result.data === null) throw new Error('no data');
  return result.data;
}

/** The codes of a result's errors. */
export function codesOf(result: ResultJson): Array<string | undefined> {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

/** Reads a path of keys out of unknown JSON, failing loudly when a step is missing. */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) throw new Error(`no ${String(key)} in ${JSON.stringify(current)}`);
    current = Reflect.get(current, key);
  }
  return current;
}

/** A list at a path of unknown JSON. */
export function listAt(value: unknown, ...path: Array<string | number>): unknown[] {
  const list = at(value, ...path);
  if (!Array.isArray(list)) throw new Error(`not a list at ${path.join('.')}: ${JSON.stringify(list)}`);
  return list;
}

/** The `id`s of a list of entities at a path, sorted. */
export function idsAt(value: unknown, ...path: Array<string | number>): string[] {
  return listAt(value, ...path)
    .map((item) => String(at(item, 'id')))
    .sort();
}
