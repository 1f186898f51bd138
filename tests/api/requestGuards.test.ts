/**
 * The request guards (requestGuards.ts): read-only, cost and execution budget as one Apollo plugin whose one
 * listener serves every request. Each guard must still refuse exactly as it did as a plugin of its own, in the
 * same order (a mutation is named, never priced), and the answer each operation ends with must be noted
 * (cleanAnswers.ts) as the response cache reads it: clean only with data and without errors, after the budget.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { createApolloServer } from '../../src/api/index.js';
import { notedContext } from '../../src/api/cleanAnswers.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { seedGraph } from './seed.js';

let graph: NewsGraph;
beforeAll(async () => {
  graph = await seedGraph();
});

interface Asked {
  readonly data: unknown;
  readonly codes: unknown[];
  readonly clean: boolean;
}

/** Runs `query` on `server` with a context object of its own, then reads what the guards noted about it. */
async function ask(server: ApolloServer<BaseContext>, query: string, variables?: Record<string, unknown>): Promise<Asked> {
  const noted = notedContext();
  const response = await server.executeOperation({ query, variables }, { contextValue: noted.contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  return { data, codes: (errors ?? []).map((e) => e.extensions?.['code']), clean: noted.answeredCleanly() };
}

describe('one listener for every request', () => {
  test('the server has one guard plugin, and every request gets the same listener object', async () => {
    const server = createApolloServer(graph);
    const plugins = (server as unknown as { internals: { plugins: { requestDidStart?: (c: unknown) => Promise<unknown> }[] } }).internals.plugins;
    const starting = plugins.filter((p) => p.requestDidStart !== undefined);
    expect(starting).toHaveLength(1);
    const [guards] = starting;
    const first = await guards?.requestDidStart?.({});
    const second = await guards?.requestDidStart?.({});
    expect(first).toBeDefined();
    expect(second).toBe(first);
  });
});

describe('each guard as before', () => {
  test('a mutation is refused as read-only, before the cost estimate could price it', async () => {
    const server = createApolloServer(graph, { limits: { maxCost: 1 } });
    const asked = await ask(server, 'mutation { x }');
    expect(asked.codes).toEqual(['OPERATION_NOT_SUPPORTED']);
    expect(asked.clean).toBe(false);
  });

  test('a query over the cost limit is refused with the cost code, priced from its variables', async () => {
    const server = createApolloServer(graph, { limits: { maxCost: 50 } });
    const query = 'query Q($n: Int) { entities(first: $n) { edges { node { id name } } } }';
    const small = await ask(server, query, { n: 2 });
    expect(small.codes).toEqual([]);
    const large = await ask(server, query, { n: 40 });
    expect(large.codes).toEqual(['QUERY_TOO_COSTLY']);
    expect(large.data).toBeUndefined();
    expect(large.clean).toBe(false);
  });

  test('an answer over the response budget is replaced by its one error, and noted as not clean', async () => {
    const server = createApolloServer(graph, { limits: { maxResponseBytes: 300 } });
    const asked = await ask(server, '{ entities(first: 50) { edges { node { id name description } } } }');
    expect(asked.codes).toEqual(['RESPONSE_TOO_LARGE']);
    expect(asked.data).toBeUndefined();
    expect(asked.clean).toBe(false);
  });
});

describe('clean answers, as the response cache reads them', () => {
  test('data without errors is clean; a partial answer with an error is not; nor is a refusal', async () => {
    const server = createApolloServer(graph);
    const clean = await ask(server, '{ entities(first: 2) { totalCount } }');
    expect(clean.codes).toEqual([]);
    expect(clean.clean).toBe(true);
    const partial = await ask(server, '{ entities(first: 1) { totalCount } relations(subject: "no-such-entity", first: 1) { totalCount } }');
    expect(partial.data).toBeDefined();
    expect(partial.codes.length).toBeGreaterThan(0);
    expect(partial.clean).toBe(false);
    const invalid = await ask(server, '{ nope }');
    expect(invalid.clean).toBe(false);
  });
});
