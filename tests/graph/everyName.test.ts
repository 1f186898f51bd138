/**
 * A one- or two-character substring search reads the list of every name: it is made once per name index,
 * not once per search (at 20,000 names, 80 KB per keystroke).
 */
import { expect, test } from '@jest/globals';
import { graphIndex } from '../../src/graph/indices.js';
import { everyName, nameIndex } from '../../src/graph/nameIndex.js';
import { searchEntities } from '../../src/graph/search.js';
import { addEntity, emptyNewsGraph } from '../utils/sampleGraph.js';

test('the list of every name is 0..n-1, made once per index and kept', () => {
  const graph = emptyNewsGraph();
  for (const [id, name] of [['a', 'Anna Berg'], ['b', 'Tomas Lind'], ['c', 'Oslo']] as const) {
    addEntity(graph, { id, kind: 'PERSON', name, properties: {} });
  }
  const names = nameIndex(graphIndex(graph));
  const every = everyName(names);
  expect([...every]).toEqual(names.names.map((_, n) => n));
  expect(searchEntities(graph, 'nd').map((hit) => hit.entity.id)).toEqual(['b']);
  expect(searchEntities(graph, 'rg').map((hit) => hit.entity.id)).toEqual(['a']);
  expect(everyName(names)).toBe(every);
});
