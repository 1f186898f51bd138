/**
 * `/graphql`: hands a request to Apollo's `executeHTTPGraphQLRequest` (no express), after reading the
 * body within its size limit and parsing it as UTF-8 JSON. Browsers asking for HTML get the playground,
 * through Apollo's landing-page hook.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import { LimitError } from '../limitError.js';
import { LIMIT_CODES } from '../limits.js';
import { answerThroughCache } from './cachedGraphQL.js';
import { exactRequestKey, type ExactRequestKey } from './exactRequestKey.js';
import { PLAYGROUND_CSP } from './playgroundRoute.js';
import { sendExactHit, type ResponseCache } from './responseCache.js';
import { ClientGoneError, parseContentType, readBodyThen, refuseGoneClient, refuseTooLarge } from './body.js';
import { idleTimerOffUntilAnswered } from './idleWhileWorking.js';
import { sendError } from './respond.js';

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * Answers a body that could not be read: 408 or nothing for a client that left, 413 for one over the limit.
 * @throws the error itself when it is neither (a stream error: the server's 500).
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, error: Error): void {
  if (error instanceof ClientGoneError) refuseGoneClient(res, error);
  else if (error instanceof LimitError) refuseTooLarge(req, res, error);
  else throw error;
}

/** The body for Apollo: parsed JSON, or undefined (Apollo then refuses a POST with its own message). */
function parsedBody(req: IncomingMessage, res: ServerResponse, bytes: Buffer | undefined): { body: unknown } | null {
  if (bytes === undefined) return { body: undefined };
  const type = parseContentType(req.headers['content-type']);
  const isJson = type !== undefined && (type.mediaType === 'application/json' || type.mediaType.endsWith('+json'));
  if (!isJson) {
    sendError(res, 415, 'BAD_REQUEST', 'POST a JSON body with Content-Type: application/json ({"query": "...", "variables": {...}}).');
    return null;
  }
  if (type.charset !== undefined && type.charset !== 'utf-8' && type.charset !== 'utf8') {
    sendError(res, 415, 'BAD_REQUEST', `The body must be UTF-8, not ${type.charset}.`);
    return null;
  }
  try {
    return { body: bytes.length === 0 ? undefined : JSON.parse(bytes.toString('utf8')) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    sendError(res, 400, 'BAD_REQUEST', `The body is not valid JSON: ${reason}`);
    return null;
  }
}

/** Codes of errors in a well-formed request: the document or its variables are wrong, or over a limit. */
const DOCUMENT_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', ...Object.values(LIMIT_CODES)]);

/**
 * The status to send. GraphQL over HTTP: a client that accepts only `application/json` (the legacy type)
 * gets 200 for a well-formed request whatever its GraphQL errors, since it cannot tell a 400 from a broken
 * server; `application/graphql-response+json` keeps Apollo's 400.
 */
function statusFor(response: HTTPGraphQLResponse): number {
  const status = response.status ?? 200;
  const type = response.headers.get('content-type') ?? '';
  if (status !== 400 || !type.startsWith('application/json') || response.body.kind !== 'complete') return status;
  let body: unknown;
  try {
    body = JSON.parse(response.body.string);
  } catch {
    return status;
  }
  const errors: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'errors') : undefined;
  const wellFormed =
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((e: unknown) => {
      const extensions: unknown = typeof e === 'object' && e !== null ? Reflect.get(e, 'extensions') : undefined;
      const code: unknown = typeof extensions === 'object' && extensions !== null ? Reflect.get(extensions, 'code') : undefined;
      return typeof code === 'string' && DOCUMENT_ERROR_CODES.has(code);
    });
  return wellFormed ? 200 : status;
}

async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = statusFor(response);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** True when a request target is the GraphQL endpoint `path` as sent (no URL parse): the server's fast route. */
export function isGraphQLTarget(target: string | undefined, path: string): boolean {
  return target !== undefined && target.startsWith(path) && (target.length === path.length || target.charCodeAt(path.length) === 0x3f); // '?'
}

