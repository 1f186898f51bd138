/**
 * The GraphQL endpoint's cache-hit path (graphqlRoute.ts `answerGraphQL`, body.ts `readBodyThen`): a request
 * repeated byte for byte is answered from callbacks, with no promise between its body and its answer. It must
 * keep every guarantee of the full path: the same bytes and headers (security and snapshot headers too), the
 * body size limit, a body in several pieces read whole, and every request letting go of the graph it was
 * answered from (or a reload would never stop the old server, and close() would never finish).
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { buildGraph } from '../../src/build/index.js';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { ClientGoneError, readBodyThen } from '../../src/api/http/body.js';
import { LimitError } from '../../src/api/limitError.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { generatedCorpus } from '../serving/corpus.js';
import { header, httpRequest, type RawResponse } from '../serving/http.js';

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
const QUESTION = '{"query":"{ entities(first: 3) { totalCount edges { node { id name } } } }"}';

function post(url: string, body: string, headers: Record<string, string> = JSON_HEADERS): Promise<RawResponse> {
  return httpRequest(url, { method: 'POST', headers, body });
}

/** A POST whose body is written in `pieces` (chunked), each in its own write after a pause. */
function postInPieces(url: string, pieces: readonly string[]): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...JSON_HEADERS, 'transfer-encoding': 'chunked' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    void (async () => {
      for (const piece of pieces.slice(0, -1)) {
        req.write(piece);
        await new Promise((r) => setTimeout(r, 20));
      }
      req.end(pieces.at(-1));
    })();
  });
}

/** Every header but those that differ between two answers of the same bytes by nature. */
function stableHeaders(response: RawResponse): Record<string, unknown> {
  const { date: _date, 'newsgraph-cache': _state, ...rest } = response.headers;
  return rest;
}

let graph: NewsGraph;
beforeAll(async () => {
  graph = await buildGraph(generatedCorpus(12));
}, 60_000);

describe('a repeated question', () => {
  let cached: RunningServer;
  let uncached: RunningServer;
  beforeAll(async () => {
    cached = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET, limits: { maxBodyBytes: 400 } });
    uncached = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET, limits: { maxBodyBytes: 400 }, responseCacheBytes: 0 });
  });
  afterAll(async () => {
    await cached.close();
    await uncached.close();
  });

  test('is answered from the first level with the full path\'s bytes and every one of its headers', async () => {
    const first = await post(cached.url, QUESTION);
    const again = await post(cached.url, QUESTION);
    const plain = await post(uncached.url, QUESTION);
    expect([first.status, again.status, plain.status]).toEqual([200, 200, 200]);
    expect(header(first, 'newsgraph-cache')).toBe('miss');
    expect(header(again, 'newsgraph-cache')).toBe('hit');
    expect(again.body.equals(plain.body)).toBe(true);
    expect(stableHeaders(again)).toEqual(stableHeaders(first));
    // The security and identity headers of an answer that was executed are all on the hit.
    for (const name of ['content-security-policy', 'newsgraph-snapshot', 'content-type']) expect(header(again, name)).toBe(header(plain, name));
    expect(header(again, 'newsgraph-snapshot')).toBe(cached.snapshot().id);
    expect(header(again, 'etag')).toMatch(/^"[\w-]+"$/);
    expect(header(again, 'cache-control')).toBe('no-cache');
  });

  test('sent in pieces, it is the same request: read whole, then a hit', async () => {
    await post(cached.url, QUESTION);
    const third = Math.ceil(QUESTION.length / 3);
    const pieces = await postInPieces(cached.url, [QUESTION.slice(0, third), QUESTION.slice(third, 2 * third), QUESTION.slice(2 * third)]);
    expect(pieces.status).toBe(200);
    expect(header(pieces, 'newsgraph-cache')).toBe('hit');
    expect(pieces.body.equals((await post(uncached.url, QUESTION)).body)).toBe(true);
  });

  test('the body limit still refuses, declared or streamed, before any cache is looked at', async () => {
    await post(cached.url, QUESTION);
    // The cached question followed by spaces: valid JSON, over the limit of 400 bytes.
    const padded = `${QUESTION}${' '.repeat(500)}`;
    const declared = await post(cached.url, padded);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body.toString()).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
    const streamed = await postInPieces(cached.url, [padded.slice(0, 300), padded.slice(300)]);
    expect(streamed.status).toBe(413);
    expect(header(await post(cached.url, QUESTION), 'newsgraph-cache')).toBe('hit');
  });
});

