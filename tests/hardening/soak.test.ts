/**
 * A short soak: mixed load with refusals on a real server, no error, nothing logged (scripts/soak.mjs).
 * A short version of the harness, run by CI; the long runs and their figures are in docs/reliability.md.
 */
import { expect, test } from '@jest/globals';
import { runScript } from './runScript.js';

test('a short soak: mixed load with refusals, no error and nothing logged by the server', () => {
  const { status, report } = runScript('soak.mjs', ['--seconds', '8', '--clients', '4']);
  expect(report['errors']).toBe(0);
  expect(report['loggedByServer']).toBe(0);
  expect(report['requests']).toBeGreaterThan(0);
  expect(status).toBe(0);
}, 120_000);
