import { expect, test } from '@jest/globals';
import { toCytoscapeJson } from '../../src/export/cytoscape.js';
import { sampleGraph } from '../utils/sampleGraph.js';
import { canonical } from './decode.js';
import { readCytoscape } from './readers/index.js';

test('cytoscape has the shape { elements: { nodes, edges } } with data.id, source, target, label', () => {
  const graph = sampleGraph();
  const { raw } = readCytoscape(toCytoscapeJson(graph));
  expect(raw.nodes).toHaveLength(graph.order);
  expect(raw.edges).toHaveLength(graph.size);
  for (const node of raw.nodes) {
    expect(Object.keys(node)).toEqual(['data']);
    expect(typeof node.data['id']).toBe('string');
    expect(typeof node.data['label']).toBe('string');
    expect(node.data).not.toHaveProperty('parent');
  }
  for (const edge of raw.edges) {
    expect(graph.source(String(edge.data['id']))).toBe(edge.data['source']);
    expect(graph.target(String(edge.data['id']))).toBe(edge.data['target']);
    expect(edge.data['label']).toBe(edge.data['predicate']);
  }
});

test('cytoscape data holds the attributes exactly', () => {
  const graph = sampleGraph();
  const { raw: _raw, ...read } = readCytoscape(toCytoscapeJson(graph));
  expect(read).toEqual(canonical(graph, false));
});
