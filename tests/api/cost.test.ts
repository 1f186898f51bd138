/**
 * The cost estimate is priced from `first`/`limit` (or the field's default), never from the data: the same
 * question costs the same on the seed article and on a bigger corpus, the playground's questions are never
 * refused, an ordinary two-level traversal passes with its defaults, and a deliberately huge one does not.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { parse } from 'graphql';
import { createApolloServer, createSchema, DEFAULT_LIMITS, estimateCost } from '../../src/api/index.js';
import { PLAYGROUND_EXAMPLES } from '../../src/api/examples.js';
import { DEFAULT_FIRST, fixedListSizes } from '../../src/api/listSizes.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { corpusGraph } from '../store/corpusFixture.js';
import { addEntity, addRelation, sampleGraph } from '../utils/sampleGraph.js';
import { askInProcess, codesOf, dataOf, seedGraph } from './seed.js';

let seed: NewsGraph;
let hub: NewsGraph;
beforeAll(async () => {
  seed = await seedGraph();
  // A graph with a hub of 1,000 relations: a data-derived price would grow with it.
  hub = sampleGraph();
  for (let i = 0; i < 1000; i++) {
    addEntity(hub, { id: `p${i}`, kind: 'PERSON', name: `Person ${i}`, properties: {} });
    addRelation(hub, { id: `r${i}`, predicate: 'MET_WITH', subject: 'donald-trump', object: `p${i}`, symmetric: true });
  }
});

const cost = (graph: NewsGraph, query: string, variables?: Record<string, unknown>, operationName?: string): number =>
  estimateCost(createSchema(graph), parse(query), operationName, variables, DEFAULT_LIMITS.defaultListSize, fixedListSizes);

test('a list is priced from its first, else its default, whatever the data holds', () => {
  const sized = '{ entity(id: "donald-trump") { relations(first: 7) { id predicate } } }';
  expect(cost(seed, sized)).toBe(1 + 1 + 7 * 2);
  const unsized = '{ entity(id: "donald-trump") { relations { id } } }';
  expect(cost(seed, unsized)).toBe(1 + 1 + DEFAULT_FIRST.relations);
  expect(cost(hub, unsized)).toBe(cost(seed, unsized));
  expect(cost(corpusGraph(), unsized)).toBe(cost(seed, unsized));
  const withVariable = 'query ($n: Int) { entity(id: "x") { ... on Person { metWith(first: $n) { id name } } } }';
  expect(cost(seed, withVariable, { n: 3 })).toBe(1 + 1 + 3 * 2);
  expect(cost(seed, withVariable, {})).toBe(1 + 1 + DEFAULT_FIRST.typed * 2);
  // `first: null` is answered with the default, so it is priced at the default.
  expect(cost(seed, '{ articles(first: null) { id } }')).toBe(1 + DEFAULT_FIRST.list);
});

test('every playground question is accepted, at the same price on any graph', async () => {
  for (const example of PLAYGROUND_EXAMPLES) {
    const price = cost(seed, example.query, example.variables, example.operationName);
    expect([example.operationName, price <= DEFAULT_LIMITS.maxCost]).toEqual([example.operationName, true]);
    expect(cost(hub, example.query, example.variables, example.operationName)).toBe(price);
  }
});

test('a two-level relations traversal passes with its defaults; a deliberately huge one is refused', async () => {
  const ask = askInProcess(createApolloServer(hub));
  dataOf(await ask('{ entity(id: "donald-trump") { relations { predicate object { name relations { predicate object { name } } } } } }'));
  const huge = `{ entities(first: 200) { edges { node { relations(first: 200) { object { relations(first: 200) { id } } } } } } }`;
  expect(codesOf(await ask(huge))).toEqual(['QUERY_TOO_COSTLY']);
  expect(cost(seed, huge)).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
});
