/** The installed command as a user runs it: the compiled bin (built by `npm test` and by npm ci's prepare). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './fixtures.js';

export const NEWSGRAPH_BIN = join(PROJECT_ROOT, 'dist', 'cli', 'bin.js');

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `newsgraph ARGS...` in `cwd` to its end (output up to 256 MiB, enough for the seed's largest export). */
export function runNewsgraph(cwd: string, args: readonly string[]): CommandResult {
  const result = spawnSync(process.execPath, [NEWSGRAPH_BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
