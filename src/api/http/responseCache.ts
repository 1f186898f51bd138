/**
 * Whole responses kept in memory, least recently used first out, bounded by bytes. The served graph does
 * not change between reloads, so a question asked again (or an export fetched again) has the same answer:
 * writing stored bytes costs a fraction of executing. Keys name the snapshot, so a reload never serves an
 * old answer (and the server empties the cache when the snapshot changes, to free the memory at once).
 * Every stored response has an ETag; a client that sends it back in If-None-Match gets 304 and no body.
 *
 * Two levels of keys. The second (`get`/`set`) is the normalized question (graphqlCacheKey.ts): it finds one
 * answer however the question is spelt, but making it costs a body parse, a canonical JSON of the variables and
 * a document lookup. The first (`getExact`/`alias`) is the exact request as it came (exactRequestKey.ts: snapshot,
 * method, URL, the headers that decide the answer, the body's bytes), pointing at a second-level entry: a client
 * repeating itself byte for byte (what clients do) is answered before anything is parsed. A first-level key is
 * only ever added for a request the second level has just answered with that entry, and goes when its entry goes.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sameExactRequest as sameRequest, type ExactRequestKey } from './exactRequestKey.js';

export interface CachedResponse {
  readonly status: number;
  /** Headers to replay (content-type, content-disposition, ...), without content-length and etag. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
  /** A strong validator: a hash of the body. */
  readonly etag: string;
}

export interface ResponseCacheStats {
  readonly entries: number;
  /** First-level (exact request) keys. */
  readonly exactKeys: number;
  readonly bytes: number;
  readonly maxBytes: number;
  readonly hits: number;
  readonly misses: number;
}

/** Bytes of bookkeeping counted per entry on top of its key and body. */
const ENTRY_OVERHEAD = 256;
/** Exact-request keys kept per entry: a question spelt in more ways than this is found by its normalized key. */
export const MAX_EXACT_KEYS_PER_ENTRY = 8;

/**
 * Exact keys kept under one fingerprint (exactRequestKey.ts): a hit compares the request with each in turn, so a
 * client that made many requests collide (the fingerprint is not a cryptographic hash) would make every lookup
 * under it longer; past this, a colliding request is answered by the second level, as it would be without a
 * first one.
 */
export const MAX_EXACT_KEYS_PER_FINGERPRINT = 8;

/** A first-level entry: the response, and the headers of a hit on it, made once (what a hit writes). */
export interface ExactHit {
  /** The request this entry answers (its body copied out of the request's). */
  readonly request: ExactRequestKey;
  readonly response: CachedResponse;
  /** The full header object of a 200 hit: the response's headers, extra headers given to `alias`, etag, length. */
  readonly headers: Readonly<Record<string, string | number>>;
  /**
   * The same headers as a flat list (name, value, name, value...), what `writeHead` takes with the least work:
   * node iterates an object's keys with `for...in` and an own-property check each, a list with an index.
   */
  readonly headerList: readonly string[];
  /** The headers given to `alias`, also sent with a 304. */
  readonly extraHeaders: Readonly<Record<string, string>>;
  /** The second-level key this entry is an alias of. */
  readonly key: string;
}

interface Entry {
  readonly response: CachedResponse;
  readonly size: number;
  /** First-level keys pointing here, dropped with the entry. */
  exactKeys: ExactRequestKey[] | undefined;
}

/** Bytes a first-level key is counted for. */
const exactKeySize = (key: ExactRequestKey): number => (key.method.length + key.target.length + key.accept.length + key.contentType.length) * 2 + key.body.length + ENTRY_OVERHEAD;

/** @default 64 MiB */
export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;

