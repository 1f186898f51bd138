import { expect, test } from '@jest/globals';
import { MultiDirectedGraph } from 'graphology';
import { PIECES_FROM_ITEMS } from '../../src/export/columns.js';
import { graphologyJsonPieces, toGraphologyJson } from '../../src/export/json.js';
import { PIECE_CHARS } from '../../src/export/layout.js';
import type { EntityAttributes, GraphAttributes, RelationAttributes, NewsGraph } from '../../src/graph/types.js';
import { manyAnchorsGraph, sampleGraph } from '../utils/sampleGraph.js';
import { canonical } from './decode.js';

function load(text: string): NewsGraph {
  const data = JSON.parse(text) as ReturnType<NewsGraph['export']>;
  return MultiDirectedGraph.from<EntityAttributes, RelationAttributes, GraphAttributes>(data) as NewsGraph;
}

test('json loads back into an equal graph, graph attributes included', () => {
  const graph = sampleGraph();
  const loaded = load(toGraphologyJson(graph));
  expect(canonical(loaded)).toEqual(canonical(graph));
  expect(loaded.type).toBe('directed');
  expect(loaded.multi).toBe(true);
});

test("json is graphology's serialization: options, attributes, nodes and edges with keys", () => {
  const data = JSON.parse(toGraphologyJson(sampleGraph())) as Record<string, unknown>;
  expect(Object.keys(data).sort()).toEqual(['attributes', 'edges', 'nodes', 'options']);
  expect(data['options']).toMatchObject({ type: 'directed', multi: true });
});

test("an entity and a relation of many anchors are written in pieces, JSON.stringify's text", () => {
  const graph = manyAnchorsGraph(PIECES_FROM_ITEMS + 300);
  const pieces = [...graphologyJsonPieces(graph)];
  expect(pieces.join('')).toBe(toGraphologyJson(graph)); // JSON.stringify(graph.export(), null, 2), whole
  expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(PIECE_CHARS + 1_000);
});
