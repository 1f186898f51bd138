/**
 * The HTTP server on a real loopback port: the playground page and its files, exports, the body limit,
 * the routes around them, and a graceful shutdown that lets a request in flight finish.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { request } from 'node:http';
import { unzipSync, strFromU8 } from 'fflate';
import { DEFAULT_LIMITS, startServer, type RunningServer } from '../../src/api/index.js';
import { readPlaygroundAsset, renderPlaygroundPage } from '../../src/api/playground.js';
import { exportGraph } from '../../src/export/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { at, codesOf, isResultJson, seedGraph } from './seed.js';

let graph: NewsGraph;
let server: RunningServer;
let origin: string;
beforeAll(async () => {
  graph = await seedGraph();
  server = await startServer({ graph, port: 0, handleSignals: false });
  origin = new URL(server.url).origin;
});
afterAll(async () => {
  await server.close();
});

/** A raw request with node:http (fetch cannot stream a body without Content-Length portably). */
function rawPost(url: string, chunks: readonly string[], headers: Record<string, string>, beforeEnd?: () => Promise<void>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const rest = [...chunks];
    const last = rest.pop() ?? '';
    for (const chunk of rest) req.write(chunk);
    void (beforeEnd ?? (async () => {}))().then(() => req.end(last));
  });
}

describe('the playground', () => {
  test('GET /graphql for a browser serves the offline playground, not Apollo\'s page', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toBe(renderPlaygroundPage({ endpoint: '/graphql' }));
    expect(html).not.toMatch(/apollographql|embeddable-sandbox|cdn\.|googleapis/i);
    // Nothing loads from another host: every src/href is a path on this server or a data: URL.
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]*)"/g)) expect(url).toMatch(/^(\/|data:)/);
  });

  test('the page\'s files are served under /playground/, and nothing outside the bundle is', async () => {
    for (const name of ['playground.js', 'playground.css']) {
      const expected = readPlaygroundAsset(`/playground/${name}`);
      const response = await fetch(`${origin}/playground/${name}`);
      if (expected === null) {
        expect(response.status).toBe(404); // the bundle is not built in this checkout
        continue;
      }
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(expected.contentType);
      expect(Buffer.from(await response.arrayBuffer()).equals(expected.body)).toBe(true);
    }
    for (const path of ['/playground/..%2Fpackage.json', '/playground/%2e%2e/package.json', '/playground/nope.js']) {
      expect((await fetch(`${origin}${path}`)).status).toBe(404);
    }
  });

  test('/ redirects to the explorer at /explore; an unknown path is a 404 with a code', async () => {
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/explore');
    const missing = await fetch(`${origin}/nowhere`);
    expect(missing.status).toBe(404);
    expect(codesOf(await missing.json().then((j: unknown) => (isResultJson(j) ? j : {})))).toEqual(['NOT_FOUND']);
  });
});

