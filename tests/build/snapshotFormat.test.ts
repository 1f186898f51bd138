/**
 * The snapshot format (version 1): a round trip gives back the built graph (every attribute of every node,
 * edge and article), on the seed, a generated corpus, a text with emoji and anchors that cannot be derived;
 * the same graph gives the same bytes; a wrong, old, truncated or corrupt file is refused with SNAPSHOT_INVALID.
 */
import { afterAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { buildGraph, decodeSnapshot, encodeSnapshot, loadSnapshot, serializeGraph, writeSnapshot } from '../../src/build/index.js';
import { contentHash, graphIdentity } from '../../src/graph/identity.js';
import type { EntityAttributes, GraphAttributes, NewsGraph, RelationAttributes } from '../../src/graph/index.js';
import { generatedCorpus } from '../serving/corpus.js';
import { FIXTURES, SEED_DATA, removeDir, tempDir } from '../utils/fixtures.js';

const dir = tempDir();
afterAll(() => removeDir(dir));

function expectSameGraph(loaded: NewsGraph, built: NewsGraph): void {
  // graphology's export lists every attribute of the graph, its nodes and its edges, in order.
  expect(loaded.export()).toEqual(built.export());
  expect(serializeGraph(loaded)).toBe(serializeGraph(built)); // and the same key order, byte for byte
}

test.each([
  ['the seed article', SEED_DATA],
  ['emoji and combining marks', join(FIXTURES, 'data', 'unicode')],
])('a snapshot of %s loads back into the built graph', async (_name, data) => {
  const graph = await buildGraph(data);
  const file = join(dir, 'round-trip.snapshot');
  await writeSnapshot(graph, file);
  expectSameGraph(await loadSnapshot(file), graph);
});

test('a generated corpus round-trips, in a third of the bytes of graphology JSON, the same bytes every build', async () => {
  const data = generatedCorpus(40, 5);
  const graph = await buildGraph(data);
  const bytes = encodeSnapshot(graph);
  expectSameGraph(decodeSnapshot(bytes, 'memory'), graph);
  expect(encodeSnapshot(await buildGraph(data)).equals(bytes)).toBe(true);
  expect(bytes.length).toBeLessThan(Buffer.byteLength(serializeGraph(graph)) / 2);
  // The words of an anchor are not stored: they come back from the article text.
  expect(bytes.includes('"prefix"')).toBe(false);
  expect(bytes.includes('"exact"')).toBe(false);
});

test('the snapshot id is the content hash of the built graph, and it changes with the content', async () => {
  const graph = await buildGraph(SEED_DATA);
  const fresh = await buildGraph(SEED_DATA);
  const bytes = encodeSnapshot(graph);
  const loaded = decodeSnapshot(bytes, 'memory');
  expect(graphIdentity(loaded).id).toBe(contentHash(graph));
  // Computed in memory (never written) it is the same id, and it is the hash of the body the file holds.
  expect(graphIdentity(fresh).id).toBe(graphIdentity(loaded).id);
  const header = JSON.parse(bytes.toString('utf8').split('\n')[1] ?? '') as { id: string; bodySha256: string };
  expect(header.id).toBe(`sha256:${header.bodySha256.slice(0, 16)}`);
  expect(graphIdentity(loaded).articleCount).toBe(1);
  const changed = graph.copy();
  const first = changed.nodes()[0] ?? '';
  changed.mergeNodeAttributes(first, { description: 'changed' });
  expect(contentHash(changed)).not.toBe(contentHash(graph));
});

test('anchors that do not follow from the text, and attributes the format does not know, are kept as they are', () => {
  const graph: NewsGraph = new MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>();
  const text = 'Ana 👋 met Bo in Oslo.';
  graph.replaceAttributes({ articles: [{ id: 'a1', title: 'T', text, sentences: [{ start: 0, end: 21 }] }] });
  const good = { article: 'a1', exact: 'Ana', prefix: '', suffix: ' 👋 met Bo in Oslo.', start: 0, end: 3, sentence: 0 };
  const odd = { article: 'a1', exact: 'Bo', prefix: 'edited by hand', suffix: '', start: 10, end: 12, sentence: 0 };
  const base = { aliases: [], properties: {}, articles: ['a1'] };
  graph.addNode('ana', { id: 'ana', kind: 'PERSON', name: 'Ana', evidence: [good], ...base });
  graph.addNode('bo', { id: 'bo', kind: 'PERSON', name: 'Bo', evidence: [odd], ...base, draft: true });
  graph.addEdgeWithKey('ana--met-with--bo', 'ana', 'bo', {
    id: 'ana--met-with--bo', predicate: 'MET_WITH', subject: 'ana', object: 'bo', negated: false, modality: 'asserted',
    properties: { free: { nested: [1, 'x'] } }, evidence: [good, odd], origin: 'stated', symmetric: true,
  });
  expectSameGraph(decodeSnapshot(encodeSnapshot(graph), 'memory'), graph);
});

function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt8(copy.readUInt8(at) ^ 1, at);
  return copy;
}

