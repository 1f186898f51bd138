import { expect, test } from '@jest/globals';
import { escapeXml } from '../../src/export/escape/xml.js';
import { PIECES_FROM_ITEMS } from '../../src/export/columns.js';
import { GRAPHML_LAYOUT, toGraphml } from '../../src/export/graphml.js';
import { graphHead, NO_LOOKUPS, PIECE_CHARS, type Section } from '../../src/export/layout.js';
import type { EdgeElement, NodeElement } from '../../src/store/corpusElements.js';
import { manyAnchorsGraph, sampleGraph } from '../utils/sampleGraph.js';
import { canonical } from './decode.js';
import { readGraphml } from './readers/index.js';

test('graphology-graphml parses it back into an equal graph, articles included', () => {
  const graph = sampleGraph();
  expect(readGraphml(toGraphml(graph))).toEqual(canonical(graph));
});

test('every attribute has a typed <key>', () => {
  const graphml = toGraphml(sampleGraph());
  const keys = [...graphml.matchAll(/<key id="([^"]+)" for="(\w+)" attr\.name="([^"]+)" attr\.type="(\w+)">/g)].map((m) => ({
    id: m[1],
    for: m[2],
    name: m[3],
    type: m[4],
  }));
  expect(keys).toEqual(
    expect.arrayContaining([
      { id: 'g_articles', for: 'graph', name: 'articles', type: 'string' },
      { id: 'n_fatalities_min', for: 'node', name: 'fatalities_min', type: 'int' },
      { id: 'e_negated', for: 'edge', name: 'negated', type: 'boolean' },
      { id: 'e_ordinal', for: 'edge', name: 'ordinal', type: 'int' },
    ]),
  );
  const used = new Set([...graphml.matchAll(/<data key="([^"]+)">/g)].map((m) => m[1]));
  for (const id of used) expect(keys.map((k) => k.id)).toContain(id);
});

test('an entity and a relation of many anchors are written in pieces: the same text, read back the same', () => {
  const graph = manyAnchorsGraph(PIECES_FROM_ITEMS + 300);
  const many = graph.getNodeAttribute('head', 'evidence');
  const sections = [...GRAPHML_LAYOUT(graphHead(graph))];
  const section = <K extends 'nodes' | 'edges'>(key: K) => {
    const found = sections.find((part) => typeof part === 'object' && key in part);
    if (found === undefined) throw new Error(`no ${key} section`);
    return (found as Record<K, Section<K extends 'nodes' ? NodeElement : EdgeElement>>)[key];
  };
  const pieces = (text: string | Iterable<string>): string[] => (typeof text === 'string' ? [text] : [...text]);
  const node = pieces(section('nodes').item({ node: 'head', attributes: graph.getNodeAttributes('head') }, 0, NO_LOOKUPS));
  const edge = pieces(section('edges').item({ edge: 'head-rejected', attributes: graph.getEdgeAttributes('head-rejected'), source: 'head', target: 'russia' }, 0, NO_LOOKUPS));
  for (const [element, key] of [[node, 'n_evidence'], [edge, 'e_evidence']] as const) {
    expect(element.length).toBeGreaterThan(2);
    // A piece holds at most one anchor's text past PIECE_CHARS.
    for (const piece of element) expect(piece.length).toBeLessThan(PIECE_CHARS + 1_000);
    expect(element.join('')).toContain(`<data key="${key}">${escapeXml(JSON.stringify(many))}</data>\n`);
  }
  expect(node.join('')).toMatch(/^ {4}<node id="head">\n {6}<data key="n_label">Head of &quot;State&quot;<\/data>\n[^]*<\/node>\n$/u);
  // A small element is one string.
  expect(typeof section('nodes').item({ node: 'russia', attributes: graph.getNodeAttributes('russia') }, 0, NO_LOOKUPS)).toBe('string');
  expect(readGraphml(toGraphml(graph))).toEqual(canonical(graph));
});
