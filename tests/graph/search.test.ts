/** Ranked name search on the seed article's graph and on a graph built in code. */
import { beforeAll, expect, test } from '@jest/globals';
import { searchEntities, type NewsGraph } from '../../src/graph/index.js';
import { seedGraph } from '../api/seed.js';
import { addEntity, sampleGraph } from '../utils/sampleGraph.js';

let seed: NewsGraph;
beforeAll(async () => {
  seed = await seedGraph();
});

const ids = (graph: NewsGraph, text: string, kind?: 'PLACE' | 'GOVERNMENT' | 'PERSON'): string[] =>
  searchEntities(graph, text, { kind }).map((hit) => hit.entity.id);

test('"Støre", "Store", "gahr store" and "JONAS" find the same person first', () => {
  for (const text of ['Støre', 'Store', 'gahr store', 'JONAS', 'Jonas Gahr Støre', 'støre gahr']) {
    expect(ids(seed, text)[0]).toBe('jonas-gahr-store');
  }
});

test('the tiers rank exact name, then exact alias, then all words as prefixes, then substring', () => {
  const g = sampleGraph();
  addEntity(g, { id: 'kyiv-metro', kind: 'PLACE', name: 'Kyiv Metro', properties: {} });
  addEntity(g, { id: 'greater-kyivshchyna', kind: 'PLACE', name: 'Greater Kyivshchyna', properties: {} });
  const hits = searchEntities(g, 'kyiv');
  expect(hits.map((h) => [h.entity.id, h.match])).toEqual([
    ['kyiv', 'name'],
    ['ukraine', 'alias'],
    ['kyiv-metro', 'prefix'],
    ['kyiv-attack', 'prefix'], // "the attack on kyiv": within a tier, the shorter name first
    ['greater-kyivshchyna', 'prefix'],
  ]);
  expect(searchEntities(g, 'yiv').map((h) => h.match)).toEqual(['substring', 'substring', 'substring', 'substring', 'substring']);
  expect(searchEntities(g, 'metro ky')[0]?.entity.id).toBe('kyiv-metro');
});

test('the kind filter tells a metonym from the place, and the limit cuts the list', () => {
  expect(ids(seed, 'Kyiv', 'PLACE')[0]).toBe('kyiv');
  expect(ids(seed, 'Kyiv', 'GOVERNMENT')[0]).toBe('ukraine');
  expect(ids(seed, 'Moscow')[0]).toBe('russia');
  expect(ids(seed, 'White House', 'PLACE')).toEqual(['white-house']);
  expect(searchEntities(seed, 'a', { limit: 3 })).toHaveLength(3);
  expect(searchEntities(seed, 'a', { limit: 0 })).toEqual([]);
});

test('a query with nothing left after folding, or matching nothing, finds nothing', () => {
  expect(searchEntities(seed, '  ,. ')).toEqual([]);
  expect(searchEntities(seed, 'zzzz-no-such-name')).toEqual([]);
});

test('each entity is listed once, at its best tier', () => {
  const hits = searchEntities(seed, 'trump', { limit: 100 });
  const seen = hits.map((h) => h.entity.id);
  expect(new Set(seen).size).toBe(seen.length);
  expect(hits[0]?.entity.id).toBe('donald-trump');
  expect(hits[0]?.match).toBe('alias');
});
