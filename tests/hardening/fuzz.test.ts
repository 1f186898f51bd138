/**
 * The loader fuzzed on 300 mutated copies of the seed's data: no exception, every problem located, each case
 * within its time and memory (scripts/fuzz.mjs).
 * A short version of the harness, run by CI; the long runs and their figures are in docs/reliability.md.
 */
import { expect, test } from '@jest/globals';
import { removeDir, tempDir } from '../utils/fixtures.js';
import { runScript } from './runScript.js';

test('fuzzed data directories: no exception, every problem located, each case bounded', () => {
  const out = tempDir();
  try {
    const { status, report } = runScript('fuzz.mjs', ['--cases', '300', '--seed', '7', '--out', out]);
    expect(report['failures']).toEqual([]);
    expect(report['cases']).toBe(300);
    // The mutations do reach the new checks (aliases, bytes that are not text), not only the schema.
    expect(Object.keys(report['codes'] as object)).toEqual(expect.arrayContaining(['YAML_ALIAS', 'NOT_TEXT', 'YAML_SYNTAX', 'SCHEMA']));
    expect(status).toBe(0);
  } finally {
    removeDir(out);
  }
}, 240_000);
