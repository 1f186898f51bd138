/**
 * The formats written in chunks (exportGraphChunks): the chunks, joined, are the text the format always had,
 * byte for byte; a large graph really comes as many chunks, each ending at a line's end; and an error while
 * the chunks are read leaves no file behind (writeChunksAtomic), and an older file untouched.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writer } from 'n3';
import { buildGraph } from '../../src/build/index.js';
import { writeChunksAtomic } from '../../src/build/writeAtomic.js';
import { toCypherChunks } from '../../src/export/cypher.js';
import { exportGraph, type ExportFormat } from '../../src/export/index.js';
import { exportGraphChunks, STREAMED_FORMATS } from '../../src/index.js'; // as library users import it
import { outputPrefixes } from '../../src/export/rdf/prefixes.js';
import { RdfIris } from '../../src/export/rdf/iris.js';
import { buildQuads } from '../../src/export/rdf/quads.js';
import { streamQuads } from '../../src/export/rdf/quadStream.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { seedGraph } from '../api/seed.js';
import { generatedCorpus } from '../serving/corpus.js';
import { corpusGraph } from '../store/corpusFixture.js';
import { removeDir, tempDir } from '../utils/fixtures.js';
import { emptyNewsGraph, fuzzStrings, HOSTILE_ALPHABET, hostileGraph, sampleGraph } from '../utils/sampleGraph.js';

const graphs: Readonly<Record<string, () => Promise<NewsGraph> | NewsGraph>> = {
  seed: seedGraph,
  sample: sampleGraph,
  corpus: corpusGraph,
  hostile: () => hostileGraph([...fuzzStrings(HOSTILE_ALPHABET, 2)]),
  empty: () => emptyNewsGraph([]),
};
let generated: NewsGraph;
const work = tempDir('newsgraph-chunks-');

beforeAll(async () => {
  generated = await buildGraph(generatedCorpus(20, 7));
}, 120_000);
afterAll(() => removeDir(work));

function chunksOf(graph: NewsGraph, format: ExportFormat): string[] {
  const result = exportGraphChunks(graph, format);
  if (result.kind !== 'chunks') throw new Error(`${format} is not given as chunks`);
  return [...result.chunks];
}

function textOf(graph: NewsGraph, format: ExportFormat): string {
  const result = exportGraph(graph, format);
  if (result.kind !== 'text') throw new Error(`${format} is not one text`);
  return result.text;
}

/** n3's own one-string output of the same quads: what the RDF exports wrote before they were chunked. */
function n3Whole(graph: NewsGraph, format: 'Turtle' | 'N-Triples'): string {
  const quads = buildQuads(graph);
  if (format === 'N-Triples') return new Writer({ format }).quadsToString(quads);
  const writer = new Writer({
    format,
    prefixes: { ...outputPrefixes(new RdfIris(undefined)) },
  });
  writer.addQuads(quads);
  let whole = '';
  writer.end((_error: Error | null, result: unknown) => (whole = String(result)));
  return whole;
}

function expectWholeText(graph: NewsGraph): void {
  for (const format of STREAMED_FORMATS) {
    const joined = chunksOf(graph, format).join('');
    expect(joined).toBe(textOf(graph, format));
    if (joined !== '') expect(joined.endsWith('\n')).toBe(true); // an empty graph has no triples: empty N-Triples
  }
  expect(chunksOf(graph, 'ntriples').join('')).toBe(n3Whole(graph, 'N-Triples'));
  expect(chunksOf(graph, 'turtle').join('')).toBe(n3Whole(graph, 'Turtle'));
  // The streamed quads are buildQuads' quads, in its order (what makes the two serializations above agree).
  const streamed = [...streamQuads(graph)].flat();
  const built = buildQuads(graph);
  expect(streamed.length).toBe(built.length);
  streamed.forEach((quad, index) => expect(quad.equals(built[index]!)).toBe(true));
}

describe('chunks, joined, are the whole text', () => {
  test.each(Object.keys(graphs))('on the %s graph, for every streamed format', async (name) => {
    expectWholeText(await graphs[name]!());
  });

  test('on a generated corpus of 20 articles, for every streamed format', () => {
    expectWholeText(generated);
  });

  test('a generated corpus comes as many chunks; N-Triples and Cypher ones end at the end of a line', () => {
    for (const format of ['ntriples', 'turtle', 'jsonld', 'cypher'] as const) {
      const chunks = chunksOf(generated, format);
      expect(chunks.length).toBeGreaterThan(1);
      // Turtle's chunks may end inside a subject's block: n3 writes ' ;' or ' .' when the next triple comes.
      if (format === 'ntriples' || format === 'cypher') for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    }
    // Cypher keeps its shape: two comment lines, then one statement per article, entity and relation.
    const cypher = chunksOf(generated, 'cypher').join('').split('\n');
    expect(cypher.at(-1)).toBe('');
    expect(cypher.length - 1).toBe(2 + generated.getAttribute('articles').length + generated.order + generated.size);
  });

  test('the formats not streamed come as before', async () => {
    const graph = await seedGraph();
    for (const format of ['json', 'gexf', 'graphml', 'cytoscape', 'dot', 'csv'] as const) {
      expect(exportGraphChunks(graph, format)).toEqual(exportGraph(graph, format));
    }
  });

  test('a bad base IRI is refused before the first chunk is asked for', async () => {
    const graph = await seedGraph();
    expect(() => exportGraphChunks(graph, 'ntriples', { baseIri: 'not absolute' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('writeChunksAtomic: nothing half-written', () => {
  function* failingMidway(): Generator<string> {
    yield 'first line\n';
    yield 'second line\n';
    throw new Error('the export failed midway');
  }

  test('an error while the chunks are read leaves no file and no temporary sibling', async () => {
    const target = join(work, 'fresh', 'out.nt');
    await expect(writeChunksAtomic(target, failingMidway())).rejects.toThrow('the export failed midway');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(join(work, 'fresh'))).toEqual([]);
  });

  test('an error leaves an older file as it was', async () => {
    const target = join(work, 'old.nt');
    writeFileSync(target, 'the old export\n');
    await expect(writeChunksAtomic(target, failingMidway())).rejects.toThrow('the export failed midway');
    expect(readFileSync(target, 'utf8')).toBe('the old export\n');
    expect(readdirSync(work).filter((name) => name.startsWith('.old.nt'))).toEqual([]);
  });

  test('a real export failing after its first chunks (its last relation outside the vocabulary) writes nothing', async () => {
    const graph = generated.copy() as NewsGraph;
    graph.mergeEdgeAttributes(graph.edges().at(-1)!, {
      predicate: 'NOT_A_PREDICATE' as never,
    });
    const target = join(work, 'broken.cypher');
    let chunksRead = 0;
    const counted = (function* () {
      for (const chunk of toCypherChunks(graph)) {
        chunksRead += 1;
        yield chunk;
      }
    })();
    await expect(writeChunksAtomic(target, counted)).rejects.toThrow('outside the vocabulary');
    expect(chunksRead).toBeGreaterThan(0);
    expect(existsSync(target)).toBe(false);
  });

  test('a whole write gives the joined chunks and their byte count (multi-byte text included)', async () => {
    const target = join(work, 'whole.txt');
    const bytes = await writeChunksAtomic(target, ['Zelensky said ', 'Крим ', 'is 😀 Ukrainian.\n']);
    expect(readFileSync(target, 'utf8')).toBe('Zelensky said Крим is 😀 Ukrainian.\n');
    expect(bytes).toBe(Buffer.byteLength('Zelensky said Крим is 😀 Ukrainian.\n'));
  });
});
