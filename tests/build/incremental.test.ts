/**
 * The incremental build (src/build/buildCache.ts): a build that takes article checks from the cache gives the
 * same snapshot, byte for byte, as a full build without a cache, after each kind of change (an article's
 * YAML, its text, the shared entities, an article added or deleted), re-checks only what changed, ignores a
 * cache that is corrupt or of another format, and still reports a problem of the edited article at its
 * FILE:LINE:COL. On a small generated corpus (bench/corpus) in a temporary directory.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/corpus/generate.mjs';
import { buildGraph, encodeSnapshot } from '../../src/build/index.js';
import type { BuildOptions } from '../../src/build/buildGraph.js';
import type { CheckCounts } from '../../src/build/checkArticles.js';
import { DataError, type Diagnostic } from '../../src/errors.js';
import { removeDir, tempDir } from '../utils/fixtures.js';

const ARTICLES = 12;
let root: string;
let data: string;
let cache: string;

beforeAll(() => {
  root = tempDir('newsgraph-incremental-');
  data = join(root, 'data');
  cache = join(root, 'cache');
  generateCorpus({ articles: ARTICLES, seed: 7, out: data });
});
afterAll(() => removeDir(root));

/** The snapshot bytes of a full build, without a cache. */
async function fullBuild(options: BuildOptions = {}): Promise<Buffer> {
  return encodeSnapshot(await buildGraph(data, { ...options, threads: 1 }));
}

/** The snapshot bytes of a build through the cache, and how many articles it checked. */
async function cachedBuild(): Promise<{ bytes: Buffer; counts: Omit<CheckCounts, 'threads'> }> {
  let counts = { fromCache: -1, checked: -1 };
  const graph = await buildGraph(data, { cache, threads: 1, onChecked: ({ fromCache, checked }: CheckCounts) => (counts = { fromCache, checked }) });
  return { bytes: encodeSnapshot(graph), counts };
}

async function problemsOf(options: BuildOptions): Promise<Diagnostic[]> {
  try {
    await buildGraph(data, { ...options, threads: 1 });
  } catch (error) {
    if (error instanceof DataError) return [...error.diagnostics];
    throw error;
  }
  throw new Error('the build was expected to fail');
}

function articleFile(n: number, extension: 'yaml' | 'txt'): string {
  return join(data, 'articles', `article-${String(n).padStart(5, '0')}.${extension}`);
}

function entryFiles(): string[] {
  const [folder] = readdirSync(cache).filter((name) => name !== 'CACHEDIR.TAG');
  if (folder === undefined) return [];
  return readdirSync(join(cache, folder))
    .filter((name) => name.endsWith('.entry'))
    .map((name) => join(cache, folder, name));
}

