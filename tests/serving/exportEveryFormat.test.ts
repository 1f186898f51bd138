/**
 * Every export format is built a slice at a time on the server (src/api/http/exportBuild.ts over
 * src/export/pieces.ts): the event loop turns while each builds, the bytes are exportGraph's (csv: a zip of exactly
 * its files), a question asked during an export of each format is answered before the export ends, and a build whose
 * client has gone stops. On a generated corpus on which every format's build takes many slices.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { ClientGoneError } from '../../src/api/http/body.js';
import { buildExport, EXPORT_SLICE_MS, exportSliceMs, setExportSliceMs } from '../../src/api/http/exportBuild.js';
import { etagOf } from '../../src/api/http/responseCache.js';
import { buildGraph } from '../../src/build/index.js';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '../../src/export/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { generatedCorpus } from './corpus.js';
import { Agent, request } from 'node:http';

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };
let graph: NewsGraph;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  // Slices of 1 ms: the fastest builds here (dot, gdelt: about 20 ms when warm on a quiet machine) then take many
  // slices, so that what happens between slices is seen on any machine, busy or not.
  setExportSliceMs(1);
  graph = await buildGraph(generatedCorpus(120, 'every-format'));
  // No response cache: every request builds (the cached path is exportSlices.test.ts's and exportDiskCache.test.ts's).
  server = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET, responseCacheBytes: 0 });
  base = server.url.replace(/\/graphql$/, '');
}, 180_000);

afterAll(async () => {
  setExportSliceMs(EXPORT_SLICE_MS);
  await server?.close();
});

/** The bytes an export must have, as text or (csv) as its files. */
function expected(format: ExportFormat): string | Record<string, string> {
  const result = exportGraph(graph, format);
  return result.kind === 'text' ? result.text : result.files;
}

function decoded(format: ExportFormat, body: Buffer): string | Record<string, string> {
  if (format !== 'csv') return body.toString('utf8');
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(body))).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe.each([...EXPORT_FORMATS])('%s', (format) => {
  test('is built in slices with the event loop turning between them, and gives exportGraph\'s bytes', async () => {
    let turns = 0;
    let building = true;
    const turn = (): void => {
      turns++;
      if (building) setImmediate(turn);
    };
    setImmediate(turn);
    const started = performance.now();
    const built = await buildExport(graph, format, {}, () => false);
    const took = performance.now() - started;
    building = false;
    const body = Buffer.concat(built.parts);
    expect(body.length).toBe(built.length);
    expect(built.etag).toBe(etagOf(body));
    expect(decoded(format, body)).toEqual(expected(format));
    // Several slices' worth of work (else this would prove nothing), and other work ran between them.
    expect(took).toBeGreaterThan(3 * exportSliceMs());
    expect(turns).toBeGreaterThanOrEqual(3);
  }, 60_000);

  test('stops at the next slice when its client has gone', async () => {
    let asked = 0;
    await expect(buildExport(graph, format, {}, () => ++asked > 1)).rejects.toBeInstanceOf(ClientGoneError);
    expect(asked).toBe(2);
  }, 60_000);

  test('over HTTP, a question asked while it builds is answered before the export', async () => {
    const want = expected(format);
    // The question goes on a connection already open, so that it is read on the first turn of the server's loop.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ask = (): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request(server.url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end('{"query":"{ __typename }"}');
      });
    await ask();
    const order: string[] = [];
    // 'export' when its status line arrives: the server writes it when the build has ended. (The test shares the
    // server's event loop: an unsliced build would hold the question back until the export's answer is on its way.)
    const exporting = new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
      request(`${base}/export/${format}`, (res) => {
        order.push('export');
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
    // Asked in the same turn as the export, without waiting: both requests reach the server in one poll, and the
    // question is answered at the build's first pause. (Waiting a slice first raced with the fastest builds, dot
    // and gdelt, which take two or three slices here when warm.)
    const answered = await ask();
    order.push('question');
    agent.destroy();
    const exported = await exporting;
    expect(answered).toBe(200);
    expect(exported.status).toBe(200);
    expect(order).toEqual(['question', 'export']);
    expect(decoded(format, exported.body)).toEqual(want);
  }, 60_000);
});
