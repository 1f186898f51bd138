/**
 * Positions for drawing the graph: ForceAtlas2 from deterministic starting points, computed once per graph
 * (per snapshot) and cached, so the explorer draws the same picture for everyone and a neighbourhood does not
 * jump when it is reloaded or expanded. Starting points come from a hash of each id (no Math.random), and
 * ForceAtlas2 itself is deterministic, so the same graph gives the same positions on every run.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { NewsGraph } from './types.js';

export interface Position {
  readonly x: number;
  readonly y: number;
}

/** A 32-bit FNV-1a hash of a string, then a seeded step: the same id always lands in the same place. */
function hash32(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A starting point for `id` in a disc whose area grows with the number of nodes. */
export function seededPosition(id: string, nodeCount: number): Position {
  const angle = (hash32(id, 1) / 0x100000000) * 2 * Math.PI;
  const radius = Math.sqrt(hash32(id, 2) / 0x100000000) * Math.sqrt(Math.max(1, nodeCount)) * 10;
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/**
 * How many ForceAtlas2 iterations a graph of `order` nodes gets: enough to settle a few hundred nodes, fewer
 * (with Barnes-Hut) for a corpus, so the first request on a 10,000-article graph stays within seconds.
 */
function iterationsFor(order: number): number {
  if (order <= 1_000) return 300;
  if (order <= 10_000) return 80;
  return 20;
}

// The package is CommonJS and its types say `export default`: under node's ESM the default import is
// module.exports, which is the layout function itself (with .assign), i.e. what the types call `.default`.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

const cache = new WeakMap<NewsGraph, ReadonlyMap<string, Position>>();

/** Positions of every entity of `graph`, laid out on first call and cached for the graph's lifetime. */
export function graphLayout(graph: NewsGraph): ReadonlyMap<string, Position> {
  const cached = cache.get(graph);
  if (cached !== undefined) return cached;
  // An undirected simple copy: parallel relations between two entities pull once, weighted by how many there are.
  const simple = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
  graph.forEachNode((id) => simple.addNode(id, seededPosition(id, graph.order)));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    const existing = simple.edge(source, target);
    if (existing === undefined) simple.addEdge(source, target, { weight: 1 });
    else simple.updateEdgeAttribute(existing, 'weight', (w) => (w ?? 0) + 1);
  });
  const settings = { ...forceAtlas2.inferSettings(simple), barnesHutOptimize: simple.order > 1_000 };
  forceAtlas2.assign(simple, { iterations: iterationsFor(simple.order), settings, getEdgeWeight: 'weight' });
  const positions = new Map<string, Position>();
  simple.forEachNode((id, { x, y }) => positions.set(id, { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 }));
  cache.set(graph, positions);
  return positions;
}
