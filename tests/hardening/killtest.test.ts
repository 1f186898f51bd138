/**
 * Atomic writers killed at random moments (10 kills each of a file and a folder writer, 20 trials): the old or
 * the new output, never mixed; nothing left behind after the next run (scripts/killtest.mjs).
 * A short version of the harness, run by CI; the long runs and their figures are in docs/reliability.md.
 */
import { expect, test } from '@jest/globals';
import { runScript } from './runScript.js';

test('writers killed at random moments leave the old or the new output, and the next run leaves nothing behind', () => {
  const { status, report } = runScript('killtest.mjs', ['--trials', '10', '--targets', 'big-file,big-folder']);
  for (const target of ['big-file', 'big-folder']) {
    const r = report[target] as { trials: number; mixed: number; leftoversAfterNextRun: number; failures: unknown[] };
    expect(r.trials).toBe(10);
    expect(r.failures).toEqual([]);
  }
  expect(status).toBe(0);
}, 240_000);
