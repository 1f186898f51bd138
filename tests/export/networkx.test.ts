import { expect, test } from '@jest/globals';
import { toGexf } from '../../src/export/gexf.js';
import { toGraphml } from '../../src/export/graphml.js';
import { sampleGraph } from '../utils/sampleGraph.js';
import { missingNetworkx, readWithNetworkx } from './consumers.js';
import { LOSSLESS_EDGE_COLUMNS, LOSSLESS_NODE_COLUMNS } from './readers/index.js';

// NetworkX (Debian's, through /usr/bin/python3) reads our GEXF and GraphML as researchers would.
const networkx = missingNetworkx();

(networkx ? test.skip : test).each([
  ['gexf', toGexf],
  ['graphml', toGraphml],
] as const)('NetworkX reads the %s with the same numbers of nodes and edges, the attributes present', (format, write) => {
  const graph = sampleGraph();
  const read = readWithNetworkx(format, write(graph));
  expect(read.directed).toBe(true);
  expect(read.multigraph).toBe(true);
  expect(read.nodes).toBe(graph.order);
  expect(read.edges).toBe(graph.size);
  expect(read.nodeAttributes).toEqual(expect.arrayContaining(LOSSLESS_NODE_COLUMNS));
  expect(read.edgeAttributes).toEqual(expect.arrayContaining(LOSSLESS_EDGE_COLUMNS));
  expect(read.names['jonas-gahr-store']).toBe('Jonas Gahr Støre');
  for (const subject of ['russia', 'ukraine']) {
    expect(read.edgesById[`${subject}--not-endorsed--us-framework`]).toEqual({
      source: subject,
      target: 'us-framework',
      predicate: 'ENDORSED',
      negated: true,
    });
  }
  expect(read.fatalitiesMin['kyiv-attack']).toBe(12);
  // GEXF has no graph attributes; GraphML carries the articles (their text) as graph data.
  if (format === 'graphml') expect(read.graphAttributes).toContain('articles');
});
