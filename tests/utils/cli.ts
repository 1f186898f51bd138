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

/**
 * How long a command may run before it is killed and the test told so. spawnSync holds the test's event loop, so
 * jest's own timeout cannot fire: a command that never ends (a server started by mistake) held a run for good.
 */
export const COMMAND_TIMEOUT_MS = 300_000;

/**
 * Runs `newsgraph ARGS...` in `cwd` to its end (output up to 256 MiB, enough for the seed's largest export), with
 * `env` added to this process's environment.
 */
export function runNewsgraph(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): CommandResult {
  const options = { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: COMMAND_TIMEOUT_MS, killSignal: 'SIGKILL', env: { ...process.env, ...env } } as const;
  const result = spawnSync(process.execPath, [NEWSGRAPH_BIN, ...args], options);
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  const stderr = timedOut ? `${result.stderr}\n[test] newsgraph ${args.join(' ')} did not end within ${COMMAND_TIMEOUT_MS} ms: killed\n` : result.stderr;
  return { code: result.status, stdout: result.stdout, stderr };
}
