import { afterAll, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, loadSnapshot, serializeGraph, writeFileAtomic, writeSnapshot } from '../../src/build/index.js';
import { PROJECT_ROOT, SEED_DATA, removeDir, tempDir } from '../utils/fixtures.js';

const dir = tempDir();
afterAll(() => removeDir(dir));

test('the same input gives a byte-identical snapshot', async () => {
  const first = serializeGraph(await buildGraph(SEED_DATA));
  const second = serializeGraph(await buildGraph(SEED_DATA));
  expect(second).toBe(first);
  expect(first.length).toBeGreaterThan(10_000);
});

test('a snapshot loads back into an equal graph', async () => {
  const graph = await buildGraph(SEED_DATA);
  const file = join(dir, 'graph.json');
  await writeSnapshot(graph, file);
  const loaded = await loadSnapshot(file);
  expect(serializeGraph(loaded)).toBe(serializeGraph(graph));
});

test('a file that is not a snapshot is refused with SNAPSHOT_INVALID', async () => {
  const file = join(dir, 'not-a-snapshot.json');
  writeFileSync(file, '{"nodes": 3}');
  await expect(loadSnapshot(file)).rejects.toMatchObject({ code: 'SNAPSHOT_INVALID' });
});

test('a write that fails leaves the old file whole and no temporary file behind', async () => {
  const file = join(dir, 'kept.json');
  writeFileSync(file, 'old snapshot');
  // A directory where the temporary file would go cannot be written into: the write fails midway.
  await expect(writeFileAtomic(join(file, 'nested.json'), 'new')).rejects.toThrow();
  expect(readFileSync(file, 'utf8')).toBe('old snapshot');
});

test('a writer killed at any moment leaves either the old or the new file, never a part', async () => {
  const file = join(dir, 'killed.json');
  const big = 'x'.repeat(8 << 20);
  writeFileSync(file, 'old');
  const module = join(PROJECT_ROOT, 'dist', 'build', 'writeAtomic.js');
  expect(existsSync(module)).toBe(true); // built by `npm test` (npm run build) and by npm ci (prepare)
  for (const delay of [0, 5, 15, 40, 80]) {
    const child = spawn(process.execPath, [
      '--input-type=module',
      '-e',
      `import { writeFileAtomic } from ${JSON.stringify(module)}; await writeFileAtomic(${JSON.stringify(file)}, 'x'.repeat(${big.length}));`,
    ]);
    await new Promise((resolve) => setTimeout(resolve, delay));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    const content = readFileSync(file, 'utf8');
    expect(content === 'old' || content === big).toBe(true);
  }
});
