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
 * The key's parts, kept as they came (the strings node's parser made, the body's bytes), and a fingerprint of them
 * that the cache files the key under. A hit compares every part (strings with `===`, the body with `Buffer.equals`,
 * a memcmp): the fingerprint only narrows the search, so two requests one byte apart never share an answer, even
 * when their fingerprints collide. Why not one string key: a string key is made (the head's parts joined, the body
 * decoded into a string of its own) and hashed by V8 for every request; this key allocates nothing on a hit but
 * itself, and the fingerprint reads each byte once (docs/design-choices.md, section `hitpath`).
 */
export interface ExactRequestKey {
  readonly snapshotId: string;
  readonly method: string;
  readonly target: string;
  readonly accept: string;
  readonly contentType: string;
  /** Empty when the request has none (a GET). */
  readonly body: Buffer;
  /** A 30-bit hash of every part but the snapshot (whose maps are apart): what the cache files the key under. */
  readonly fingerprint: number;
}

const NO_BODY = Buffer.alloc(0);

/** FNV-1a over the string's UTF-16 code units, continuing from `hash`. */
function hashString(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x0a, 0x01000193); // a separator: ("ab", "c") and ("a", "bc") differ
}

/** FNV-1a over the bytes, four at a time (a 32-bit word each), continuing from `hash`. */
function hashBytes(hash: number, bytes: Buffer): number {
  let h = hash ^ bytes.length;
  const whole = bytes.length & ~3;
  let i = 0;
  for (; i < whole; i += 4) h = Math.imul(h ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)), 0x01000193);
  for (; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h;
}

/** The key of a request made of these parts (the server's requests go through `exactRequestKey`). */
export function exactKeyOf(snapshotId: string, method: string, target: string, accept: string, contentType: string, body: Buffer): ExactRequestKey {
  const fingerprint = hashBytes(hashString(hashString(hashString(hashString(0x811c9dc5, method), target), accept), contentType), body) & 0x3fffffff;
  return { snapshotId, method, target, accept, contentType, body, fingerprint };
}

export function exactRequestKey(snapshotId: string, req: IncomingMessage, body: Buffer | undefined): ExactRequestKey {
  const { headers } = req;
  return exactKeyOf(snapshotId, req.method ?? '', req.url ?? '', headers.accept ?? '', headers['content-type'] ?? '', body ?? NO_BODY);
}

/** Whether two keys name the same request: every part equal, byte for byte. */
export function sameExactRequest(a: ExactRequestKey, b: ExactRequestKey): boolean {
  return a.fingerprint === b.fingerprint && a.snapshotId === b.snapshotId && a.method === b.method && a.target === b.target && a.accept === b.accept && a.contentType === b.contentType && a.body.equals(b.body);
}
