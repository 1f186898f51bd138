/**
 * Exports larger than half the response cache kept on disk (src/api/http/exportDiskCache.ts): served again from the
 * file with the same bytes and headers (ETag, 304, Content-Length, HEAD), never across a snapshot change, within
 * their bounds whatever the filters asked, kept across a restart on the same directory, and never served half
 * written. A response cache of 64 KiB makes every export of the small corpus "large".
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { buildExport, exportSliceMs, setExportSliceMs } from '../../src/api/http/exportBuild.js';
import { ExportDiskCache, type ExportFile } from '../../src/api/http/exportDiskCache.js';
import { buildGraph } from '../../src/build/index.js';
import { exportGraph, type ExportFormat, type ExportOptions } from '../../src/export/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { seedGraph } from '../api/seed.js';
import { tempDir } from '../utils/fixtures.js';
import { generatedCorpus } from './corpus.js';
import { header, httpRequest, type RawResponse } from './http.js';

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };
const SMALL_CACHE = 64 * 1024;
let corpus: NewsGraph;
let seed: NewsGraph;
const running: RunningServer[] = [];

beforeAll(async () => {
  corpus = await buildGraph(generatedCorpus(30, 'disk-cache'));
  seed = await seedGraph();
}, 120_000);

afterAll(async () => {
  for (const server of running) await server.close();
});

async function serve(graph: NewsGraph, dir: string, limits: { maxBytes?: number; maxEntries?: number } = {}): Promise<{ server: RunningServer; base: string }> {
  const server = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET, responseCacheBytes: SMALL_CACHE, exportCache: { dir, ...limits } });
  running.push(server);
  return { server, base: server.url.replace(/\/graphql$/, '') };
}

function text(graph: NewsGraph, format: ExportFormat, options: ExportOptions = {}): string {
  const result = exportGraph(graph, format, options);
  if (result.kind !== 'text') throw new Error(`${format} is one text`);
  return result.text;
}

const cacheFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.export'));
const everyFile = (dir: string): string[] => readdirSync(dir);

/** The headers a client sees, but for the cache state (miss, then hit). */
function shownHeaders(response: RawResponse): Record<string, string | undefined> {
  const names = ['content-type', 'content-length', 'content-disposition', 'etag', 'x-content-type-options', 'newsgraph-snapshot'];
  return Object.fromEntries(names.map((name) => [name, header(response, name)]));
}

/** Waits until the cache directory holds `count` whole files (the write finishes after the first answer). */
async function filesWritten(dir: string, count: number): Promise<void> {
  for (let i = 0; i < 200 && cacheFiles(dir).length < count; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(cacheFiles(dir)).toHaveLength(count);
}

/** Waits until `url` is answered from the export cache (its file written whole). */
async function servedFromDisk(url: string): Promise<void> {
  let state: string | undefined;
  for (let i = 0; i < 200 && state !== 'hit'; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 25));
    state = header(await httpRequest(url, { method: 'HEAD' }), 'newsgraph-cache');
  }
  expect(state).toBe('hit');
}

