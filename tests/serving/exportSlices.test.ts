/**
 * Exports built without holding the server (src/api/http/exportBuild.ts): a streamed format is built a slice at a
 * time with the event loop free between slices, gives exportGraph's bytes, stops when its client has gone, and
 * concurrent requests for one export share one build. On a generated corpus large enough for a Turtle export to
 * take several slices.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { ClientGoneError } from '../../src/api/http/body.js';
import { buildExport, EXPORT_SLICE_MS, sharedBuild, type BuiltExport } from '../../src/api/http/exportBuild.js';
import { buildGraph } from '../../src/build/index.js';
import { exportGraph } from '../../src/export/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { generatedCorpus } from './corpus.js';
import { httpRequest, postGraphQL } from './http.js';

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };
let graph: NewsGraph;
let server: RunningServer;

beforeAll(async () => {
  graph = await buildGraph(generatedCorpus(80, 'slices'));
  server = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

function turtleText(): string {
  const whole = exportGraph(graph, 'turtle');
  if (whole.kind !== 'text') throw new Error('turtle is one text');
  return whole.text;
}

describe('an export built in slices', () => {
  test('lets the event loop turn while it builds, and gives the bytes exportGraph gives', async () => {
    const turns: number[] = [];
    let building = true;
    const turn = (): void => {
      turns.push(performance.now());
      if (building) setImmediate(turn);
    };
    const started = performance.now();
    setImmediate(turn);
    const built = await buildExport(graph, 'turtle', {}, () => false);
    building = false;
    const took = performance.now() - started;
    expect(Buffer.concat(built.parts).toString('utf8')).toBe(turtleText());
    expect(built.length).toBe(Buffer.byteLength(turtleText()));
    expect(built.type).toBe('text/turtle; charset=utf-8');
    expect(built.file).toBe('newsgraph.ttl');
    // The corpus makes a build of several slices (else this test would prove nothing), and other work ran between them.
    expect(took).toBeGreaterThan(3 * EXPORT_SLICE_MS);
    expect(turns.length).toBeGreaterThanOrEqual(3);
  });

  test('stops at the next slice when its client has gone', async () => {
    await expect(buildExport(graph, 'turtle', {}, () => true)).rejects.toBeInstanceOf(ClientGoneError);
  });

  test('one build for concurrent requests of one export, abandoned only when every request has gone', async () => {
    const scope = {};
    let builds = 0;
    let seen: (() => boolean) | undefined;
    const result: BuiltExport = { parts: [Buffer.from([1, 2, 3])], length: 3, etag: '"x"', type: 'text/plain', file: 'x.txt' };
    const build = async (abandoned: () => boolean): Promise<BuiltExport> => {
      builds++;
      seen = abandoned;
      await new Promise((resolve) => setImmediate(resolve));
      return result;
    };
    let firstGone = false;
    let secondGone = false;
    const first = sharedBuild(scope, 'k', () => firstGone, build);
    const second = sharedBuild(scope, 'k', () => secondGone, build);
    firstGone = true;
    expect(seen?.()).toBe(false); // the second request still waits
    secondGone = true;
    expect(seen?.()).toBe(true);
    expect(await first).toBe(result);
    expect(await second).toBe(result);
    expect(builds).toBe(1);
    await sharedBuild(scope, 'k', () => false, build); // settled: a later request builds again
    expect(builds).toBe(2);
  });
});

describe('GET /export/turtle on a served corpus', () => {
  test('a question asked while an export builds is answered before the export', async () => {
    const order: string[] = [];
    const exporting = httpRequest(`${server.url.replace(/\/graphql$/, '')}/export/ntriples`).then((r) => {
      order.push('export');
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 2 * EXPORT_SLICE_MS)); // the build is under way
    const answered = await postGraphQL(server.url, '{ __typename }');
    order.push('question');
    const exported = await exporting;
    expect(answered.status).toBe(200);
    expect(exported.status).toBe(200);
    expect(order).toEqual(['question', 'export']);
  });

  test('concurrent requests of one export get the same bytes, those of exportGraph', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    const [a, b] = await Promise.all([httpRequest(`${base}/export/turtle`), httpRequest(`${base}/export/turtle`)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.equals(b.body)).toBe(true);
    expect(a.body.toString('utf8')).toBe(turtleText());
    expect(a.headers['etag']).toBe(b.headers['etag']);
  });
});
