/**
 * `newsgraph export --format csv -o DIR` killed at random moments: the folder is old or new, never mixed
 * (scripts/killtest.mjs).
 * A short version of the harness, run by CI; the long runs and their figures are in docs/reliability.md.
 */
import { expect, test } from '@jest/globals';
import { runScript } from './runScript.js';

test('the CLI export to a folder survives kills too', () => {
  const { status, report } = runScript('killtest.mjs', ['--trials', '4', '--targets', 'folder']);
  expect((report['folder'] as { failures: unknown[] }).failures).toEqual([]);
  expect(status).toBe(0);
}, 240_000);
