/**
 * The builder fingerprint that keys the build cache (src/build/builderFingerprint.ts) follows the code of the
 * builder and of the vocabulary: a copy of the same code has the same fingerprint, and a change to a
 * predicate, or to a message of the builder, gives another (so every cached check of the old one is missed).
 */
import { afterAll, expect, test } from '@jest/globals';
import { appendFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { builderFingerprint, fingerprintOf } from '../../src/build/builderFingerprint.js';
import { PROJECT_ROOT, removeDir, tempDir } from '../utils/fixtures.js';

const copy = tempDir('newsgraph-fingerprint-');
afterAll(() => removeDir(copy));

function copyBuilder(): string {
  const src = join(copy, 'src');
  mkdirSync(src, { recursive: true });
  for (const part of ['build', 'ontology', 'errors.ts', 'didYouMean.ts']) cpSync(join(PROJECT_ROOT, 'src', part), join(src, part), { recursive: true });
  return join(src, 'build');
}

test('the same code has the same fingerprint; a changed vocabulary or builder file another', () => {
  const build = copyBuilder();
  const same = fingerprintOf(build, '.ts');
  expect(same).toBe(builderFingerprint());
  appendFileSync(join(build, '..', 'ontology', 'predicates.ts'), '\n// a predicate added\n');
  const vocabularyChanged = fingerprintOf(build, '.ts');
  expect(vocabularyChanged).not.toBe(same);
  appendFileSync(join(build, 'anchor.ts'), '\n// a message reworded\n');
  expect(fingerprintOf(build, '.ts')).not.toBe(vocabularyChanged);
});