export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export class ResponseCache {
  readonly maxBytes: number;
  /** Map iteration order is insertion order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  /**
   * First level: the snapshot (the same string object for every request of a snapshot, whose hash V8 keeps), then
   * the request's fingerprint (a small integer) → the hits filed under it, each compared with the request in full
   * (exactRequestKey.ts); their keys' bytes are counted in `bytes`.
   */
  private readonly exact = new Map<string, Map<number, ExactHit[]>>();
  private exactCount = 0;
  /** The key last moved to the end of `entries`: a question asked again and again is not moved every time. */
  private newest: string | undefined;
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(maxBytes: number = DEFAULT_RESPONSE_CACHE_BYTES) {
    this.maxBytes = maxBytes;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.touch(key, entry);
    return entry.response;
  }

  /** Stores a response unless it would take more than half the budget (it would evict everything else). */
  set(key: string, response: CachedResponse): void {
    const size = response.body.length + key.length * 2 + ENTRY_OVERHEAD;
    if (size > this.maxBytes / 2) return;
    this.delete(key);
    this.entries.set(key, { response, size, exactKeys: undefined });
    this.newest = key;
    this.bytes += size;
    this.evict();
  }

  /**
   * The entry an exact request (its key's head and body) was answered with before (see `alias`), or undefined.
   * A hit counts as a use of the entry (least recently used order), as `get` does.
   */
  getExact(request: ExactRequestKey): ExactHit | undefined {
    const filed = this.exact.get(request.snapshotId)?.get(request.fingerprint);
    if (filed === undefined) return undefined;
    let hit: ExactHit | undefined;
    for (let i = 0; i < filed.length && hit === undefined; i++) if (sameRequest(filed[i]!.request, request)) hit = filed[i];
    if (hit === undefined) return undefined;
    const entry = this.entries.get(hit.key);
    if (entry === undefined || entry.response !== hit.response) return undefined; // cannot happen: deleted together
    this.hits++;
    this.touch(hit.key, entry);
    return hit;
  }

  /**
   * Remembers that the request `exactKey` is answered by the stored entry `key` (which must be its entry: the
   * caller has just answered it from there), with `extraHeaders` on every hit (per-snapshot headers). Does
   * nothing when `key` is not stored (not storable, or evicted meanwhile), has MAX_EXACT_KEYS_PER_ENTRY aliases,
   * or MAX_EXACT_KEYS_PER_FINGERPRINT requests are filed under this one's fingerprint.
   */
  alias(exact: ExactRequestKey, key: string, extraHeaders: Readonly<Record<string, string>>): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    let fingerprints = this.exact.get(exact.snapshotId);
    const filed = fingerprints?.get(exact.fingerprint);
    if (filed !== undefined && (filed.length >= MAX_EXACT_KEYS_PER_FINGERPRINT || filed.some((hit) => sameRequest(hit.request, exact)))) return;
    const keys = (entry.exactKeys ??= []);
    if (keys.length >= MAX_EXACT_KEYS_PER_ENTRY) return;
    const { response } = entry;
    // The body is copied: the request's may be a view into the larger buffer its socket read.
    const request = { ...exact, body: Buffer.from(exact.body) };
    const headers = { ...extraHeaders, ...headersOf(response, 'hit') };
    const headerList = Object.entries(headers).flatMap(([name, value]) => [name, String(value)]);
    keys.push(request);
    const hit: ExactHit = { request, response, headers, headerList, extraHeaders, key };
    if (filed !== undefined) filed.push(hit);
    else {
      if (fingerprints === undefined) this.exact.set(exact.snapshotId, (fingerprints = new Map()));
      fingerprints.set(exact.fingerprint, [hit]);
    }
    this.exactCount++;
    this.bytes += exactKeySize(request);
    this.evict();
  }

  clear(): void {
    this.newest = undefined;
    this.entries.clear();
    this.exact.clear();
    this.exactCount = 0;
    this.bytes = 0;
  }

  stats(): ResponseCacheStats {
    return { entries: this.entries.size, exactKeys: this.exactCount, bytes: this.bytes, maxBytes: this.maxBytes, hits: this.hits, misses: this.misses };
  }

  /** Marks an entry as the most recently used (the end of the map's order). */
  private touch(key: string, entry: Entry): void {
    if (key === this.newest) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.newest = key;
  }

  private evict(): void {
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    if (key === this.newest) this.newest = undefined;
    this.bytes -= entry.size;
    for (const request of entry.exactKeys ?? []) {
      const fingerprints = this.exact.get(request.snapshotId);
      const filed = fingerprints?.get(request.fingerprint);
      const at = filed === undefined ? -1 : filed.findIndex((hit) => hit.request === request);
      if (fingerprints === undefined || filed === undefined || at < 0) continue;
      filed.splice(at, 1);
      if (filed.length === 0) fingerprints.delete(request.fingerprint);
      if (fingerprints.size === 0) this.exact.delete(request.snapshotId);
      this.exactCount--;
      this.bytes -= exactKeySize(request);
    }
  }
}

/** True when the request's If-None-Match names `etag` (or is `*`). */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//u, ''))
    .some((tag) => tag === etag || tag === '*');
}

/** The response's headers, made once per entry and state: a hit writes them with one writeHead call. */
const headerObjects = new WeakMap<CachedResponse, Record<'hit' | 'miss', Record<string, string | number>>>();

function headersOf(response: CachedResponse, cacheState: 'hit' | 'miss'): Record<string, string | number> {
  let both = headerObjects.get(response);
  if (both === undefined) {
    const base = { ...Object.fromEntries(response.headers), etag: response.etag, 'content-length': response.body.length };
    both = { hit: { ...base, 'newsgraph-cache': 'hit' }, miss: { ...base, 'newsgraph-cache': 'miss' } };
    headerObjects.set(response, both);
  }
  return both[cacheState];
}

/** Writes a stored response, or 304 Not Modified when the client already has these bytes. */
export function sendCached(req: IncomingMessage, res: ServerResponse, response: CachedResponse, cacheState: 'hit' | 'miss'): void {
  if (notModified(req, response.etag)) {
    // A 304 repeats the validator and the caching rules, not the body's type or length (RFC 9110, 15.4.5).
    const cacheControl = response.headers.find(([name]) => name === 'cache-control')?.[1];
    res.writeHead(304, { etag: response.etag, 'newsgraph-cache': cacheState, ...(cacheControl === undefined ? {} : { 'cache-control': cacheControl }) });
    res.end();
    return;
  }
  res.writeHead(response.status, headersOf(response, cacheState));
  res.end(response.body);
}

/** Writes a first-level hit: its whole header object was made once, so this is what a bare server does. */
export function sendExactHit(req: IncomingMessage, res: ServerResponse, hit: ExactHit): void {
  if (req.headers['if-none-match'] !== undefined) {
    for (const [name, value] of Object.entries(hit.extraHeaders)) res.setHeader(name, value);
    sendCached(req, res, hit.response, 'hit');
    return;
  }
  res.writeHead(hit.response.status, hit.headerList as string[]);
  res.end(hit.response.body);
}
