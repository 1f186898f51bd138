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

/** Keeps `positions` as `graph`'s layout: what graphLayout computed for the same topology elsewhere (layoutInBackground.ts). */
export function rememberLayout(graph: NewsGraph, positions: ReadonlyMap<string, Position>): void {
  cache.set(graph, positions);
}

/** Whether `graph`'s layout is computed already. */
export function hasLayout(graph: NewsGraph): boolean {
  return cache.has(graph);
}

/**
 * A graph's topology, all the layout reads: entity ids in graph order, and each relation's two ends as indexes into
 * them, in graph order. Made from a graph (`topologyOf`), or by the PostgreSQL loader from its records, or sent to a
 * worker (layoutInBackground.ts): each then lays out the same picture.
 */
export interface Topology {
  readonly ids: readonly string[];
  readonly sources: Int32Array;
  readonly targets: Int32Array;
}

/** A topology whose arrays can be handed to another thread (transferred, not copied). */
export type TransferableTopology = Topology & { readonly sources: Int32Array<ArrayBuffer>; readonly targets: Int32Array<ArrayBuffer> };

/** How many entities or relations `topologySteps` reads between two steps: a few milliseconds' work. */
export const TOPOLOGY_STEP = 50_000;

/**
 * `graph`'s topology as steps: it yields every TOPOLOGY_STEP entities or relations read, so that a caller may let
 * other work in between (layoutInBackground.ts: all at once it held every request for 1 s at 100,000 articles);
 * the generator's value is the topology.
 */
export function* topologySteps(graph: NewsGraph): Generator<void, TransferableTopology> {
  const ids = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    index.set(ids[i] ?? '', i);
    if (i % TOPOLOGY_STEP === TOPOLOGY_STEP - 1) yield;
  }
  const sources = new Int32Array(graph.size);
  const targets = new Int32Array(graph.size);
  let i = 0;
  for (const { source, target } of graph.edgeEntries()) {
    sources[i] = index.get(source) ?? 0;
    targets[i] = index.get(target) ?? 0;
    i++;
    if (i % TOPOLOGY_STEP === 0) yield;
  }
  return { ids, sources, targets };
}

/** `graph`'s topology, read at once. */
export function topologyOf(graph: NewsGraph): Topology {
  const steps = topologySteps(graph);
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/** Each entity's relations' other ends (itself for a self-loop), in relation order: compressed rows (`start` has one more entry than entities). */
function neighbourRows({ ids, sources, targets }: Topology): { start: Int32Array; other: Int32Array } {
  const start = new Int32Array(ids.length + 1);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e] ?? 0;
    const t = targets[e] ?? 0;
    start[s + 1] = (start[s + 1] ?? 0) + 1;
    if (t !== s) start[t + 1] = (start[t + 1] ?? 0) + 1;
  }
  for (let n = 0; n < ids.length; n++) start[n + 1] = (start[n + 1] ?? 0) + (start[n] ?? 0);
  const fill = start.slice(0, ids.length);
  const other = new Int32Array(start[ids.length] ?? 0);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e] ?? 0;
    const t = targets[e] ?? 0;
    const atSource = fill[s] ?? 0;
    other[atSource] = t;
    fill[s] = atSource + 1;
    if (t !== s) {
      const atTarget = fill[t] ?? 0;
      other[atTarget] = s;
      fill[t] = atTarget + 1;
    }
  }
  return { start, other };
}

/** How many distinct other entities each one's relations reach. */
function distinctDegrees(count: number, { start, other }: { start: Int32Array; other: Int32Array }): Int32Array {
  const degree = new Int32Array(count);
  const seenBy = new Int32Array(count).fill(-1);
  for (let n = 0; n < count; n++) {
    let distinct = 0;
    for (let k = start[n] ?? 0; k < (start[n + 1] ?? 0); k++) {
      const m = other[k] ?? 0;
      if (m === n || seenBy[m] === n) continue;
      seenBy[m] = n;
      distinct++;
    }
    degree[n] = distinct;
  }
  return degree;
}

/**
 * Positions of every entity of `graph`, laid out on first call and cached for the graph's lifetime (topologyLayout).
 */
export function graphLayout(graph: NewsGraph): ReadonlyMap<string, Position> {
  const cached = cache.get(graph);
  if (cached !== undefined) return cached;
  const positions = topologyLayout(topologyOf(graph));
  cache.set(graph, positions);
  return positions;
}

