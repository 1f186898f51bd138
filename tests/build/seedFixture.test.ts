/**
 * The tests' seed graph comes from tests/fixtures/seed, never from data/ (which is the growing corpus):
 * its article files are data/'s seed article byte for byte, its entities exactly the ones the seed names.
 * And no test reads the default data directory by accident (buildGraph() or validateData() without a dir).
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { buildGraph } from '../../src/build/index.js';
import { CORPUS_DATA, PROJECT_ROOT, SEED_DATA } from '../utils/fixtures.js';

const SEED_ARTICLE = 'ukraine-peace-talks-2025-04';

interface EntitiesFile {
  entities: { id: string; kind: string; name: string }[];
}

describe('the seed fixture', () => {
  test.each(['.txt', '.yaml'])('its article%s equals data/’s copy byte for byte (edit both, or copy data/’s over it)', (ext) => {
    const fixture = readFileSync(join(SEED_DATA, 'articles', `${SEED_ARTICLE}${ext}`));
    const shipped = readFileSync(join(CORPUS_DATA, 'articles', `${SEED_ARTICLE}${ext}`));
    expect(fixture.equals(shipped)).toBe(true);
  });

  test('it holds the seed article alone, and exactly the entities the seed names, as data/ declares them', () => {
    expect(readdirSync(join(SEED_DATA, 'articles')).sort()).toEqual([`${SEED_ARTICLE}.txt`, `${SEED_ARTICLE}.yaml`]);
    const seed = parse(readFileSync(join(SEED_DATA, 'articles', `${SEED_ARTICLE}.yaml`), 'utf8')) as { mentions: Record<string, unknown> };
    const fixture = parse(readFileSync(join(SEED_DATA, 'entities.yaml'), 'utf8')) as EntitiesFile;
    const shipped = parse(readFileSync(join(CORPUS_DATA, 'entities.yaml'), 'utf8')) as EntitiesFile;
    expect(fixture.entities.map((e) => e.id).sort()).toEqual(Object.keys(seed.mentions).sort());
    const shippedById = new Map(shipped.entities.map((e) => [e.id, e]));
    // Later articles may add aliases to a shared entity; its id, kind and name stay those of the seed.
    for (const e of fixture.entities) expect({ id: e.id, kind: e.kind, name: e.name }).toEqual({ id: e.id, kind: shippedById.get(e.id)?.kind, name: shippedById.get(e.id)?.name });
  });

  test('it builds the seed graph: one article, and events reported once carry no history', async () => {
    const graph = await buildGraph(SEED_DATA);
    expect(graph.getAttribute('articles').map((a) => a.id)).toEqual([SEED_ARTICLE]);
    graph.forEachNode((_, node) => {
      if (node.kind === 'EVENT') expect(node.history).toBeUndefined();
    });
  });
});

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

// The tests that are about data/ itself, on purpose: this file and corpusData.test.ts (the corpus validates
// and builds), sourceSchema.test.ts (the shipped files name their schema for editors), the README's examples
// (they answer on the shipped graph), and the packed package (whose buildGraph() has only data/).
const READS_THE_CORPUS = [
  'tests/build/seedFixture.test.ts',
  'tests/build/corpusData.test.ts',
  'tests/build/sourceSchema.test.ts',
  'tests/docs/readme.test.ts',
  'tests/package/pack.test.ts',
  'tests/utils/fixtures.ts',
];

test('no other test reads the default data directory: every build and validation names its directory', () => {
  const offenders = sources(join(PROJECT_ROOT, 'tests'))
    .map((file) => relative(PROJECT_ROOT, file))
    .filter((file) => !READS_THE_CORPUS.includes(file))
    .filter((file) => {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      return /\b(buildGraph|validateData|loadSources)\(\s*\)|defaultDataDir|CORPUS_DATA|['"]data\/|\.\.\/data\/|newsgraph\('(validate|build)'\)/u.test(text);
    });
  expect(offenders).toEqual([]);
});
