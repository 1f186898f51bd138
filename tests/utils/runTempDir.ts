/**
 * One temporary folder per test run, under which every test's temporary directories are made (fixtures.ts
 * `tempDir`), removed at the end of the run by jest's globalTeardown whether the tests passed or not. Tests make
 * their data, snapshots and exports in fresh directories and many cannot remove them (a test that fails midway, a
 * server still writing); without this, each `npm test` left about a hundred folders and 70 MB in the system's
 * temporary folder, and a researcher running the suite a few times a day filled it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUN_DIR_VARIABLE = 'NEWSGRAPH_TEST_TMP';
const PREFIX = 'newsgraph-test-run-';

/** globalSetup: makes the run's folder; worker processes inherit its name through the environment. */
export function runTempSetup(): void {
  process.env[RUN_DIR_VARIABLE] = mkdtempSync(join(tmpdir(), PREFIX));
}

/** Where a test's temporary directories go: the run's folder, or the system's when jest's setup did not run. */
export function runTempRoot(): string {
  return process.env[RUN_DIR_VARIABLE] ?? tmpdir();
}

/** globalTeardown: removes the run's folder and everything the tests left in it. */
export function runTempTeardown(): void {
  const dir = process.env[RUN_DIR_VARIABLE];
  if (dir !== undefined && dir.includes(PREFIX)) rmSync(dir, { recursive: true, force: true });
}
