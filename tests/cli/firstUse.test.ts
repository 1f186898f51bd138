/**
 * What a new user types on the first day, through the compiled command as they run it: piping into `head`,
 * a text file that is not there, a date that is not on the calendar, two graph sources at once. Each must
 * end with a clear message and the right exit code, never a stack trace or a silently ignored option.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { copyData, removeDir, SEED_DATA, tempDir } from '../utils/fixtures.js';
import { NEWSGRAPH_BIN, runNewsgraph } from '../utils/cli.js';
import { noteSkippedTool } from '../utils/skippedTools.js';

const BIN = NEWSGRAPH_BIN;
const work = tempDir();
afterAll(() => removeDir(work));

const newsgraph = (...args: string[]) => runNewsgraph(work, args);

describe('newsgraph on first use', () => {
  test('a reader that closes the pipe early (`| head`) ends the command quietly with 0, no EPIPE trace', async () => {
    // N-Triples of the seed is far larger than a pipe's buffer, so the command is still writing when the reader goes.
    const child = spawn(process.execPath, [BIN, 'export', '--format', 'ntriples', '--data', SEED_DATA], { cwd: work });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  test('standard output on a full disk (/dev/full): exit 1 and the system\'s reason, no stack trace', () => {
    if (!existsSync('/dev/full')) {
      // Linux has it; said loudly, as every missing tool is, and a failure under CI.
      if (process.env['CI'] === 'true') throw new Error('/dev/full is missing under CI');
      noteSkippedTool('tests/cli/firstUse.test.ts: /dev/full is missing, so a full disk cannot be imitated');
      return;
    }
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, 'export', '--format', 'json', '--data', SEED_DATA], { cwd: work, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^newsgraph: cannot write to standard output: ENOSPC: no space left on device/u);
      expect(run.stderr).not.toMatch(/\bat \S+ \(/u); // no stack frame
    } finally {
      closeSync(full);
    }
  });

  test('the system\'s refusals say what to do: a port in use, a file where a folder is needed, a folder given as the output', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as AddressInfo).port;
      const serve = newsgraph('serve', '--data', SEED_DATA, '--port', String(port));
      expect(serve.code).toBe(1);
      expect(serve.stderr).toContain(`127.0.0.1:${port} is already in use`);
      expect(serve.stderr).toContain('--port N');
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
    writeFileSync(join(work, 'a-file'), 'in the way');
    const build = newsgraph('build', SEED_DATA, '-o', join(work, 'a-file', 'graph.snapshot'));
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/a file stands where a folder is needed/u);
    const exported = newsgraph('export', '--format', 'json', '--data', SEED_DATA, '-o', work);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toBe(`newsgraph export: cannot use ${JSON.stringify(work)}: it is a folder; give a file name.\n`);
    for (const run of [build, exported]) expect(run.stderr).not.toContain('unexpected error');
  });

  test('extract of a text file that does not exist (or is a directory) names it and says what is wrong', () => {
    const data = copyData('minimal');
    const missing = join(work, 'no-such-article.txt');
    const run = newsgraph('extract', missing, '--data', data);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`newsgraph extract: cannot read the article text ${JSON.stringify(missing)}: there is no such file; name a .txt file holding the article, verbatim.\n`);
    const directory = newsgraph('extract', work, '--data', data);
    expect(directory.code).toBe(1);
    expect(directory.stderr).toContain('it is a directory');
    expect(directory.stderr).not.toContain('unexpected error');
    removeDir(join(data, '..'));
  });

  test('extract --published with a day not on the calendar is refused before anything is drafted', () => {
    const data = copyData('minimal');
    const text = join(work, 'talks.txt');
    writeFileSync(text, 'Talks resume\n\nAnna Berg met Tomas Lind in Oslo on Monday.\n');
    const before = readdirSync(join(data, 'articles')).sort();
    const run = newsgraph('extract', text, '--data', data, '--id', 'talks-resume', '--published', '2025-02-30');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('newsgraph extract: --published is "2025-02-30": 2025-02 has no day 30 (it has 28 days).\n');
    expect(readdirSync(join(data, 'articles')).sort()).toEqual(before);
    removeDir(join(data, '..'));
  });

  test('--data and --snapshot together are refused, not one of them silently ignored', () => {
    const snapshot = join(work, 'seed.snapshot');
    expect(newsgraph('build', SEED_DATA, '-o', snapshot).code).toBe(0);
    expect(existsSync(snapshot)).toBe(true);
    const run = newsgraph('stats', '--data', SEED_DATA, '--snapshot', snapshot);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--data and --snapshot both name a graph');
  });
});

describe('arguments a command does not take', () => {
  test('`stats DIR` is refused with how to say it (--data DIR), not answered about the package data', () => {
    const run = newsgraph('stats', SEED_DATA);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`newsgraph stats: unexpected argument "${SEED_DATA}". To read the graph of that data directory, give it as --data ${SEED_DATA}.`);
    expect(run.stderr).toContain('Usage: newsgraph stats');
  });

  test('one argument too many for show and evaluate is refused too; what they take still works', () => {
    expect(newsgraph('show', 'ukraine-peace-talks-2025-04', 'extra', '--data', SEED_DATA).stderr).toContain('unexpected argument "extra".');
    expect(newsgraph('evaluate', SEED_DATA, SEED_DATA, SEED_DATA).code).toBe(2);
    // Two directories are what it takes: it runs (the same directory twice has nothing to evaluate, which it says).
    const two = newsgraph('evaluate', SEED_DATA, SEED_DATA);
    expect(two.stderr).not.toContain('unexpected argument');
    expect(two.stderr).toContain('nothing to evaluate: every article in both is encoded identically');
    expect(two.code).toBe(1);
  });
  test('a mistyped option names the near options of that command, not node\'s advice about "--"', () => {
    const run = newsgraph('stats', '--dta', SEED_DATA);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^newsgraph stats: unknown option "--dta"\. Did you mean "--data"\?\n/u);
    expect(run.stderr).not.toContain("place it at the end");
    const far = newsgraph('build', '--frobnicate');
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/^newsgraph build: unknown option "--frobnicate"\.\n/u);
  });
});