test('a wrong, old, truncated or corrupt file is refused with SNAPSHOT_INVALID', async () => {
  const graph = await buildGraph(SEED_DATA);
  const good = join(dir, 'good.snapshot');
  await writeSnapshot(graph, good);
  const bytes = readFileSync(good);
  const cases: Record<string, Buffer> = {
    'graphology JSON': Buffer.from(serializeGraph(graph)),
    'not a snapshot': Buffer.from('hello\n'),
    'another version': Buffer.from(bytes.toString('latin1').replace('NEWSGRAPH-SNAPSHOT 1', 'NEWSGRAPH-SNAPSHOT 9'), 'latin1'),
    truncated: bytes.subarray(0, bytes.length - 100),
    'a flipped byte': flipByte(bytes, bytes.length - 50),
    empty: Buffer.alloc(0),
  };
  for (const [name, content] of Object.entries(cases)) {
    const file = join(dir, `${name}.snapshot`);
    writeFileSync(file, content);
    await expect(loadSnapshot(file)).rejects.toMatchObject({ code: 'SNAPSHOT_INVALID' });
  }
  await expect(loadSnapshot(join(dir, 'missing.snapshot'))).rejects.toMatchObject({ code: 'SNAPSHOT_INVALID' });
});

test('a file that is not a snapshot is refused from its first bytes, however large; a device, a pipe or a directory at once', async () => {
  // 3 GiB of zeros after a line that is not the magic (sparse: no disk used). Read whole, it would fail otherwise
  // ("File size is greater than 2 GiB"), after reading: the message says the head was read, and only the head.
  const large = join(dir, 'large.not-a-snapshot');
  writeFileSync(large, '{"nodes": []}\n');
  truncateSync(large, 3 * 1024 ** 3);
  await expect(loadSnapshot(large)).rejects.toThrow(/this is graphology JSON .*not a snapshot of this version/u);
  // A snapshot's head with a length that is not the header's: refused before the body is read.
  const good = join(dir, 'good.snapshot');
  const longer = join(dir, 'longer.snapshot');
  writeFileSync(longer, readFileSync(good));
  truncateSync(longer, 3 * 1024 ** 3);
  await expect(loadSnapshot(longer)).rejects.toThrow(/the snapshot is longer than written: its body has \d+ bytes, the header says \d+/u);
  rmSync(large);
  rmSync(longer);
  // Read whole, /dev/zero never ends and a FIFO with no writer never answers.
  await expect(loadSnapshot('/dev/zero')).rejects.toThrow(/cannot read the snapshot: it is not a regular file \(a device, a pipe or a socket\)/u);
  await expect(loadSnapshot(dir)).rejects.toThrow(/cannot read the snapshot: it is a directory/u);
  const fifo = join(dir, 'fifo.snapshot');
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
  await expect(loadSnapshot(fifo)).rejects.toThrow(/not a regular file/u);
});
