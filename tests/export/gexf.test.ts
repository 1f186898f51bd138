import { expect, test } from '@jest/globals';
import { EDGE_COLUMNS, NODE_COLUMNS, PIECES_FROM_ITEMS } from '../../src/export/columns.js';
import { GexfModels, gexfLayout, gexfPieces, toGexf } from '../../src/export/gexf.js';
import { graphHead, NO_LOOKUPS, PIECE_CHARS } from '../../src/export/layout.js';
import { joinPieces } from '../../src/export/steps.js';
import { manyAnchorsGraph, sampleGraph } from '../utils/sampleGraph.js';
import { canonical } from './decode.js';
import { readGexf } from './readers/index.js';

/** The declared attributes of one class, id → type. */
function declared(gexf: string, cls: 'node' | 'edge'): Record<string, string> {
  const block = new RegExp(`<attributes class="${cls}">([\\s\\S]*?)</attributes>`).exec(gexf)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/<attribute id="([^"]+)" title="[^"]+" type="([^"]+)"/g)].map((m) => [m[1], m[2]]));
}

test('graphology-gexf parses it back into an equal graph (nodes, edges, attributes)', () => {
  const graph = sampleGraph();
  expect(readGexf(toGexf(graph))).toEqual(canonical(graph, false));
});

test('it is GEXF 1.3 with typed attribute declarations and no [object Object]', () => {
  const gexf = toGexf(sampleGraph());
  expect(gexf).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
  expect(gexf).not.toContain('[object Object]');
  const nodes = declared(gexf, 'node');
  const edges = declared(gexf, 'edge');
  expect(nodes).toMatchObject({ kind: 'string', name: 'string', aliases: 'string', evidence: 'string', fatalities_min: 'integer' });
  expect(edges).toMatchObject({ negated: 'boolean', symmetric: 'boolean', ordinal: 'integer', modality: 'string', evidence: 'string' });
  for (const name of Object.keys(nodes)) expect(NODE_COLUMNS.map((c) => c.name)).toContain(name);
  for (const name of Object.keys(edges)) expect(EDGE_COLUMNS.map((c) => c.name)).toContain(name);
});

test('negated relations are drawn dashed, kinds have colours', () => {
  const gexf = toGexf(sampleGraph());
  const negated = /<edge id="russia--not-endorsed--us-framework"[\s\S]*?<\/edge>/.exec(gexf)?.[0] ?? '';
  expect(negated).toContain('<viz:shape value="dashed"/>');
  expect(negated).toContain('<attvalue for="negated" value="true"/>');
  expect(gexf).toMatch(/<node id="donald-trump" label="Donald Trump">[\s\S]*?<viz:color r="\d+" g="\d+" b="\d+"\/>/);
});

test("an entity and a relation of many anchors are written in pieces, the same document as graphology-gexf's writer", () => {
  const graph = manyAnchorsGraph(PIECES_FROM_ITEMS + 300);
  const whole = toGexf(graph); // graphology-gexf, each element whole
  expect(joinPieces(gexfPieces(graph))).toBe(whole);
  // The head's element in pieces of about PIECE_CHARS.
  const models = new GexfModels();
  for (const node of graph.nodeEntries()) models.addNode(node);
  for (const edge of graph.edgeEntries()) models.addEdge(edge);
  const parts = gexfLayout(models)(graphHead(graph));
  for (const part of parts) {
    if (typeof part === 'string' || !('nodes' in part)) continue;
    const item = part.nodes.item({ node: 'head', attributes: graph.getNodeAttributes('head') }, 0, NO_LOOKUPS);
    const pieces = typeof item === 'string' ? [item] : [...item];
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece.length).toBeLessThan(PIECE_CHARS + 1_000);
    expect(whole).toContain(pieces.join(''));
    break;
  }
  expect(readGexf(whole)).toEqual(canonical(graph, false)); // GEXF carries no articles
});
