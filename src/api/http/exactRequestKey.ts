/**
 * The first-level cache key of a GraphQL request (responseCache.ts): the request exactly as it came, before
 * anything is parsed. Everything the server's answer can depend on is in it: the snapshot, the method, the
 * request target (path and query string, as sent), the Accept header (which media type answers), the
 * Content-Type header (which bodies are accepted) and the body's bytes. Two requests with the same key get the
 * same answer from the full path, so the first can stand for the second. Headers that change only the framing
 * (Content-Length, Transfer-Encoding) follow from the bytes; If-None-Match is checked on every hit.
 */
import type { IncomingMessage } from 'node:http';

/**
 * The key, in two parts that the cache looks up one within the other (responseCache.ts `getExact`): the head
 * (snapshot, method, target, Accept, Content-Type) and the body. Two parts rather than one string so that a body
 * of a kilobyte is not copied a second time into a joined key (and hashed there) for every request. Node refuses
 * a header value or request target holding a line feed, so the head's fields cannot run into one another; the
 * body is latin1 text (one character a byte: nothing folded), empty when there is none.
 */
export interface ExactRequestKey {
  readonly head: string;
  readonly body: string;
}

export function exactRequestKey(snapshotId: string, req: IncomingMessage, body: Buffer | undefined): ExactRequestKey {
  const { headers } = req;
  return {
    head: `${snapshotId}\n${req.method ?? ''}\n${req.url ?? ''}\n${headers.accept ?? ''}\n${headers['content-type'] ?? ''}`,
    body: body === undefined ? '' : body.toString('latin1'),
  };
}
