/**
 * `newsgraph export` of the chunked formats through the compiled command: -o and stdout give the same bytes as
 * the library's one-string export; a slow reader at the other end of a pipe still gets everything (the command
 * waits for stdout to drain instead of buffering the export); a failed export leaves nothing at -o.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportGraph, STREAMED_FORMATS } from '../../src/export/index.js';
import { seedGraph } from '../api/seed.js';
import { removeDir, SEED_DATA, tempDir } from '../utils/fixtures.js';
import { NEWSGRAPH_BIN, runNewsgraph } from '../utils/cli.js';

const BIN = NEWSGRAPH_BIN;
const work = tempDir('newsgraph-export-chunks-');
afterAll(() => removeDir(work));

const newsgraph = (...args: string[]) => runNewsgraph(work, args);

async function libraryText(format: (typeof STREAMED_FORMATS)[number]): Promise<string> {
  const result = exportGraph(await seedGraph(), format);
  if (result.kind !== 'text') throw new Error(`${format} is not one text`);
  return result.text;
}

describe('newsgraph export, chunked formats', () => {
  test.each([...STREAMED_FORMATS])('%s: -o and stdout hold the library export, byte for byte', async (format) => {
    const expected = await libraryText(format);
    const file = join(work, `seed.${format}`);
    const written = newsgraph('export', '--format', format, '--data', SEED_DATA, '-o', file);
    expect(written.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(written.stderr).toBe(`seed.${format}: ${format}, ${Buffer.byteLength(expected)} bytes\n`); // named relative to the working directory
    const piped = newsgraph('export', '--format', format, '--data', SEED_DATA);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(expected);
  });

  test('a reader that pauses gets the whole N-Triples export, in order', async () => {
    const expected = await libraryText('ntriples');
    const child = spawn(process.execPath, [BIN, 'export', '--format', 'ntriples', '--data', SEED_DATA], { cwd: work });
    const received: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      received.push(chunk);
      // Stop reading a while after each chunk, so the pipe fills and the command must wait for it to drain.
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 5);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(Buffer.concat(received).toString('utf8')).toBe(expected);
  });

  test('a refused export (a base IRI that is not absolute) leaves nothing at -o', () => {
    const file = join(work, 'refused', 'out.nt');
    const run = newsgraph('export', '--format', 'ntriples', '--data', SEED_DATA, '--base-iri', 'not-absolute', '-o', file);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('not-absolute');
    expect(existsSync(file)).toBe(false);
    if (existsSync(join(work, 'refused'))) expect(readdirSync(join(work, 'refused'))).toEqual([]);
  });
});
