import { afterAll, expect, test } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeStaleSiblings, writeFileAtomic, writeFolderAtomic } from '../../src/build/writeAtomic.js';
import { removeDir, tempDir } from '../utils/fixtures.js';

const dir = tempDir();
afterAll(() => removeDir(dir));

/** A process id that is not running: the writer that left a file behind is gone. */
const DEAD_PID = 2 ** 22 + 12345;

test('a folder is replaced whole: old files that the new output lacks are gone', async () => {
  const out = join(dir, 'csv');
  mkdirSync(out);
  writeFileSync(join(out, 'nodes.csv'), 'old');
  writeFileSync(join(out, 'stale.csv'), 'old');
  await writeFolderAtomic(out, { 'nodes.csv': 'new nodes', 'relationships.csv': 'new relationships' });
  expect(readdirSync(out).sort()).toEqual(['nodes.csv', 'relationships.csv']);
  expect(readFileSync(join(out, 'nodes.csv'), 'utf8')).toBe('new nodes');
  expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
});

test('the next write removes what a killed writer left, and keeps what a live one is writing', async () => {
  const file = join(dir, 'graph.json');
  writeFileSync(file, 'old');
  writeFileSync(join(dir, `.graph.json.${DEAD_PID}.17000000000000001.tmp`), 'half');
  const live = `.graph.json.${process.ppid}.17000000000000002.tmp`;
  writeFileSync(join(dir, live), 'being written by a live process');
  await writeFileAtomic(file, 'new');
  expect(readFileSync(file, 'utf8')).toBe('new');
  expect(readdirSync(dir).filter((n) => n.startsWith('.graph.json.'))).toEqual([live]);
});

test('a folder writer killed between its two renames: the next run puts the old folder back first', async () => {
  const out = join(dir, 'swapped');
  const old = join(dir, `.swapped.${DEAD_PID}.17000000000000003.old`);
  mkdirSync(old);
  writeFileSync(join(old, 'nodes.csv'), 'old');
  expect(await removeStaleSiblings(out)).toEqual([]);
  expect(readFileSync(join(out, 'nodes.csv'), 'utf8')).toBe('old');
});
