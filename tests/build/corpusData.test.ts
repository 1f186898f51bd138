/**
 * data/ as shipped: the corpus validates and builds, in publication order; and adding an article the
 * README's way ("Adding an article") gives a directory that validates and builds, while the tests' seed
 * graph (tests/fixtures/seed) does not change. Nothing here depends on which articles data/ holds beyond
 * the seed article.
 */
import { afterAll, expect, test } from '@jest/globals';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, validateData } from '../../src/build/index.js';
import { factKey } from '../../src/build/mergeFacts.js';
import { byPublication } from '../../src/build/publication.js';
import { serializeGraph } from '../../src/build/snapshot.js';
import { seedGraph } from '../api/seed.js';
import { CORPUS_DATA, FIXTURES, SEED_DATA, copyData, removeDir } from '../utils/fixtures.js';

const work: string[] = [];
afterAll(() => work.forEach((dir) => removeDir(join(dir, '..'))));

test('data/ as shipped validates and builds, the seed article among its articles, in publication order', async () => {
  expect(await validateData(CORPUS_DATA)).toEqual([]);
  const graph = await buildGraph(CORPUS_DATA);
  const articles = graph.getAttribute('articles');
  expect(articles.map((a) => a.id)).toContain('ukraine-peace-talks-2025-04');
  expect([...articles].sort(byPublication).map((a) => a.id)).toEqual(articles.map((a) => a.id));
  // One relation per fact: no two relations of the corpus are statements of the same fact.
  const facts = graph.mapEdges((_, r) => factKey(r));
  expect(new Set(facts).size).toBe(facts.length);
});

test('adding an article the README’s way keeps the data valid and leaves the tests’ seed graph as it was', async () => {
  const before = serializeGraph(await buildGraph(SEED_DATA));
  const data = copyData(CORPUS_DATA);
  work.push(data);
  // 1. the text, verbatim; 2. its encoding; 3. a new entity in entities.yaml; 4. validate.
  for (const file of ['follow-up.txt', 'follow-up.yaml']) copyFileSync(join(FIXTURES, 'second-article', file), join(data, 'articles', file));
  const entities = join(data, 'entities.yaml');
  writeFileSync(entities, `${readFileSync(entities, 'utf8').trimEnd()}\n\n  - id: fixture-newsroom\n    kind: ORGANIZATION\n    name: Fixture Newsroom\n`);
  const encoding = join(data, 'articles', 'follow-up.yaml');
  writeFileSync(encoding, readFileSync(encoding, 'utf8').replace('mentions:\n', 'mentions:\n  fixture-newsroom: A test fixture\n'));
  expect(await validateData(data)).toEqual([]);
  const grown = await buildGraph(data);
  expect(grown.getAttribute('articles').map((a) => a.id)).toContain('follow-up');
  expect(grown.hasNode('fixture-newsroom')).toBe(true);
  // The seed tests read tests/fixtures/seed, which the new article does not touch.
  expect(serializeGraph(await buildGraph(SEED_DATA))).toBe(before);
  expect((await seedGraph()).getAttribute('articles').map((a) => a.id)).toEqual(['ukraine-peace-talks-2025-04']);
});
