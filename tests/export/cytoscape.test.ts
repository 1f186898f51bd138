import { expect, test } from '@jest/globals';
import { PIECES_FROM_ITEMS } from '../../src/export/columns.js';
import { cytoscapeJsonPieces, toCytoscapeJson } from '../../src/export/cytoscape.js';
import { PIECE_CHARS } from '../../src/export/layout.js';
import { SEED_DATA } from '../utils/fixtures.js';
import { manyAnchorsGraph, sampleGraph } from '../utils/sampleGraph.js';
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

test('Cytoscape.js itself loads the export of the seed graph, negations and evidence intact', async () => {
  const { default: cytoscape } = await import('cytoscape');
  const { buildGraph } = await import('../../src/build/index.js');
  const seed = await buildGraph(SEED_DATA);
  const cy = cytoscape({ headless: true, styleEnabled: false, ...JSON.parse(toCytoscapeJson(seed)) });
  expect(cy.nodes()).toHaveLength(seed.order);
  expect(cy.edges()).toHaveLength(seed.size);
  const notEndorsed = cy.edges('[predicate = "ENDORSED"][?negated]').map((e) => e.source().id()).sort();
  expect(notEndorsed).toEqual(['russia', 'ukraine']);
  const rejected = cy.edges('[predicate = "REJECTED"]');
  expect(rejected.map((e) => [e.source().id(), e.target().id()])).toEqual([['ukraine', 'crimea-condition']]);
  expect(rejected[0]?.data('evidence')[0].exact).toBe('a condition Ukraine has rejected');
  // A traversal in Cytoscape.js: Ukraine's neighbourhood holds the condition it rejected.
  expect(cy.getElementById('ukraine').neighborhood('node').map((n) => n.id())).toContain('crimea-condition');
});

test("an entity and a relation of many anchors are written in pieces, JSON.stringify's text", () => {
  const graph = manyAnchorsGraph(PIECES_FROM_ITEMS + 300);
  const pieces = [...cytoscapeJsonPieces(graph)];
  expect(pieces.join('')).toBe(toCytoscapeJson(graph)); // JSON.stringify of the elements, whole
  expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(PIECE_CHARS + 1_000);
});
