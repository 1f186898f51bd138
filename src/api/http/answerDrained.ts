/**
 * Backpressure for answers written as they are made (the exports streamed from a database store): wait until the
 * client has taken what is buffered before making more, and give up on a client that takes nothing for
 * ANSWER_STALL_MS. The connection's idle timer is off while an export is written (idleWhileWorking.ts), so without
 * this a client that opened an export and read nothing would hold its page, its socket and one of the few export
 * slots (exportRoute.ts) for as long as it liked.
 */
import type { ServerResponse } from 'node:http';
import { ClientGoneError } from './body.js';

/** How long a streamed answer waits for its client to take any of what is buffered before it is cut. */
export const ANSWER_STALL_MS = 60_000;

/**
 * Resolves when `res` may be written again (at once unless its buffer is full).
 * @throws ClientGoneError 'aborted' when the client has gone, 'stalled' when it took nothing for `stallMs`.
 */
export function answerDrained(res: ServerResponse, stallMs = ANSWER_STALL_MS): Promise<void> {
  if (res.destroyed) return Promise.reject(new ClientGoneError('aborted'));
  if (!res.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      clearTimeout(stalled);
      res.off('drain', onDrain);
      res.off('close', onClose);
    };
    const onDrain = (): void => {
      settle();
      resolve();
    };
    const onClose = (): void => {
      settle();
      reject(new ClientGoneError('aborted'));
    };
    const stalled = setTimeout(() => {
      settle();
      reject(new ClientGoneError('stalled', stallMs));
    }, stallMs);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}