test('every request lets go of its graph: after hits, refusals and a client that left, a reload and close() finish', async () => {
  const server = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET, limits: { maxBodyBytes: 400 } });
  let closing: Promise<void> | undefined;
  try {
    for (let i = 0; i < 5; i++) expect((await post(server.url, QUESTION)).status).toBe(200);
    expect((await post(server.url, `${QUESTION}${' '.repeat(500)}`)).status).toBe(413);
    expect((await post(server.url, QUESTION, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(server.url, '{"query": ')).status).toBe(400);
    // A client that declares a body and leaves halfway.
    await new Promise<void>((resolve) => {
      const req = request(server.url, { method: 'POST', headers: { ...JSON_HEADERS, 'content-length': '300' } });
      req.on('error', () => resolve());
      req.write(QUESTION.slice(0, 20));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    const before = server.snapshot().id;
    const next = await server.reload(await buildGraph(generatedCorpus(13)));
    expect(next.id).not.toBe(before);
    expect(header(await post(server.url, QUESTION), 'newsgraph-snapshot')).toBe(next.id);
    // The old graph's server is stopped once its last request let go; close() waits for that.
    const timeout = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 10_000).unref());
    closing = server.close();
    expect(await Promise.race([closing.then(() => 'closed' as const), timeout])).toBe('closed');
  } finally {
    if (closing === undefined) await server.close(); // a close that hangs has already failed the test
  }
}, 60_000);

describe('readBodyThen on a real socket', () => {
  let server: Server;
  let url: string;
  const outcomes: { error: Error | null; body: Buffer | undefined; listenersLeft: number }[] = [];
  const listenersOf = (req: IncomingMessage): number => ['data', 'end', 'error', 'aborted'].reduce((n, event) => n + req.listenerCount(event), 0);
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const before = listenersOf(req);
      readBodyThen(
        req,
        100,
        (error, body) => {
          outcomes.push({ error, body, listenersLeft: listenersOf(req) - before });
          res.end(error === null ? `ok ${body?.length ?? 0}` : error.name);
        },
        200,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('pieces are joined in order; over the limit is a LimitError; a silent client a ClientGoneError', async () => {
    outcomes.length = 0;
    const whole = await postInPieces(url, ['{"a":', '"bcd', 'e"}']);
    expect(whole.body.toString()).toBe('ok 12');
    expect(outcomes[0]?.body?.toString()).toBe('{"a":"bcde"}');
    const tooLong = await post(url, 'x'.repeat(101));
    expect(tooLong.body.toString()).toBe('LimitError');
    expect(outcomes[1]?.error).toBeInstanceOf(LimitError);
    // Declares 50 bytes, sends 10, then nothing: refused after the idle time (200 ms here), whatever the socket does.
    const silent = await new Promise<string>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-length': '50' } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          req.destroy();
          resolve(text);
        });
      });
      req.on('error', reject);
      req.write('0123456789');
    });
    expect(silent).toBe('ClientGoneError');
    expect(outcomes[2]?.error).toBeInstanceOf(ClientGoneError);
    expect((outcomes[2]?.error as ClientGoneError).reason).toBe('idle');
    // Whatever the outcome, the reader's listeners are gone from the request when it answers.
    expect(outcomes.map((o) => o.listenersLeft)).toEqual([0, 0, 0]);
  });

  test('a client that closes mid-body is a ClientGoneError (aborted), told once; the next request is read as usual', async () => {
    outcomes.length = 0;
    await new Promise<void>((resolve) => {
      const req = request(url, { method: 'POST', headers: { 'content-length': '50' } });
      req.on('error', () => resolve()); // the client's own socket, destroyed below
      req.on('close', () => resolve());
      req.write('0123456789', () => setTimeout(() => req.destroy(), 50));
    });
    for (let waited = 0; outcomes.length === 0 && waited < 2_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100)); // a second call, if any, would come now
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.error).toBeInstanceOf(ClientGoneError);
    expect((outcomes[0]?.error as ClientGoneError).reason).toBe('aborted');
    expect(outcomes[0]?.listenersLeft).toBe(0);
    expect((await post(url, '{"after":"abort"}')).body.toString()).toBe('ok 17');
  });
});
