/**
 * Escaping, by exhaustive small-alphabet fuzz (STYLE.md habit 13): every string of up to three characters
 * over quotes, `<`, `&`, backslash, CR, LF, tab, an emoji, a combining mark, `,` and `;` is an entity's id
 * (made unique), name, alias, description and property key, a relation's id, attribution, time and
 * property, and an evidence quote, in one graph. Every format's writer writes it, and its reader (the real
 * consumer where one runs here) reads back exactly the graph, or, where the format cannot carry a thing,
 * exactly what its documentation says. JSON-LD, which only rdflib reads here (a Python process per file),
 * gets the strings of up to two characters; tests/export/rdf-escaping.test.ts fuzzes its ids and names to three.
 */
import { describe, expect, test } from '@jest/globals';
import { MultiDirectedGraph } from 'graphology';
import { Parser, Writer, type Quad } from 'n3';
import { toNeo4jCsv, CSV_IMPORT_SCRIPT } from '../../src/export/csv.js';
import { toCypher } from '../../src/export/cypher.js';
import { toCytoscapeJson } from '../../src/export/cytoscape.js';
import { toDot } from '../../src/export/dot.js';
import { xmlSafe } from '../../src/export/escape/xml.js';
import { toGexf } from '../../src/export/gexf.js';
import { toGraphml } from '../../src/export/graphml.js';
import { toGraphologyJson } from '../../src/export/json.js';
import { toJsonLd, toNTriples, toTurtle } from '../../src/export/rdf/index.js';
import { buildQuads } from '../../src/export/rdf/quads.js';
import { DEFAULT_BASE_IRI } from '../../src/export/rdf/iris.js';
import type { EntityAttributes, GraphAttributes, NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import { HOSTILE_ALPHABET, addEntity, fuzzStrings, hostileGraph, sampleGraph } from '../utils/sampleGraph.js';
import { canonical, withoutEmptyOptionalStrings } from './decode.js';
import { missingGraphviz, missingNetworkx, readWithGraphviz, readWithNetworkx } from './consumers.js';
import { missingRdflib, runRdflib } from './rdf-python.js';
import { htmlLabelParts, readCsv, readCypher, readCytoscape, readGexf, readGraphml, scriptDelimiter } from './readers/index.js';

const STRINGS = [...fuzzStrings(HOSTILE_ALPHABET, 3)];
const graph = hostileGraph(STRINGS);
const expected = canonical(graph);
const expectedWithoutGraph = canonical(graph, false);

test('the fuzz covers every string of up to three hostile characters', () => {
  const n = HOSTILE_ALPHABET.length;
  expect(STRINGS).toHaveLength(1 + n + n ** 2 + n ** 3);
  expect(new Set(STRINGS).size).toBe(STRINGS.length);
  expect(graph.order).toBe(STRINGS.length);
  expect(graph.size).toBe(STRINGS.length - 1);
});

describe('every string survives', () => {
  test('json → graphology', () => {
    const loaded = MultiDirectedGraph.from<EntityAttributes, RelationAttributes, GraphAttributes>(
      JSON.parse(toGraphologyJson(graph)) as ReturnType<NewsGraph['export']>,
    );
    expect(canonical(loaded)).toEqual(expected);
  });

  test('gexf → graphology-gexf (an empty optional string reads as absent, as documented)', () => {
    expect(readGexf(toGexf(graph))).toEqual(withoutEmptyOptionalStrings(expectedWithoutGraph));
  });

  test('graphml → graphology-graphml', () => {
    expect(readGraphml(toGraphml(graph))).toEqual(expected);
  });

  test('cytoscape → JSON.parse', () => {
    const { raw: _raw, ...read } = readCytoscape(toCytoscapeJson(graph));
    expect(read).toEqual(expectedWithoutGraph);
  });

  test('csv → an RFC 4180 reader as neo4j-admin reads fields', () => {
    const files = toNeo4jCsv(graph);
    const delimiter = scriptDelimiter(files[CSV_IMPORT_SCRIPT] ?? '');
    expect(delimiter).toBe('|'); // the alphabet has ';'
    expect(readCsv(files, delimiter)).toEqual(expectedWithoutGraph);
  });

  test('cypher → a strict statement reader with Cypher string unescaping', () => {
    expect(readCypher(toCypher(graph))).toEqual(expectedWithoutGraph);
  });

  test('turtle and n-triples → n3: exactly the triples built, every name at its entity IRI', () => {
    const label = 'http://www.w3.org/2000/01/rdf-schema#label';
    const writer = new Writer({ format: 'N-Triples' });
    const lines = (quads: readonly Quad[]): string[] => quads.map((q) => writer.quadToString(q.subject, q.predicate, q.object)).sort();
    const built = lines(buildQuads(graph));
    for (const [format, text] of [
      ['Turtle', toTurtle(graph)],
      ['N-Triples', toNTriples(graph)],
    ] as const) {
      const parsed = new Parser({ format }).parse(text);
      expect(lines(parsed)).toEqual(built);
      const names = new Map<string, string>();
      for (const quad of parsed) {
        if (quad.predicate.value === label && quad.subject.value.startsWith(`${DEFAULT_BASE_IRI}entity/`)) {
          names.set(decodeURIComponent(quad.subject.value.slice(`${DEFAULT_BASE_IRI}entity/`.length)), quad.object.value);
        }
      }
      expect(names).toEqual(new Map(graph.mapNodes((key, entity) => [key, entity.name])));
    }
  });

  // rdflib reads JSON-LD (n3 cannot); strings of up to two characters keep this under a second.
  (missingRdflib() ? test.skip : test)('jsonld → rdflib: the same triples as the Turtle, hostile property keys included', () => {
    const small = hostileGraph([...fuzzStrings(HOSTILE_ALPHABET, 2)]);
    const report = runRdflib({
      files: { turtle: { syntax: 'turtle', content: toTurtle(small) }, jsonld: { syntax: 'json-ld', content: toJsonLd(small) } },
    });
    expect(report.differences).toEqual({});
    const count = buildQuads(small).length;
    expect(report.counts).toEqual({ turtle: count, jsonld: count });
  });

  const graphviz = missingGraphviz();
  (graphviz ? test.skip : test)('dot → Graphviz: every name in its label, every id as node name or under the name', () => {
    const read = readWithGraphviz(toDot(graph));
    const seen = new Map<string, string>();
    for (const object of read.objects ?? []) {
      const { text, small } = htmlLabelParts(object.label ?? '');
      seen.set(small ?? object.name, text);
    }
    expect(seen).toEqual(new Map(graph.mapNodes((key, entity) => [key, entity.name])));
    expect(read.edges ?? []).toHaveLength(graph.size);
  });

  const networkx = missingNetworkx();
  (networkx ? test.skip : test)('gexf and graphml → NetworkX: every name, every edge', () => {
    // NetworkX reads no value for an empty string: an empty name reads as absent.
    const names = Object.fromEntries(graph.mapNodes((key, entity) => [key, entity.name === '' ? null : entity.name]));
    for (const format of ['gexf', 'graphml'] as const) {
      const read = readWithNetworkx(format, format === 'gexf' ? toGexf(graph) : toGraphml(graph));
      expect(read.nodes).toBe(graph.order);
      expect(read.edges).toBe(graph.size);
      expect(read.names).toEqual(names);
      expect(Object.keys(read.edgesById).sort()).toEqual(graph.edges().sort());
    }
  });
});

test('characters XML 1.0 cannot carry become U+FFFD in GEXF and GraphML, and the rest of the string stays', () => {
  const g = sampleGraph();
  addEntity(g, { id: 'ctl', kind: 'PERSON', name: 'a\u0000b\u0008c\uFFFEd', properties: {} });
  expect(xmlSafe('a\u0000b\u0008c\uFFFEd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
  const fromGexf = readGexf(toGexf(g)).nodes.find((n) => n.key === 'ctl')?.attributes;
  const fromGraphml = readGraphml(toGraphml(g)).nodes.find((n) => n.key === 'ctl')?.attributes;
  expect(fromGexf).toMatchObject({ name: 'a\uFFFDb\uFFFDc\uFFFDd' });
  expect(fromGraphml).toMatchObject({ name: 'a\uFFFDb\uFFFDc\uFFFDd' });
});
