/**
 * A worker thread of the check pool (checkPool.ts): checks the batches of articles it is sent and sends back
 * their checks, keeping each in the build cache when there is one.
 */
import { parentPort } from 'node:worker_threads';
import { checkAndKeep } from './checkArticles.js';
import type { CheckReply, CheckRequest } from './checkPool.js';

const port = parentPort;
if (port === null) throw new Error('checkWorker.js runs as a worker thread (see checkPool.ts)');
port.on('message', (request: CheckRequest) => {
  let reply: CheckReply;
  try {
    reply = { batch: request.batch, results: request.inputs.map(checkAndKeep) };
  } catch (error) {
    reply = { batch: request.batch, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
