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
import { hasLayout, positionsOf, rememberLayout, topologySteps, type TransferableTopology } from './layout.js';
import type { LayoutRequest } from './layoutWorker.js';
import type { NewsGraph } from './types.js';

/** Graphs with fewer entities are laid out where they are asked for: a few tens of milliseconds. */
export const BACKGROUND_LAYOUT_FROM = 20_000;

const pending = new WeakMap<NewsGraph, Promise<void>>();

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** topologySteps run with a turn of the event loop between steps. */
async function topologyInTurns(graph: NewsGraph): Promise<TransferableTopology> {
  const steps = topologySteps(graph);
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
    await nextTurn();
  }
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
  // The topology is read here in steps, after the caller (a server starting) has gone on; the layout in the worker.
  const done = new Promise<void>((resolve) => {
    void topologyInTurns(graph).then((request) => {
      if (hasLayout(graph)) return resolve();
      let worker: Worker;
      try {
        // The ids as one string (joined by NUL, which no id holds): one copy, not 700,000 strings cloned one by one.
        const sent: LayoutRequest = { joinedIds: request.ids.join('\u0000'), sources: request.sources, targets: request.targets };
        // No node options of the parent's: V8's are process-wide anyway, and some of node's refuse a worker
        // (`--input-type`, given with `-e`, made every worker fail, and the first explore lay the graph out itself).
        worker = new Worker(script, { workerData: sent, transferList: [request.sources.buffer, request.targets.buffer], execArgv: [] });
      } catch {
        return resolve(); // no thread to be had: the first explore lays it out
      }
      // It must not keep a process alive that has nothing else to do (a library user's, a test's).
      worker.unref();
      worker.once('message', (xy: Float64Array) => {
        if (!hasLayout(graph)) rememberLayout(graph, positionsOf(request.ids, xy));
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
