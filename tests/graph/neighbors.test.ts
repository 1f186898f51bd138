/** Neighbourhoods: rings by distance, the relations that reach each entity, the predicate filter. */
import { expect, test } from '@jest/globals';
import { NewsgraphError } from '../../src/errors.js';
import { neighborhood } from '../../src/graph/index.js';
import { sampleGraph } from '../utils/sampleGraph.js';

test('depth 1 is the direct neighbours; depth 2 adds the next ring', () => {
  const g = sampleGraph();
  const one = neighborhood(g, 'kyiv-attack');
  expect(one.neighbors.map((n) => [n.id, n.distance])).toEqual([
    ['russia', 1],
    ['kyiv', 1],
  ]);
  expect(one.relations.map((r) => r.id)).toEqual(['kyiv-attack--agent--russia', 'kyiv-attack--target--kyiv']);
  const two = neighborhood(g, 'kyiv-attack', { depth: 2 });
  expect(two.neighbors.filter((n) => n.distance === 2).map((n) => n.id)).toEqual(['us-framework']);
  // The ATTACKED projection joins two entities of ring 1: part of the subgraph, reaching nobody new.
  expect(two.relations.map((r) => r.id)).toContain('russia--attacked--kyiv');
  expect(neighborhood(g, 'kyiv-attack', { depth: 0 }).neighbors).toEqual([]);
});

test('negated relations are followed unless includeNegated is false; predicates filter', () => {
  const g = sampleGraph();
  expect(neighborhood(g, 'russia').neighbors.map((n) => n.id)).toContain('us-framework');
  expect(neighborhood(g, 'russia', { includeNegated: false }).neighbors.map((n) => n.id)).not.toContain('us-framework');
  expect(neighborhood(g, 'russia', { predicates: ['ATTACKED'] }).neighbors.map((n) => n.id)).toEqual(['kyiv']);
  expect(neighborhood(g, 'kyiv', { predicates: ['ATTACKED'], direction: 'OUT' }).neighbors).toEqual([]);
});

test('each neighbour lists every relation that reaches it from the ring before', () => {
  const g = sampleGraph();
  const store = neighborhood(g, 'jonas-gahr-store').neighbors.find((n) => n.id === 'donald-trump');
  expect(store?.via.map((r) => r.predicate).sort()).toEqual(['MET_WITH', 'PLANS_TO_MEET']);
});

test('an unknown id is NOT_FOUND and a negative depth BAD_USER_INPUT', () => {
  const g = sampleGraph();
  expect(() => neighborhood(g, 'nobody')).toThrow(NewsgraphError);
  try {
    neighborhood(g, 'russia', { depth: -1 });
  } catch (error) {
    expect(error instanceof NewsgraphError && error.code).toBe('BAD_USER_INPUT');
  }
  expect.assertions(2);
});
