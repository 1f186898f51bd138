/**
 * A small pool of worker threads that check articles (articleCheck.ts): the YAML parsing and checking that is
 * most of a build's time, spread over the machine's cores. Articles go out in small batches, to whichever
 * worker is free; each result is put back at its article's place, so the order of the results is the order
 * of the input, however the work was shared.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArticleCheckResult } from './articleCheck.js';
import type { ArticleInput } from './checkArticles.js';

/** Articles per message: enough to make a message's cost small, few enough to share the tail of the work. */
const BATCH = 16;

export type CheckRequest = { readonly batch: number; readonly inputs: readonly ArticleInput[] };
export type CheckReply = { readonly batch: number; readonly results: readonly ArticleCheckResult[] } | { readonly batch: number; readonly error: string };

/**
 * The checks of `inputs`, made by `threads` workers; undefined when workers cannot be started here (the
 * builder runs from its TypeScript sources, under the test runner, where there is no compiled worker).
 */
export async function checkInWorkers(inputs: readonly ArticleInput[], threads: number): Promise<ArticleCheckResult[] | undefined> {
  const script = new URL('./checkWorker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return undefined;
  const results: ArticleCheckResult[] = new Array(inputs.length);
  const batches: CheckRequest[] = [];
  for (let start = 0; start < inputs.length; start += BATCH) batches.push({ batch: start, inputs: inputs.slice(start, start + BATCH) });
  let next = 0;
  let pending = batches.length;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const give = (worker: Worker): void => {
        const request = batches[next];
        if (request === undefined) return;
        next += 1;
        worker.postMessage(request);
      };
      for (let i = 0; i < threads; i++) {
        const worker = new Worker(script);
        workers.push(worker);
        worker.on('message', (reply: CheckReply) => {
          if ('error' in reply) {
            reject(new Error(`an article check failed in a worker thread: ${reply.error}`));
            return;
          }
          reply.results.forEach((result, j) => {
            results[reply.batch + j] = result;
          });
          pending -= 1;
          if (pending === 0) resolve();
          else give(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (pending > 0) reject(new Error(`an article-check worker stopped (exit code ${code}) before the checks were done`));
        });
        give(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
