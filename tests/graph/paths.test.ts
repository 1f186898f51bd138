/** Shortest paths: either direction, never through a negated or background relation. */
import { expect, test } from '@jest/globals';
import { NewsgraphError } from '../../src/errors.js';
import { shortestPath } from '../../src/graph/index.js';
import { addEntity, addRelation, sampleGraph } from '../utils/sampleGraph.js';

const predicates = (path: ReturnType<typeof shortestPath>): string[] | null => path?.map((r) => r.predicate) ?? null;

test('follows relations in either direction and returns them in order from `from`', () => {
  const g = sampleGraph();
  // Støre ←PLANS_TO_MEET/MET_WITH— Trump —PREFERS→ crimea-condition —PART_OF→ us-framework: three hops,
  // against the direction of the first relation.
  const path = shortestPath(g, 'jonas-gahr-store', 'us-framework');
  expect(predicates(path)).toEqual(['PLANS_TO_MEET', 'PREFERS', 'PART_OF']);
  const ends = path?.map((r) => [r.subject, r.object]) ?? [];
  let at = 'jonas-gahr-store';
  for (const [subject, object] of ends) {
    expect([subject, object]).toContain(at);
    at = subject === at ? (object ?? '') : (subject ?? '');
  }
  expect(at).toBe('us-framework');
  expect(shortestPath(g, 'jonas-gahr-store', 'us-framework', { maxHops: 2 })).toBeNull();
});

test('[] from an entity to itself; null when nothing connects them within maxHops', () => {
  const g = sampleGraph();
  expect(shortestPath(g, 'russia', 'russia')).toEqual([]);
  expect(shortestPath(g, 'russia', 'kyiv', { maxHops: 1 })?.map((r) => r.id)).toEqual(['russia--attacked--kyiv']);
  addEntity(g, { id: 'island', kind: 'PLACE', name: 'Island', properties: {} });
  expect(shortestPath(g, 'russia', 'island')).toBeNull();
  expect(shortestPath(g, 'russia', 'ukraine', { maxHops: 0 })).toBeNull();
});

test('a negated relation is not followed, though it is in the graph', () => {
  const g = sampleGraph();
  // Russia's side of the sample (the attack on Kyiv) meets the rest only through "has not endorsed".
  expect(shortestPath(g, 'russia', 'us-framework', { maxHops: 10 })).toBeNull();
  expect(shortestPath(g, 'kyiv', 'donald-trump', { maxHops: 10 })).toBeNull();
  addEntity(g, { id: 'a', kind: 'GOVERNMENT', name: 'A', properties: {} });
  addEntity(g, { id: 'p', kind: 'PROPOSAL', name: 'P', properties: {} });
  addRelation(g, { id: 'a--not-endorsed--p', predicate: 'ENDORSED', subject: 'a', object: 'p', negated: true });
  expect(shortestPath(g, 'a', 'p')).toBeNull();
  addRelation(g, { id: 'a--backs--p', predicate: 'BACKS', subject: 'a', object: 'p' });
  expect(predicates(shortestPath(g, 'a', 'p'))).toEqual(['BACKS']);
});

test('a background relation is not followed', () => {
  const g = sampleGraph();
  // Truth Social hangs off Trump only by a background OWNS relation.
  expect(shortestPath(g, 'donald-trump', 'truth-social')).toBeNull();
  addRelation(g, { id: 'x', predicate: 'OWNS', subject: 'donald-trump', object: 'truth-social' });
  expect(predicates(shortestPath(g, 'truth-social', 'donald-trump'))).toEqual(['OWNS']);
});

test('unknown ids are NOT_FOUND; a negative maxHops is BAD_USER_INPUT', () => {
  const g = sampleGraph();
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (error) {
      return error instanceof NewsgraphError ? error.code : 'other';
    }
    return undefined;
  };
  expect(code(() => shortestPath(g, 'nobody', 'russia'))).toBe('NOT_FOUND');
  expect(code(() => shortestPath(g, 'russia', 'nobody'))).toBe('NOT_FOUND');
  expect(code(() => shortestPath(g, 'russia', 'ukraine', { maxHops: -1 }))).toBe('BAD_USER_INPUT');
});
