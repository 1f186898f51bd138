/**
 * A short soak: mixed load with refusals on a real server, no error, nothing logged (scripts/soak.mjs).
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

test('a short soak: mixed load with refusals, no error and nothing logged by the server', () => {
  const { status, report } = runScript('soak.mjs', ['--seconds', '8', '--clients', '4']);
  expect(report['errors']).toBe(0);
  expect(report['loggedByServer']).toBe(0);
  expect(report['requests']).toBeGreaterThan(0);
  expect(status).toBe(0);
}, 120_000);
