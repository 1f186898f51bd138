/**
 * Cytoscape elements read back: JSON.parse, then drop what Cytoscape needs and the attributes do not have.
 */
import type { CanonicalGraph, Json } from '../decode.js';

export interface CytoscapeElement {
  data: Record<string, Json>;
}

/** Cytoscape elements back to the canonical graph: drop `label`, and an edge's `source` and `target`. */
export function readCytoscape(text: string): CanonicalGraph & { raw: { nodes: CytoscapeElement[]; edges: CytoscapeElement[] } } {
  const parsed = JSON.parse(text) as { elements: { nodes: CytoscapeElement[]; edges: CytoscapeElement[] } };
  const nodes = parsed.elements.nodes.map(({ data }) => {
    const { label: _label, ...attributes } = data;
    return { key: String(data['id']), attributes: attributes as Json };
  });
  const edges = parsed.elements.edges.map(({ data }) => {
    const { label: _label, source, target, ...attributes } = data;
    return { key: String(data['id']), source: String(source), target: String(target), attributes: attributes as Json };
  });
  const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return { nodes: nodes.sort(byKey), edges: edges.sort(byKey), raw: parsed.elements };
}
