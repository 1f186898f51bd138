/** Runs a harness of scripts/ with `--json` and reads the report it prints last. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../utils/fixtures.js';

export function runScript(script: string, args: string[]): { status: number | null; report: Record<string, unknown> } {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', script), ...args, '--json'], { encoding: 'utf8', cwd: PROJECT_ROOT });
  const last = result.stdout.trim().split('\n').pop() ?? '{}';
  return { status: result.status, report: JSON.parse(last) as Record<string, unknown> };
}
