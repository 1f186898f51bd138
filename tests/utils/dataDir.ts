/**
 * Small data directories written from text, for tests that need a shape no shared fixture has (layers,
 * claims referenced across items). Each file is given whole, so the test reads what it builds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './fixtures.js';

/** Writes `files` (path relative to the directory → text) into a fresh temporary directory, returned. */
export function writeDataDir(files: Readonly<Record<string, string>>, root: string = tempDir()): string {
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}
