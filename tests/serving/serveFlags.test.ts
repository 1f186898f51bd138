/**
 * `newsgraph serve`'s flags for the export cache on disk, the response cache and the execution budget, through the
 * real CLI (`node dist/cli/bin.js serve`, built first): an export asked twice is kept as a file in --export-cache DIR
 * and served from it, and after a restart on the same directory it is served from the file before any build; bad
 * values are refused before anything starts, naming the flag and what would do; the budget flags reach the server.
 * A response cache of 1/16 MB makes the seed's Turtle export (about 400 KB) one for the disk.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_DATA, tempDir } from '../utils/fixtures.js';
import { header, httpRequest, postGraphQL } from './http.js';
import { spawnServe, waitFor, type ServeProcess } from './serveProcess.js';

const started: ServeProcess[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) {
    if (server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }
});

/** Starts serve over the seed on a free port; resolves with the server's base URL once it listens. */
async function serve(args: readonly string[]): Promise<{ server: ServeProcess; base: string; graphql: string }> {
  const server = spawnServe(['--data', SEED_DATA, '--port', '0', ...args]);
  started.push(server);
  const [, graphql] = await waitFor(server.out, /GraphQL and playground: (\S+)/, 'the server to listen');
  return { server, base: (graphql ?? '').replace(/\/graphql$/, ''), graphql: graphql ?? '' };
}

async function stop(server: ServeProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

const cacheFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.export'));

/** Waits (bounded) until `dir` holds a whole cache file: the write ends after the first answer is sent. */
async function fileWritten(dir: string): Promise<void> {
  for (let i = 0; i < 400 && cacheFiles(dir).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(cacheFiles(dir)).toHaveLength(1);
}

/** Runs serve with `args` and expects it to refuse them: exit 1, nothing listening, a message naming `flag`. */
async function refused(args: readonly string[], ...expected: string[]): Promise<string> {
  const server = spawnServe(['--data', SEED_DATA, '--port', '0', ...args]);
  started.push(server);
  expect(await server.exited).toBe(1);
  expect(server.out()).not.toContain('GraphQL and playground');
  for (const text of expected) expect(server.err()).toContain(text);
  return server.err();
}

describe('serve --export-cache', () => {
  test('keeps a large export in DIR, serves it from the file, and again after a restart on the same DIR', async () => {
    const dir = join(tempDir('newsgraph-serve-exports-'), 'exports');
    const flags = ['--response-cache-mb', '0.0625', '--export-cache', dir, '--export-cache-mb', '64', '--export-cache-files', '8'];
    const first = await serve(flags);
    expect(first.server.out()).toContain(`Export cache: ${dir}`);
    const built = await httpRequest(`${first.base}/export/turtle`);
    expect(built.status).toBe(200);
    expect(header(built, 'newsgraph-cache')).toBe('miss');
    expect(built.body.length).toBeGreaterThan(64 * 1024); // more than half the response cache: for the disk
    await fileWritten(dir);
    const [file] = cacheFiles(dir);
    expect(statSync(join(dir, file ?? '')).size).toBeGreaterThan(built.body.length); // its header line, then the body
    const again = await httpRequest(`${first.base}/export/turtle`);
    expect(header(again, 'newsgraph-cache')).toBe('hit');
    expect(again.body).toEqual(built.body);
    await stop(first.server);

    // Restarted on the same directory: the first request is answered from the file, not built.
    const second = await serve(flags);
    const afterRestart = await httpRequest(`${second.base}/export/turtle`);
    expect(afterRestart.status).toBe(200);
    expect(header(afterRestart, 'newsgraph-cache')).toBe('hit');
    expect(header(afterRestart, 'etag')).toBe(header(built, 'etag'));
    expect(afterRestart.body).toEqual(built.body);
    expect(cacheFiles(dir)).toEqual([file]);
    await stop(second.server);
  }, 120_000);

  test('--no-export-cache builds a large export again for each request', async () => {
    const { base, server } = await serve(['--response-cache-mb', '0.0625', '--no-export-cache']);
    for (let i = 0; i < 2; i++) expect(header(await httpRequest(`${base}/export/turtle`), 'newsgraph-cache')).toBe('miss');
    await stop(server);
  }, 120_000);

  test('bad values are refused before the server starts, naming the flag and what to give', async () => {
    await refused(['--export-cache-mb', 'lots'], '--export-cache-mb', '"lots"', 'number of megabytes above 0', 'e.g. --export-cache-mb');
    await refused(['--export-cache-mb', '0'], '--export-cache-mb', '"0"');
    await refused(['--export-cache-files', '2.5'], '--export-cache-files', '"2.5"', 'whole number ≥ 1');
    await refused(['--response-cache-mb=-1'], '--response-cache-mb', '"-1"', '≥ 0');
    await refused(['--no-export-cache', '--export-cache-mb', '10'], '--no-export-cache', 'drop --export-cache-mb');
    await refused(['--response-cache-mb', '0', '--export-cache-files', '3'], '--response-cache-mb 0', '--export-cache-files');
    const file = join(tempDir('newsgraph-serve-exports-'), 'a-file');
    writeFileSync(file, 'not a directory');
    await refused(['--export-cache', file], `--export-cache: ${file} is a file, not a directory`);
    await refused(['--max-execution-ms', '0'], '--max-execution-ms', '"0"', 'whole number ≥ 1');
    await refused(['--max-wall-clock-ms', 'soon'], '--max-wall-clock-ms', '"soon"');
  }, 120_000);
});

describe('serve --max-execution-ms and --max-wall-clock-ms', () => {
  test('reach the server: an operation over the working-time budget is refused with its limit', async () => {
    const { graphql, server } = await serve(['--max-execution-ms', '1', '--max-wall-clock-ms', '60000']);
    const worst = `{ ${Array.from({ length: 26 }, (_, i) => `a${i}: relations(first: 61) { edges { node { evidence { exact article { text } } } } }`).join(' ')} }`;
    const answer = JSON.parse((await postGraphQL(graphql, worst)).body.toString()) as { errors?: { extensions?: { code?: string; limit?: number } }[] };
    expect(answer.errors?.map((e) => [e.extensions?.code, e.extensions?.limit])).toEqual([['EXECUTION_TIMEOUT', 1]]);
    await stop(server);
  }, 120_000);
});
