/**
 * executeQuery cannot be misused by passing variables where options go (issue 8, item 7): one options
 * object, checked, and variables the operation does not declare are refused rather than ignored.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { createApolloServer, executeQuery } from '../../src/api/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { memoryStore } from '../../src/store/index.js';
import { corpusGraph } from '../store/corpusFixture.js';
import { at, dataOf, type ResultJson } from './seed.js';

let graph: NewsGraph;
beforeAll(() => {
  graph = corpusGraph();
});

const BY_ID = 'query Named($id: ID!) { entity(id: $id) { id } }';

test('variables and the operation name go in the options, and are used', async () => {
  const result = (await executeQuery(graph, BY_ID, { variables: { id: 'ukraine' }, operationName: 'Named' })) as ResultJson;
  expect(at(dataOf(result), 'entity', 'id')).toBe('ukraine');
  const relations = (await executeQuery(graph, 'query ($p: [String!]) { relations(predicate: $p) { totalCount } }', { variables: { p: ['DENIED'] } })) as ResultJson;
  expect(at(dataOf(relations), 'relations', 'totalCount')).toBe(1);
});

test('variables passed where the options go are refused, naming the fix', async () => {
  const misuse = executeQuery(graph, BY_ID, { id: 'ukraine' } as never);
  await expect(misuse).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  await expect(misuse).rejects.toThrow(/unknown option "id".*variables/s);
});

test('a variable the operation does not declare is refused, with the declared ones', async () => {
  await expect(executeQuery(graph, BY_ID, { variables: { id: 'ukraine', idd: 'x' } })).rejects.toThrow(/"idd" is not declared.*\$id/);
  await expect(executeQuery(graph, '{ articles { id } }', { variables: { predicate: ['REJECTED'] } })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
});

test('the old positional form (variables, then the operation name) is refused, not half-applied', async () => {
  const old = (executeQuery as (...args: unknown[]) => Promise<unknown>)(graph, BY_ID, { variables: { id: 'ukraine' } }, 'Named');
  await expect(old).rejects.toThrow(/takes \(graph, query, options\)/);
});

test('a store is accepted where a graph is', async () => {
  const result = (await executeQuery(memoryStore(graph), BY_ID, { variables: { id: 'officials' } })) as ResultJson;
  expect(at(dataOf(result), 'entity', 'id')).toBe('officials');
});

test('the declared variables are remembered per document and operation: each is still checked on its own', async () => {
  const two = 'query A($id: ID!) { entity(id: $id) { id } } query B($first: Int) { entities(first: $first) { totalCount } }';
  for (let round = 0; round < 3; round++) {
    await expect(executeQuery(graph, two, { variables: { first: 1 }, operationName: 'A' })).rejects.toThrow(/"first" is not declared.*\$id/);
    await expect(executeQuery(graph, two, { variables: { id: 'ukraine' }, operationName: 'B' })).rejects.toThrow(/"id" is not declared.*\$first/);
    const a = (await executeQuery(graph, two, { variables: { id: 'ukraine' }, operationName: 'A' })) as ResultJson;
    expect(at(dataOf(a), 'entity', 'id')).toBe('ukraine');
    // A document that does not parse is left to the server, every time: a GraphQL error, not a throw.
    const broken = (await executeQuery(graph, '{ entity(id: ', { variables: { id: 'x' } })) as ResultJson;
    expect(broken.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
  }
});

test('each operation has its own execution budget: a spent one does not stop the next operation', async () => {
  const server = createApolloServer(graph, { limits: { maxResponseBytes: 300 } });
  const contextValue = {};
  const ask = async (query: string) => {
    const response = await server.executeOperation({ query }, { contextValue });
    return response.body.kind === 'single' ? response.body.singleResult : undefined;
  };
  try {
    const big = await ask('{ entities(first: 100) { edges { node { id name description } } } }');
    expect(big?.errors?.map((e) => e.extensions?.['code'])).toEqual(['RESPONSE_TOO_LARGE']);
    // The budget looked up last (a memo in executionBudget.ts) must not be the spent one.
    const small = await ask('{ entity(id: "ukraine") { id } }');
    expect(small?.errors).toBeUndefined();
    expect(at(small?.data, 'entity', 'id')).toBe('ukraine');
  } finally {
    await server.stop();
  }
});
