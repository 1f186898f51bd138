/**
 * graphology's own serialization (`graph.export()`), which graphology, sigma and Gephi Lite load as it is:
 * `MultiDirectedGraph.from(JSON.parse(text))` gives back an equal graph (same keys, endpoints and
 * attributes; JSON has no `undefined`, so an attribute set to undefined reads back as absent).
 */
import type { NewsGraph } from '../graph/types.js';
import { EDGE_COLUMNS, hasLongList, NODE_COLUMNS } from './columns.js';
import { indentedJson, isUnwritten, jsonArraySection } from './indentedJson.js';
import { layoutPieces, type Layout, type LayoutPart } from './layout.js';

/** The graph as graphology's serialized JSON, indented, with a final newline. */
export function toGraphologyJson(graph: NewsGraph): string {
  return `${JSON.stringify(graph.export(), null, 2)}\n`;
}

/**
 * `toGraphologyJson`'s text as `JSON.stringify(graph.export(), null, 2)` indents it, a piece per node, edge and
 * article of the graph attributes: a node is `{ key, attributes }` and an edge `{ key, source, target, attributes }`,
 * `attributes` left out when empty, as graphology's serializeNode and serializeEdge write them (a directed graph's
 * edges carry no `undirected`).
 */
export const GRAPHOLOGY_JSON_LAYOUT: Layout = function* (head): Generator<LayoutPart> {
  yield `{\n  "options": ${indentedJson(head.options, '  ')},\n  "attributes": `;
  const members = head.attributes.filter(([, value]) => !isUnwritten(value));
  for (const [index, [name, value]] of members.entries()) {
    yield `${index === 0 ? '{\n' : ',\n'}    ${JSON.stringify(name)}: `;
    if (name === 'articles') yield { articles: jsonArraySection('    ', (article) => article) };
    else yield indentedJson(value, '    ');
  }
  yield members.length === 0 ? '{},\n  "nodes": ' : '\n  },\n  "nodes": ';
  yield { nodes: jsonArraySection('  ', ({ node, attributes }) => serialized({ key: node }, attributes), ({ attributes }) => hasLongList(NODE_COLUMNS, attributes)) };
  yield ',\n  "edges": ';
  yield {
    edges: jsonArraySection(
      '  ',
      ({ edge, source, target, attributes }) => serialized({ key: edge, source, target }, attributes),
      ({ attributes }) => hasLongList(EDGE_COLUMNS, attributes),
    ),
  };
  yield '\n}\n';
};

/** `toGraphologyJson`'s text, a piece per node, edge and article (lazy), without `graph.export()`'s copy of the graph. */
export function graphologyJsonPieces(graph: NewsGraph): Generator<string> {
  return layoutPieces(GRAPHOLOGY_JSON_LAYOUT, graph);
}

function serialized(head: Record<string, string>, attributes: object): Record<string, unknown> {
  return Object.keys(attributes).length > 0 ? { ...head, attributes } : head;
}
