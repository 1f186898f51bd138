import { expect, test } from '@jest/globals';
import { toGraphml } from '../../src/export/graphml.js';
import { sampleGraph } from '../utils/sampleGraph.js';
import { canonical } from './decode.js';
import { readGraphml } from './readers/index.js';

test('graphology-graphml parses it back into an equal graph, articles included', () => {
  const graph = sampleGraph();
  expect(readGraphml(toGraphml(graph))).toEqual(canonical(graph));
});

test('every attribute has a typed <key>', () => {
  const graphml = toGraphml(sampleGraph());
  const keys = [...graphml.matchAll(/<key id="([^"]+)" for="(\w+)" attr\.name="([^"]+)" attr\.type="(\w+)">/g)].map((m) => ({
    id: m[1],
    for: m[2],
    name: m[3],
    type: m[4],
  }));
  expect(keys).toEqual(
    expect.arrayContaining([
      { id: 'g_articles', for: 'graph', name: 'articles', type: 'string' },
      { id: 'n_fatalities_min', for: 'node', name: 'fatalities_min', type: 'int' },
      { id: 'e_negated', for: 'edge', name: 'negated', type: 'boolean' },
      { id: 'e_ordinal', for: 'edge', name: 'ordinal', type: 'int' },
    ]),
  );
  const used = new Set([...graphml.matchAll(/<data key="([^"]+)">/g)].map((m) => m[1]));
  for (const id of used) expect(keys.map((k) => k.id)).toContain(id);
});
