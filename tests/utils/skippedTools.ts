/**
 * Skips for a missing tool, said where nobody can miss them. jest prints a test file's console output only when the
 * file ran a test: a file whose every test is skipped (dot.test.ts without Graphviz, every PostgreSQL file without
 * PostgreSQL) showed "skipped" and no reason. So a skip is written to stderr at once, and noted in a file of the run's
 * own (named by globalSetup, in the environment the workers inherit); globalTeardown lists the notes once more after
 * jest's summary, the last lines of the run. Node's own modules only: jest loads its global hooks without the test
 * files' module mapping (testRunSetup.ts).
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The run's file of skips (one message a line), named by globalSetup. */
export const SKIPPED_TOOLS_VARIABLE = 'NEWSGRAPH_TEST_SKIPPED_TOOLS';

/** Says that tests are skipped because `message`, on stderr now and in the run's list for the end of the run. */
export function noteSkippedTool(message: string): void {
  process.stderr.write(`\n⚠️  SKIPPING: ${message}\n\n`);
  const file = process.env[SKIPPED_TOOLS_VARIABLE];
  if (file !== undefined) appendFileSync(file, `${message}\n`);
}

/** globalSetup's part: names the run's file of skips (created by the first skip, if any). */
export function skippedToolsSetup(): void {
  process.env[SKIPPED_TOOLS_VARIABLE] = join(tmpdir(), `newsgraph-test-skipped-tools-${process.pid}-${randomBytes(4).toString('hex')}.txt`);
}

/** globalTeardown's part: the skips of the whole run, each once, after jest's summary; the file removed. */
export function skippedToolsTeardown(): void {
  const file = process.env[SKIPPED_TOOLS_VARIABLE];
  if (file === undefined || !existsSync(file)) return;
  const messages = [...new Set(readFileSync(file, 'utf8').split('\n').filter((line) => line !== ''))];
  rmSync(file, { force: true });
  if (messages.length === 0) return;
  process.stderr.write(`\n⚠️  Tests were SKIPPED because a tool is missing (under CI=true they fail instead):\n${messages.map((m) => `   - ${m}`).join('\n')}\n\n`);
}
