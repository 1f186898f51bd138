import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyData, FIXTURES, PROJECT_ROOT, removeDir, SEED_DATA, tempDir, mutate } from '../utils/fixtures.js';
import { NEWSGRAPH_BIN, runNewsgraph } from '../utils/cli.js';

const BIN = NEWSGRAPH_BIN;
const work = tempDir();
afterAll(() => removeDir(work));

const newsgraph = (...args: string[]) => runNewsgraph(work, args);

describe('newsgraph command', () => {
  test('the bin is built', () => {
    expect(existsSync(BIN)).toBe(true);
  });

  test('validate accepts the seed data', () => {
    const run = newsgraph('validate', SEED_DATA);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  test('build writes a snapshot; stats shows 17 of 17 sentences covered', () => {
    const snapshot = join(work, 'seed.snapshot');
    const build = newsgraph('build', SEED_DATA, '-o', snapshot);
    expect(build.code).toBe(0);
    // The snapshot format (version 1): a magic line, then a JSON header with the counts.
    const [magic, header] = readFileSync(snapshot, 'utf8').split('\n', 2);
    expect(magic).toBe('NEWSGRAPH-SNAPSHOT 1');
    expect((JSON.parse(header ?? '{}') as { nodes: number }).nodes).toBeGreaterThan(30);
    const stats = newsgraph('stats', '--json', '--snapshot', snapshot);
    expect(stats.code).toBe(0);
    const figures = JSON.parse(stats.stdout) as { articles: { sentences: number; covered: number; uncovered: unknown[] }[] };
    expect(figures.articles).toHaveLength(1);
    expect(figures.articles[0]).toMatchObject({ sentences: 17, covered: 17, uncovered: [] });
    expect(newsgraph('stats', '--data', SEED_DATA).stdout).toContain('17 of 17 sentences');
  });

  test('stats: the counts of both tables stand in one column (a predicate may pass 16 characters), the corpus\'s coverage in one line', () => {
    // The extraction gold set uses DEPLOYED_FORCES_TO (18 characters).
    const run = newsgraph('stats', '--data', join(FIXTURES, 'extraction', 'gold'));
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const tableRows = lines.slice(lines.indexOf('entities by kind:') + 1, lines.indexOf('sentence coverage:')).filter((line) => /^ {2}[A-Z_]+ +\d+$/u.test(line));
    expect(tableRows.some((line) => line.includes('DEPLOYED_FORCES_TO'))).toBe(true);
    expect(new Set(tableRows.map((line) => line.length)).size).toBe(1);
    // The corpus's coverage in one line, summed from the articles' figures.
    const figures = JSON.parse(newsgraph('stats', '--json', '--data', join(FIXTURES, 'extraction', 'gold')).stdout) as { articles: { sentences: number; covered: number }[] };
    const sentences = figures.articles.reduce((sum, a) => sum + a.sentences, 0);
    const covered = figures.articles.reduce((sum, a) => sum + a.covered, 0);
    const whole = figures.articles.filter((a) => a.covered === a.sentences).length;
    expect(covered).toBeLessThan(sentences);
    expect(lines[lines.indexOf('sentence coverage:') + 1]).toBe(
      `  all ${figures.articles.length} article(s): ${covered} of ${sentences} sentences yield a fact (${((100 * covered) / sentences).toFixed(1)}%); every sentence in ${whole} article(s)`,
    );
  });

  test('validate goes through the build cache: it fills it, and after an edit reports what validating without it reports', () => {
    const data = copyData('minimal');
    const cache = join(work, 'validate-cache');
    const first = newsgraph('validate', data, '--cache', cache);
    expect(first.code).toBe(0);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    mutate(join(data, 'articles', 'oslo-talks.yaml'), 'evidence: Berg rejected the plan', 'evidence: Berg refused the plan');
    const cached = newsgraph('validate', data, '--cache', cache);
    const uncached = newsgraph('validate', data, '--no-cache');
    expect(cached.code).toBe(1);
    expect(uncached.code).toBe(1);
    expect(cached.stderr).toContain('oslo-talks.yaml:');
    expect(cached.stderr).toBe(uncached.stderr);
    expect(newsgraph('validate', data, '--cache', cache, '--no-cache').code).toBe(1);
    removeDir(join(data, '..'));
  });

  test('bad data: exit 1, every problem as FILE:LINE:COL with the line, and the old snapshot left whole', () => {
    const data = copyData('minimal');
    const snapshot = join(work, 'kept.json');
    writeFileSync(snapshot, 'the previous snapshot');
    const at = mutate(join(data, 'articles', 'oslo-talks.yaml'), 'object: ceasefire-plan\n    evidence: Lind', 'object: ceasfire-plan\n    evidence: Lind', 'ceasfire-plan');
    mutate(join(data, 'articles', 'oslo-talks.yaml'), 'evidence: Berg rejected the plan', 'evidence: Berg refused the plan');
    const validate = newsgraph('validate', data);
    expect(validate.code).toBe(1);
    const located = validate.stderr.split('\n').filter((line) => /^\S+:\d+:\d+: /u.test(line));
    expect(located).toHaveLength(2);
    expect(located[0]).toMatch(new RegExp(`oslo-talks\\.yaml:${at.line}:${at.column}: `, 'u'));
    expect(validate.stderr).toContain(`${at.line} |`);
    const build = newsgraph('build', data, '-o', snapshot);
    expect(build.code).toBe(1);
    expect(readFileSync(snapshot, 'utf8')).toBe('the previous snapshot');
    removeDir(join(data, '..'));
  });

  test('query runs one operation in-process, with variables or from a file; a GraphQL error exits 1', () => {
    const inline = newsgraph('query', 'query ($id: ID!) { entity(id: $id) { name kind } }', '--variables', '{"id": "ukraine"}', '--data', SEED_DATA);
    expect(inline.code).toBe(0);
    expect(JSON.parse(inline.stdout)).toEqual({ data: { entity: { name: 'Ukraine', kind: 'GOVERNMENT' } } });
    const file = join(work, 'rejected.graphql');
    writeFileSync(file, '{ relations(predicate: ["REJECTED"]) { totalCount edges { node { subject { id } object { id } } } } }');
    const fromFile = newsgraph('query', '--file', file, '--data', SEED_DATA);
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout).data.relations.edges).toContainEqual({ node: { subject: { id: 'ukraine' }, object: { id: 'crimea-condition' } } });
    const bad = newsgraph('query', '{ entity(id: "ukraine") { nosuchfield } }', '--data', SEED_DATA);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(newsgraph('query', '{ articles { id } }', '--variables', '[1]', '--data', SEED_DATA).code).toBe(1);
  });

  test('export writes a file atomically, a neighbourhood on request, and csv into a folder', () => {
    const file = join(work, 'ukraine.graphml');
    const run = newsgraph('export', '--format', 'graphml', '--focus', 'ukraine', '--depth', '1', '-o', file, '--data', SEED_DATA);
    expect(run.code).toBe(0);
    const graphml = readFileSync(file, 'utf8');
    expect(graphml).toContain('<node id="ukraine"');
    expect(graphml).not.toContain('<node id="london"');
    const folder = join(work, 'neo4j');
    expect(newsgraph('export', '--format', 'csv', '-o', folder, '--data', SEED_DATA).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(expect.arrayContaining(['nodes.csv', 'relationships.csv']));
    expect(newsgraph('export', '--format', 'turtle', '--data', SEED_DATA).stdout).toContain('@prefix');
    const unknown = newsgraph('export', '--format', 'pdf');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('turtle');
    expect(newsgraph('export', '--format', 'json', '--focus', 'ukrane', '--data', SEED_DATA).code).toBe(1);
  });

  test('serve answers over HTTP on the port of PORT, and stops cleanly on SIGTERM', async () => {
    // PORT=0 asks for a free port: the environment, not a flag, as a container would set it.
    const server = spawn(process.execPath, [BIN, 'serve', '--data', SEED_DATA], { cwd: work, env: { ...process.env, PORT: '0', HOST: '127.0.0.1' } });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.on('data', () => {
        const found = /http:\/\/127\.0\.0\.1:\d+\/graphql/u.exec(output)?.[0];
        if (found) resolve(found);
      });
      server.on('exit', () => reject(new Error(`serve exited early:\n${output}`)));
    });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ entity(id: "ukraine") { name } }' }) });
    expect(await response.json()).toEqual({ data: { entity: { name: 'Ukraine' } } });
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  test('an unknown command or option is a usage error (exit 2) that says what exists', () => {
    const unknown = newsgraph('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('validate');
    expect(newsgraph('stats', '--bogus').code).toBe(2);
    const typo = newsgraph('biuld');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean "build"?');
  });

  test('--version prints the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const printed = newsgraph(flag);
      expect(printed.code).toBe(0);
      expect(printed.stdout).toBe(`newsgraph ${version}\n`);
    }
  });
});