/**
 * Positions of every entity of a topology. Up to LAYOUT_CORE entities (the most connected: the most distinct
 * neighbours, ties by id) are laid out by ForceAtlas2 from seeded starting points; on a corpus, every other entity
 * is then placed (most connected first) near the first of its neighbours, in relation order, placed before it, at a
 * seeded angle, so the cost stays bounded however large the corpus grows. Read from arrays, not from a graph: at
 * 100,000 articles, from graphology's neighbour lists it took 7.6 s, most of it making those lists.
 */
export function topologyLayout(topology: Topology): Map<string, Position> {
  return positionsOf(topology.ids, topologyCoordinates(topology));
}

/** Each id's position from coordinates as topologyCoordinates gives them (x then y, in the order of `ids`). */
export function positionsOf(ids: readonly string[], xy: Float64Array): Map<string, Position> {
  const positions = new Map<string, Position>();
  ids.forEach((id, n) => positions.set(id, { x: xy[2 * n] ?? 0, y: xy[2 * n + 1] ?? 0 }));
  return positions;
}

/** topologyLayout's positions as one array: x then y of each entity, in the order of the topology's ids. */
export function topologyCoordinates(topology: Topology): Float64Array<ArrayBuffer> {
  const { ids, sources, targets } = topology;
  const rows = neighbourRows(topology);
  const degree = distinctDegrees(ids.length, rows);
  const ranked = Array.from({ length: ids.length }, (_, n) => n).sort((a, b) => {
    const byDegree = (degree[b] ?? 0) - (degree[a] ?? 0);
    if (byDegree !== 0) return byDegree;
    const x = ids[a] ?? '';
    const y = ids[b] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const coreCount = Math.min(LAYOUT_CORE, ranked.length);
  const inCore = new Uint8Array(ids.length);
  for (let r = 0; r < coreCount; r++) inCore[ranked[r] ?? 0] = 1;
  // An undirected simple copy of the core: parallel relations pull once, weighted by how many there are.
  const simple = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
  for (let r = 0; r < coreCount; r++) {
    const id = ids[ranked[r] ?? 0] ?? '';
    simple.addNode(id, seededPosition(id, coreCount));
  }
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e] ?? 0;
    const t = targets[e] ?? 0;
    if (s === t || inCore[s] !== 1 || inCore[t] !== 1) continue;
    const source = ids[s] ?? '';
    const target = ids[t] ?? '';
    const existing = simple.edge(source, target);
    if (existing === undefined) simple.addEdge(source, target, { weight: 1 });
    else simple.updateEdgeAttribute(existing, 'weight', (w) => (w ?? 0) + 1);
  }
  const settings = { ...forceAtlas2.inferSettings(simple), barnesHutOptimize: simple.order > 1_000 };
  forceAtlas2.assign(simple, { iterations: layoutIterations(simple.order, simple.size), settings, getEdgeWeight: 'weight' });
  const xy = new Float64Array(ids.length * 2);
  const placed = new Uint8Array(ids.length);
  for (let r = 0; r < coreCount; r++) {
    const n = ranked[r] ?? 0;
    const { x, y } = simple.getNodeAttributes(ids[n] ?? '');
    xy[2 * n] = Math.round(x * 100) / 100;
    xy[2 * n + 1] = Math.round(y * 100) / 100;
    placed[n] = 1;
  }
  // The rest, most connected first: each lands beside a neighbour placed before it, or alone at its seeded point.
  const { start, other } = rows;
  for (let r = coreCount; r < ranked.length; r++) {
    const n = ranked[r] ?? 0;
    const id = ids[n] ?? '';
    let anchor = -1;
    for (let k = start[n] ?? 0; k < (start[n + 1] ?? 0); k++) {
      const m = other[k] ?? 0;
      if (placed[m] === 1) {
        anchor = m;
        break;
      }
    }
    const angle = (hash32(id, 3) / 0x100000000) * 2 * Math.PI;
    const radius = 2 + (hash32(id, 4) / 0x100000000) * 6;
    const base = anchor >= 0 ? { x: xy[2 * anchor] ?? 0, y: xy[2 * anchor + 1] ?? 0 } : seededPosition(id, ids.length);
    xy[2 * n] = Math.round((base.x + radius * Math.cos(angle)) * 100) / 100;
    xy[2 * n + 1] = Math.round((base.y + radius * Math.sin(angle)) * 100) / 100;
    placed[n] = 1;
  }
  return xy;
}
