/**
 * The corpus generator: the same seed gives the same bytes (through the real command), the corpus is valid
 * data that builds, every kind of fact the vocabulary has occurs, and shared entities are long-tailed.
 */
import { afterAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, validateData } from '../../src/build/index.js';
import { EVENT_STATUSES, EVENT_TYPE_NAMES, PREDICATE_NAMES } from '../../src/ontology/index.js';
import { PROJECT_ROOT, removeDir, tempDir } from '../utils/fixtures.js';
import { generatedCorpus } from './corpus.js';

const work = tempDir();
afterAll(() => removeDir(work));

function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string, prefix: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(at, entry.name), `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, readFileSync(join(at, entry.name)));
    }
  };
  walk(dir, '');
  return files;
}

function runCorpusCommand(out: string, seed: string): void {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bench', 'corpus', 'cli.mjs'), '--articles', '30', '--seed', seed, '-o', out], { encoding: 'utf8' });
  expect(result.stderr).not.toMatch(/Error/u);
  expect(result.status).toBe(0);
}

test('npm run corpus: the same seed gives the same bytes, another seed another corpus', () => {
  runCorpusCommand(join(work, 'a'), '7');
  runCorpusCommand(join(work, 'b'), '7');
  runCorpusCommand(join(work, 'c'), '8');
  const a = filesOf(join(work, 'a'));
  const b = filesOf(join(work, 'b'));
  expect(a.size).toBe(1 + 2 * 30); // entities.yaml, and a text and an encoding per article
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes)).toBe(true);
  expect(filesOf(join(work, 'c')).get('entities.yaml')?.equals(a.get('entities.yaml') ?? Buffer.alloc(0))).toBe(false);
});

test('npm run corpus refuses a folder that holds files, and an unknown option, with the usage and exit code 2', () => {
  const corpusCommand = join(PROJECT_ROOT, 'bench', 'corpus', 'cli.mjs');
  const kept = join(work, 'kept');
  mkdirSync(kept);
  writeFileSync(join(kept, 'entities.yaml'), 'entities: []\n');
  const refused = spawnSync(process.execPath, [corpusCommand, '--articles', '3', '-o', kept], { encoding: 'utf8' });
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain(`${kept} is not empty`);
  expect(refused.stderr).toContain('usage: npm run corpus');
  expect(readdirSync(kept)).toEqual(['entities.yaml']);
  expect(readFileSync(join(kept, 'entities.yaml'), 'utf8')).toBe('entities: []\n');
  const unknown = spawnSync(process.execPath, [corpusCommand, '--article', '3', '-o', join(work, 'never')], { encoding: 'utf8' });
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/^corpus: Unknown option '--article'/u);
  expect(unknown.stderr).not.toMatch(/\bat \S+ \(/u); // no stack trace
  const help = spawnSync(process.execPath, [corpusCommand, '--help'], { encoding: 'utf8' });
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('-o, --out DIR');
});

test('a generated corpus validates and builds, with every kind of fact', async () => {
  const dir = generatedCorpus(30);
  expect(await validateData(dir)).toEqual([]);
  const graph = await buildGraph(dir);
  expect(graph.getAttribute('articles')).toHaveLength(30);
  const predicates = new Set(graph.mapEdges((_key, r) => r.predicate));
  for (const predicate of PREDICATE_NAMES) expect([predicate, predicates.has(predicate)]).toEqual([predicate, true]);
  const events = graph.filterNodes((_key, e) => e.kind === 'EVENT').map((key) => graph.getNodeAttributes(key));
  const statuses = new Set(events.map((e) => (e.kind === 'EVENT' ? e.properties.status : '')));
  for (const status of EVENT_STATUSES) expect([status, statuses.has(status)]).toEqual([status, true]);
  const types = new Set(events.map((e) => (e.kind === 'EVENT' ? e.properties.eventType : '')));
  for (const type of EVENT_TYPE_NAMES) expect([type, types.has(type)]).toEqual([type, true]);
  expect(graph.someEdge((_key, r) => r.negated)).toBe(true);
  expect(graph.someEdge((_key, r) => r.attributedTo !== undefined && r.modality === 'reported')).toBe(true);
  // Positions repeat across articles: the same fact stated by several of them is one relation with evidence from each.
  const positions = graph.filterEdges((_key, r) => r.predicate === 'HOLDS_POSITION').map((key) => graph.getEdgeAttributes(key));
  const keys = positions.map((r) => `${r.subject} ${r.object} ${String(r.properties['title'])}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(positions.some((r) => new Set(r.evidence.map((e) => e.article)).size > 1)).toBe(true);
  const published = graph.getAttribute('articles').map((a) => a.published ?? '');
  expect(new Set(published).size).toBeGreaterThan(20);
  expect(graph.getAttribute('articles').every((a) => a.source !== undefined && a.sentences.length >= 8 && a.sentences.length <= 20)).toBe(true);
});

test('shared entities are long-tailed: a head in many articles, most in a few', async () => {
  const dir = generatedCorpus(200, 3);
  const graph = await buildGraph(dir);
  const shared = graph.filterNodes((_key, e) => e.kind !== 'EVENT' && e.kind !== 'CLAIM').map((key) => graph.getNodeAttribute(key, 'articles').length);
  shared.sort((x, y) => y - x);
  const top = shared[0] ?? 0;
  const median = shared[Math.floor(shared.length / 2)] ?? 0;
  expect(top).toBeGreaterThanOrEqual(40); // at least a fifth of the articles
  expect(median).toBeLessThanOrEqual(top / 8);
});
