/**
 * `newsgraph export --format csv -o DIR` killed at random moments: the folder is old or new, never mixed
 * (scripts/killtest.mjs).
 * A short version of the harness, run by CI; the long runs and their figures are in docs/reliability.md.
 */
import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../utils/fixtures.js';

function runScript(script: string, args: string[]): { status: number | null; report: Record<string, unknown> } {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', script), ...args, '--json'], { encoding: 'utf8', cwd: PROJECT_ROOT });
  const last = result.stdout.trim().split('\n').pop() ?? '{}';
  return { status: result.status, report: JSON.parse(last) as Record<string, unknown> };
}

test('the CLI export to a folder survives kills too', () => {
  const { status, report } = runScript('killtest.mjs', ['--trials', '4', '--targets', 'folder']);
  expect((report['folder'] as { failures: unknown[] }).failures).toEqual([]);
  expect(status).toBe(0);
}, 240_000);
