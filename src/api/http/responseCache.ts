/**
 * Whole responses kept in memory, least recently used first out, bounded by bytes. The served graph does
 * not change between reloads, so a question asked again (or an export fetched again) has the same answer:
 * writing stored bytes costs a fraction of executing. Keys name the snapshot, so a reload never serves an
 * old answer (and the server empties the cache when the snapshot changes, to free the memory at once).
 * Every stored response has an ETag; a client that sends it back in If-None-Match gets 304 and no body.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

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
  readonly bytes: number;
  readonly maxBytes: number;
  readonly hits: number;
  readonly misses: number;
}

/** Bytes of bookkeeping counted per entry on top of its key and body. */
const ENTRY_OVERHEAD = 256;

/** @default 64 MiB */
export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;

export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export class ResponseCache {
  readonly maxBytes: number;
  /** Map iteration order is insertion order: the first entry is the least recently used. */
  private readonly entries = new Map<string, { readonly response: CachedResponse; readonly size: number }>();
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
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.response;
  }

  /** Stores a response unless it would take more than half the budget (it would evict everything else). */
  set(key: string, response: CachedResponse): void {
    const size = response.body.length + key.length * 2 + ENTRY_OVERHEAD;
    if (size > this.maxBytes / 2) return;
    this.delete(key);
    this.entries.set(key, { response, size });
    this.bytes += size;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): ResponseCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, hits: this.hits, misses: this.misses };
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
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