describe('GraphQL over HTTP', () => {
  test('a GET query works without any special header', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ articles { id } }')}`);
    expect(response.status).toBe(200);
    const json: unknown = await response.json();
    expect(at(json, 'data', 'articles', 0, 'id')).toBe(graph.getAttribute('articles')[0]?.id);
  });

  test('a body over the limit is refused with REQUEST_TOO_LARGE, with or without Content-Length', async () => {
    const big = JSON.stringify({ query: `{ articles { id } } # ${'x'.repeat(DEFAULT_LIMITS.maxBodyBytes)}` });
    const declared = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    const json: unknown = await declared.json();
    expect(at(json, 'errors', 0, 'extensions', 'code')).toBe('REQUEST_TOO_LARGE');
    expect(at(json, 'errors', 0, 'extensions', 'limit')).toBe(DEFAULT_LIMITS.maxBodyBytes);
    expect(String(at(json, 'errors', 0, 'message'))).toContain(String(DEFAULT_LIMITS.maxBodyBytes));

    const half = Math.ceil(big.length / 2);
    const streamed = await rawPost(server.url, [big.slice(0, half), big.slice(half)], { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    expect(streamed.status).toBe(413);
    expect(at(JSON.parse(streamed.body), 'errors', 0, 'extensions', 'code')).toBe('REQUEST_TOO_LARGE');
  });

  test('the body limit is an option', async () => {
    const small = await startServer({ graph, port: 0, handleSignals: false, limits: { maxBodyBytes: 48 } });
    try {
      const post = (query: string) => fetch(small.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      expect((await post('{ articles { id } }')).status).toBe(200);
      expect((await post(`{ articles { id title text published sentences } }`)).status).toBe(413);
    } finally {
      await small.close();
    }
  });

  test('a body that is not UTF-8 JSON is refused as a bad request', async () => {
    const post = (body: string, type: string) => fetch(server.url, { method: 'POST', headers: { 'content-type': type }, body });
    const notJson = await post('{ articles', 'application/json');
    expect(notJson.status).toBe(400);
    expect(codesOf(await notJson.json().then((j: unknown) => (isResultJson(j) ? j : {})))).toEqual(['BAD_REQUEST']);
    expect((await post('query=x', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post('{"query":"{ articles { id } }"}', 'application/json; charset=latin1')).status).toBe(415);
    expect((await post('{"query":"{ articles { id } }"}', 'application/json; charset=utf-8')).status).toBe(200);
  });
});

describe('GET /export/FORMAT', () => {
  test('a text format comes with its content type and a file name', async () => {
    const response = await fetch(`${origin}/export/turtle`);
    expect(response.status).toBe(200);
    const expected = exportGraph(graph, 'turtle');
    if (expected.kind !== 'text') throw new Error('turtle is text');
    expect(response.headers.get('content-type')).toBe(expected.contentType);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="newsgraph.${expected.extension}"`);
    expect(await response.text()).toBe(expected.text);
    const head = await fetch(`${origin}/export/turtle`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(expected.text)));
    // POST takes the parameters as a form body (tests/api/exportIds.test.ts); other methods are refused.
    expect((await fetch(`${origin}/export/turtle`, { method: 'POST' })).status).toBe(415);
    expect((await fetch(`${origin}/export/turtle`, { method: 'PUT' })).status).toBe(405);
  });

  test('csv (several files) comes as a zip of exactly those files', async () => {
    const response = await fetch(`${origin}/export/csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="newsgraph-csv.zip"');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const expected = exportGraph(graph, 'csv');
    if (expected.kind !== 'files') throw new Error('csv is files');
    expect(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]))).toEqual(expected.files);
  });

  test('focus, depth and predicate select a subgraph, as the CLI options do', async () => {
    const response = await fetch(`${origin}/export/json?focus=ukraine&depth=1&predicate=REJECTED,PART_OF`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="newsgraph-ukraine.json"');
    const expected = exportGraph(graph, 'json', { focus: 'ukraine', depth: 1, predicates: ['REJECTED', 'PART_OF'] });
    expect(await response.text()).toBe(expected.kind === 'text' ? expected.text : '');
  });

  test.each([
    ['/export/pdf', 404, 'UNKNOWN_FORMAT'],
    ['/export/json?focus=nobody', 404, 'NOT_FOUND'],
    ['/export/json?focus=ukraine&depth=-2', 400, 'BAD_USER_INPUT'],
    ['/export/json?predicate=ENDORSE', 400, 'BAD_USER_INPUT'],
  ])('%s is refused with %i %s', async (path, status, code) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(status);
    const json: unknown = await response.json();
    expect(at(json, 'errors', 0, 'extensions', 'code')).toBe(code);
  });
});

describe('graceful shutdown', () => {
  test('on SIGTERM a request in flight finishes, then the server stops accepting connections', async () => {
    const before = process.listenerCount('SIGTERM');
    const running = await startServer({ graph, port: 0, logger: { debug() {}, info() {}, warn() {}, error() {} } });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    const body = JSON.stringify({ query: '{ articles { id } }' });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const inFlight = rawPost(running.url, [body.slice(0, 10), body.slice(10)], headers, async () => {
      await pause(100); // the server now has the request, half its body read
      process.emit('SIGTERM', 'SIGTERM'); // what `kill` delivers, to our handler only
      await pause(50);
    });
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(at(JSON.parse(answered.body), 'data', 'articles', 0, 'id')).toBeDefined();
    await running.close(); // the same close the signal started: safe to await again
    expect(process.listenerCount('SIGTERM')).toBe(before);
    await expect(fetch(running.url)).rejects.toThrow();
  });
});
