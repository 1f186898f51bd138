import { describe, expect, test } from '@jest/globals';
import { toGraphml } from '../../src/export/graphml.js';
import { sampleGraph } from '../utils/sampleGraph.js';
import { canonical } from './decode.js';
import { missingNetworkx, readWithNetworkx } from './consumers.js';
import { LOSSLESS_EDGE_COLUMNS, LOSSLESS_NODE_COLUMNS, readGraphml } from './readers/index.js';

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

const networkx = missingNetworkx();
describe('NetworkX', () => {
  (networkx ? test.skip : test)('reads the same numbers of nodes and edges, with the attributes present', () => {
    const graph = sampleGraph();
    const read = readWithNetworkx('graphml', toGraphml(graph));
    expect(read.directed).toBe(true);
    expect(read.nodes).toBe(graph.order);
    expect(read.edges).toBe(graph.size);
    expect(read.nodeAttributes).toEqual(expect.arrayContaining(LOSSLESS_NODE_COLUMNS));
    expect(read.edgeAttributes).toEqual(expect.arrayContaining(LOSSLESS_EDGE_COLUMNS));
    expect(read.graphAttributes).toContain('articles');
    expect(read.names['jonas-gahr-store']).toBe('Jonas Gahr Støre');
    expect(read.edgesById['ukraine--not-endorsed--us-framework']).toEqual({
      source: 'ukraine',
      target: 'us-framework',
      predicate: 'ENDORSED',
      negated: true,
    });
    expect(read.fatalitiesMin['kyiv-attack']).toBe(12);
  });
});
