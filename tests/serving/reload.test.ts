/**
 * Reload without downtime: a real server swaps graphs while clients keep asking, and not one request fails;
 * the snapshot identity (header and Query.snapshot) follows the swap. Then the command: `serve --watch`
 * rebuilds when a data file changes, SIGHUP reloads, and a broken edit keeps the old graph answering.
 */
import { afterAll, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../src/api/index.js';
import { buildGraph } from '../../src/build/index.js';
import { graphIdentity } from '../../src/graph/identity.js';
import { PROJECT_ROOT, removeDir, tempDir } from '../utils/fixtures.js';
import { generatedCorpus } from './corpus.js';
import { header, httpRequest, postGraphQL } from './http.js';
import { spawnServe, waitFor } from './serveProcess.js';

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };
const work = tempDir();
afterAll(() => removeDir(work));

test('reloads while clients loop over questions: every request answered, the identity changes', async () => {
  const graphs = await Promise.all([buildGraph(generatedCorpus(30, 1)), buildGraph(generatedCorpus(30, 2))]);
  const [first, second] = graphs;
  if (first === undefined || second === undefined) throw new Error('two graphs expected');
  const server = await startServer({ graph: first, port: 0, handleSignals: false, logger: QUIET });
  const firstId = server.snapshot().id;
  const seen = new Set<string>();
  const failures: string[] = [];
  let requests = 0;
  let inFlight = 0;
  let running = true;
  const client = async (n: number): Promise<void> => {
    for (let i = 0; running; i++) {
      // Alternate cached and uncached questions, and an export.
      inFlight++;
      const response =
        i % 5 === 4
          ? await httpRequest(`${new URL(server.url).origin}/export/json`)
          : await postGraphQL(server.url, `{ snapshot { id } entities(first: ${1 + ((n + i) % 7)}) { totalCount } }`);
      inFlight--;
      requests++;
      const id = header(response, 'newsgraph-snapshot') ?? '';
      seen.add(id);
      if (response.status !== 200) failures.push(`${response.status} ${response.body.toString().slice(0, 200)}`);
      else if (i % 5 !== 4 && JSON.parse(response.body.toString()).data?.snapshot?.id !== id) failures.push(`header ${id} but the answer says otherwise`);
    }
  };
  const clients = [0, 1, 2, 3].map(client);
  // Each reload waits until clients have had answers since the last one, rather than for a fixed time, so that
  // the swap always happens among requests however busy the machine is (a count per 400 ms failed under load).
  const answersSince = async (count: number): Promise<void> => {
    const start = requests;
    while (requests - start < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  // Requests under way when each swap began: a swap with none would prove nothing about downtime.
  const inFlightAtReload: number[] = [];
  try {
    for (let round = 0; round < 6; round++) {
      await answersSince(4);
      inFlightAtReload.push(inFlight);
      await server.reload(round % 2 === 0 ? second : first);
    }
    await answersSince(4);
  } finally {
    running = false;
    await Promise.all(clients);
    await server.close();
  }
  expect(failures).toEqual([]);
  expect(inFlightAtReload).toHaveLength(6);
  expect(Math.min(...inFlightAtReload)).toBeGreaterThan(0);
  expect(server.snapshot().id).toBe(firstId); // six reloads: back to the first
  expect(seen).toEqual(new Set([firstId, graphIdentity(second).id]));
});

test('reloading the same content keeps the identity and the cache', async () => {
  const graph = await buildGraph(generatedCorpus(30, 1));
  const server = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET });
  try {
    await postGraphQL(server.url, '{ articles { id } }');
    const same = await buildGraph(generatedCorpus(30, 1));
    const identity = await server.reload(same);
    expect(identity.id).toBe(server.snapshot().id);
    expect(header(await postGraphQL(server.url, '{ articles { id } }'), 'newsgraph-cache')).toBe('hit');
  } finally {
    await server.close();
  }
});

test('newsgraph serve --watch rebuilds on a change, SIGHUP reloads, a broken edit keeps the old graph', async () => {
  const data = join(work, 'data');
  cpSync(generatedCorpus(30, 4), data, { recursive: true });
  const { child, out, err, exited } = spawnServe(['--data', data, '--port', '0', '--watch']);
  try {
    const [, url] = await waitFor(out, /GraphQL and playground: (\S+)/u, 'the server URL');
    const ask = async () => {
      const response = await postGraphQL(url ?? '', '{ snapshot { id } article: articles { title } }');
      expect(response.status).toBe(200);
      return { id: header(response, 'newsgraph-snapshot') ?? '', body: response.body.toString() };
    };
    const first = await ask();

    // An edit of one article's title: rebuilt in the background, then swapped in.
    const yamlFile = join(data, 'articles', 'article-00002.yaml');
    writeFileSync(yamlFile, readFileSync(yamlFile, 'utf8').replace(/^( {2}title: )(.*)$/mu, '$1Edited $2'));
    await waitFor(err, /newsgraph: serving (sha256:\w+):/u, 'the rebuilt graph');
    const edited = await ask();
    expect(edited.id).not.toBe(first.id);
    expect(edited.body).toContain('Edited ');

    // A broken edit: the rebuild fails with the located error, and the edited graph keeps answering.
    const before = err().length;
    appendFileSync(join(data, 'articles', 'article-00003.yaml'), '\nrelations: [\n');
    await waitFor(() => err().slice(before), /rebuild failed[^\n]*\n[\s\S]*article-00003\.yaml:\d+:\d+/u, 'the failed rebuild');
    expect((await ask()).id).toBe(edited.id);

    // SIGHUP after the fix: the repaired data is served.
    writeFileSync(join(data, 'articles', 'article-00003.yaml'), readFileSync(join(generatedCorpus(30, 4), 'articles', 'article-00003.yaml')));
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the watcher's own rebuild start first
    const beforeHup = err().length;
    child.kill('SIGHUP');
    await waitFor(() => err().slice(beforeHup), /SIGHUP: rebuilding/u, 'the SIGHUP reload');
    await waitFor(() => err().slice(beforeHup), /newsgraph: serving sha256:\w+: /u, 'the graph after SIGHUP');
    expect((await ask()).id).toBe(edited.id); // the repaired data is the edited graph again
  } finally {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
});

test('newsgraph serve --snapshot FILE --watch reloads when a build replaces the file', async () => {
  const bin = join(PROJECT_ROOT, 'dist', 'cli', 'bin.js');
  const snapshot = join(work, 'watched.snapshot');
  const build = (data: string) => spawn(process.execPath, [bin, 'build', data, '-o', snapshot], { stdio: 'ignore' });
  await new Promise((resolve) => build(generatedCorpus(30, 1)).on('exit', resolve));
  const { child, out, err, exited } = spawnServe(['--snapshot', snapshot, '--port', '0', '--watch']);
  try {
    const [, url] = await waitFor(out, /GraphQL and playground: (\S+)/u, 'the server URL');
    const idOf = async () => header(await httpRequest(`${url ?? ''}?query=${encodeURIComponent('{ __typename }')}`), 'newsgraph-snapshot');
    expect(await idOf()).toBe(graphIdentity(await buildGraph(generatedCorpus(30, 1))).id);
    await new Promise((resolve) => build(generatedCorpus(30, 2)).on('exit', resolve));
    await waitFor(err, /newsgraph: serving sha256:\w+: /u, 'the reloaded snapshot');
    expect(await idOf()).toBe(graphIdentity(await buildGraph(generatedCorpus(30, 2))).id);
  } finally {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
});
