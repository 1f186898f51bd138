/**
 * GraphQL through the response cache: a request whose key (graphqlCacheKey.ts) is stored gets the stored
 * bytes; otherwise Apollo executes it, and a successful answer (200, JSON, data and no `errors`) is stored for the
 * next time. Anything else passes through untouched, so the cache never changes an answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPGraphQLResponse } from '@apollo/server';
import { notedContext } from '../cleanAnswers.js';
import { graphqlCacheKey } from './graphqlCacheKey.js';
import { etagOf, sendCached, type CachedResponse, type ResponseCache } from './responseCache.js';

/** The cache and the snapshot a request is answered from. */
export interface CacheScope {
  readonly cache: ResponseCache;
  readonly snapshotId: string;
}

const JSON_TYPES = /^application\/(graphql-response\+)?json\b/u;

/**
 * The response as a cache entry, or null when it must not be stored: only a 200 JSON answer that has data and no
 * errors (`clean`, noted by the request guards as Apollo sends it: cleanAnswers.ts) is kept.
 */
function storable(response: HTTPGraphQLResponse, clean: boolean): CachedResponse | null {
  if (!clean || (response.status ?? 200) !== 200 || response.body.kind !== 'complete') return null;
  if (!JSON_TYPES.test(response.headers.get('content-type') ?? '')) return null;
  const body = Buffer.from(response.body.string, 'utf8');
  // Apollo says no-store (no cache hints in the schema); the answer can be kept, but may change on a reload:
  // clients should revalidate with the ETag (a 304 costs almost nothing).
  const headers = [...response.headers].filter(([name]) => name !== 'content-length' && name !== 'etag' && name !== 'cache-control');
  headers.push(['cache-control', 'no-cache']);
  return { status: 200, headers, body, etag: etagOf(body) };
}

/** Answers through the cache; resolves with the key of the stored entry that answered, or null when none did. */
export async function answerThroughCache(
  scope: CacheScope,
  req: IncomingMessage,
  res: ServerResponse,
  search: URLSearchParams,
  body: unknown,
  execute: (contextValue: object) => Promise<HTTPGraphQLResponse>,
  write: (res: ServerResponse, response: HTTPGraphQLResponse) => Promise<void>,
): Promise<string | null> {
  const key = graphqlCacheKey(scope.snapshotId, (req.method ?? 'GET').toUpperCase(), search, body, req.headers.accept);
  const hit = key === null ? undefined : scope.cache.get(key);
  if (hit !== undefined) {
    sendCached(req, res, hit, 'hit');
    return key;
  }
  const noted = notedContext();
  const response = await execute(noted.contextValue);
  const entry = key === null ? null : storable(response, noted.answeredCleanly());
  if (key === null || entry === null) {
    await write(res, response);
    return null;
  }
  scope.cache.set(key, entry);
  sendCached(req, res, entry, 'miss');
  return key;
}