describe('an export too large for the response cache', () => {
  test('is kept on disk and served from the file: same bytes and headers, 304 on its ETag, HEAD without a body', async () => {
    const dir = join(tempDir('newsgraph-export-cache-'), 'cache');
    const { base } = await serve(corpus, dir);
    const first = await httpRequest(`${base}/export/turtle`);
    expect(first.status).toBe(200);
    expect(header(first, 'newsgraph-cache')).toBe('miss');
    expect(first.body.length).toBeGreaterThan(SMALL_CACHE / 2); // else the response cache would keep it
    expect(first.body.toString('utf8')).toBe(text(corpus, 'turtle'));
    await filesWritten(dir, 1);

    const second = await httpRequest(`${base}/export/turtle`);
    expect(second.status).toBe(200);
    expect(header(second, 'newsgraph-cache')).toBe('hit');
    expect(second.body.equals(first.body)).toBe(true);
    expect(shownHeaders(second)).toEqual(shownHeaders(first));
    expect(Number(header(second, 'content-length'))).toBe(first.body.length);

    const etag = header(first, 'etag') ?? '';
    const revalidated = await httpRequest(`${base}/export/turtle`, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(header(revalidated, 'etag')).toBe(etag);

    const head = await httpRequest(`${base}/export/turtle`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(shownHeaders(head)).toEqual(shownHeaders(first));
  }, 60_000);

  test('a reload to another snapshot gives the new graph\'s bytes and deletes the old snapshot\'s files', async () => {
    const dir = join(tempDir('newsgraph-export-cache-'), 'cache');
    const { server, base } = await serve(corpus, dir);
    const before = await httpRequest(`${base}/export/graphml`);
    expect(before.body.toString('utf8')).toBe(text(corpus, 'graphml'));
    await filesWritten(dir, 1);
    const [oldFile] = cacheFiles(dir);

    await server.reload(seed);
    const after = await httpRequest(`${base}/export/graphml`);
    expect(after.status).toBe(200);
    expect(header(after, 'newsgraph-cache')).toBe('miss');
    expect(after.body.toString('utf8')).toBe(text(seed, 'graphml'));
    expect(header(after, 'etag')).not.toBe(header(before, 'etag'));
    expect(cacheFiles(dir)).not.toContain(oldFile);
  }, 60_000);

  test('a stream of distinct filters stays within the bounds of files and bytes, oldest out first', async () => {
    const dir = join(tempDir('newsgraph-export-cache-'), 'cache');
    const maxBytes = 3 * 1024 * 1024;
    const { base } = await serve(corpus, dir, { maxEntries: 3, maxBytes });
    const people = corpus.filterNodes((_key, e) => e.kind === 'PERSON').slice(0, 8);
    for (const focus of people) {
      const url = `${base}/export/jsonld?focus=${encodeURIComponent(focus)}`;
      const response = await httpRequest(url);
      expect(response.status).toBe(200);
      // Each write finishes (the export is a hit) before the next request, so that the count below is the bound's.
      await servedFromDisk(url);
      expect(cacheFiles(dir).length).toBeLessThanOrEqual(3);
      const bytes = cacheFiles(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
      expect(bytes).toBeLessThanOrEqual(maxBytes);
    }
    // The last three asked are the ones kept: asking for the first again builds it.
    const again = await httpRequest(`${base}/export/jsonld?focus=${encodeURIComponent(people[0] ?? '')}`);
    expect(header(again, 'newsgraph-cache')).toBe('miss');
    const recent = await httpRequest(`${base}/export/jsonld?focus=${encodeURIComponent(people.at(-1) ?? '')}`);
    expect(header(recent, 'newsgraph-cache')).toBe('hit');
    // An export larger than the whole bound is not kept at all.
    const tiny = await serve(corpus, join(tempDir('newsgraph-export-cache-'), 'cache'), { maxBytes: 1024 });
    await httpRequest(`${tiny.base}/export/turtle`);
    const repeated = await httpRequest(`${tiny.base}/export/turtle`);
    expect(header(repeated, 'newsgraph-cache')).toBe('miss');
  }, 120_000);

  test('after a restart on the same directory, the same snapshot\'s exports are served from disk', async () => {
    const dir = join(tempDir('newsgraph-export-cache-'), 'cache');
    const first = await serve(corpus, dir);
    const built = await httpRequest(`${first.base}/export/ntriples`);
    await filesWritten(dir, 1);
    await first.server.close();
    const second = await serve(corpus, dir);
    const served = await httpRequest(`${second.base}/export/ntriples`);
    expect(header(served, 'newsgraph-cache')).toBe('hit');
    expect(served.body.equals(built.body)).toBe(true);
    expect(header(served, 'etag')).toBe(header(built, 'etag'));
  }, 60_000);

  test('a half-written file (cut short, or left by a process killed mid-write) is never served, and is deleted', async () => {
    const dir = join(tempDir('newsgraph-export-cache-'), 'cache');
    const first = await serve(corpus, dir);
    const whole = await httpRequest(`${first.base}/export/turtle`);
    await filesWritten(dir, 1);
    await first.server.close();
    const [file] = cacheFiles(dir);
    if (file === undefined) throw new Error('a cache file was written');
    truncateSync(join(dir, file), statSync(join(dir, file)).size - 100); // its last bytes never reached the disk
    writeFileSync(join(dir, '.partial-killed-mid-write'), 'newsgraph-export-cache 1 {"key":"x"'); // a process died here

    const second = await serve(corpus, dir);
    const rebuilt = await httpRequest(`${second.base}/export/turtle`);
    expect(header(rebuilt, 'newsgraph-cache')).toBe('miss');
    expect(rebuilt.body.equals(whole.body)).toBe(true);
    expect(existsSync(join(dir, '.partial-killed-mid-write'))).toBe(false);
    await filesWritten(dir, 1);
    expect(statSync(join(dir, file)).size).toBeGreaterThan(whole.body.length); // written whole again
  }, 60_000);

  test('a client gone mid-build stops the build: nothing is kept, the next request builds', async () => {
    const dir = join(tempDir('newsgraph-export-cache-'), 'cache');
    const { base } = await serve(corpus, dir);
    // How long the build takes when nobody leaves: the wait below is twice that, time for it to finish and be kept.
    const started = performance.now();
    await buildExport(corpus, 'turtle', {}, () => false);
    const took = performance.now() - started;
    const aborted = new AbortController();
    const asked = fetch(`${base}/export/turtle`, { signal: aborted.signal }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    aborted.abort();
    expect(await asked).toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 2 * took + 500));
    expect(everyFile(dir)).toEqual([]);
    const next = await httpRequest(`${base}/export/turtle`);
    expect(header(next, 'newsgraph-cache')).toBe('miss');
    expect(next.body.toString('utf8')).toBe(text(corpus, 'turtle'));
  }, 60_000);

  test('a write that fails midway leaves no file, whole or partial, and keeps nothing', async () => {
    const dir = join(tempDir('newsgraph-export-cache-'), 'cache');
    const cache = new ExportDiskCache({ dir });
    const head = { key: 'k', snapshotId: 's', headers: [['content-type', 'text/plain']] as [string, string][] };
    // The build fails after its first part (as a build whose client went, or whose data no format can carry).
    const abandoned = await cache.begin(head);
    abandoned.write(Buffer.from('the first part of the body\n'));
    await abandoned.drained();
    await abandoned.abort();
    expect(everyFile(dir)).toEqual([]);
    expect(await cache.get('s', 'k')).toBeUndefined();
    // A body shorter than its declared length is refused too, and leaves nothing.
    const short = await cache.begin(head);
    short.write(Buffer.from('too short'));
    await expect(short.finish('"e"', 100)).rejects.toThrow('wrote 9 bytes of 100');
    expect(everyFile(dir)).toEqual([]);
    expect(cache.stats().entries).toBe(0);
    await cache.close();
  });

  test('a body past what the response cache keeps goes to its file as it is built, slice by slice, not held', async () => {
    const dir = join(tempDir('newsgraph-export-cache-'), 'cache');
    const cache = new ExportDiskCache({ dir });
    const sliceMs = exportSliceMs();
    setExportSliceMs(1); // many slices for a small corpus on any machine
    const described: unknown[] = [];
    const onDisk: number[] = []; // the temporary file's size each time the build let the file catch up
    let temporary: string | undefined;
    try {
      const built = await buildExport(corpus, 'turtle', {}, () => false, undefined, {
        afterBytes: 10_000,
        async begin(writer): Promise<ExportFile> {
          described.push({ type: writer.type, file: writer.file });
          const file = await cache.begin({ key: 'turtle', snapshotId: 's', headers: [['content-type', writer.type]] });
          temporary = readdirSync(dir).find((name) => name.startsWith('.partial-'));
          return {
            ...file,
            async drained() {
              await file.drained();
              onDisk.push(statSync(join(dir, temporary ?? '')).size);
            },
          };
        },
      });
      const expected = text(corpus, 'turtle');
      expect(described).toEqual([{ type: 'text/turtle; charset=utf-8', file: 'newsgraph.ttl' }]);
      expect(built.parts).toEqual([]);
      expect(built.length).toBe(Buffer.byteLength(expected));
      const stored = built.stored;
      if (stored === undefined) throw new Error('the body went to a file');
      expect(stored.head).toMatchObject({ key: 'turtle', snapshotId: 's', etag: built.etag, length: built.length });
      const file = readFileSync(stored.path);
      expect(file.subarray(stored.offset).toString('utf8')).toBe(expected);
      expect(JSON.parse(file.subarray(0, stored.offset).toString('utf8').slice('newsgraph-export-cache 1 '.length))).toEqual(stored.head);
      // The file grew while the build went on: the body reached the disk in many steps, not at its end.
      const steps = new Set(onDisk);
      expect(steps.size).toBeGreaterThan(3);
      expect(Math.min(...onDisk)).toBeLessThan(built.length / 2);
      expect(await cache.get('s', 'turtle')).toEqual(stored);
    } finally {
      setExportSliceMs(sliceMs);
      await cache.close();
    }
  }, 60_000);

  test('an export over the whole bound is sent from its file once, then deleted when the next one is written', async () => {
    const dir = join(tempDir('newsgraph-export-cache-'), 'cache');
    const { base } = await serve(corpus, dir, { maxBytes: 1024 });
    const first = await httpRequest(`${base}/export/turtle`);
    expect(first.status).toBe(200);
    expect(header(first, 'newsgraph-cache')).toBe('miss');
    expect(first.body.toString('utf8')).toBe(text(corpus, 'turtle'));
    expect(cacheFiles(dir)).toEqual([]);
    const [unkept] = everyFile(dir);
    expect(unkept).toMatch(/^\.partial-/u);
    const second = await httpRequest(`${base}/export/graphml`);
    expect(second.body.toString('utf8')).toBe(text(corpus, 'graphml'));
    expect(everyFile(dir)).not.toContain(unkept);
    expect(everyFile(dir)).toHaveLength(1);
  }, 60_000);

  test('when its file cannot be written, an export is built again in memory and served all the same', async () => {
    const dir = join(tempDir('newsgraph-export-cache-'), 'cache');
    const { base } = await serve(corpus, dir);
    const warmed = await httpRequest(`${base}/export/gexf`); // the directory is made and adopted
    await filesWritten(dir, 1);
    rmSync(dir, { recursive: true }); // the next file cannot even be opened (a warning says so on stderr)
    const served = await httpRequest(`${base}/export/turtle`);
    expect(served.status).toBe(200);
    expect(served.body.toString('utf8')).toBe(text(corpus, 'turtle'));
    expect(header(served, 'newsgraph-cache')).toBe('miss');
    expect(warmed.status).toBe(200);
  }, 60_000);

  test('with no directory given, a private temporary one is made, and removed on close', async () => {
    const server = await startServer({ graph: corpus, port: 0, handleSignals: false, logger: QUIET, responseCacheBytes: SMALL_CACHE });
    const base = server.url.replace(/\/graphql$/, '');
    await httpRequest(`${base}/export/turtle`);
    const again = await httpRequest(`${base}/export/turtle`);
    for (let i = 0; i < 40 && header(again, 'newsgraph-cache') !== 'hit'; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    const hit = await httpRequest(`${base}/export/turtle`);
    expect(header(hit, 'newsgraph-cache')).toBe('hit');
    const made = readdirSync(tmpdir()).filter((name) => name.startsWith('newsgraph-exports-'));
    expect(made.length).toBeGreaterThan(0);
    const before = new Set(made);
    await server.close();
    const left = readdirSync(tmpdir()).filter((name) => name.startsWith('newsgraph-exports-'));
    expect(left.length).toBeLessThan(before.size);
  }, 60_000);
});
