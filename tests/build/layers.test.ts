import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, validateData } from '../../src/build/index.js';
import { FIXTURES, locate, removeDir, tempDir } from '../utils/fixtures.js';
import { writeDataDir } from '../utils/dataDir.js';

// A data directory that builds on the shared entities of another (newsgraph.yaml `extends:`, or the
// options), without copying them: ids stay shared, duplicates are located, unused inherited entities are
// neither built nor reported.

const BASE_ENTITIES = readFileSync(join(FIXTURES, 'data', 'minimal', 'entities.yaml'), 'utf8');

const USER_TEXT = 'Anna Berg rejected the ceasefire plan again.';
const userArticle = (extra = '') => `article:
  id: berg-again
  title: Berg rejects the plan again
  text: berg-again.txt
mentions:
  anna-berg: Anna Berg
  ceasefire-plan: the ceasefire plan
relations:
  - subject: anna-berg
    predicate: REJECTED
    object: ceasefire-plan
    evidence: Anna Berg rejected the ceasefire plan
${extra}`;

let roots: string[] = [];
afterEach(() => {
  roots.forEach(removeDir);
  roots = [];
});

/** A root with base/ (the minimal fixture's shared entities only) and user/ (one article, `files` added). */
function layered(files: Record<string, string>): { base: string; user: string } {
  const root = tempDir();
  roots.push(root);
  writeDataDir({ 'base/entities.yaml': BASE_ENTITIES }, root);
  writeDataDir({ 'user/articles/berg-again.txt': USER_TEXT, 'user/articles/berg-again.yaml': userArticle(), ...prefixed('user/', files) }, root);
  return { base: join(root, 'base'), user: join(root, 'user') };
}

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [prefix + k, v]));
}

describe('layered data directories', () => {
  test('without a layer, the shared entities are unknown', async () => {
    const { user } = layered({});
    const codes = new Set((await validateData(user)).map((p) => p.code));
    expect(codes).toContain('FILE_UNREADABLE'); // no entities.yaml of its own
  });

  test('extends: in newsgraph.yaml builds on the base entities; only those the articles name are built', async () => {
    const { user } = layered({ 'newsgraph.yaml': 'extends: ../base\n' });
    expect(await validateData(user)).toEqual([]);
    const graph = await buildGraph(user);
    expect(graph.hasNode('anna-berg')).toBe(true);
    expect(graph.getNodeAttributes('anna-berg').articles).toEqual(['berg-again']);
    // Declared by the base, named by no article here: not built, and not "without evidence".
    expect(graph.hasNode('tomas-lind')).toBe(false);
    expect(graph.edges('anna-berg', 'ceasefire-plan').map((e) => graph.getEdgeAttribute(e, 'predicate'))).toEqual(['REJECTED']);
  });

  test('the extends option does the same without a newsgraph.yaml, alongside the directory\'s own entities', async () => {
    const { user, base } = layered({
      'entities.yaml': 'entities:\n  - id: second-plan\n    kind: PROPOSAL\n    name: Second plan\n',
      'articles/berg-again.yaml': userArticle().replace('  ceasefire-plan: the ceasefire plan\n', '  ceasefire-plan: the ceasefire plan\n  second-plan: again\n'),
    });
    expect(await validateData(user, { extends: [base] })).toEqual([]);
    const graph = await buildGraph(user, { extends: [base] });
    expect(graph.hasNode('second-plan') && graph.hasNode('anna-berg')).toBe(true);
  });

  test('an id declared again over a layer is a located DUPLICATE_ID naming the first', async () => {
    const own = 'entities:\n  - id: anna-berg\n    kind: PERSON\n    name: Anna Berg\n';
    const { user } = layered({ 'newsgraph.yaml': 'extends: [../base]\n', 'entities.yaml': own });
    const problems = await validateData(user);
    expect(problems.map((p) => p.code)).toEqual(['DUPLICATE_ID']);
    expect(problems[0]).toMatchObject({ file: expect.stringContaining(join('user', 'entities.yaml')), ...locate(own, 'anna-berg') });
    expect(problems[0]?.message).toContain(`${join('base', 'entities.yaml')}:${locate(BASE_ENTITIES, 'anna-berg').line}:`);
  });

  test('a base that does not exist is reported at its extends entry', async () => {
    const config = 'extends:\n  - ../base\n  - ../nowhere\n';
    const { user } = layered({ 'newsgraph.yaml': config });
    const problems = await validateData(user);
    expect(problems.map((p) => p.code)).toEqual(['FILE_UNREADABLE']);
    expect(problems[0]).toMatchObject({ file: expect.stringContaining('newsgraph.yaml'), ...locate(config, '../nowhere') });
  });

  test('directories that extend each other are a located LAYER_CYCLE', async () => {
    const { user } = layered({ 'newsgraph.yaml': 'extends: ../base\n' });
    writeDataDir({ 'newsgraph.yaml': 'extends: ../user\n' }, join(user, '..', 'base'));
    const problems = await validateData(user);
    expect(problems.map((p) => p.code)).toEqual(['LAYER_CYCLE']);
  });

  test('an unknown key in newsgraph.yaml is refused with did-you-mean', async () => {
    const { user } = layered({ 'newsgraph.yaml': 'extend: ../base\n' });
    const problems = await validateData(user);
    const unknown = problems.find((p) => p.code === 'UNKNOWN_PROPERTY');
    expect(unknown).toMatchObject({ line: 1, column: 1 });
    expect(unknown?.message).toContain('"extends"');
  });

  test("withPackageEntities builds on the package's shared entities", async () => {
    const root = tempDir();
    roots.push(root);
    const text = 'President Donald Trump spoke again.';
    writeDataDir({
      'articles/trump.txt': text,
      'articles/trump.yaml': 'article:\n  id: trump-again\n  title: Trump again\n  text: trump.txt\nmentions:\n  donald-trump: President Donald Trump\n',
    }, root);
    expect((await validateData(root)).length).toBeGreaterThan(0);
    expect(await validateData(root, { withPackageEntities: true })).toEqual([]);
    const graph = await buildGraph(root, { withPackageEntities: true });
    expect(graph.nodes()).toEqual(['donald-trump']);
    const viaFile = writeDataDir({ 'newsgraph.yaml': 'extends: package\n' }, root);
    expect(await validateData(viaFile)).toEqual([]);
  });
});
