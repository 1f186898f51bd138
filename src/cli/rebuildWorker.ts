/**
 * The worker thread of `serve --watch` and SIGHUP: builds the graph from a data directory and sends back the
 * snapshot's bytes (transferred, not copied), so that the server's thread keeps answering during the build.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildGraph, defaultCacheDir, encodeSnapshot } from '../build/index.js';
import { DataError } from '../errors.js';
import type { RebuildRequest } from './rebuild.js';

export type RebuildMessage = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string; readonly code?: string };

const port = parentPort;
if (port === null) throw new Error('rebuildWorker.js runs as a worker thread (see rebuild.ts)');
const request = workerData as RebuildRequest; // rebuild.ts is the only one that starts this worker
try {
  // With the build cache, as `newsgraph build`: after an edit, only the edited articles are checked again.
  const bytes = encodeSnapshot(await buildGraph(request.dir, { cache: defaultCacheDir(), ...request.layers }));
  // Transfer the memory when the Buffer owns all of it (a small Buffer may share Node's pool: copy that one).
  const memory = bytes.buffer;
  const own = memory instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === memory.byteLength;
  const message: RebuildMessage = { ok: true, bytes };
  port.postMessage(message, own ? [memory] : []);
} catch (error) {
  const message: RebuildMessage =
    error instanceof DataError ? { ok: false, message: error.message, code: error.code } : { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  port.postMessage(message);
}
