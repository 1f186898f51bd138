/** The index: built once per graph, complete, in a stable order, and never stale. */
import { beforeAll, expect, test } from '@jest/globals';
import { adjacentEntities, graphIndex, relationsTouching, timeKey, type NewsGraph } from '../../src/graph/index.js';
import { seedGraph } from '../api/seed.js';
import { addEntity, addRelation, sampleGraph } from '../utils/sampleGraph.js';

let seed: NewsGraph;
beforeAll(async () => {
  seed = await seedGraph();
});

test('built once per graph and cached', () => {
  expect(graphIndex(seed)).toBe(graphIndex(seed));
  expect(graphIndex(sampleGraph())).not.toBe(graphIndex(seed));
});

test('every relation is listed at both of its ends, by its predicate, and once overall', () => {
  const index = graphIndex(seed);
  expect(index.relations).toHaveLength(seed.size);
  expect(index.entities).toHaveLength(seed.order);
  seed.forEachEdge((id, relation, source, target) => {
    expect(relationsTouching(index, source)).toContain(relation);
    expect(relationsTouching(index, target)).toContain(relation);
    expect(index.byPredicate.get(relation.predicate)).toContain(relation);
    expect(index.relationPosition.get(id)).toBe(index.relations.indexOf(relation));
  });
  const byKindTotal = [...index.byKind.values()].reduce((n, list) => n + list.length, 0);
  expect(byKindTotal).toBe(seed.order);
});

test('a change to the graph drops the cached index', () => {
  const g = sampleGraph();
  const before = graphIndex(g);
  addEntity(g, { id: 'oslo', kind: 'PLACE', name: 'Oslo', properties: {} });
  const after = graphIndex(g);
  expect(after).not.toBe(before);
  expect(after.byName.get('oslo')?.map((e) => e.id)).toEqual(['oslo']);
  addRelation(g, { id: 'oslo--part-of--ukraine', predicate: 'PART_OF', subject: 'oslo', object: 'ukraine' });
  expect(adjacentEntities(g, 'oslo').map((e) => e.id)).toEqual(['ukraine']);
});

test('symmetric relations match either direction; directed ones only their own', () => {
  const g = sampleGraph();
  const met = (id: string, direction: 'IN' | 'OUT'): string[] =>
    adjacentEntities(g, id, { predicates: ['MET_WITH'], direction }).map((e) => e.id);
  expect(met('donald-trump', 'OUT')).toEqual(['jonas-gahr-store']);
  expect(met('jonas-gahr-store', 'OUT')).toEqual(['donald-trump']);
  expect(met('jonas-gahr-store', 'IN')).toEqual(['donald-trump']);
  const plans = adjacentEntities(g, 'jonas-gahr-store', { predicates: ['PLANS_TO_MEET'], direction: 'OUT' });
  expect(plans).toEqual([]);
});

test('the timeline sorts by the start of a time, or its end when the start is open', () => {
  expect(timeKey('2025-04-24')).toBe('2025-04-24');
  expect(timeKey('../2025-04-29')).toBe('2025-04-29');
  expect(timeKey('2024-06/2024-08')).toBe('2024-06');
  expect(timeKey('2024-06/..')).toBe('2024-06');
  expect(timeKey(undefined)).toBeUndefined();
  const timeline = graphIndex(seed).timeline;
  const keys = timeline.map((e) => timeKey(e.properties.time));
  const firstUndated = keys.indexOf(undefined);
  const dated = keys.slice(0, firstUndated < 0 ? keys.length : firstUndated);
  expect(dated).toEqual([...dated].sort());
  if (firstUndated >= 0) expect(keys.slice(firstUndated).every((k) => k === undefined)).toBe(true);
});
