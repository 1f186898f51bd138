/**
 * The limits checked before execution: depth, cost and aliases, each refused with a code that names it and
 * a message that states its value; ordinary questions (12 levels, with evidence and events) pass.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import { createApolloServer, DEFAULT_LIMITS, executeQuery, type QueryLimits } from '../../src/api/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { askInProcess, dataOf, seedGraph, type Ask, type ResultJson } from './seed.js';

let graph: NewsGraph;
let ask: Ask;
beforeAll(async () => {
  graph = await seedGraph();
  ask = askInProcess(createApolloServer(graph));
});

const withLimits = (limits: QueryLimits): Ask => askInProcess(createApolloServer(graph, { limits }));

/** A query exactly `levels` fields deep: entity → relations → subject → relations → … → id. */
function chain(levels: number): string {
  const containers = ['entity(id: "kyiv-attack")'];
  for (let i = 1; i < levels - 1; i++) containers.push(i % 2 === 1 ? 'relations(predicate: ["AGENT"])' : 'subject');
  return `{ ${containers.map((c) => `${c} {`).join(' ')} id ${'}'.repeat(containers.length)} }`;
}

function refusal(result: ResultJson): { code: unknown; limit: unknown; actual: unknown; message: string } {
  expect(result.data).toBeUndefined(); // refused before execution: nothing ran
  expect(result.errors).toHaveLength(1);
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, limit: error?.extensions?.['limit'], actual: error?.extensions?.['actual'], message: error?.message ?? '' };
}

test('the default limits admit an ordinary 12-level question with evidence and events', async () => {
  const question = `{ relations(predicate: ["REBUKED"], first: 5) { edges { node {
    event { ... on Event { agents { ... on Person { positions { of { ... on Government {
      members { relation { evidence { article { title } } } } } } } } } } } } } } }`;
  const result = await ask(question);
  dataOf(result);
  expect(DEFAULT_LIMITS.maxDepth).toBeGreaterThanOrEqual(12);
  dataOf(await withLimits({ maxCost: Number.MAX_SAFE_INTEGER })(chain(12)));
});

test('a query deeper than maxDepth is QUERY_TOO_DEEP, and the message states the limit', async () => {
  const loose = withLimits({ maxDepth: 6, maxCost: Number.MAX_SAFE_INTEGER });
  dataOf(await loose(chain(6)));
  const refused = refusal(await loose(chain(7)));
  expect(refused).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 6, actual: 7 });
  expect(refused.message).toContain('6 levels');
  const atDefault = withLimits({ maxCost: Number.MAX_SAFE_INTEGER });
  dataOf(await atDefault(chain(DEFAULT_LIMITS.maxDepth)));
  expect(refusal(await atDefault(chain(DEFAULT_LIMITS.maxDepth + 1))).code).toBe('QUERY_TOO_DEEP');
});

test('fragments count at the depth where they are spread; introspection is not counted', async () => {
  const loose = withLimits({ maxDepth: 4, maxCost: Number.MAX_SAFE_INTEGER });
  const viaFragment = `{ entity(id: "kyiv-attack") { ...R } } fragment R on Entity { relations { subject { relations { id } } } }`;
  expect(refusal(await loose(viaFragment))).toMatchObject({ code: 'QUERY_TOO_DEEP', actual: 5 });
  dataOf(await withLimits({ maxDepth: 3 })(getIntrospectionQuery()));
  dataOf(await ask(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true })));
});

test('a query over the cost limit is QUERY_TOO_COSTLY, priced with its variables', async () => {
  const nested = `query($n: Int) { entities(first: $n) { edges { node { relations { subject { relations { id predicate } } } } } } }`;
  const refused = refusal(await ask(nested, { n: 200 }));
  expect(refused).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: DEFAULT_LIMITS.maxCost });
  expect(Number(refused.actual)).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  expect(refused.message).toContain(String(DEFAULT_LIMITS.maxCost));
  dataOf(await ask(nested, { n: 1 }));
  // Nesting is what the limit is for: each level of `relations` multiplies by its `first` (default 50).
  const deep = refusal(await ask(`{ entity(id: "russia") { relations { subject { relations { object { relations { subject { relations { id } } } } } } } } }`));
  expect(deep.code).toBe('QUERY_TOO_COSTLY');
  // Priced from `first`, never from the data: the seed's one article still costs its default page of 100.
  const tight = refusal(await withLimits({ maxCost: 3 })(`{ articles { id title text } }`));
  expect(tight).toMatchObject({ code: "QUERY_TOO_COSTLY", limit: 3, actual: 1 + 100 * 3 });
  const sized = refusal(await withLimits({ maxCost: 3 })(`{ articles(first: 2) { id title text } }`));
  expect(sized).toMatchObject({ code: "QUERY_TOO_COSTLY", limit: 3, actual: 1 + 2 * 3 });
});

test('more aliases than maxAliases is TOO_MANY_ALIASES', async () => {
  const aliased = (n: number): string => `{ ${Array.from({ length: n }, (_, i) => `a${i}: entity(id: "russia") { id }`).join(' ')} }`;
  dataOf(await ask(aliased(DEFAULT_LIMITS.maxAliases)));
  const refused = refusal(await ask(aliased(DEFAULT_LIMITS.maxAliases + 1)));
  expect(refused).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: DEFAULT_LIMITS.maxAliases, actual: DEFAULT_LIMITS.maxAliases + 1 });
  expect(refused.message).toContain(`${DEFAULT_LIMITS.maxAliases} aliases`);
});

test('the limits apply in-process too (executeQuery), and are options', async () => {
  const result = await executeQuery(graph, chain(5), { limits: { maxDepth: 4 } });
  expect(result.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_DEEP');
  expect((await executeQuery(graph, chain(5))).errors).toBeUndefined();
  await expect(executeQuery(graph, '{ articles { id } }', { limits: { maxDepth: 0 } })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
});
