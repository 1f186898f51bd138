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
export const BATCH = 16;

export type CheckRequest = { readonly batch: number; readonly inputs: readonly ArticleInput[] };
export type CheckReply = { readonly batch: number; readonly results: readonly ArticleCheckResult[] } | { readonly batch: number; readonly error: string };

/**
 * The checks of `inputs`, made by `threads` threads: this one and `threads - 1` workers (this thread would
 * otherwise only wait; what it checks is not copied between threads). Undefined when workers cannot be
 * started here (the builder runs from its TypeScript sources, under the test runner: no compiled worker).
 */
export async function checkInWorkers(inputs: readonly ArticleInput[], threads: number, check: (input: ArticleInput) => ArticleCheckResult): Promise<ArticleCheckResult[] | undefined> {
  const script = new URL('./checkWorker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return undefined;
  const results: ArticleCheckResult[] = new Array(inputs.length);
  const batches: CheckRequest[] = [];
  for (let start = 0; start < inputs.length; start += BATCH) batches.push({ batch: start, inputs: inputs.slice(start, start + BATCH) });
  let next = 0;
  let pending = batches.length;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  const settle = (): void => {
    wake?.();
    wake = undefined;
  };
  const fail = (error: Error): void => {
    failed ??= error;
    settle();
  };
  const store = (batch: number, list: readonly ArticleCheckResult[]): void => {
    list.forEach((result, j) => {
      results[batch + j] = result;
    });
    pending -= 1;
    if (pending === 0) settle();
  };
  const give = (worker: Worker): void => {
    const request = batches[next];
    if (request === undefined) return;
    next += 1;
    worker.postMessage(request);
  };
  const workers: Worker[] = [];
  try {
    for (let i = 1; i < threads; i++) {
      const worker = new Worker(script);
      workers.push(worker);
      worker.on('message', (reply: CheckReply) => {
        if ('error' in reply) return fail(new Error(`an article check failed in a worker thread: ${reply.error}`));
        store(reply.batch, reply.results);
        give(worker);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (pending > 0) fail(new Error(`an article-check worker stopped (exit code ${code}) before the checks were done`));
      });
      // Two batches ahead: a worker that finishes one starts the next at once, without waiting for this
      // thread (busy with a batch of its own) to hand it another.
      give(worker);
      give(worker);
    }
    // This thread takes batches too, yielding between them so that a worker that is done gets its next one.
    while (failed === undefined && next < batches.length) {
      const request = batches[next];
      next += 1;
      if (request !== undefined) store(request.batch, request.inputs.map(check));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (pending > 0 && failed === undefined) await new Promise<void>((resolve) => (wake = resolve));
    if (failed !== undefined) throw failed;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
