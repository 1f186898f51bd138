/**
 * A fresh graph for a running server: a data directory is built in a worker thread (rebuildWorker.ts) and
 * comes back as snapshot bytes, decoded here; a snapshot file is read again. Either way the server's thread
 * is busy only for the decoding, never for the build.
 */
import { Worker } from 'node:worker_threads';
import { decodeSnapshot, loadSnapshot, type BuildOptions } from '../build/index.js';
import { NewsgraphError } from '../errors.js';
import type { NewsGraph } from '../graph/types.js';
import type { RebuildMessage } from './rebuildWorker.js';

/** Where a server's graph comes from; a data directory keeps the layers it was first built with (--extends, ...). */
export type GraphSourceSpec =
  | { readonly kind: 'data'; readonly dir: string | undefined; readonly layers: BuildOptions }
  | { readonly kind: 'snapshot'; readonly file: string };

/** What the worker is given: plain data (structured-cloned). */
export interface RebuildRequest {
  readonly dir: string | undefined;
  readonly layers: BuildOptions;
}

/**
 * The worker's young generation, in MiB: 96 gives 32 MiB semi-spaces (V8 sizes the young generation at three
 * semi-spaces), twice Node's default. A build allocates hundreds of MB of records that live until the graph is
 * made; with room for more of them to be made between scavenges, a rebuild after one edit at 10,000
 * articles took about 12% less CPU (the same as `--max-semi-space-size=32` on the command line; see
 * docs/design-choices.md, "Rebuild after one edit").
 */
export const REBUILD_YOUNG_GENERATION_MB = 96;

function buildInWorker(request: RebuildRequest): Promise<NewsGraph> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./rebuildWorker.js', import.meta.url), { workerData: request, resourceLimits: { maxYoungGenerationSizeMb: REBUILD_YOUNG_GENERATION_MB } });
    let settled = false;
    worker.once('message', (message: RebuildMessage) => {
      settled = true;
      void worker.terminate();
      if (message.ok) {
        try {
          resolve(decodeSnapshot(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength), 'rebuilt graph'));
        } catch (error) {
          reject(error);
        }
      } else reject(new NewsgraphError(message.code === 'DATA_INVALID' ? 'DATA_INVALID' : 'BAD_USER_INPUT', message.message));
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the rebuild worker stopped (exit code ${code}) without a result`));
    });
  });
}

export function rebuildGraph(source: GraphSourceSpec): Promise<NewsGraph> {
  switch (source.kind) {
    case 'data':
      return buildInWorker({ dir: source.dir, layers: source.layers });
    case 'snapshot':
      return loadSnapshot(source.file);
    default: {
      const unreachable: never = source;
      throw new Error(`unknown graph source ${String(unreachable)}`);
    }
  }
}
