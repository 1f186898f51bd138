/**
 * Cytoscape.js elements JSON (`{ elements: { nodes, edges } }`, each element `{ data }`), which
 * `cytoscape({ elements })` and Cytoscape desktop's "Import Network from File" (.cyjs) read.
 * `data` holds the attributes as they are, nested values included (Cytoscape.js keeps any JSON in data),
 * plus what Cytoscape itself needs: `id`, `source`, `target`, and `label` (the name, or the predicate). The
 * graph's articles (source, url, text) are the top-level `data`, which Cytoscape.js reads as `cy.data()`.
 */
import type { EntityAttributes, GraphAttributes, NewsGraph, RelationAttributes } from '../graph/types.js';
import { EDGE_COLUMNS, hasLongList, NODE_COLUMNS } from './columns.js';
import { jsonArraySection } from './indentedJson.js';
import { layoutPieces, type Layout } from './layout.js';

export interface CytoscapeNode {
  readonly data: EntityAttributes & { readonly id: string; readonly label: string };
}

export interface CytoscapeEdge {
  readonly data: RelationAttributes & { readonly id: string; readonly source: string; readonly target: string; readonly label: string };
}

export interface CytoscapeJson {
  /** The graph's own data (Cytoscape.js `cy.data()`): the articles, with their source, url and text. */
  readonly data: GraphAttributes;
  readonly elements: { readonly nodes: CytoscapeNode[]; readonly edges: CytoscapeEdge[] };
}

/** The graph as a Cytoscape elements object. */
export function toCytoscapeElements(graph: NewsGraph): CytoscapeJson {
  const nodes = graph.mapNodes((key, entity): CytoscapeNode => ({ data: { ...entity, id: key, label: entity.name } }));
  const edges = graph.mapEdges(
    (key, relation, source, target): CytoscapeEdge => ({ data: { ...relation, id: key, source, target, label: relation.predicate } }),
  );
  return { data: { articles: graph.getAttribute('articles') ?? [] }, elements: { nodes, edges } };
}

/** The same, as indented JSON text with a final newline. */
export function toCytoscapeJson(graph: NewsGraph): string {
  return `${JSON.stringify(toCytoscapeElements(graph), null, 2)}\n`;
}

/** `toCytoscapeJson`'s text as JSON.stringify indents it, a piece per node, edge and article. */
export const CYTOSCAPE_LAYOUT: Layout = () => [
  '{\n  "data": {\n    "articles": ',
  { articles: jsonArraySection('    ', (article) => article) },
  '\n  },\n  "elements": {\n    "nodes": ',
  {
    nodes: jsonArraySection(
      '    ',
      ({ node: key, attributes: entity }): CytoscapeNode => ({ data: { ...entity, id: key, label: entity.name } }),
      ({ attributes }) => hasLongList(NODE_COLUMNS, attributes),
    ),
  },
  ',\n    "edges": ',
  {
    edges: jsonArraySection(
      '    ',
      ({ edge: key, attributes: relation, source, target }): CytoscapeEdge => ({ data: { ...relation, id: key, source, target, label: relation.predicate } }),
      ({ attributes }) => hasLongList(EDGE_COLUMNS, attributes),
    ),
  },
  '\n  }\n}\n',
];

/** `toCytoscapeJson`'s text, a piece per node, edge and article (lazy; steps.ts). */
export function cytoscapeJsonPieces(graph: NewsGraph): Generator<string> {
  return layoutPieces(CYTOSCAPE_LAYOUT, graph);
}
