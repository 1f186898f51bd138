import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyData, PROJECT_ROOT, removeDir, tempDir, mutate } from '../utils/fixtures.js';

// The installed command, as a user runs it: the compiled bin (built by `npm test` and by npm ci's prepare).
const BIN = join(PROJECT_ROOT, 'dist', 'cli', 'bin.js');
const work = tempDir();
afterAll(() => removeDir(work));

function newsgraph(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('newsgraph command', () => {
  test('the bin is built', () => {
    expect(existsSync(BIN)).toBe(true);
  });

  test('validate accepts the seed data', () => {
    const run = newsgraph('validate');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  test('build writes a snapshot; stats shows 17 of 17 sentences covered', () => {
    const snapshot = join(work, 'seed.json');
    const build = newsgraph('build', '-o', snapshot);
    expect(build.code).toBe(0);
    const parsed = JSON.parse(readFileSync(snapshot, 'utf8')) as { nodes: unknown[] };
    expect(parsed.nodes.length).toBeGreaterThan(30);
    const stats = newsgraph('stats', '--json', '--snapshot', snapshot);
    expect(stats.code).toBe(0);
    const figures = JSON.parse(stats.stdout) as { articles: { sentences: number; covered: number; uncovered: unknown[] }[] };
    expect(figures.articles).toHaveLength(1);
    expect(figures.articles[0]).toMatchObject({ sentences: 17, covered: 17, uncovered: [] });
    expect(newsgraph('stats').stdout).toContain('17 of 17 sentences');
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

  test('an unknown command or option is a usage error (exit 2) that says what exists', () => {
    const unknown = newsgraph('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('validate');
    expect(newsgraph('stats', '--bogus').code).toBe(2);
  });
});
