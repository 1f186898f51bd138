import { expect, test } from '@jest/globals';
import { MultiDirectedGraph } from 'graphology';
import { toGraphologyJson } from '../../src/export/json.js';
import type { EntityAttributes, GraphAttributes, RelationAttributes, NewsGraph } from '../../src/graph/types.js';
import { sampleGraph } from '../utils/sampleGraph.js';
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
