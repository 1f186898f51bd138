/**
 * Every format as pieces (src/export/pieces.ts, what the server builds a slice at a time) gives exportGraph's text
 * byte for byte: whole, focused, filtered, a list of ids, another base IRI, and a graph whose names and ids hold
 * what the formats must escape. json, cytoscape and gexf are written by pieces independently of the whole
 * (graph.export(), JSON.stringify, graphology-gexf), so these comparisons are between two writers.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { buildGraph } from '../../src/build/index.js';
import { EXPORT_FORMATS, exportGraph, type ExportFormat, type ExportOptions } from '../../src/export/index.js';
import { exportGraphPieces } from '../../src/export/pieces.js';
import { PAUSE, joinPieces } from '../../src/export/steps.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { generatedCorpus } from '../serving/corpus.js';
import { seedGraph } from '../api/seed.js';

let seed: NewsGraph;
let corpus: NewsGraph;
let odd: NewsGraph;

/** Names, ids and values the writers must escape or treat specially. */
const ODD_TEXTS = ['', ' \t ', '"quoted"', "it's", 'a & b < c > d', 'line\nbreak\r\n', 'tab\there', 'Крим 😀', '\\back\\slash', '{"json": [1]}', '\u0000\u0001\u{fffe}'];

beforeAll(async () => {
  seed = await seedGraph();
  corpus = await buildGraph(generatedCorpus(40, 'pieces'));
  odd = corpus.copy() as NewsGraph;
  let i = 0;
  odd.forEachNode((key, entity) => {
    const text = ODD_TEXTS[i++ % ODD_TEXTS.length] ?? '';
    odd.mergeNodeAttributes(key, { name: text, aliases: [text, `${text}x`], description: i % 3 === 0 ? text : entity.description });
  });
  const [first] = odd.nodes();
  if (first === undefined) throw new Error('the corpus has entities');
  // An id DOT cannot quote exactly (a stand-in is made), and an id with XML's special characters.
  odd.addNode('odd\\id\nwith "breaks" & <tags>', { ...odd.getNodeAttributes(first), name: 'odd id' });
  odd.addEdgeWithKey('odd-edge', first, 'odd\\id\nwith "breaks" & <tags>', { ...odd.getEdgeAttributes(odd.edges()[0] ?? ''), id: 'odd-edge', subject: first, object: 'odd\\id\nwith "breaks" & <tags>' });
}, 120_000);

function whole(graph: NewsGraph, format: ExportFormat, options: ExportOptions): string | Record<string, string> {
  const result = exportGraph(graph, format, options);
  return result.kind === 'text' ? result.text : result.files;
}

function joined(graph: NewsGraph, format: ExportFormat, options: ExportOptions): string | Record<string, string> {
  const result = exportGraphPieces(graph, format, options);
  if (result.kind === 'text') return joinPieces(result.pieces);
  return Object.fromEntries(result.files.map(({ name, pieces }) => [name, joinPieces(pieces)]));
}

function middle(graph: NewsGraph): string {
  const people = graph.filterNodes((_key, e) => e.kind === 'PERSON');
  const id = people[Math.floor(people.length / 2)];
  if (id === undefined) throw new Error('the corpus has people');
  return id;
}

describe('exportGraphPieces joined is exportGraph', () => {
  test.each([...EXPORT_FORMATS])('%s: seed, whole corpus, focus, depth and predicates, ids, base IRI', (format) => {
    const focus = middle(corpus);
    const cases: [NewsGraph, ExportOptions][] = [
      [seed, {}],
      [corpus, {}],
      [corpus, { focus }],
      [corpus, { focus, depth: 2, predicates: ['AFFILIATED_WITH,HOLDS_POSITION', 'participant', 'MET_WITH'] }],
      [corpus, { predicates: ['REJECTED'] }],
      [corpus, { ids: corpus.nodes().slice(0, 30) }],
      [corpus, { baseIri: 'https://example.org/news/' }],
    ];
    for (const [graph, options] of cases) expect(joined(graph, format, options)).toEqual(whole(graph, format, options));
  });

  test.each([...EXPORT_FORMATS])('%s: names and ids to escape', (format) => {
    expect(joined(odd, format, {})).toEqual(whole(odd, format, {}));
  });

  test('no piece is the whole: a whole-corpus export comes as many pieces, PAUSEs among them', () => {
    for (const format of EXPORT_FORMATS) {
      const result = exportGraphPieces(corpus, format, { focus: middle(corpus) });
      const pieces = result.kind === 'text' ? [...result.pieces] : result.files.flatMap(({ pieces: p }) => [...p]);
      expect(pieces.length).toBeGreaterThan(10);
      expect(pieces).toContain(PAUSE); // the selection of the focus is done in steps
    }
  });

  test('what exportGraph refuses before writing, exportGraphPieces refuses when called', () => {
    expect(() => exportGraphPieces(corpus, 'json', { focus: 'no-such-entity' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => exportGraphPieces(corpus, 'gexf', { predicates: ['NOT_A_PREDICATE'] })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => exportGraphPieces(corpus, 'nope' as ExportFormat)).toThrow(expect.objectContaining({ code: 'UNKNOWN_FORMAT' }));
    const rdf = exportGraphPieces(corpus, 'turtle', { baseIri: 'not absolute' });
    expect(() => (rdf.kind === 'text' ? joinPieces(rdf.pieces) : '')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