/** Headers of every answer of the endpoint, made once per snapshot. */
let endpointHeaders: { readonly snapshotId: string; readonly headers: Readonly<Record<string, string>> } | undefined;

function headersFor(snapshotId: string): Readonly<Record<string, string>> {
  if (endpointHeaders?.snapshotId !== snapshotId) {
    endpointHeaders = { snapshotId, headers: { 'newsgraph-snapshot': snapshotId, 'content-security-policy': PLAYGROUND_CSP } };
  }
  return endpointHeaders.headers;
}

/** Called once when a request to the endpoint is answered: null, or what went wrong (the server answers 500). */
export type GraphQLDone = (error: unknown) => void;

/**
 * Answers one request to the GraphQL endpoint, on the snapshot `snapshotId` (sent as `newsgraph-snapshot`),
 * and calls `done` once. With a cache, a request sent before byte for byte is answered from the first level
 * (exactRequestKey.ts) in the callback that receives its body: no promise, no URL, JSON or document parse, and
 * the same size limit, idle timeout and headers as any other answer. Anything else takes the full path
 * (`answerParsed`), and teaches the first level its exact key when the second level answers it.
 */
export function answerGraphQL(
  apollo: ApolloServer<BaseContext>,
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
  snapshotId: string,
  cache: ResponseCache | undefined,
  done: GraphQLDone,
): void {
  const answerBody = (bytes: Buffer | undefined): void => {
    const exactKey = cache === undefined ? undefined : exactRequestKey(snapshotId, req, bytes);
    const hit = exactKey === undefined ? undefined : cache?.getExact(exactKey);
    if (hit !== undefined) {
      sendExactHit(req, res, hit);
      done(null);
      return;
    }
    answerParsed(apollo, req, res, bytes, snapshotId, cache, exactKey).then(() => done(null), done);
  };
  if (req.method !== 'POST') {
    req.resume();
    answerBody(undefined);
    return;
  }
  readBodyThen(req, maxBodyBytes, (error, bytes) => {
    // Inside a stream's event: nothing may throw out of here (it would be an uncaught exception).
    try {
      if (error === null) answerBody(bytes);
      else {
        refuseBody(req, res, error);
        done(null);
      }
    } catch (thrown) {
      done(thrown);
    }
  });
}

/** `answerGraphQL` as a promise. */
export function handleGraphQL(
  apollo: ApolloServer<BaseContext>,
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
  snapshotId: string,
  cache?: ResponseCache,
): Promise<void> {
  return new Promise((resolve, reject) => answerGraphQL(apollo, req, res, maxBodyBytes, snapshotId, cache, (error) => (error === null ? resolve() : reject(error))));
}

/** The full path: the body parsed as JSON, then the second cache level or Apollo. */
async function answerParsed(
  apollo: ApolloServer<BaseContext>,
  req: IncomingMessage,
  res: ServerResponse,
  bytes: Buffer | undefined,
  snapshotId: string,
  cache: ResponseCache | undefined,
  exactKey: ExactRequestKey | undefined,
): Promise<void> {
  const headers = headersFor(snapshotId);
  for (const name in headers) res.setHeader(name, headers[name] ?? '');
  const parsed = parsedBody(req, res, bytes);
  if (parsed === null) return;
  const target = req.url ?? '/';
  // Only the query string is read: no URL object for a target without one (every POST of a client).
  const url = target.includes('?') ? new URL(target, 'http://localhost') : undefined;
  const execute = (contextValue: object = {}) => {
    // Only a request that executes: a cache hit is written at once.
    idleTimerOffUntilAnswered(req, res);
    return apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers: headerMap(req), search: url?.search ?? '', body: parsed.body },
      context: () => Promise.resolve(contextValue),
    });
  };
  if (cache === undefined || exactKey === undefined) {
    await writeResponse(res, await execute());
    return;
  }
  const key = await answerThroughCache({ cache, snapshotId }, req, res, url?.searchParams ?? new URLSearchParams(), parsed.body, execute, writeResponse);
  if (key !== null) cache.alias(exactKey, key, headers);
}
