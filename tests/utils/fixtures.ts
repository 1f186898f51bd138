/**
 * Fixture data directories copied to a temporary place, so that a test can break them without touching
 * the originals, and the location of the broken text, computed from the file (never hard-coded).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTempRoot } from './runTempDir.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures');
/**
 * The seed article alone, with exactly its entities: what tests build when they mean "the seed graph".
 * data/ is the shipped corpus and grows; tests must not depend on it beyond the seed article, so they read
 * this copy (tests/build/seedFixture.test.ts keeps its article files equal to data/'s).
 */
export const SEED_DATA = join(FIXTURES, 'seed');
/** The package's data/ as shipped: the corpus. Only the tests about the corpus itself read it. */
export const CORPUS_DATA = join(PROJECT_ROOT, 'data');

/** A new directory in the test run's folder (runTempDir.ts), removed at the end of the run. */
export function tempDir(prefix = 'newsgraph-test-'): string {
  return mkdtempSync(join(runTempRoot(), prefix));
}

/** A fresh copy of a data directory (a fixture name under tests/fixtures/data, or an absolute path). */
export function copyData(source: string): string {
  const from = source.startsWith('/') ? source : join(FIXTURES, 'data', source);
  const to = join(tempDir(), 'data');
  cpSync(from, to, { recursive: true });
  return to;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Location {
  readonly line: number;
  readonly column: number;
}

/**
 * Replaces the one occurrence of `from` in `file` with `to`, and returns where `marker` (default: `to`)
 * now stands: the place a diagnostic about it should point to (1-based line and column).
 */
export function mutate(file: string, from: string, to: string, marker: string = to): Location {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`fixture: "${from}" must occur exactly once in ${file}`);
  const changed = text.slice(0, at) + to + text.slice(at + from.length);
  writeFileSync(file, changed);
  // The marker is looked for from the change on, then (for a problem reported at an enclosing node) before it.
  return changed.indexOf(marker, at) >= 0 ? locate(changed, marker, at) : locate(changed, marker);
}

/** 1-based line and column of the first `marker` at or after `from` in `text`. */
export function locate(text: string, marker: string, from = 0): Location {
  const at = text.indexOf(marker, from);
  if (at < 0) throw new Error(`fixture: "${marker}" not found`);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}
