/**
 * The exports of the real graph, built from the seed article (tests/fixtures/seed): every format reads back
 * whole, NetworkX and Graphviz read it, and a neighbourhood exports in every format.
 */
import { describe, expect, test } from '@jest/globals';
import { MultiDirectedGraph } from 'graphology';
import { buildGraph } from '../../src/build/index.js';
import { toNeo4jCsv, CSV_IMPORT_SCRIPT } from '../../src/export/csv.js';
import { toCypher } from '../../src/export/cypher.js';
import { toCytoscapeJson } from '../../src/export/cytoscape.js';
import { toDot } from '../../src/export/dot.js';
import { toGexf } from '../../src/export/gexf.js';
import { toGraphml } from '../../src/export/graphml.js';
import { EXPORT_FORMATS } from '../../src/export/index.js';
import { toGraphologyJson } from '../../src/export/json.js';
import { selectSubgraph } from '../../src/export/subgraph.js';
import type { EntityAttributes, GraphAttributes, NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import { SEED_DATA } from '../utils/fixtures.js';
import { canonical, withoutEmptyOptionalStrings } from './decode.js';
import { missingGraphviz, missingNetworkx, readWithGraphviz, readWithNetworkx } from './consumers.js';
import { LOSSLESS_EDGE_COLUMNS, LOSSLESS_NODE_COLUMNS, exportedIds, readCsv, readCypher, readCytoscape, readGexf, readGraphml, scriptDelimiter } from './readers/index.js';

const graph: NewsGraph = await buildGraph(SEED_DATA);
const whole = canonical(graph);
const withoutGraph = canonical(graph, false);

test('the seed graph is there, with negated relations and evidence', () => {
  expect(graph.order).toBeGreaterThan(20);
  expect(graph.size).toBeGreaterThan(20);
  expect(graph.someEdge((_k, r) => r.negated)).toBe(true);
  expect(graph.everyEdge((_k, r) => r.evidence.length > 0)).toBe(true);
});

describe('reads back into an equal graph', () => {
  test('json', () => {
    const loaded = MultiDirectedGraph.from<EntityAttributes, RelationAttributes, GraphAttributes>(
      JSON.parse(toGraphologyJson(graph)) as ReturnType<NewsGraph['export']>,
    );
    expect(canonical(loaded)).toEqual(whole);
  });
  test('gexf', () => expect(readGexf(toGexf(graph))).toEqual(withoutEmptyOptionalStrings(withoutGraph)));
  test('graphml', () => expect(readGraphml(toGraphml(graph))).toEqual(whole));
  test('cytoscape', () => {
    const { raw: _raw, ...read } = readCytoscape(toCytoscapeJson(graph));
    expect(read).toEqual(withoutGraph);
  });
  test('csv', () => {
    const files = toNeo4jCsv(graph);
    expect(readCsv(files, scriptDelimiter(files[CSV_IMPORT_SCRIPT] ?? ''))).toEqual(withoutGraph);
  });
  test('cypher', () => expect(readCypher(toCypher(graph))).toEqual(withoutGraph));
});

(missingNetworkx() ? test.skip : test)('NetworkX reads the GEXF and the GraphML: same counts, attributes present', () => {
  for (const format of ['gexf', 'graphml'] as const) {
    const read = readWithNetworkx(format, format === 'gexf' ? toGexf(graph) : toGraphml(graph));
    expect([read.nodes, read.edges]).toEqual([graph.order, graph.size]);
    expect(read.nodeAttributes).toEqual(expect.arrayContaining(LOSSLESS_NODE_COLUMNS.filter((c) => c !== 'description' && c !== 'wikidata')));
    expect(read.edgeAttributes).toEqual(expect.arrayContaining(LOSSLESS_EDGE_COLUMNS.filter((c) => c !== 'attributedTo' && c !== 'time' && c !== 'event')));
    const negated = graph.filterEdges((_k, r) => r.negated);
    for (const id of negated) expect(read.edgesById[id]?.negated).toBe(true);
  }
});

(missingGraphviz() ? test.skip : test)('Graphviz lays out the DOT with every entity and relation', () => {
  const read = readWithGraphviz(toDot(graph));
  expect(read.objects).toHaveLength(graph.order);
  expect(read.edges).toHaveLength(graph.size);
  expect((read.edges ?? []).filter((e) => e.style === 'dashed')).toHaveLength(graph.filterEdges((_k, r) => r.negated).length);
});

// gdelt is an event table (CAMEO-coded relations only), not a graph: tests/export/gdelt.test.ts reads it.
test.each(EXPORT_FORMATS.filter((f) => f !== 'gdelt'))("%s: Donald Trump's neighbourhood (depth 1, two predicates) exports exactly it", (format) => {
  const options = { focus: 'donald-trump', depth: 1, predicates: ['MET_WITH', 'PLANS_TO_MEET'] };
  const sub = selectSubgraph(graph, options);
  expect(sub.order).toBeGreaterThan(1);
  const { nodes, edges } = exportedIds(graph, format, options);
  if (format === 'dot' && missingGraphviz()) return;
  // RDF also names the entities its statements refer to (attributedTo, event).
  if (format === 'turtle' || format === 'ntriples' || format === 'jsonld') expect(nodes).toEqual(expect.arrayContaining(sub.nodes()));
  else expect(nodes.sort()).toEqual(sub.nodes().sort());
  if (format === 'dot') expect(edges).toHaveLength(sub.size);
  else expect(edges.sort()).toEqual(sub.edges().sort());
});
