/**
 * The explorer's layout of a large graph, computed in a worker thread as soon as the server has the graph (at start
 * and at each reload), instead of in the first `explore` that needs it. In that request it held the event loop,
 * every other request waiting: 0.9 s at 10,000 articles; at 100,000 articles 7.6 s, over the 2 s execution budget,
 * so the first explorer view was refused. An `explore` that arrives while the worker runs waits for it (a wait,
 * not charged to its budget: src/api/executionBudget.ts); the positions are graphLayout's own, computed by the same
 * function on the same topology (layoutWorker.ts), sent as arrays. Where no worker can run (the sources run by the test runner: no compiled worker), or
 * when it fails, the first `explore` lays the graph out itself, as before.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { hasLayout, rememberLayout, type Position } from './layout.js';
import type { LayoutRequest } from './layoutWorker.js';
import type { NewsGraph } from './types.js';

/** Graphs with fewer entities are laid out where they are asked for: a few tens of milliseconds. */
export const BACKGROUND_LAYOUT_FROM = 20_000;

const pending = new WeakMap<NewsGraph, Promise<void>>();

/** Elements read between two turns of the event loop while the topology is gathered: a few milliseconds each. */
const SLICE = 50_000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * topologyOf, read a slice at a time with the event loop free between slices (all at once it held every request for
 * 1 s at 100,000 articles); the ids as one string for the worker (joined by NUL, which no id holds: one copy, not
 * 700,000 strings cloned one by one).
 */
async function topologyInSlices(graph: NewsGraph): Promise<{ ids: string[]; joined: string; sources: Int32Array<ArrayBuffer>; targets: Int32Array<ArrayBuffer> }> {
  const ids = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    index.set(ids[i] ?? '', i);
    if (i % SLICE === SLICE - 1) await nextTurn();
  }
  const sources = new Int32Array(graph.size);
  const targets = new Int32Array(graph.size);
  let i = 0;
  for (const { source, target } of graph.edgeEntries()) {
    sources[i] = index.get(source) ?? 0;
    targets[i] = index.get(target) ?? 0;
    i++;
    if (i % SLICE === 0) await nextTurn();
  }
  return { ids, joined: ids.join('\u0000'), sources, targets };
}

/**
 * Starts laying out `graph` in a worker unless it is small, laid out already, or being laid out; never throws.
 * @returns `layoutReady(graph)`.
 */
export function layOutInBackground(graph: NewsGraph, from = BACKGROUND_LAYOUT_FROM): Promise<void> {
  const started = pending.get(graph);
  if (started !== undefined) return started;
  const script = new URL('./layoutWorker.js', import.meta.url);
  if (graph.order < from || hasLayout(graph) || !existsSync(fileURLToPath(script))) return Promise.resolve();
  // The topology is read here in slices, after the caller (a server starting) has gone on; the layout in the worker.
  const done = new Promise<void>((resolve) => {
    void topologyInSlices(graph).then((request) => {
      if (hasLayout(graph)) return resolve();
      let worker: Worker;
      try {
        const sent: LayoutRequest = { joinedIds: request.joined, sources: request.sources, targets: request.targets };
        worker = new Worker(script, { workerData: sent, transferList: [request.sources.buffer, request.targets.buffer] });
      } catch {
        return resolve(); // no thread to be had: the first explore lays it out
      }
      // It must not keep a process alive that has nothing else to do (a library user's, a test's).
      worker.unref();
      worker.once('message', (xy: Float64Array) => {
        const positions = new Map<string, Position>();
        request.ids.forEach((id, i) => positions.set(id, { x: xy[2 * i] ?? 0, y: xy[2 * i + 1] ?? 0 }));
        if (!hasLayout(graph)) rememberLayout(graph, positions);
        resolve();
      });
      // A worker that fails (out of memory, killed) leaves the layout to the first explore.
      worker.once('error', () => resolve());
      worker.once('exit', () => resolve());
    });
  });
  pending.set(graph, done);
  return done;
}

/** Resolves when the layout started for `graph` is done (at once when none was started). */
export function layoutReady(graph: NewsGraph): Promise<void> {
  return pending.get(graph) ?? Promise.resolve();
}
