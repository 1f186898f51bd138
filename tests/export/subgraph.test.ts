import { describe, expect, test } from '@jest/globals';
import { NewsgraphError } from '../../src/errors.js';
import { EXPORT_FORMATS, type ExportOptions } from '../../src/export/index.js';
import { selectSubgraph } from '../../src/export/subgraph.js';
import { sampleGraph } from '../utils/sampleGraph.js';
import { corpusGraph } from '../store/corpusFixture.js';
import { missingGraphviz } from './consumers.js';
import { exportedIds } from './readers/index.js';

const graph = sampleGraph();

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof NewsgraphError ? error.code : `not a NewsgraphError: ${String(error)}`;
  }
  return undefined;
}

describe('selectSubgraph', () => {
  test('focus and depth: the entities within N hops either way, and the relations among them', () => {
    const sub = selectSubgraph(graph, { focus: 'russia', depth: 1 });
    expect(sub.nodes().sort()).toEqual(['kyiv', 'kyiv-attack', 'russia', 'us-framework']);
    // Induced: kyiv-attack → kyiv joins two neighbours of russia.
    expect(sub.edges().sort()).toEqual(
      ['kyiv-attack--agent--russia', 'kyiv-attack--target--kyiv', 'russia--attacked--kyiv', 'russia--not-endorsed--us-framework'].sort(),
    );
    expect(sub.getAttributes()).toEqual(graph.getAttributes());
    expect(sub.getNodeAttributes('russia')).toEqual(graph.getNodeAttributes('russia'));
  });

  test('depth defaults to 1; depth 0 is the focus alone; depth 2 reaches further', () => {
    expect(selectSubgraph(graph, { focus: 'russia' }).order).toBe(4);
    const alone = selectSubgraph(graph, { focus: 'russia', depth: 0 });
    expect(alone.nodes()).toEqual(['russia']);
    expect(alone.size).toBe(0);
    expect(selectSubgraph(graph, { focus: 'russia', depth: 2 }).nodes()).toEqual(expect.arrayContaining(['ukraine', 'crimea-condition']));
  });

  test('predicates alone keep those relations and the entities they touch', () => {
    const sub = selectSubgraph(graph, { predicates: ['ENDORSED'] });
    expect(sub.nodes().sort()).toEqual(['russia', 'ukraine', 'us-framework']);
    expect(sub.size).toBe(2);
    expect(sub.everyEdge((_k, r) => r.predicate === 'ENDORSED' && r.negated)).toBe(true);
  });

  test('focus with predicates hops only along those predicates (names are case-insensitive)', () => {
    const sub = selectSubgraph(graph, { focus: 'donald-trump', depth: 3, predicates: ['met_with', 'Plans_To_Meet'] });
    expect(sub.nodes().sort()).toEqual(['donald-trump', 'jonas-gahr-store']);
    expect(sub.edges().sort()).toEqual(['donald-trump--met-with--jonas-gahr-store', 'donald-trump--plans-to-meet--jonas-gahr-store']);
    expect(selectSubgraph(graph, { focus: 'kyiv', predicates: ['REJECTED'] }).nodes()).toEqual(['kyiv']);
    expect(selectSubgraph(graph, { predicates: ['rejected, endorsed'] }).edges().sort()).toEqual(
      selectSubgraph(graph, { predicates: ['REJECTED', 'ENDORSED'] }).edges().sort(),
    );
  });

  test('a selection keeps the articles its relations quote, in graph order; the whole graph keeps all', () => {
    const corpus = corpusGraph();
    const ids = (g: typeof corpus): string[] => g.getAttribute('articles').map((a) => a.id);
    // An entity alone: its mentions keep their quotes, no article is carried.
    expect(ids(selectSubgraph(corpus, { focus: 'officials', depth: 0 }))).toEqual([]);
    // Not the undated note that names Putin, nor the sample article that reported the meeting planned: no selected relation quotes them.
    expect(ids(selectSubgraph(corpus, { focus: 'steve-witkoff' }))).toEqual(['follow-up']);
    expect(ids(selectSubgraph(corpus, { predicates: ['DENIED'] }))).toEqual(['later']);
    // One relation quoted by two articles, in graph order (not publication order).
    expect(ids(selectSubgraph(corpus, { ids: ['ukraine', 'crimea-condition'] }))).toEqual(['follow-up', 'sample-article']);
    expect(ids(selectSubgraph(corpus, {}))).toEqual(ids(corpus));
    // The records are the graph's own, text and sentence spans included.
    expect(selectSubgraph(corpus, { predicates: ['DENIED'] }).getAttribute('articles')[0]).toBe(corpus.getAttribute('articles')[1]);
  });

  test('nothing selected is the graph itself', () => {
    expect(selectSubgraph(graph, {})).toBe(graph);
    expect(selectSubgraph(graph, { predicates: [] })).toBe(graph);
    expect(selectSubgraph(graph, { predicates: [' , '] })).toBe(graph);
  });

  test('errors carry codes, and a did-you-mean for near names', () => {
    expect(codeOf(() => selectSubgraph(graph, { focus: 'donald-trum' }))).toBe('NOT_FOUND');
    expect(() => selectSubgraph(graph, { focus: 'donald-trum' })).toThrow(/donald-trump/);
    expect(codeOf(() => selectSubgraph(graph, { predicates: ['REJECT'] }))).toBe('BAD_USER_INPUT');
    expect(() => selectSubgraph(graph, { predicates: ['REJECT'] })).toThrow(/REJECTED/);
    expect(codeOf(() => selectSubgraph(graph, { depth: 2 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => selectSubgraph(graph, { focus: 'russia', depth: -1 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => selectSubgraph(graph, { focus: 'russia', depth: 1.5 }))).toBe('BAD_USER_INPUT');
  });
});

describe('every format exports the selection', () => {
  const options: ExportOptions = { focus: 'russia', depth: 1, predicates: ['ENDORSED', 'ATTACKED', 'AGENT'] };
  const expected = selectSubgraph(graph, options);
  const expectedNodes = expected.nodes().sort();
  const expectedEdges = expected.edges().sort();

  // gdelt is an event table (CAMEO-coded relations only), not a graph: tests/export/gdelt.test.ts reads it.
  test.each(EXPORT_FORMATS.filter((f) => f !== 'dot' && f !== 'gdelt'))('%s', (format) => {
    const { nodes, edges } = exportedIds(graph, format, options);
    // RDF names entities it refers to (attributedTo, event): at least the selection, and every relation exactly.
    if (format === 'turtle' || format === 'ntriples' || format === 'jsonld') expect(nodes).toEqual(expect.arrayContaining(expectedNodes));
    else expect(nodes.sort()).toEqual(expectedNodes);
    expect(edges.sort()).toEqual(expectedEdges);
  });

  (missingGraphviz() ? test.skip : test)('dot', () => {
    const { nodes, edges } = exportedIds(graph, 'dot', options);
    expect(nodes.sort()).toEqual(expectedNodes);
    expect(edges).toHaveLength(expectedEdges.length);
  });
});
