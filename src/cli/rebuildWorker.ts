/**
 * The worker thread of `serve --watch` and SIGHUP: builds the graph from a data directory (patching the last
 * snapshot it wrote when one article changed) and sends back the snapshot's bytes (transferred, not copied), so that the server's thread keeps answering during the build.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { buildGraph, buildSnapshot, defaultCacheDir, defaultDataDir, encodeSnapshot, servedSnapshotFile } from '../build/index.js';
import { DataError } from '../errors.js';
import type { RebuildRequest } from './rebuild.js';

export type RebuildMessage = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string; readonly code?: string };

const port = parentPort;
if (port === null) throw new Error('rebuildWorker.js runs as a worker thread (see rebuild.ts)');
const request = workerData as RebuildRequest; // rebuild.ts is the only one that starts this worker
try {
  // With the build cache, as `newsgraph build`: after an edit to one article, the snapshot this worker wrote
  // last (in the cache folder) is patched (src/build/incrementalBuild.ts); after any other change, only the
  // edited articles are checked again and the rest is built in full.
  const dir = request.dir ?? defaultDataDir();
  const options = { cache: defaultCacheDir(), ...request.layers };
  const file = servedSnapshotFile(options.cache, dir);
  let bytes: Buffer;
  if (file === undefined) bytes = encodeSnapshot(await buildGraph(dir, options));
  else {
    await buildSnapshot(dir, file, options);
    bytes = await readFile(file);
  }
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
