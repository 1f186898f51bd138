/**
 * GEXF and GraphML read back by graphology's own parsers (graphology-gexf, graphology-graphml), then decoded
 * as decode.ts documents.
 */
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Attributes } from 'graphology-types';
import { decodeParsedGraph, type CanonicalGraph, type Json } from '../decode.js';

export function readGexf(text: string): CanonicalGraph {
  const graph = parseGexf(MultiDirectedGraph<Attributes, Attributes, Attributes>, text);
  return decodeParsedGraph(graph);
}

export function readGraphml(text: string): CanonicalGraph {
  const graph = parseGraphml(MultiDirectedGraph<Attributes, Attributes, Attributes>, text);
  const articles = graph.getAttribute('articles');
  if (typeof articles !== 'string') throw new Error('graphml: no graph-level articles');
  return decodeParsedGraph(graph, { articles: JSON.parse(articles) as Json });
}
