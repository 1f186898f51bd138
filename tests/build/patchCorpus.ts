/**
 * What the tests of the snapshot patch share (snapshotPatch.test.ts for an edited article, articlePatch.test.ts
 * for an added or deleted one): small generated corpora (bench/corpus), their articles read and written as
 * YAML, the build a user runs (through the build cache and its assembly index) and the oracle it is compared
 * with byte for byte (a full build of the same data without any cache).
 */
import { afterAll, beforeAll, expect } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { generateCorpus } from '../../bench/corpus/generate.mjs';
import { buildGraph, buildSnapshot, encodeSnapshot, type SnapshotBuild } from '../../src/build/index.js';
import { removeDir, tempDir } from '../utils/fixtures.js';

export type Yaml = Record<string, unknown> & {
  article: Record<string, unknown>;
  relations?: Record<string, unknown>[];
  events?: Record<string, unknown>[];
  claims?: Record<string, unknown>[];
};

export interface Corpus {
  readonly root: string;
  readonly data: string;
  readonly cache: string;
  readonly snapshot: string;
}

/** A generated corpus of `articles` articles in a new temporary folder. */
export function makeCorpus(prefix: string, articles: number, seed: number): Corpus {
  const root = tempDir(prefix);
  const data = join(root, 'data');
  generateCorpus({ articles, seed, out: data });
  return { root, data, cache: join(root, 'cache'), snapshot: join(root, 'graph.snapshot') };
}

/** One generated corpus per seed, made before the suite's tests and removed after them; returns the getter. */
export function corporaBySeed(prefix: string, articles: number, seeds: readonly number[]): (seed: number) => Corpus {
  const corpora = new Map<number, Corpus>();
  beforeAll(() => {
    for (const seed of seeds) corpora.set(seed, makeCorpus(`${prefix}${seed}-`, articles, seed));
  });
  afterAll(() => {
    for (const { root } of corpora.values()) removeDir(root);
  });
  return (seed) => {
    const found = corpora.get(seed);
    if (found === undefined) throw new Error(`no corpus for seed ${seed}`);
    return found;
  };
}

export function articleId(n: number): string {
  return `article-${String(n).padStart(5, '0')}`;
}

export function articleFile(c: Corpus, n: number | string, extension: 'yaml' | 'txt'): string {
  return join(c.data, 'articles', `${typeof n === 'number' ? articleId(n) : n}.${extension}`);
}

export function readArticle(c: Corpus, n: number | string): Yaml {
  return parse(readFileSync(articleFile(c, n, 'yaml'), 'utf8')) as Yaml;
}

export function writeArticle(c: Corpus, n: number | string, yaml: Yaml): void {
  writeFileSync(articleFile(c, n, 'yaml'), stringify(yaml, { lineWidth: 0 }));
}

/** The oracle: the snapshot bytes of a full build of the data as it is now, without any cache. */
export async function oracle(c: Corpus): Promise<Buffer> {
  return encodeSnapshot(await buildGraph(c.data, { threads: 1 }));
}

/** The build a user runs: through the cache, writing the snapshot file. */
export async function rebuild(c: Corpus): Promise<SnapshotBuild> {
  return buildSnapshot(c.data, c.snapshot, { cache: c.cache, threads: 1 });
}

/** Rebuilds and checks the file against a full build; returns how it was made. */
export async function rebuildAndCompare(c: Corpus): Promise<SnapshotBuild> {
  const built = await rebuild(c);
  const written = readFileSync(c.snapshot);
  const expected = await oracle(c);
  // Compared as text first for a readable difference, then as bytes.
  if (!written.equals(expected)) expect(firstDifference(written, expected)).toBe('none');
  expect(written.equals(expected)).toBe(true);
  return built;
}

/** How a build was made, for an assertion: "patched", or the full build's reason. */
export function howBuilt(built: SnapshotBuild): string {
  return built.how === 'full' ? built.reason : built.how;
}

function firstDifference(a: Buffer, b: Buffer): string {
  const x = a.toString('utf8').split('\n');
  const y = b.toString('utf8').split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i}:\n patched: ${(x[i] ?? '<none>').slice(0, 600)}\n full:    ${(y[i] ?? '<none>').slice(0, 600)}`;
  }
  return 'none';
}
