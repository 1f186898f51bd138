/**
 * graphology's own serialization (`graph.export()`), which graphology, sigma and Gephi Lite load as it is:
 * `MultiDirectedGraph.from(JSON.parse(text))` gives back an equal graph (same keys, endpoints and
 * attributes; JSON has no `undefined`, so an attribute set to undefined reads back as absent).
 */
import type { NewsGraph } from '../graph/types.js';

/** The graph as graphology's serialized JSON, indented, with a final newline. */
export function toGraphologyJson(graph: NewsGraph): string {
  return `${JSON.stringify(graph.export(), null, 2)}\n`;
}
