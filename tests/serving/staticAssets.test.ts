/**
 * The playground's and the explorer's bundled files come from one reader (src/api/http/staticAssets.ts): each
 * file read once per process and served from memory with a strong ETag, 304 to a browser that has it, and
 * nothing read for a name the bundle does not list.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { StaticAssetFolder } from '../../src/api/http/staticAssets.js';
import { seedGraph } from '../api/seed.js';
import { header, httpRequest } from './http.js';

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

describe('StaticAssetFolder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-assets-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a bundle built after the server started is found; then each file is read once, whatever the disk says later', () => {
    const bundle = join(dir, 'bundle');
    const folder = new StaticAssetFolder(bundle, TYPES);
    expect(folder.has('app.js')).toBe(false); // not built yet
    expect(folder.get('app.js')).toBeNull();
    mkdirSync(bundle);
    writeFileSync(join(bundle, 'app.js'), 'first();');
    writeFileSync(join(bundle, 'app.css'), 'body{}');
    expect(folder.has('app.js')).toBe(true);
    const first = folder.get('app.js');
    expect(first?.body.toString()).toBe('first();');
    expect(first?.contentType).toBe(TYPES['.js']);
    expect(first?.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    writeFileSync(join(bundle, 'app.js'), 'second();');
    rmSync(join(bundle, 'app.css'));
    expect(folder.get('app.js')).toBe(first); // the same bytes, from memory
    writeFileSync(join(bundle, 'late.js'), 'late();');
    expect(folder.get('late.js')).toBeNull(); // the listing is read once too
  });

  test.each(['../secret.js', '..%2Fsecret.js', '%2e%2e/secret.js', '.hidden.js', 'sub/app.js', 'app.js%00.css', '%E0%A4%A', '', 'notes.md'])(
    'refuses %s without reading it',
    (segment) => {
      const bundle = join(dir, 'refusals');
      mkdirSync(join(bundle, 'sub'), { recursive: true });
      for (const name of ['.hidden.js', 'notes.md', 'sub/app.js']) writeFileSync(join(bundle, name), 'x');
      writeFileSync(join(dir, 'secret.js'), 'secret');
      expect(new StaticAssetFolder(bundle, TYPES).fromUrlSegment(segment)).toBeNull();
    },
  );
});

describe('served with an ETag', () => {
  let server: RunningServer;
  let origin: string;
  beforeAll(async () => {
    server = await startServer({ graph: await seedGraph(), port: 0, handleSignals: false });
    origin = new URL(server.url).origin;
  });
  afterAll(() => server.close());

  const dist = (path: string): string => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));

  test.each([
    ['/explorer/explorer.js', 'explorer/explorer.js', true],
    ['/playground/playground.css', 'playground/playground.css', false],
  ])('%s: the file with its ETag, then 304 with no body for a browser that has it', async (path, file, withCsp) => {
    const response = await httpRequest(`${origin}${path}`);
    expect(response.status).toBe(200);
    expect(response.body.equals(readFileSync(dist(file)))).toBe(true);
    const etag = header(response, 'etag') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(header(response, 'cache-control')).toBe('no-cache');
    expect(header(response, 'content-security-policy') !== undefined).toBe(withCsp);
    const again = await httpRequest(`${origin}${path}`, { headers: { 'if-none-match': `W/"other", ${etag}` } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(header(again, 'etag')).toBe(etag);
    const changed = await httpRequest(`${origin}${path}`, { headers: { 'if-none-match': '"not-this-one"' } });
    expect(changed.status).toBe(200);
    const head = await httpRequest(`${origin}${path}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(header(head, 'etag')).toBe(etag);
  });
});
