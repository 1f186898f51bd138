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

/** The most connected entities that ForceAtlas2 lays out; the others are placed around them. */
export const LAYOUT_CORE = 2_000;

/**
 * How many ForceAtlas2 iterations the core gets: 300 for a few hundred nodes, fewer as it grows (about a million
 * node-and-edge visits in all), never fewer than 30.
 */
export function layoutIterations(order: number, size: number): number {
  return Math.max(30, Math.min(300, Math.floor(1_000_000 / Math.max(1, order + size))));
}

// The package is CommonJS and its types say `export default`: under node's ESM the default import is
// module.exports, which is the layout function itself (with .assign), i.e. what the types call `.default`.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

const cache = new WeakMap<NewsGraph, ReadonlyMap<string, Position>>();

/** Entities by number of distinct neighbours, most first, ties by id (so the choice is deterministic). */
function byDegree(graph: NewsGraph): string[] {
  const degree = new Map<string, number>();
  graph.forEachNode((id) => degree.set(id, graph.neighbors(id).length));
  return graph.nodes().sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Positions of every entity of `graph`, laid out on first call and cached for the graph's lifetime. Up to
 * LAYOUT_CORE entities (the most connected) are laid out by ForceAtlas2 from seeded starting points; on a corpus,
 * every other entity is then placed (most connected first) near a laid-out neighbour, at a seeded angle, so the cost
 * stays bounded however large the corpus grows.
 */
export function graphLayout(graph: NewsGraph): ReadonlyMap<string, Position> {
  const cached = cache.get(graph);
  if (cached !== undefined) return cached;
  const ranked = byDegree(graph);
  const core = new Set(ranked.slice(0, LAYOUT_CORE));
  // An undirected simple copy of the core: parallel relations pull once, weighted by how many there are.
  const simple = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
  for (const id of core) simple.addNode(id, seededPosition(id, core.size));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target || !core.has(source) || !core.has(target)) return;
    const existing = simple.edge(source, target);
    if (existing === undefined) simple.addEdge(source, target, { weight: 1 });
    else simple.updateEdgeAttribute(existing, 'weight', (w) => (w ?? 0) + 1);
  });
  const settings = { ...forceAtlas2.inferSettings(simple), barnesHutOptimize: simple.order > 1_000 };
  forceAtlas2.assign(simple, { iterations: layoutIterations(simple.order, simple.size), settings, getEdgeWeight: 'weight' });
  const positions = new Map<string, Position>();
  simple.forEachNode((id, { x, y }) => positions.set(id, { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 }));
  // The rest, most connected first: each lands beside a neighbour placed before it, or alone at its seeded point.
  for (const id of ranked.slice(LAYOUT_CORE)) {
    let anchor: Position | undefined;
    for (const neighbor of graph.neighbors(id)) {
      anchor = positions.get(neighbor);
      if (anchor !== undefined) break;
    }
    const angle = (hash32(id, 3) / 0x100000000) * 2 * Math.PI;
    const radius = 2 + (hash32(id, 4) / 0x100000000) * 6;
    const base = anchor ?? seededPosition(id, graph.order);
    positions.set(id, { x: Math.round((base.x + radius * Math.cos(angle)) * 100) / 100, y: Math.round((base.y + radius * Math.sin(angle)) * 100) / 100 });
  }
  cache.set(graph, positions);
  return positions;
}