describe('an incremental build gives the full build', () => {
  test('a cold cache, then a warm one: every article checked once, then none', async () => {
    const full = await fullBuild();
    const cold = await cachedBuild();
    expect(cold.counts).toEqual({ fromCache: 0, checked: ARTICLES });
    expect(cold.bytes.equals(full)).toBe(true);
    expect(entryFiles()).toHaveLength(ARTICLES);
    const warm = await cachedBuild();
    expect(warm.counts).toEqual({ fromCache: ARTICLES, checked: 0 });
    expect(warm.bytes.equals(full)).toBe(true);
  });

  test("after editing one article's YAML (a new title), only that article is checked again", async () => {
    const file = articleFile(3, 'yaml');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace(/^ {2}title: (.*)$/m, '  title: An edited title'));
    expect(readFileSync(file, 'utf8')).not.toBe(before);
    const incremental = await cachedBuild();
    expect(incremental.counts).toEqual({ fromCache: ARTICLES - 1, checked: 1 });
    const full = await fullBuild();
    expect(incremental.bytes.equals(full)).toBe(true);
    const graph = await buildGraph(data, { cache, threads: 1 });
    expect(graph.getAttribute('articles').some((a) => a.title === 'An edited title')).toBe(true);
  });

  test("after editing one article's text (the YAML unchanged), that article is checked again", async () => {
    const file = articleFile(5, 'txt');
    // A space doubled after the last sentence: the quotes still anchor, the text (and so the graph) differs.
    writeFileSync(file, `${readFileSync(file, 'utf8')} `);
    const incremental = await cachedBuild();
    expect(incremental.counts).toEqual({ fromCache: ARTICLES - 1, checked: 1 });
    expect(incremental.bytes.equals(await fullBuild())).toBe(true);
  });

  test('after editing the shared entities, no article is checked again and the graph follows the entities', async () => {
    const file = join(data, 'entities.yaml');
    const text = readFileSync(file, 'utf8');
    const [, firstName] = /^ {4}name: (.*)$/m.exec(text) ?? [];
    expect(firstName).toBeDefined();
    writeFileSync(file, text.replace(/^ {4}name: (.*)$/m, '    name: A Renamed Entity'));
    const incremental = await cachedBuild();
    expect(incremental.counts).toEqual({ fromCache: ARTICLES, checked: 0 });
    const full = await fullBuild();
    expect(incremental.bytes.equals(full)).toBe(true);
    expect(full.includes('A Renamed Entity')).toBe(true);
  });

  test('after adding an article (a copy of another, under new ids), only the new one is checked', async () => {
    const id = 'article-00099';
    copyFileSync(articleFile(2, 'txt'), join(data, 'articles', `${id}.txt`));
    // The article's id prefixes the ids of its events and claims, and names its text file.
    writeFileSync(join(data, 'articles', `${id}.yaml`), readFileSync(articleFile(2, 'yaml'), 'utf8').replaceAll('article-00002', id));
    const incremental = await cachedBuild();
    expect(incremental.counts).toEqual({ fromCache: ARTICLES, checked: 1 });
    expect(incremental.bytes.equals(await fullBuild())).toBe(true);
    expect(entryFiles()).toHaveLength(ARTICLES + 1);
  });

  test('after deleting an article, nothing is checked, the graph is the full build, and its entry is removed', async () => {
    const id = 'article-00099';
    const withIt = await cachedBuild();
    rmSync(join(data, 'articles', `${id}.yaml`));
    rmSync(join(data, 'articles', `${id}.txt`));
    const incremental = await cachedBuild();
    expect(incremental.counts).toEqual({ fromCache: ARTICLES, checked: 0 });
    expect(incremental.bytes.equals(await fullBuild())).toBe(true);
    expect(incremental.bytes.equals(withIt.bytes)).toBe(false);
    expect(entryFiles()).toHaveLength(ARTICLES);
  });
  test('an entity removed from entities.yaml: the cached articles that name it are reported, at their FILE:LINE:COL', async () => {
    await cachedBuild();
    const file = join(data, 'entities.yaml');
    const before = readFileSync(file, 'utf8');
    // The first entity, removed: its lines up to the next item.
    const lines = before.split('\n');
    const first = lines.findIndex((l) => l.startsWith('  - id: '));
    const next = lines.findIndex((l, i) => i > first && l.startsWith('  - id: '));
    const id = lines[first]?.slice('  - id: '.length) ?? '';
    writeFileSync(file, [...lines.slice(0, first), ...lines.slice(next)].join('\n'));
    try {
      let counts = { fromCache: -1, checked: -1 };
      let incremental: Diagnostic[] = [];
      try {
        await buildGraph(data, { cache, threads: 1, onChecked: ({ fromCache, checked }: CheckCounts) => (counts = { fromCache, checked }) });
      } catch (error) {
        if (!(error instanceof DataError)) throw error;
        incremental = [...error.diagnostics];
      }
      expect(counts.checked).toBe(0);
      expect(incremental.length).toBeGreaterThan(0);
      expect(incremental).toEqual(await problemsOf({}));
      for (const problem of incremental.filter((p) => p.code === 'UNKNOWN_REFERENCE')) {
        // Located by parsing the article's YAML again: the caret is on the id.
        expect(problem.lineText?.slice(problem.column - 1).replace(/^["']/, '').startsWith(id)).toBe(true);
      }
      expect(incremental.some((p) => p.code === 'UNKNOWN_REFERENCE' && /article-\d+\.yaml$/.test(p.file))).toBe(true);
    } finally {
      writeFileSync(file, before);
    }
  });
});

describe('a cache that cannot be trusted is not used', () => {
  test('an entry with a changed byte is ignored: that article is checked again, the graph is the full build', async () => {
    await cachedBuild();
    const [entry] = entryFiles();
    if (entry === undefined) throw new Error('no entry');
    const content = readFileSync(entry, 'utf8');
    // Change a value in the body (a sentence boundary) without fixing the checksum.
    const altered = content.replace(/"sentences":\[(\d+)/, (_m, n: string) => `"sentences":[${Number(n) + 1}`);
    expect(altered).not.toBe(content);
    writeFileSync(entry, altered);
    const rebuilt = await cachedBuild();
    expect(rebuilt.counts.checked).toBe(1);
    expect(rebuilt.bytes.equals(await fullBuild())).toBe(true);
  });

  test('truncated entries and entries of another cache format are ignored', async () => {
    await cachedBuild();
    const entries = entryFiles();
    const [first, second] = entries;
    if (first === undefined || second === undefined) throw new Error('too few entries');
    writeFileSync(first, readFileSync(first, 'utf8').slice(0, 200));
    writeFileSync(second, readFileSync(second, 'utf8').replace(/^(NEWSGRAPH-BUILD-CACHE\n\{"format":)\d+/, '$199'));
    const rebuilt = await cachedBuild();
    expect(rebuilt.counts.checked).toBe(2);
    expect(rebuilt.bytes.equals(await fullBuild())).toBe(true);
  });

  test('a cache of another builder is ignored: every entry is keyed by the builder fingerprint', async () => {
    await cachedBuild();
    // An entry written by another builder has another key; here, every entry is moved to another key.
    for (const entry of entryFiles()) {
      const other = entry.replace(/[0-9a-f]{64}\.entry$/, (name) => `${'0'.repeat(8)}${name.slice(8)}`);
      writeFileSync(other, readFileSync(entry));
      rmSync(entry);
    }
    const rebuilt = await cachedBuild();
    expect(rebuilt.counts).toEqual({ fromCache: 0, checked: entryFiles().length });
    expect(rebuilt.bytes.equals(await fullBuild())).toBe(true);
  });
});

describe('problems of an edited article are reported as a full build reports them', () => {
  test('a quote that is not verbatim and an unknown reference, at their FILE:LINE:COL', async () => {
    await cachedBuild();
    const file = articleFile(4, 'yaml');
    const before = readFileSync(file, 'utf8');
    const lines = before.split('\n');
    // The first mention's quote changed (not in the text), and the first subject made unknown.
    const mentionsAt = lines.indexOf('mentions:');
    const quoteLine = lines.findIndex((l, i) => i > mentionsAt && /^ {2}[a-z0-9-]+: [A-Z]/.test(l));
    const subjectLine = lines.findIndex((l) => /^ {2}- subject: /.test(l));
    expect(mentionsAt).toBeGreaterThan(0);
    expect(quoteLine).toBeGreaterThan(mentionsAt);
    expect(subjectLine).toBeGreaterThan(0);
    lines[quoteLine] = lines[quoteLine]?.replace(/: (.*)$/, ': Words That Are Not There') ?? '';
    lines[subjectLine] = '  - subject: nobody-declared-this';
    writeFileSync(file, lines.join('\n'));
    try {
      const incremental = await problemsOf({ cache });
      const full = await problemsOf({});
      expect(incremental).toEqual(full);
      const display = expect.stringMatching(/article-00004\.yaml$/);
      expect(incremental).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'QUOTE_NOT_VERBATIM', file: display, line: quoteLine + 1 }),
          expect.objectContaining({ code: 'UNKNOWN_REFERENCE', file: display, line: subjectLine + 1, column: 14, lineText: '  - subject: nobody-declared-this' }),
        ]),
      );
      // The same problems again: an article with a problem is never taken from the cache.
      expect(await problemsOf({ cache })).toEqual(full);
    } finally {
      writeFileSync(file, before);
    }
  });
});
